// `npm run bench`: load cost, synth time and peak memory of the KongMonitoring facade beside a
// hand-written baseline, growth with the number of gateways, resources per gateway as
// nodes are added, and the audit's cost as a stack grows. Every synth measurement runs in a
// fresh process; medians are quoted.
// Prints Markdown and writes it, with the raw samples, to bench/results/.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { auditTable } from './audit';
import { loadCostTable } from './load-cost';
import { median } from './measure-load';
import { Layout, Scenario, Variant } from './scenario';
import { SynthSample } from './synth-child';

const ROOT = path.resolve(__dirname, '..');
/** Fresh processes per synth figure (the median of these is quoted). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,500').split(',').map(Number);
/** Growth is measured from GROWTH_N to 2 * GROWTH_N gateways. */
const GROWTH_N = Number(process.env.BENCH_GROWTH_N ?? 250);
const NODE_COUNTS = [3, 30, 300];

// The child runs the way `cdktf synth` runs a TypeScript app: ts-node, with its source-map
// support installed (cdktf maps a stack trace per output reference, so this is part of the cost).
const CHILD_ARGS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.join(__dirname, 'synth-child.ts')];
const CHILD_ENV = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') };

const samples: Array<{ scenario: Scenario; sample: SynthSample }> = [];

function synthOnce(scenario: Scenario): SynthSample {
  const out = execFileSync(process.execPath, [...CHILD_ARGS, JSON.stringify(scenario)], {
    cwd: ROOT, env: CHILD_ENV, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
  });
  const sample = JSON.parse(out.trim().split('\n').pop()!) as SynthSample;
  samples.push({ scenario, sample });
  return sample;
}

interface Figure {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly sample: SynthSample;
}

/** Samples already taken, by scenario: a figure needed twice (e.g. 500 gateways in one stack) is measured once. */
const taken = new Map<string, SynthSample[]>();

/** Medians over RUNS fresh processes of each variant, interleaved so machine load hits both alike. */
function measure(variants: Variant[], gateways: number, layout: Layout, expectedNodes = 3, runs = RUNS): Map<Variant, Figure> {
  const key = (variant: Variant): string => JSON.stringify({ variant, gateways, layout, expectedNodes });
  const byVariant = new Map<Variant, SynthSample[]>(variants.map((v) => [v, taken.get(key(v)) ?? []]));
  for (let r = 0; r < runs; r++) {
    for (const variant of variants) {
      const list = byVariant.get(variant)!;
      if (list.length < runs) list.push(synthOnce({ variant, gateways, layout, expectedNodes }));
    }
  }
  for (const [variant, list] of byVariant) taken.set(key(variant), list);
  const figures = new Map<Variant, Figure>();
  for (const [variant, list] of byVariant) {
    figures.set(variant, {
      ms: median(list.map((s) => s.ms)),
      cpuMs: median(list.map((s) => s.cpuMs)),
      maxRssMb: median(list.map((s) => s.maxRssMb)),
      sample: list[0],
    });
  }
  return figures;
}

function total(resources: { [type: string]: number }): number {
  return Object.values(resources).reduce((a, b) => a + b, 0);
}

/** The baseline only means something if it writes what the facade writes: same types, same counts. */
function assertSameResources(gateways: number, facade: SynthSample, baseline: SynthSample): void {
  const a = JSON.stringify(facade.resources);
  const b = JSON.stringify(baseline.resources);
  if (a !== b) throw new Error(`facade and baseline differ for ${gateways} gateway(s): facade ${a}, baseline ${b}`);
}

const fmt = (n: number, digits = 0): string => n.toFixed(digits);

