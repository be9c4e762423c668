import * as fs from 'fs';
import type * as yaml from 'js-yaml';
import { DeclarativePlugin, declarativePluginEntries } from './internal/declarative-document';
import { checkCall } from '../core/input-shape';
import { failValidation } from '../core/validation';

/** Declarative formats Kong 3.x reads (`_format_version`). */
const FORMAT_VERSIONS = ['1.1', '2.1', '3.0'];

/** Keys that scope a plugin entry; a top-level plugin without any of them is global. */
const PLUGIN_SCOPES = ['service', 'route', 'consumer', 'consumer_group'];

type Document = { [key: string]: unknown };

/**
 * Your DB-less declarative configuration (`kong.yml`: services, routes, consumers, scoped
 * plugins), into which the library merges its global observability plugins. Parsed at synth,
 * so a malformed file fails there rather than crash-looping Kong.
 */
export class KongDeclarativeConfig {
  /** A declarative configuration document, YAML or JSON. */
  public static fromString(text: string): KongDeclarativeConfig {
    checkCall('KongDeclarativeConfig.fromString', text);
    return new KongDeclarativeConfig(text, 'the document');
  }

  /** A declarative configuration file, read when this is called (a path relative to the working directory, or absolute). */
  public static fromFile(path: string): KongDeclarativeConfig {
    checkCall('KongDeclarativeConfig.fromFile', path);
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch (e) {
      failValidation('KongDeclarativeConfig', `file '${path}' cannot be read (${(e as Error).message})`, 'give the path of your kong.yml, relative to where synth runs or absolute');
    }
    return new KongDeclarativeConfig(text, `file '${path}'`);
  }

  /** Number of routes declared: top-level `routes` and every service's `routes`. */
  public readonly routeCount: number;
  private readonly document: Document;

  private constructor(text: string, source: string) {
    const subject = 'KongDeclarativeConfig';
    let parsed: unknown;
    try {
      // js-yaml loads with the first declarative configuration: most stacks have none.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      parsed = (require('js-yaml') as typeof yaml).load(text);
    } catch (e) {
      failValidation(subject, `${source} is not valid YAML or JSON (${(e as Error).message.split('\n')[0]})`, 'fix the syntax; Kong refuses a declarative file it cannot parse and never becomes ready');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      failValidation(subject, `${source} is not a mapping`, 'give a Kong declarative configuration (kong.yml) with _format_version, services and routes');
    }
    this.document = parsed as Document;
    const format = this.document._format_version;
    if (typeof format !== 'string' || !FORMAT_VERSIONS.includes(format)) {
      failValidation(subject, `${source} has _format_version ${JSON.stringify(format)}`, `start it with _format_version: "3.0" (Kong 3.x reads ${FORMAT_VERSIONS.join(', ')})`);
    }
    const services = listOf(this.document.services);
    this.routeCount = listOf(this.document.routes).length + services.reduce((n: number, s) => n + listOf((s as Document).routes).length, 0);
  }

  /**
   * @internal The document with `plugins` added as global plugins, as JSON text (valid YAML).
   * A global plugin of the same name in the document is a conflict: Kong would refuse it.
   */
  public _mergeWith(subject: string, plugins: DeclarativePlugin[]): string {
    const own = listOf(this.document.plugins);
    for (const plugin of plugins) {
      const clash = own.find((p) => (p as Document).name === plugin.name && !PLUGIN_SCOPES.some((scope) => (p as Document)[scope] !== undefined));
      if (clash) {
        failValidation(
          subject,
          `the declarative configuration already has a global '${plugin.name}' plugin, which the library configures too (Kong refuses two global plugins of one name)`,
          `remove it from your configuration (the library's carries the settings the alerts need), or leave it out of the library's plugins (${plugin.name === 'prometheus' ? 'plugins.prometheus.enabled: false' : 'do not set that plugin in plugins'}), or set pluginsManagedExternally: true`,
        );
      }
    }
    return JSON.stringify({ ...this.document, plugins: [...own, ...declarativePluginEntries(plugins)] }, null, 2);
  }
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
