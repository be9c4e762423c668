import { INPUT_SHAPES } from './input-shapes.generated';
import { redact } from './secret-patterns';
import { failValidation } from './validation';

/** One prop or parameter: name, type, optional, and (when required) the summary of its docs. */
export type ShapeField = [name: string, type: string, optional: boolean, summary?: string];

/** The public API's input types, from the jsii assembly (build-tools/input-shapes.ts). */
export interface InputShapesData {
  /** Struct name → its props, inherited ones included, by name. */
  readonly structs: { [name: string]: ShapeField[] };
  /** Input structs the library also returns (a report's findings): results, whose strings may be empty. */
  readonly results: string[];
  /** Entry point (`Class` for a constructor, `Class.method`) → its parameters. */
  readonly entries: { [name: string]: ShapeField[] };
  /** Enum name → member name → value. */
  readonly enums: { [name: string]: { [member: string]: string } };
  /** Class name → how a user builds one, for messages. */
  readonly classes: { [name: string]: string };
}

/**
 * Checks the arguments of a public entry point (`KongGateway.dbLess`, a construct's
 * constructor, `KongFleet.addGateway`) against the types the API declares, so a missing
 * required prop, a string where a number belongs, an object where a list belongs or a value
 * outside an enum fails with the library's message instead of a TypeError deep inside.
 * TypeScript checks this at compile time; jsii languages and plain JavaScript do not.
 */
export function checkArguments(entry: string, subject: string, args: unknown[]): void {
  const parameters = INPUT_SHAPES.entries[entry];
  if (parameters === undefined) throw new Error(`no input shape for entry point ${entry}: run 'npx projen input-shapes'`);
  parameters.forEach(([name, type, optional, summary], i) => {
    const value = args[i];
    // A struct parameter's props are named from its root: `gateway`, `datadog.notify.critical[0]`.
    const root = type.startsWith('struct:') ? '' : name;
    if (value === undefined || value === null) {
      if (!optional) missing(subject, name, type, summary, value === null);
      return;
    }
    checkValue(subject, value, type, root, name);
  });
}

/** For static factories and classes that are not constructs: the entry point names itself in messages. */
export function checkCall(entry: string, ...args: unknown[]): void {
  checkArguments(entry, entry, args);
}

/**
 * For construct constructors, before `super`: checks `(scope, id, ...rest)` and returns the id.
 * Messages name the construct as `<Class> '<id>' (<path>)`.
 */
export function checkConstructArguments(entry: string, scope: unknown, id: unknown, ...rest: unknown[]): string {
  const subject = constructSubject(entry.split('.').pop()!, scope, id);
  checkArguments(entry, subject, [scope, id, ...rest]);
  // The constructs library would say "There is already a Construct with name ...".
  const node = (scope as { node: { path: string; tryFindChild(id: string): { node: { path: string } } | undefined } }).node;
  const taken = node.tryFindChild(id as string);
  if (taken !== undefined) {
    failValidation(subject, `id '${String(id)}' is already taken in ${node.path || 'the app'} by ${taken.node.path}`, 'give each construct of a scope its own id');
  }
  return id as string;
}

/** `KongMonitoring 'kong' (stack/kong)`: a construct as messages name it, with its path in the app. */
export function constructSubject(kind: string, scope: unknown, id: unknown): string {
  const parent = (scope as { node?: { path?: unknown } } | undefined)?.node?.path;
  const path = typeof parent === 'string' ? [parent, String(id)].filter((p) => p !== '').join('/') : undefined;
  return path === undefined ? `${kind} '${String(id)}'` : `${kind} '${String(id)}' (${path})`;
}

/** `KongEdition.OPEN_SOURCE ('open-source'), KongEdition.ENTERPRISE ('enterprise')`: members as code names them, and their values for JavaScript. */
export function enumChoices(name: string): string {
  return Object.entries(enumMembers(name)).map(([member, value]) => (value === member ? `${name}.${member}` : `${name}.${member} ('${value}')`)).join(', ');
}

/** The values of an enum the API declares, by member name. */
export function enumMembers(name: string): { [member: string]: string } {
  const members = INPUT_SHAPES.enums[name];
  if (members === undefined) throw new Error(`no input shape for enum ${name}`);
  return members;
}

