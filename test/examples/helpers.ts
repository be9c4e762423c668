import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';

export const ROOT = path.join(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(ROOT, 'examples');
const AUDIT_BIN = path.join(ROOT, 'bin', 'kong-monitoring-audit');

/** Every example app: a folder of examples/ with a main.ts. */
export function exampleNames(): string[] {
  return fs.readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXAMPLES_DIR, d.name, 'main.ts')))
    .map((d) => d.name)
    .sort();
}

/** One synthesized stack of an example. */
export interface SynthesizedStack {
  readonly name: string;
  readonly dir: string;
  readonly file: string;
  readonly json: any;
  readonly scorecard: any;
}

/** Synthesizes an example through its `buildApp` into a fresh temp outdir. */
export function synthExample(name: string): { outdir: string; stacks: SynthesizedStack[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `kong-example-${name}-`));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const example = require(path.join(EXAMPLES_DIR, name, 'main.ts')) as { buildApp?: (app: App) => void };
  if (typeof example.buildApp !== 'function') throw new Error(`examples/${name}/main.ts does not export buildApp(app)`);
  const app = new App({ outdir });
  example.buildApp(app);
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const stacks = Object.entries(manifest.stacks as { [name: string]: { workingDirectory: string; synthesizedStackPath: string } })
    .map(([stackName, s]) => {
      const file = path.join(outdir, s.synthesizedStackPath);
      const dir = path.join(outdir, s.workingDirectory);
      const card = path.join(dir, 'kong-best-practices.json');
      return {
        name: stackName,
        dir,
        file,
        json: JSON.parse(fs.readFileSync(file, 'utf8')),
        scorecard: fs.existsSync(card) ? JSON.parse(fs.readFileSync(card, 'utf8')) : undefined,
      };
    });
  return { outdir, stacks };
}

/** Resource count per Terraform type. */
export function resourceCounts(json: any): { [type: string]: number } {
  return Object.fromEntries(Object.entries(json.resource ?? {}).map(([type, byId]) => [type, Object.keys(byId as object).length]));
}

/** Provider name → source of `terraform.required_providers`. */
export function providerSources(json: any): { [name: string]: string } {
  return Object.fromEntries(Object.entries(json.terraform?.required_providers ?? {}).map(([n, p]) => [n, (p as { source: string }).source]));
}

/** The resources of one type. */
export function resources(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** Runs the compiled audit CLI as a child process. */
export function audit(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [AUDIT_BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function newestMtime(dir: string, ext: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, ext));
    else if (entry.name.endsWith(ext) && !entry.name.endsWith('.d.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Fails when lib/ is missing or older than src/ (under `area`): a stale build would test old
 * code. `npm test` compiles with jsii before jest runs.
 */
export function requireFreshLib(area = ''): void {
  const lib = path.join(ROOT, 'lib', area);
  const src = path.join(ROOT, 'src', area);
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) throw new Error("lib/ is missing: run 'npx projen compile' (npm test does) before this suite.");
  if (newestMtime(lib, '.js') < newestMtime(src, '.ts')) throw new Error(`lib/${area} is older than src/${area}: run 'npx projen compile' before this suite.`);
}
