// Tests of the compiled package (lib/, the audit bin): refuse a stale build, run the bin.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './synth';

const AUDIT_BIN = path.join(ROOT, 'bin', 'kong-monitoring-audit');

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

/** Runs the compiled audit CLI as a child process. */
export function audit(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [AUDIT_BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