function checkValue(subject: string, value: unknown, type: string, path: string, shown: string): void {
  const list = /^list<(.*)>$/.exec(type);
  const map = /^map<(.*)>$/.exec(type);
  if (list) {
    if (!Array.isArray(value)) wrongType(subject, shown, value, type);
    value.forEach((element, i) => {
      const at = `${shown}[${i}]`;
      if (element === undefined || element === null) {
        failValidation(subject, `${at} is ${element === null ? 'null' : 'missing'}`, `give ${at} as ${typeText(list[1])}, or remove it from the list`);
      }
      checkValue(subject, element, list[1], at, at);
      if (list[1] === 'string') requireText(subject, at, element as string, false);
    });
    return;
  }
  if (map) {
    if (!isPlainObject(value)) wrongType(subject, shown, value, type);
    for (const [key, element] of Object.entries(value)) {
      const at = `${shown}['${key}']`;
      if (key.trim() === '') failValidation(subject, `${shown} has an empty key`, `give every entry of ${shown} a name`);
      if (element === undefined || element === null) {
        failValidation(subject, `${at} is ${element === null ? 'null' : 'missing'}`, `give ${at} as ${typeText(map[1])}, or remove the entry`);
      }
      checkValue(subject, element, map[1], at, at);
    }
    return;
  }
  const [kind, name] = type.includes(':') ? [type.slice(0, type.indexOf(':')), type.slice(type.indexOf(':') + 1)] : [type, ''];
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') wrongType(subject, shown, value, type);
      return;
    case 'number':
      if (typeof value !== 'number') wrongType(subject, shown, value, type);
      if (!Number.isFinite(value)) failValidation(subject, `${shown} is ${value}, not a finite number`, `give ${shown} as a finite number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') wrongType(subject, shown, value, type);
      return;
    case 'enum': {
      const members = enumMembers(name);
      if (!Object.values(members).includes(value as string)) {
        failValidation(subject, `${shown} ${describeValue(value)} is not a ${name}`, `use one of ${enumChoices(name)}`);
      }
      return;
    }
    case 'struct':
      if (!isPlainObject(value)) wrongType(subject, shown || 'the props', value, type);
      for (const [field, fieldType, optional, summary] of INPUT_SHAPES.structs[name] ?? []) {
        const at = path === '' ? field : `${path}.${field}`;
        const v = value[field];
        if (v === undefined || (v === null && optional)) {
          if (v === null) failValidation(subject, `${at} is null`, `leave ${at} out, or give it as ${typeText(fieldType)}`);
          if (!optional) missing(subject, at, fieldType, summary, false);
          continue;
        }
        if (v === null) missing(subject, at, fieldType, summary, true);
        checkValue(subject, v, fieldType, at, at);
        if (fieldType === 'string' && !INPUT_SHAPES.results.includes(name)) requireText(subject, at, v as string, optional);
      }
      return;
    case 'class':
      if (!isInstanceOf(value, name.split('.').pop()!)) wrongType(subject, shown, value, type);
      return;
    case 'object':
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null) wrongType(subject, shown, value, type);
      return;
    default:
      return;
  }
}

/** Strings the library reads must say something: empty and blank ones are mistakes. */
function requireText(subject: string, at: string, value: string, optional: boolean): void {
  if (value.trim() === '') {
    failValidation(subject, `${at} is ${value === '' ? 'empty' : 'blank'}`, optional ? `give ${at} a value, or leave it out` : `give ${at} a value`);
  }
}

function missing(subject: string, at: string, type: string, summary: string | undefined, isNull: boolean): never {
  const about = summary ? ` (${summary.charAt(0).toLowerCase()}${summary.slice(1)})` : '';
  const struct = /^struct:(.*)$/.exec(type);
  const required = struct ? (INPUT_SHAPES.structs[struct[1]] ?? []).filter(([, , optional]) => !optional).map(([field]) => field) : [];
  const fields = struct ? (required.length > 0 ? ` with ${required.join(', ')}` : ' ({} for the defaults)') : '';
  return failValidation(subject, `${at} is ${isNull ? 'null' : 'missing'}`, `give ${at}${about}: ${typeText(type)}${fields}`);
}

function wrongType(subject: string, at: string, value: unknown, type: string): never {
  return failValidation(subject, `${at} is ${describeValue(value)}, not ${typeText(type, false)}`, `give ${at} as ${typeText(type)}`);
}

/** `a string`, `a list of SignalOverride objects`, `a KongGateway, from KongGateway.dbLess(...), ...` (how to make one unless `short`). */
function typeText(type: string, howToMake = true): string {
  const list = /^list<(.*)>$/.exec(type);
  if (list) return `a list of ${plural(list[1])} ([...])`;
  const map = /^map<(.*)>$/.exec(type);
  if (map) return `a map of ${plural(map[1])} ({ key: value })`;
  const [kind, name] = type.includes(':') ? [type.slice(0, type.indexOf(':')), type.slice(type.indexOf(':') + 1)] : [type, ''];
  switch (kind) {
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'true or false';
    case 'enum': return howToMake ? `a ${name} (${enumChoices(name)})` : `a ${name}`;
    case 'struct': return `a ${name} object`;
    case 'class': return howToMake ? `a ${name}, from ${INPUT_SHAPES.classes[name] ?? name}` : `a ${name}`;
    case 'object': return 'an object';
    default: return 'a value';
  }
}

function plural(type: string): string {
  const [kind, name] = type.includes(':') ? [type.slice(0, type.indexOf(':')), type.slice(type.indexOf(':') + 1)] : [type, ''];
  switch (kind) {
    case 'string': return 'strings';
    case 'number': return 'numbers';
    case 'boolean': return 'booleans';
    case 'struct': return `${name} objects`;
    case 'enum':
    case 'class': return `${name} values`;
    default: return 'values';
  }
}

/** How a wrong value is named in a message: its kind, and short literals themselves (secrets redacted). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = redact(value);
    return `'${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}'`;
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'a list';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== 'Object' && name !== '' ? `a ${name}` : 'an object';
}

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Instance checks by class name along the prototype chain, so the check needs no import of the class. */
function isInstanceOf(value: unknown, className: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (let proto = Object.getPrototypeOf(value); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if ((proto as { constructor?: { name?: unknown } }).constructor?.name === className) return true;
  }
  return false;
}
