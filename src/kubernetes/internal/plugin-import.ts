import { DeclarativePlugin } from './declarative-document';
import { KongGateway } from '../../gateway/kong-gateway';
import { createHash } from '../../internal/hash';

/** Tag on every plugin the library imports, so operators (and decK `--select-tag`) can tell them apart. */
export const PLUGIN_IMPORT_TAG = 'managed-by-cdktf-kong-monitoring';

/** Where the import file is mounted in the init container. */
export const PLUGIN_IMPORT_DIR = '/kong_plugins';
export const PLUGIN_IMPORT_FILE = 'plugins.json';

/**
 * The file `kong config db_import` reads: the library's plugins only, each with a fixed id.
 * `db_import` upserts every entity by primary key (kong/db/declarative/import.lua,
 * `load_into_db`), so re-running it updates these plugins and never creates, changes or
 * deletes anything else in the database.
 */
export function pluginImportDocument(owner: KongGateway, plugins: DeclarativePlugin[]): string {
  return JSON.stringify({
    _format_version: '3.0',
    plugins: plugins.map((p) => ({ id: pluginId(owner, p.name), name: p.name, config: p.config, tags: [PLUGIN_IMPORT_TAG] })),
  }, null, 2);
}

/** A name-based (version 5 layout) UUID per gateway and plugin: the same gateway always upserts the same rows. */
function pluginId(owner: KongGateway, plugin: string): string {
  const bytes = createHash('sha1').update(`cdktf-kong-monitoring/${owner.environment}/${owner.name}/${plugin}`).digest().subarray(0, 16);
  // RFC 4122 layout: version 5 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
  bytes[6] = (bytes[6] % 16) + 0x50;
  bytes[8] = (bytes[8] % 64) + 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
