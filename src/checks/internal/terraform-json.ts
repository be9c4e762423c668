// Reading synthesized Terraform JSON (`cdk.tf.json`) without trusting its shape: rules see
// hand-written stacks too, where a block may be an object or a list and a value a token.

/** A JSON object as parsed from Terraform JSON. */
export interface JsonObject {
  [key: string]: unknown;
}

/** One `resource.<type>.<name>` entry. */
export interface TfResource {
  readonly type: string;
  readonly name: string;
  /** `<type>.<name>`. */
  readonly address: string;
  readonly body: JsonObject;
  /** `//.metadata.path`, when cdktf wrote it. */
  readonly constructPath?: string;
}

/** The parsed stack with its resources listed once. */
export interface TfStack {
  readonly config: JsonObject;
  readonly resources: TfResource[];
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A nested block as a list: cdktf writes single blocks as objects, lists as arrays. */
export function blocks(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** The value when it is a JSON object, else an empty one (for reading Kubernetes API objects). */
export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** The objects of a JSON array; empty when the value is not an array (Kubernetes API lists). */
export function objectList(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The first (usually only) block. */
export function block(value: unknown): JsonObject | undefined {
  return blocks(value)[0];
}

/** A scalar as text (numbers included), or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A list of scalars as text. */
export function texts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(text).filter((v): v is string => v !== undefined);
}

/** A string map (labels, annotations, selectors). */
export function stringMap(value: unknown): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const entry of blocks(value)) {
    for (const [k, v] of Object.entries(entry)) {
      const s = text(v);
      if (s !== undefined) out[k] = s;
    }
  }
  return out;
}

/** Terraform interpolation (`${var.x}`, `${data.y.z}`): a value the checker cannot see. */
export function isReference(value: string): boolean {
  return value.includes('${');
}

/** A port as a number when it is one (`8100`, `"8100"`), else undefined. */
export function portNumber(value: unknown): number | undefined {
  const s = text(value);
  if (s === undefined || !/^\d+$/.test(s.trim())) return undefined;
  return Number(s.trim());
}

/**
 * JSON text of a parsed JSON value, as JSON.stringify writes it, without recursion: a stack
 * nested thousands deep (valid JSON, and JSON.parse reads it) must not overflow the call stack.
 */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  // Work items: a value to write, or a literal piece of punctuation.
  const work: Array<{ value: unknown } | string> = [{ value }];
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const v = item.value;
    if (Array.isArray(v)) {
      const parts: Array<{ value: unknown } | string> = ['['];
      v.forEach((e, i) => parts.push(...(i > 0 ? [','] : []), { value: e === undefined ? null : e }));
      parts.push(']');
      for (let i = parts.length - 1; i >= 0; i--) work.push(parts[i]);
    } else if (isObject(v)) {
      const parts: Array<{ value: unknown } | string> = ['{'];
      let first = true;
      for (const [k, e] of Object.entries(v)) {
        if (e === undefined) continue;
        parts.push(`${first ? '' : ','}${JSON.stringify(k)}:`, { value: e });
        first = false;
      }
      parts.push('}');
      for (let i = parts.length - 1; i >= 0; i--) work.push(parts[i]);
    } else {
      out.push(JSON.stringify(v) ?? 'null');
    }
  }
  return out.join('');
}

/** The resource body without cdktf's `//` metadata, as searchable text. */
export function bodyText(body: JsonObject): string {
  const { ['//']: _meta, ...rest } = body;
  void _meta;
  try {
    return JSON.stringify(rest);
  } catch (e) {
    // Only a body nested too deep for the native serializer takes the slower path.
    if (e instanceof RangeError) return jsonText(rest);
    throw e;
  }
}

/** Lists every resource of a parsed Terraform JSON document. */
export function readStack(config: JsonObject): TfStack {
  const resources: TfResource[] = [];
  const byType = asObject(config.resource);
  for (const type of Object.keys(byType).sort()) {
    const byName = byType[type];
    if (!isObject(byName)) continue;
    for (const name of Object.keys(byName).sort()) {
      // Hand-written Terraform JSON may give a resource as a list of bodies.
      for (const body of blocks(byName[name])) {
        const meta = block(block(body['//'])?.metadata);
        resources.push({ type, name, address: `${type}.${name}`, body, constructPath: text(meta?.path) });
      }
    }
  }
  return { config, resources };
}

/** Resources of the given types. */
export function resourcesOf(stack: TfStack, ...types: string[]): TfResource[] {
  return stack.resources.filter((r) => types.includes(r.type));
}

/** The `manifest` of a `kubernetes_manifest`, with its apiVersion and kind. */
export function manifestOf(resource: TfResource): { apiVersion: string; kind: string; manifest: JsonObject } | undefined {
  if (resource.type !== 'kubernetes_manifest') return undefined;
  let manifest: unknown = resource.body.manifest;
  if (typeof manifest === 'string') {
    try {
      manifest = JSON.parse(manifest);
    } catch {
      return undefined;
    }
  }
  if (!isObject(manifest)) return undefined;
  return { apiVersion: text(manifest.apiVersion) ?? '', kind: text(manifest.kind) ?? '', manifest };
}
