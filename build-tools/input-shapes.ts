// The public API's input types, written from the jsii assembly into src/core/input-shapes.generated.ts,
// so every entry point can check at run time what TypeScript checks at compile time: jsii
// languages and plain JavaScript can pass anything (undefined props, strings for numbers,
// values outside an enum). Run after `npx projen compile`: `npx projen input-shapes`.
// test/inputs/input-shapes.test.ts fails when the file is out of date.
import * as fs from 'fs';
import * as path from 'path';
import type { InputShapesData, ShapeField } from '../src/core/input-shape';

const ROOT = path.join(__dirname, '..');
export const GENERATED_FILE = path.join(ROOT, 'src', 'core', 'input-shapes.generated.ts');

/** The parts of a jsii assembly this reads. */
interface TypeRef {
  readonly primitive?: string;
  readonly fqn?: string;
  readonly collection?: { readonly kind: 'array' | 'map'; readonly elementtype: TypeRef };
  readonly union?: { readonly types: TypeRef[] };
}
interface Parameter { readonly name: string; readonly type: TypeRef; readonly optional?: boolean; readonly variadic?: boolean }
interface Callable {
  readonly name?: string;
  readonly parameters?: Parameter[];
  readonly static?: boolean;
  readonly protected?: boolean;
  readonly returns?: { readonly type: TypeRef };
}
interface Property { readonly name: string; readonly type: TypeRef; readonly optional?: boolean; readonly docs?: { readonly summary?: string } }
interface JsiiType {
  readonly fqn: string;
  readonly kind: 'class' | 'interface' | 'enum';
  readonly name: string;
  readonly namespace?: string;
  readonly datatype?: boolean;
  readonly abstract?: boolean;
  readonly interfaces?: string[];
  readonly properties?: Property[];
  readonly members?: Array<{ readonly name: string }>;
  readonly initializer?: Callable & { readonly protected?: boolean };
  readonly methods?: Callable[];
}
export interface Assembly { readonly name: string; readonly types: { [fqn: string]: JsiiType } }


/** Reads the assembly of a dependency from node_modules. */
export function loadAssembly(file: string): Assembly {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Assembly;
}

/** The jsii assemblies of the library's peer dependencies that its structs extend. */
export function dependencyAssemblies(): Assembly[] {
  return ['cdktf', 'constructs'].map((name) => loadAssembly(path.join(ROOT, 'node_modules', name, '.jsii')));
}

/** Computes the shapes from the library's assembly, its dependencies' assemblies and the compiled library (for enum values). */
export function inputShapes(assembly: Assembly, dependencies: Assembly[], library: { [name: string]: unknown }): InputShapesData {
  const own = assembly.types;
  const all: { [fqn: string]: JsiiType } = Object.assign({}, ...dependencies.map((d) => d.types), own);
  const prefix = `${assembly.name}.`;
  const localName = (fqn: string) => fqn.slice(prefix.length);
  const isOwn = (fqn: string) => fqn.startsWith(prefix) && own[fqn] !== undefined;

  // A class of cdktf or constructs (their assemblies are read), or a prebuilt provider's resource,
  // which by the providers' convention is named after its module (`deploymentV1.DeploymentV1`).
  const isExternalClass = (fqn: string): boolean => {
    if (all[fqn] !== undefined) return all[fqn].kind === 'class';
    const parts = fqn.split('.');
    const module = parts[parts.length - 2] ?? '';
    return parts.length >= 3 && parts[parts.length - 1] === module.charAt(0).toUpperCase() + module.slice(1);
  };
  const structs: InputShapesData['structs'] = {};
  const enums: InputShapesData['enums'] = {};
  const classes: InputShapesData['classes'] = {};
  const pending: string[] = [];

  const typeText = (ref: TypeRef): string => {
    if (ref.primitive) return ['string', 'number', 'boolean'].includes(ref.primitive) ? ref.primitive : 'any';
    if (ref.collection) return `${ref.collection.kind === 'array' ? 'list' : 'map'}<${typeText(ref.collection.elementtype)}>`;
    if (ref.union || !ref.fqn) return 'any';
    if (!isOwn(ref.fqn)) {
      if (!isExternalClass(ref.fqn)) return 'object';
      const name = ref.fqn.split('.').pop()!;
      classes[name] ??= `new ${name}(...) (${ref.fqn.split('.')[0]})`;
      return `class:${name}`;
    }
    const type = own[ref.fqn];
    const name = localName(ref.fqn);
    if (type.kind === 'enum') {
      enums[name] = enumValues(library, name, type);
      return `enum:${name}`;
    }
    if (type.kind === 'interface' && type.datatype) {
      pending.push(ref.fqn);
      return `struct:${name}`;
    }
    if (type.kind === 'class') {
      classes[name] = howToBuild(type, name, prefix);
      return `class:${name}`;
    }
    return 'object';
  };

  const field = (p: Property | Parameter): ShapeField => {
    const optional = p.optional === true;
    const summary = !optional && 'docs' in p && p.docs?.summary ? p.docs.summary.replace(/\.$/, '') : undefined;
    return summary === undefined ? [p.name, typeText(p.type), optional] : [p.name, typeText(p.type), optional, summary];
  };

  const entries: InputShapesData['entries'] = {};
  for (const type of Object.values(own).filter((t) => t.kind === 'class').sort((a, b) => a.fqn.localeCompare(b.fqn))) {
    const name = localName(type.fqn);
    classes[name] = howToBuild(type, name, prefix);
    if (type.initializer && !type.initializer.protected && !type.abstract) entries[name] = (type.initializer.parameters ?? []).map(field);
    for (const method of type.methods ?? []) {
      if (method.protected || (method.parameters ?? []).length === 0) continue;
      const key = `${name}.${method.name}`;
      if (entries[key] !== undefined) throw new Error(`two entry points named ${key}`);
      entries[key] = (method.parameters ?? []).map(field);
    }
  }

  const propertiesOf = (fqn: string): Property[] => {
    const type = all[fqn];
    if (!type) throw new Error(`no assembly holds ${fqn}`);
    const byName = new Map<string, Property>();
    for (const parent of type.interfaces ?? []) for (const p of propertiesOf(parent)) byName.set(p.name, p);
    for (const p of type.properties ?? []) byName.set(p.name, p);
    return [...byName.values()];
  };
  while (pending.length > 0) {
    const fqn = pending.pop()!;
    const name = localName(fqn);
    if (structs[name] !== undefined) continue;
    structs[name] = [];
    structs[name] = propertiesOf(fqn).sort((a, b) => a.name.localeCompare(b.name)).map(field);
  }
  // Structs that describe results (a report's findings) say so with `@resultStruct`: their
  // strings may be empty. Inputs the library merely echoes back (a backend's options, a
  // gateway's custom signals) are inputs, checked as such.
  const returned = new Set(Object.entries(own)
    .filter(([, t]) => t.kind === 'interface' && t.datatype && (t as { docs?: { custom?: { [tag: string]: string } } }).docs?.custom?.resultStruct !== undefined)
    .map(([fqn]) => localName(fqn)));
  const results = Object.keys(structs).filter((name) => returned.has(name)).sort();
  return { structs: sortKeys(structs), results, entries: sortKeys(entries), enums: sortKeys(enums), classes: sortKeys(classes) };
}

