// Holds synthesized Terraform JSON against a `terraform providers schema -json` document.
// Provider binaries cannot be downloaded where the tests run, so `terraform validate` is
// out of reach; this walks the same schema Terraform would and reports what it would reject.
// Nothing here knows a particular provider: feed it any provider's schema subset.

/** A Terraform type expression as the schema JSON spells it. */
export type SchemaType = string | [string, unknown] | [string, unknown, unknown];

export interface SchemaAttribute {
  readonly type?: SchemaType;
  readonly nested_type?: SchemaNestedType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

/** Protocol-6 nested attributes (`nested_type`). */
export interface SchemaNestedType {
  readonly attributes: Record<string, SchemaAttribute>;
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map';
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
}

export interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaEntry {
  readonly version: number;
  readonly block: SchemaBlock;
}

export interface ProviderSchema {
  readonly provider?: SchemaEntry;
  readonly resource_schemas?: Record<string, SchemaEntry>;
  readonly data_source_schemas?: Record<string, SchemaEntry>;
}

/** The document `terraform providers schema -json` prints (or a subset of it). */
export interface ProviderSchemaDocument {
  readonly format_version: string;
  readonly provider_schemas: Record<string, ProviderSchema>;
}

export interface ValidateOptions {
  /**
   * How errors name the resource, e.g. `grafana_folder.kong`.
   * @default the resource type
   */
  readonly address?: string;
  /**
   * Accept a single JSON object for a list or set block (HCL JSON reads it as one block,
   * and cdktf's prebuilt providers write max-one blocks that way). Off by default: bindings
   * that promise arrays for every block are held to it.
   * @default false
   */
  readonly allowObjectForBlockList?: boolean;
}

// Keys Terraform itself reads on a resource, not the provider's schema.
const RESOURCE_META_ARGUMENTS = new Set([
  '//', 'depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection', 'dynamic',
]);
const PROVIDER_META_ARGUMENTS = new Set(['//', 'alias', 'version']);

type Json = unknown;

function isPlainObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string holding a Terraform expression stands for any type: only Terraform can check it. */
function isInterpolation(v: Json): boolean {
  return typeof v === 'string' && v.includes('${');
}

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v} (${JSON.stringify(v)})`;
}

function typeName(t: SchemaType): string {
  return typeof t === 'string' ? t : JSON.stringify(t);
}

/** Finds a resource type's schema block in any provider of the document. */
export function findResourceSchema(schemaDoc: ProviderSchemaDocument, resourceType: string): SchemaBlock | undefined {
  for (const provider of Object.values(schemaDoc.provider_schemas ?? {})) {
    const entry = provider.resource_schemas?.[resourceType];
    if (entry) return entry.block;
  }
  return undefined;
}

/** Finds a provider's configuration block by its local name (the address's last segment). */
export function findProviderSchema(schemaDoc: ProviderSchemaDocument, localName: string): SchemaBlock | undefined {
  for (const [address, provider] of Object.entries(schemaDoc.provider_schemas ?? {})) {
    if (address.split('/').pop() === localName && provider.provider) return provider.provider.block;
  }
  return undefined;
}

function checkType(type: SchemaType, value: Json, path: string, errors: string[]): void {
  if (value === null || isInterpolation(value)) return;
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        if (typeof value !== 'string') errors.push(`${path}: expected string, got ${describe(value)}`);
        return;
      case 'number':
        if (typeof value !== 'number') errors.push(`${path}: expected number, got ${describe(value)}`);
        return;
      case 'bool':
        if (typeof value !== 'boolean') errors.push(`${path}: expected bool, got ${describe(value)}`);
        return;
      case 'dynamic':
        return;
      default:
        errors.push(`${path}: schema has unknown type ${JSON.stringify(type)}`);
        return;
    }
  }
  const [kind, inner, optionalAttrs] = type;
  switch (kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(value)) {
        errors.push(`${path}: expected ${typeName(type)} (a JSON array), got ${describe(value)}`);
        return;
      }
      value.forEach((el, i) => checkType(inner as SchemaType, el, `${path}[${i}]`, errors));
      return;
    case 'map':
      if (!isPlainObject(value)) {
        errors.push(`${path}: expected ${typeName(type)} (a JSON object), got ${describe(value)}`);
        return;
      }
      for (const [k, el] of Object.entries(value)) checkType(inner as SchemaType, el, `${path}["${k}"]`, errors);
      return;
    case 'object': {
      if (!isPlainObject(value)) {
        errors.push(`${path}: expected ${typeName(type)} (a JSON object), got ${describe(value)}`);
        return;
      }
      const attrTypes = inner as Record<string, SchemaType>;
      const optional = new Set((optionalAttrs as string[] | undefined) ?? []);
      for (const [k, el] of Object.entries(value)) {
        if (!(k in attrTypes)) errors.push(`${path}: unknown object attribute "${k}"`);
        else checkType(attrTypes[k], el, `${path}.${k}`, errors);
      }
      for (const k of Object.keys(attrTypes)) {
        if (!(k in value) && !optional.has(k)) errors.push(`${path}: missing object attribute "${k}"`);
      }
      return;
    }
    case 'tuple': {
      const elems = inner as SchemaType[];
      if (!Array.isArray(value) || value.length !== elems.length) {
        errors.push(`${path}: expected ${typeName(type)} (a JSON array of ${elems.length}), got ${describe(value)}`);
        return;
      }
      value.forEach((el, i) => checkType(elems[i], el, `${path}[${i}]`, errors));
      return;
    }
    default:
      errors.push(`${path}: schema has unknown type ${typeName(type)}`);
  }
}

function checkNestedType(nested: SchemaNestedType, value: Json, path: string, errors: string[]): void {
  if (value === null || isInterpolation(value)) return;
  const asBlock: SchemaBlock = { attributes: nested.attributes };
  const one = (v: Json, p: string) => {
    if (!isPlainObject(v)) errors.push(`${p}: expected an object, got ${describe(v)}`);
    else walkBlock(asBlock, v, p, errors, new Set(), {});
  };
  if (nested.nesting_mode === 'single') {
    one(value, path);
    return;
  }
  if (nested.nesting_mode === 'map') {
    if (!isPlainObject(value)) errors.push(`${path}: expected a map of objects, got ${describe(value)}`);
    else for (const [k, v] of Object.entries(value)) one(v, `${path}["${k}"]`);
    return;
  }
  if (!Array.isArray(value)) {
    errors.push(`${path}: expected a JSON array of objects, got ${describe(value)}`);
    return;
  }
  checkCount(nested, value.length, path, errors);
  value.forEach((v, i) => one(v, `${path}[${i}]`));
}

function checkCount(spec: { min_items?: number; max_items?: number }, count: number, path: string, errors: string[]): void {
  if (spec.min_items !== undefined && count < spec.min_items) {
    errors.push(`${path}: at least ${spec.min_items} block(s) required, got ${count}`);
  }
  if (spec.max_items !== undefined && spec.max_items > 0 && count > spec.max_items) {
    errors.push(`${path}: at most ${spec.max_items} block(s) allowed, got ${count}`);
  }
}

function checkBlockType(
  name: string, blockType: SchemaBlockType, value: Json, path: string, errors: string[], options: ValidateOptions,
): void {
  const one = (v: Json, p: string) => {
    if (!isPlainObject(v)) errors.push(`${p}: a block must be a JSON object, got ${describe(v)}`);
    else walkBlock(blockType.block, v, p, errors, new Set(['dynamic']), options);
  };
  if (typeof value === 'string') {
    errors.push(`${path}: is a block and cannot be set from an expression (use a dynamic block), got ${describe(value)}`);
    return;
  }
  switch (blockType.nesting_mode) {
    case 'single':
    case 'group':
      if (Array.isArray(value)) {
        if (value.length > 1) errors.push(`${path}: at most 1 block allowed, got ${value.length}`);
        value.forEach((v, i) => one(v, `${path}[${i}]`));
      } else {
        one(value, path);
      }
      return;
    case 'map':
      if (!isPlainObject(value)) errors.push(`${path}: a labeled block must be a JSON object keyed by label, got ${describe(value)}`);
      else for (const [label, v] of Object.entries(value)) one(v, `${path}["${label}"]`);
      return;
    case 'list':
    case 'set': {
      if (isPlainObject(value)) {
        if (!options.allowObjectForBlockList) {
          errors.push(`${path}: block "${name}" (${blockType.nesting_mode}) must be a JSON array of objects, got an object`);
          return;
        }
        checkCount(blockType, 1, path, errors);
        one(value, path);
        return;
      }
      if (!Array.isArray(value)) {
        errors.push(`${path}: block must be a JSON array of objects, got ${describe(value)}`);
        return;
      }
      checkCount(blockType, value.length, path, errors);
      value.forEach((v, i) => one(v, `${path}[${i}]`));
      return;
    }
    default:
      errors.push(`${path}: schema has unknown nesting mode ${JSON.stringify(blockType.nesting_mode)}`);
  }
}

function walkBlock(
  block: SchemaBlock,
  body: Record<string, Json>,
  path: string,
  errors: string[],
  metaArguments: Set<string>,
  options: ValidateOptions,
): void {
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  const dynamic = isPlainObject(body.dynamic) ? body.dynamic : {};

  for (const [key, value] of Object.entries(body)) {
    if (metaArguments.has(key)) continue;
    const attr = attributes[key];
    if (attr) {
      if (value === null) continue;
      if (attr.computed && !attr.optional && !attr.required) {
        errors.push(`${path}.${key}: is computed only and cannot be set`);
        continue;
      }
      if (attr.nested_type) checkNestedType(attr.nested_type, value, `${path}.${key}`, errors);
      else if (attr.type !== undefined) checkType(attr.type, value, `${path}.${key}`, errors);
      continue;
    }
    const blockType = blockTypes[key];
    if (blockType) {
      checkBlockType(key, blockType, value, `${path}.${key}`, errors, options);
      continue;
    }
    errors.push(`${path}: unknown attribute "${key}"`);
  }

  // A dynamic block may only generate blocks the schema has.
  for (const key of Object.keys(dynamic)) {
    if (!(key in blockTypes)) errors.push(`${path}.dynamic: unknown block type "${key}"`);
  }

  for (const [key, attr] of Object.entries(attributes)) {
    if (attr.required && (body[key] === undefined || body[key] === null)) {
      errors.push(`${path}: missing required attribute "${key}"`);
    }
  }
  for (const [key, blockType] of Object.entries(blockTypes)) {
    const min = blockType.min_items ?? 0;
    // A dynamic block's count is only known to Terraform.
    if (min > 0 && body[key] === undefined && !(key in dynamic)) {
      errors.push(`${path}: missing required block "${key}" (at least ${min})`);
    }
  }
}

/**
 * Validates one resource body (the object under `resource.<type>.<name>` in Terraform JSON)
 * against its schema in `schemaDoc`. Returns one message per problem, empty when valid.
 */
export function validateResourceAgainstSchema(
  resourceType: string,
  attributes: Json,
  schemaDoc: ProviderSchemaDocument,
  options: ValidateOptions = {},
): string[] {
  const address = options.address ?? resourceType;
  const block = findResourceSchema(schemaDoc, resourceType);
  if (!block) return [`${address}: no schema for resource type "${resourceType}"`];
  if (!isPlainObject(attributes)) return [`${address}: a resource body must be a JSON object, got ${describe(attributes)}`];
  const errors: string[] = [];
  walkBlock(block, attributes, address, errors, RESOURCE_META_ARGUMENTS, options);
  return errors;
}

/** Validates one `provider.<localName>` configuration body. */
export function validateProviderAgainstSchema(
  localName: string,
  attributes: Json,
  schemaDoc: ProviderSchemaDocument,
  options: ValidateOptions = {},
): string[] {
  const address = options.address ?? `provider.${localName}`;
  const block = findProviderSchema(schemaDoc, localName);
  if (!block) return [`${address}: no provider schema for "${localName}"`];
  if (!isPlainObject(attributes)) return [`${address}: a provider body must be a JSON object, got ${describe(attributes)}`];
  const errors: string[] = [];
  walkBlock(block, attributes, address, errors, PROVIDER_META_ARGUMENTS, options);
  return errors;
}

/**
 * Validates every resource whose type starts with `prefix` (e.g. `grafana_`) in a
 * synthesized stack (the JSON text or object `Testing.synth` gives), and the provider
 * blocks of the matching local name (`grafana`). Returns every error found.
 */
export function validateStackAgainstSchema(
  synthJson: string | Record<string, Json>,
  schemaDoc: ProviderSchemaDocument,
  prefix: string,
  options: Omit<ValidateOptions, 'address'> = {},
): string[] {
  const stack = typeof synthJson === 'string' ? JSON.parse(synthJson) : synthJson;
  const errors: string[] = [];
  const resources = isPlainObject(stack.resource) ? stack.resource : {};
  for (const [type, byName] of Object.entries(resources)) {
    if (!type.startsWith(prefix) || !isPlainObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      errors.push(...validateResourceAgainstSchema(type, body, schemaDoc, { ...options, address: `${type}.${name}` }));
    }
  }
  const localName = prefix.replace(/_$/, '');
  const providers = isPlainObject(stack.provider) ? stack.provider : {};
  const configs = providers[localName];
  if (configs !== undefined) {
    const list = Array.isArray(configs) ? configs : [configs];
    list.forEach((body, i) => {
      errors.push(...validateProviderAgainstSchema(localName, body, schemaDoc, { ...options, address: `provider.${localName}[${i}]` }));
    });
  }
  return errors;
}

/** Counts the resources `validateStackAgainstSchema` would look at, so a test can prove it saw some. */
export function countResources(synthJson: string | Record<string, Json>, prefix: string): number {
  const stack = typeof synthJson === 'string' ? JSON.parse(synthJson) : synthJson;
  const resources = isPlainObject(stack.resource) ? stack.resource : {};
  return Object.entries(resources)
    .filter(([type, byName]) => type.startsWith(prefix) && isPlainObject(byName))
    .reduce((n, [, byName]) => n + Object.keys(byName as object).length, 0);
}
