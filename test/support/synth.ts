// Synthesizing apps in tests: example apps and ad-hoc stacks go through App.synth() (as
// `cdktf synth` does, validations and aspects included), and their Terraform JSON is read
// back from the outdir's manifest.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { IConstruct } from 'constructs';

export const ROOT = path.join(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(ROOT, 'examples');

/** A synthesized stack's Terraform JSON. */
export type StackJson = {
  resource?: { [type: string]: { [name: string]: { [key: string]: unknown } } };
  data?: { [type: string]: { [name: string]: { [key: string]: unknown } } };
  provider?: { [name: string]: Array<{ [key: string]: unknown }> };
  variable?: { [name: string]: { [key: string]: unknown } };
  [key: string]: unknown;
};

/** One stack of a synthesized app: its name, working directory, `cdk.tf.json` and parsed JSON. */
export interface SynthesizedStack {
  readonly name: string;
  readonly dir: string;
  readonly file: string;
  readonly json: StackJson;
}

/** Builds an app with `build` into `outdir`, synthesizes it, and returns its stacks by name order. */
export function synthInto(outdir: string, build: (app: App) => void): SynthesizedStack[] {
  const app = new App({ outdir });
  build(app);
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return Object.entries(manifest.stacks as { [name: string]: { workingDirectory: string; synthesizedStackPath: string } })
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, s]) => {
      const file = path.join(outdir, s.synthesizedStackPath);
      return { name, dir: path.join(outdir, s.workingDirectory), file, json: JSON.parse(fs.readFileSync(file, 'utf8')) as StackJson };
    });
}

/** Synthesizes an app built by `build` in a temporary outdir (removed afterwards); each stack's JSON by name. */
export function synthApp(build: (app: App) => void): Map<string, StackJson> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-synth-'));
  try {
    return new Map(synthInto(outdir, build).map((s) => [s.name, s.json] as [string, StackJson]));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Every example app: a folder of examples/ with a main.ts. */
export function exampleNames(): string[] {
  return fs.readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXAMPLES_DIR, d.name, 'main.ts')))
    .map((d) => d.name)
    .sort();
}

/** The `buildApp(app)` an example's main.ts exports. */
export function exampleBuilder(name: string): (app: App) => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const example = require(path.join(EXAMPLES_DIR, name, 'main.ts')) as { buildApp?: (app: App) => void };
  if (typeof example.buildApp !== 'function') throw new Error(`examples/${name}/main.ts does not export buildApp(app)`);
  return example.buildApp;
}

/** `type.name` of every resource and data source of a stack (data sources prefixed `data.`), sorted. */
export function logicalIds(json: StackJson): string[] {
  const ids: string[] = [];
  for (const [type, byName] of Object.entries(json.resource ?? {})) for (const name of Object.keys(byName)) ids.push(`${type}.${name}`);
  for (const [type, byName] of Object.entries(json.data ?? {})) for (const name of Object.keys(byName)) ids.push(`data.${type}.${name}`);
  return ids.sort();
}

/** Resource count per type. */
export function resourceCounts(json: StackJson): { [type: string]: number } {
  const counts: { [type: string]: number } = {};
  for (const [type, byName] of Object.entries(json.resource ?? {})) counts[type] = Object.keys(byName).length;
  return counts;
}

/** Provider name → source of `terraform.required_providers`. */
export function providerSources(json: StackJson): { [name: string]: string } {
  const required = (json.terraform as { required_providers?: { [name: string]: { source: string } } } | undefined)?.required_providers ?? {};
  return Object.fromEntries(Object.entries(required).map(([n, p]) => [n, p.source]));
}

/** Messages cdktf shows at synth for a construct and its children, by level. */
export function annotationsOf(construct: IConstruct, level: 'warn' | 'info' | 'error'): string[] {
  return construct.node.findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === `@cdktf/${level}`)
    .map((m) => String(m.data));
}