function enumValues(library: { [name: string]: unknown }, name: string, type: JsiiType): { [member: string]: string } {
  let scope: unknown = library;
  for (const part of name.split('.')) scope = (scope as { [key: string]: unknown } | undefined)?.[part];
  if (scope === undefined) throw new Error(`the compiled library has no enum ${name}: run 'npx projen compile' first`);
  const values: { [member: string]: string } = {};
  for (const member of type.members ?? []) values[member.name] = String((scope as { [key: string]: unknown })[member.name]);
  return values;
}

/** `KongGateway.traditional(...), KongGateway.dbLess(...)` or `new Folder(...)`: how a value of the class is made. */
function howToBuild(type: JsiiType, name: string, prefix: string): string {
  const factories = (type.methods ?? [])
    .filter((m) => m.static && !m.protected && m.returns?.type.fqn === type.fqn)
    .map((m) => `${name}.${m.name}(...)`);
  if (factories.length > 0) return factories.join(', ');
  if (type.initializer && !type.initializer.protected) return `new ${name}(...)`;
  return `a ${name} the library returns (${prefix.slice(0, -1)})`;
}

function sortKeys<T>(object: { [key: string]: T }): { [key: string]: T } {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

/** The generated module's text. */
export function inputShapesSource(data: InputShapesData): string {
  return [
    '// Generated from the jsii assembly by build-tools/input-shapes.ts (`npx projen input-shapes`). Do not edit.',
    '/* eslint-disable */',
    "import type { InputShapesData } from './input-shape';",
    '',
    'export const INPUT_SHAPES: InputShapesData = {',
    ...(['structs', 'entries'] as const).flatMap((part) => [
      `  ${part}: {`,
      ...Object.entries(data[part]).flatMap(([name, fields]) => [
        `    ${JSON.stringify(name)}: [`,
        ...fields.map((f) => `      ${JSON.stringify(f)},`),
        '    ],',
      ]),
      '  },',
    ]),
    `  results: ${JSON.stringify(data.results)},`,
    ...(['enums', 'classes'] as const).flatMap((part) => [
      `  ${part}: {`,
      ...Object.entries(data[part]).map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`),
      '  },',
    ]),
    '};',
    '',
  ].join('\n');
}

function main(): void {
  const assembly = loadAssembly(path.join(ROOT, '.jsii'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const library = require(path.join(ROOT, 'lib')) as { [name: string]: unknown };
  const text = inputShapesSource(inputShapes(assembly, dependencyAssemblies(), library));
  const before = fs.existsSync(GENERATED_FILE) ? fs.readFileSync(GENERATED_FILE, 'utf8') : '';
  if (before === text) {
    console.log(`${path.relative(ROOT, GENERATED_FILE)} is up to date`);
    return;
  }
  fs.writeFileSync(GENERATED_FILE, text);
  console.log(`wrote ${path.relative(ROOT, GENERATED_FILE)}: compile again so lib/ carries it`);
}

if (require.main === module) main();
