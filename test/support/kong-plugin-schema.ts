// Kong's plugin schema rules, as far as the library's plugin configs reach them: the compact
// per-version fixtures in test/fixtures/kong-plugin-schemas (written from
// `kong/plugins/<name>/schema.lua` at each 3.x tag; lines cited in each range) and the
// validation Kong applies to every field (kong/db/schema/init.lua: empty strings are refused
// unless `len_min = 0`, 3.3.0 L954 and 3.9.3 L990; a `referenceable` field takes a
// `{vault://...}` reference as is; typedefs.host refuses a port, typedefs.lua 3.9.3 L24-L35).
import * as fs from 'fs';
import * as path from 'path';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'kong-plugin-schemas');

interface FieldSpec {
  readonly type: 'boolean' | 'integer' | 'number' | 'string' | 'url' | 'host' | 'port' | 'map' | 'array' | 'record';
  readonly required?: boolean;
  readonly referenceable?: boolean;
  readonly one_of?: string[];
  readonly match?: string;
  readonly between?: [number, number];
  readonly values?: FieldSpec;
  readonly elements?: FieldSpec;
  readonly fields?: { [name: string]: FieldSpec };
  readonly conditional?: { if_field: string; one_of: string[]; then_required: string };
}

interface SchemaRange {
  readonly from: string;
  readonly to: string;
  readonly cite: string;
  readonly config: { [name: string]: FieldSpec };
  readonly at_least_one_of?: string[];
  readonly shorthands?: { [name: string]: FieldSpec };
}

interface PluginSchema {
  readonly plugin: string;
  readonly ranges: SchemaRange[];
}

const schemas = new Map<string, PluginSchema>();

function schemaOf(plugin: string): PluginSchema {
  if (!schemas.has(plugin)) schemas.set(plugin, JSON.parse(fs.readFileSync(path.join(FIXTURES, `${plugin}.json`), 'utf8')));
  return schemas.get(plugin)!;
}

function minorOf(version: string): number {
  const [major, minor] = version.split('.').map(Number);
  return major * 100 + minor;
}

/** The schema range of a plugin for a Kong `major.minor`. */
export function schemaRange(plugin: string, version: string): SchemaRange {
  const v = minorOf(version);
  const range = schemaOf(plugin).ranges.find((r) => minorOf(r.from) <= v && v <= minorOf(r.to));
  if (!range) throw new Error(`no ${plugin} schema fixture covers Kong ${version}`);
  return range;
}

/** Kong's `is_reference`: a `{vault://...}` string. */
const isReference = (value: unknown) => typeof value === 'string' && /^\{vault:\/\/[^}]+\}$/.test(value);

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function check(spec: FieldSpec, value: unknown, at: string, errors: string[]): void {
  if (spec.referenceable && isReference(value)) return;
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${at}: expected a boolean`);
      return;
    case 'integer':
    case 'number':
    case 'port': {
      if (typeof value !== 'number' || (spec.type !== 'number' && !Number.isInteger(value))) {
        errors.push(`${at}: expected ${spec.type === 'number' ? 'a number' : 'an integer'}`);
        return;
      }
      const [lo, hi] = spec.type === 'port' ? [0, 65535] : spec.between ?? [-Infinity, Infinity];
      if (value < lo || value > hi) errors.push(`${at}: value should be between ${lo} and ${hi}`);
      return;
    }
    case 'string':
    case 'url':
    case 'host': {
      if (typeof value !== 'string') {
        errors.push(`${at}: expected a string`);
        return;
      }
      if (value.length === 0) {
        errors.push(`${at}: length must be at least 1`);
        return;
      }
      if (spec.one_of && !spec.one_of.includes(value)) errors.push(`${at}: expected one of: ${spec.one_of.join(', ')}`);
      if (spec.match && !new RegExp(spec.match).test(value)) errors.push(`${at}: invalid value: ${value}`);
      if (spec.type === 'url' && !/^https?:\/\/[^\s/:]+(:\d+)?(\/\S*)?$/.test(value)) errors.push(`${at}: missing host in url`);
      if (spec.type === 'host') {
        if (/:\d+$/.test(value) && !/^[0-9a-fA-F:]+$/.test(value)) errors.push(`${at}: must not have a port`);
        else if (!HOST_NAME.test(value) && !IPV4.test(value) && !/^\[?[0-9a-fA-F:]+\]?$/.test(value)) errors.push(`${at}: invalid value: ${value}`);
      }
      return;
    }
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${at}: expected a map`);
        return;
      }
      if (spec.values) for (const [k, v] of Object.entries(value)) check(spec.values, v, `${at}.${k}`, errors);
      return;
    case 'array':
      if (!Array.isArray(value)) {
        errors.push(`${at}: expected an array`);
        return;
      }
      if (spec.elements) value.forEach((v, i) => check(spec.elements!, v, `${at}[${i}]`, errors));
      return;
    case 'record':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${at}: expected a record`);
        return;
      }
      if (spec.fields) checkRecord(spec.fields, value as { [k: string]: unknown }, at, errors);
      if (spec.conditional) {
        const record = value as { [k: string]: unknown };
        const c = spec.conditional;
        if (c.one_of.includes(record[c.if_field] as string) && record[c.then_required] === undefined) {
          errors.push(`${at}.${c.then_required}: required field missing (${c.if_field} is ${String(record[c.if_field])})`);
        }
      }
      return;
  }
}

function checkRecord(fields: { [name: string]: FieldSpec }, record: { [k: string]: unknown }, at: string, errors: string[], shorthands: { [name: string]: FieldSpec } = {}): void {
  for (const [name, value] of Object.entries(record)) {
    const spec = fields[name] ?? shorthands[name];
    if (!spec) {
      errors.push(`${at}.${name}: unknown field`);
      continue;
    }
    check(spec, value, `${at}.${name}`, errors);
  }
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.required && record[name] === undefined) errors.push(`${at}.${name}: required field missing`);
  }
}

/** Errors Kong `version` (major.minor) would report for a plugin's `config`; empty when it loads. */
export function pluginConfigErrors(plugin: string, version: string, config: { [key: string]: unknown }): string[] {
  const range = schemaRange(plugin, version);
  const errors: string[] = [];
  // A shorthand (e.g. opentelemetry `endpoint` from 3.8) is rewritten into its field before validation.
  checkRecord(range.config, config, 'config', errors, range.shorthands);
  if (range.at_least_one_of && !range.at_least_one_of.some((f) => config[f] !== undefined || Object.keys(range.shorthands ?? {}).some((s) => config[s] !== undefined))) {
    errors.push(`config: at least one of these fields must be non-empty: ${range.at_least_one_of.join(', ')}`);
  }
  return errors;
}
