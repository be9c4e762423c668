import { execFileSync } from 'child_process';
import * as path from 'path';

/** What one fresh Node process costs to load a module. */
export interface LoadSample {
  readonly ms: number;
  readonly modules: number;
  /** Provider package roots (`lib/index.js`) loaded: over a second each. */
  readonly providerRoots: string[];
  /** Modules of `@cdktf/provider-*` packages loaded (deep paths included). */
  readonly providerModules: number;
  /** Modules of the Grafana dashboard builder loaded. */
  readonly grafanaSdkModules: number;
  /** Modules of js-yaml loaded. */
  readonly yamlModules: number;
}

const ROOT = path.resolve(__dirname, '..');

/**
 * Loads `specifiers` in a fresh Node process and reports the time, the number of modules
 * in the require cache, and which heavy packages got loaded.
 */
export function measureLoad(specifiers: string[]): LoadSample {
  const script = `
    const start = process.hrtime.bigint();
    for (const s of ${JSON.stringify(specifiers)}) require(s);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const files = Object.keys(require.cache);
    const count = (re) => files.filter((f) => re.test(f.split(require('path').sep).join('/'))).length;
    const providerRoots = files.filter((f) => /@cdktf[\\\\/]provider-[a-z]+[\\\\/]lib[\\\\/]index\\.js$/.test(f));
    process.stdout.write(JSON.stringify({
      ms, modules: files.length, providerRoots,
      providerModules: count(/node_modules\\/@cdktf\\/provider-/),
      grafanaSdkModules: count(/node_modules\\/@grafana\\/grafana-foundation-sdk\\//),
      yamlModules: count(/node_modules\\/js-yaml\\//),
    }));
  `;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as LoadSample;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
