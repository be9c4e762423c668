import { execFileSync } from 'child_process';
import * as path from 'path';

/** What one fresh Node process costs to load a module. */
export interface LoadSample {
  readonly ms: number;
  readonly modules: number;
  readonly providerRoots: string[];
}

const ROOT = path.resolve(__dirname, '..');

/**
 * Loads `specifiers` in a fresh Node process and reports the time, the number of modules
 * in the require cache, and any provider package root (`lib/index.js`) that got loaded.
 */
export function measureLoad(specifiers: string[]): LoadSample {
  const script = `
    const start = process.hrtime.bigint();
    for (const s of ${JSON.stringify(specifiers)}) require(s);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const files = Object.keys(require.cache);
    const providerRoots = files.filter((f) => /@cdktf[\\\\/]provider-[a-z]+[\\\\/]lib[\\\\/]index\\.js$/.test(f));
    process.stdout.write(JSON.stringify({ ms, modules: files.length, providerRoots }));
  `;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as LoadSample;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
