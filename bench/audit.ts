// Audit cost as a stack grows: the kong-monitoring-audit CLI (compiled lib/, fresh process
// per run, as CI runs it) and KongBestPractices.validate (what the aspect runs at synth) on
// one stack of 58, 116, 231 and 500 gateways built with the facade. Prints a Markdown table.
// Standalone: `npx projen compile && npx ts-node --transpile-only -P tsconfig.dev.json bench/audit.ts`.
// AUDIT_BIN may name another build's bin, to compare before and after a change.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AuditSample } from './audit-child';
import { median } from './measure-load';

const ROOT = path.resolve(__dirname, '..');
const SIZES = (process.env.BENCH_AUDIT_SIZES ?? '58,116,231,500').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const AUDIT_BIN = process.env.AUDIT_BIN ?? path.join(ROOT, 'bin', 'kong-monitoring-audit');

const CHILD_ARGS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.join(__dirname, 'audit-child.ts')];
const CHILD_ENV = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') };

/** Builds and synthesizes the stack in a fresh process; the validate timing comes with it. */
function buildStack(gateways: number, outdir: string): AuditSample {
  const out = execFileSync(process.execPath, [...CHILD_ARGS, String(gateways), outdir], { cwd: ROOT, env: CHILD_ENV, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop()!) as AuditSample;
}

/** Wall time of one audit CLI run in a fresh process (exit 0 and 1 are both verdicts). */
function auditOnce(file: string): number {
  const start = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, [AUDIT_BIN, '--format', 'json', file], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e;
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const fmt = (n: number, digits = 0): string => n.toFixed(digits);

/** The audit table; `onRow` also receives each size's median CLI time. */
export function auditTable(runs = RUNS, onRow?: (gateways: number, ms: number) => void): string {
  const rows = [
    `| gateways | stack MB | resources | audit CLI ms (median of ${runs}) | ms per gateway | growth per doubling | KongBestPractices.validate ms | cdktf toTerraform ms | rules ms |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-audit-bench-'));
  let previous: { gateways: number; ms: number } | undefined;
  try {
    for (const n of SIZES) {
      const sample = buildStack(n, path.join(dir, String(n)));
      const text = fs.readFileSync(sample.file, 'utf8');
      const resources = Object.values(JSON.parse(text).resource ?? {}).reduce((sum: number, byName) => sum + Object.keys(byName as object).length, 0);
      const ms = median(Array.from({ length: runs }, () => auditOnce(sample.file)));
      // Time per doubling of the stack: (t2/t1)^(1/log2(n2/n1)); 2.0 is linear.
      const growth = previous ? Math.pow(ms / previous.ms, 1 / Math.log2(n / previous.gateways)) : undefined;
      rows.push(`| ${n} | ${fmt(text.length / 1024 / 1024, 1)} | ${resources} | ${fmt(ms)} | ${fmt(ms / n, 1)} | ${growth ? fmt(growth, 2) : '—'} | `
        + `${fmt(sample.validateMs)} | ${fmt(sample.toTerraformMs)} | ${fmt(sample.rulesMs)} |`);
      onRow?.(n, ms);
      previous = { gateways: n, ms };
      fs.rmSync(path.join(dir, String(n)), { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows.join('\n');
}

if (require.main === module) {
  console.log(`Audit timings (${AUDIT_BIN}):\n`);
  console.log(auditTable());
}
