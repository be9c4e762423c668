// The values a `helm_release` passes to its chart, as Helm merges them: each `values`
// document over the previous one, then `set`, `set_list` and `set_sensitive` entries.
// A document may be YAML, JSON, or cdktf's `${yamlencode({...})}`; one the checker cannot
// read (`${file("values.yaml")}`, `${templatefile(...)}`) makes the values opaque.
import { encodedLiteral } from './hcl-literal';
import { JsonObject, blocks, isObject, text, texts } from './terraform-json';

export interface HelmValues {
  readonly values: JsonObject;
  /** Some values come from an expression the checker cannot read: settings may differ. */
  readonly opaque: boolean;
  /** `set`-style entries by path, as written (for the secret rule). */
  readonly entries: Array<{ readonly path: string; readonly value: string; readonly sensitive: boolean }>;
}

/** js-yaml, loaded on first use: most stacks have no Helm release. */
let yamlLoad: ((text: string) => unknown) | undefined;
function loadYaml(source: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlLoad ??= (require('js-yaml') as { load(text: string): unknown }).load;
  return yamlLoad(source);
}

/** A JSON or YAML document (or a literal `${yamlencode(...)}`) as an object; undefined when it cannot be read. */
export function parseDocument(source: string): JsonObject | undefined {
  const trimmed = source.trim();
  if (trimmed === '') return {};
  if (trimmed.startsWith('${')) {
    const literal = encodedLiteral(trimmed);
    return isObject(literal) ? literal : undefined;
  }
  try {
    const parsed = trimmed.startsWith('{') ? JSON.parse(trimmed) : loadYaml(source);
    return isObject(parsed) ? parsed : parsed === null || parsed === undefined ? {} : undefined;
  } catch {
    // Not JSON or YAML the parser accepts (or nested too deep for it): a value it cannot see.
    return undefined;
  }
}

/** Helm's merge of values documents: maps merge key by key, anything else replaces; null deletes. */
function merge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  const pending: Array<[JsonObject, JsonObject]> = [[out, over]];
  while (pending.length > 0) {
    const [target, source] = pending.pop()!;
    for (const [k, v] of Object.entries(source)) {
      const current = target[k];
      if (isObject(v) && isObject(current)) {
        target[k] = { ...current };
        pending.push([target[k] as JsonObject, v]);
      } else {
        target[k] = v;
      }
    }
  }
  return out;
}

/** Splits a `--set` path: `a.b[0].c`, with `\.` for a dot inside a key. */
export function setPath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && i + 1 < path.length) {
      current += path[++i];
    } else if (c === '.') {
      parts.push(current);
      current = '';
    } else if (c === '[') {
      const end = path.indexOf(']', i);
      if (current !== '') parts.push(current);
      current = '';
      parts.push(Number(path.slice(i + 1, end < 0 ? undefined : end)));
      i = end < 0 ? path.length : end;
      if (path[i + 1] === '.') i++;
    } else {
      current += c;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/** Helm's `--set` typing: booleans, null and integers become values; `type = "string"` keeps text. */
function typed(value: string, type: string | undefined): unknown {
  if (type === 'string') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null') return null;
  if (/^-?\d+$/.test(value) && value.length < 16) return Number(value);
  return value;
}

function assign(values: JsonObject, path: Array<string | number>, value: unknown): void {
  let target: JsonObject | unknown[] = values;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    const container = target as { [k: string]: unknown };
    if (last) {
      container[key as string] = value;
      return;
    }
    const next = container[key as string];
    const wantsList = typeof path[i + 1] === 'number';
    if (wantsList ? !Array.isArray(next) : !isObject(next)) container[key as string] = wantsList ? [] : {};
    target = container[key as string] as JsonObject | unknown[];
  }
}

/** The merged values of a `helm_release` body. */
export function helmValuesOf(body: JsonObject): HelmValues {
  let values: JsonObject = {};
  let opaque = false;
  const documents = Array.isArray(body.values) ? texts(body.values) : text(body.values) !== undefined ? [text(body.values)!] : [];
  for (const doc of documents) {
    const parsed = parseDocument(doc);
    if (parsed) values = merge(values, parsed);
    else opaque = true;
  }
  const entries: Array<{ path: string; value: string; sensitive: boolean }> = [];
  for (const [field, sensitive] of [['set', false], ['set_sensitive', true]] as const) {
    for (const s of blocks(body[field])) {
      const path = text(s.name);
      const value = text(s.value);
      if (path === undefined || value === undefined) continue;
      entries.push({ path, value, sensitive });
      assign(values, setPath(path), typed(value, text(s.type)));
    }
  }
  for (const s of blocks(body.set_list)) {
    const path = text(s.name);
    if (path !== undefined && Array.isArray(s.value)) assign(values, setPath(path), texts(s.value));
  }
  return { values, opaque, entries };
}