function synthTable(): string {
  const rows = [
    '| gateways | facade ms | baseline ms | time ratio | facade peak MB | baseline peak MB | memory ratio | resources per gateway | JSON KB per gateway (facade / baseline) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of SIZES) {
    const fig = measure(['facade', 'baseline'], n, 'one-stack');
    const f = fig.get('facade')!;
    const b = fig.get('baseline')!;
    assertSameResources(n, f.sample, b.sample);
    rows.push(`| ${n} | ${fmt(f.ms)} | ${fmt(b.ms)} | ${fmt(f.ms / b.ms, 2)} | ${fmt(f.maxRssMb)} | ${fmt(b.maxRssMb)} | ${fmt(f.maxRssMb / b.maxRssMb, 2)} | `
      + `${fmt(total(f.sample.resources) / n)} | ${fmt(f.sample.bytes / n / 1024)} / ${fmt(b.sample.bytes / n / 1024)} |`);
  }
  return rows.join('\n');
}

function growthTable(): string {
  const rows = [
    `| layout | ${GROWTH_N} gateways ms | ${2 * GROWTH_N} gateways ms | growth time(2N)/time(N) | peak MB at ${2 * GROWTH_N} |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const layout of ['one-stack', 'stack-per-gateway'] as Layout[]) {
    const small = measure(['facade'], GROWTH_N, layout).get('facade')!;
    const big = measure(['facade'], 2 * GROWTH_N, layout).get('facade')!;
    rows.push(`| ${layout === 'one-stack' ? 'one stack' : 'one stack per gateway'} | ${fmt(small.ms)} | ${fmt(big.ms)} | ${fmt(big.ms / small.ms, 2)} | ${fmt(big.maxRssMb)} |`);
  }
  return rows.join('\n');
}

function nodesTable(): string {
  const rows = ['| expected nodes | resources per gateway | by type |', '|---:|---:|---|'];
  const counts: number[] = [];
  for (const nodes of NODE_COUNTS) {
    const s = synthOnce({ variant: 'facade', gateways: 2, layout: 'one-stack', expectedNodes: nodes });
    counts.push(total(s.resources) / 2);
    rows.push(`| ${nodes} | ${total(s.resources) / 2} | ${Object.entries(s.resources).map(([t, c]) => `${t} ${c / 2}`).join(', ')} |`);
  }
  if (new Set(counts).size !== 1) throw new Error(`resources per gateway change with the node count: ${counts.join(', ')}`);
  return rows.join('\n');
}

function main(): void {
  const started = Date.now();
  const sections: string[] = [];
  const header = `cdktf-kong-monitoring bench, ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs`;
  sections.push(header);
  console.log(header + '\n');

  const load = `### Load cost (median of ${LOAD_RUNS} fresh processes)\n\n${loadCostTable(LOAD_RUNS)}`;
  sections.push(load);
  console.log(load + '\n');

  const synth = `### Synth: KongMonitoring facade vs hand-written baseline, one stack (median of ${RUNS} fresh processes, App.synth() to disk)\n\n${synthTable()}`;
  sections.push(synth);
  console.log(synth + '\n');

  const growth = `### Growth (facade, median of ${RUNS})\n\n${growthTable()}`;
  sections.push(growth);
  console.log(growth + '\n');

  const nodes = `### Resources per gateway as nodes are added (facade)\n\n${nodesTable()}`;
  sections.push(nodes);
  console.log(nodes + '\n');

  const audit = `### Audit: kong-monitoring-audit and KongBestPractices.validate on one stack of deployed gateways (median of ${RUNS} fresh processes)\n\n${auditTable(RUNS)}`;
  sections.push(audit);
  console.log(audit + '\n');

  const footer = `Bench time: ${fmt((Date.now() - started) / 1000)} s.`;
  sections.push(footer);
  console.log(footer);

  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `bench-${stamp}.md`), sections.join('\n\n') + '\n');
  fs.writeFileSync(path.join(dir, `bench-${stamp}.json`), JSON.stringify(samples, null, 1) + '\n');
  console.log(`Written to bench/results/bench-${stamp}.md (and .json with every sample).`);
}

main();
