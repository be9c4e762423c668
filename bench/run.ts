// `npm run bench`: load cost, synth time and peak memory of the KongMonitoring facade beside a
// hand-written baseline, growth with the number of gateways, resources per gateway as nodes
// are added, and the audit's cost as a stack grows; then every target of the bench, met or not.
// Every synth measurement runs in a fresh process, on the built library (lib/) as a user's app
// loads it, in two ways: compiled JavaScript under plain node, and TypeScript under ts-node
// (as `cdktf synth` runs a TypeScript app). Medians are quoted; subjects take turns, so machine
// load hits them alike.
// BENCH_BEFORE=<git ref> also measures the library as built at that ref, in the same run.
// Prints Markdown and writes it, with the raw samples, to bench/results/.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { auditTable } from './audit';
import { CURRENT_LIB, ROOT, buildAt, compileChild } from './builds';
import { LoadFigure, loadCost, loadCostTable } from './load-cost';
import { median } from './measure-load';
import { Layout, Scenario, Variant } from './scenario';
import { SynthSample } from './synth-child';

/** Fresh processes per synth figure (the median of these is quoted). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 7);
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,500').split(',').map(Number);
/** Growth is measured from GROWTH_N to 2 * GROWTH_N gateways. */
const GROWTH_N = Number(process.env.BENCH_GROWTH_N ?? 250);
const NODE_COUNTS = [3, 30, 300];
const BEFORE = process.env.BENCH_BEFORE;

/** How the app runs: compiled JavaScript under node, or TypeScript under ts-node. */
type Mode = 'node' | 'ts-node';
const MODES = (process.env.BENCH_MODES ?? 'node,ts-node').split(',') as Mode[];

/** What is measured: the facade (current build), the hand-written baseline, the facade on the older build. */
type Subject = 'facade' | 'baseline' | 'before';

interface Target {
  readonly name: string;
  readonly limit: number;
  /** Measured values by mode, before and after; higher is worse. */
  readonly values: Map<string, { before?: number; after: number }>;
}
const targets: Target[] = [];

function record(name: string, limit: number, column: string, after: number, before?: number): void {
  let target = targets.find((t) => t.name === name);
  if (!target) {
    target = { name, limit, values: new Map() };
    targets.push(target);
  }
  target.values.set(column, { before, after });
}

const childScript = new Map<Mode, string>();
const beforeLib = BEFORE ? buildAt(BEFORE) : undefined;
const samples: Array<{ mode: Mode; subject: Subject; scenario: Scenario; sample: SynthSample }> = [];

function synthOnce(mode: Mode, subject: Subject, scenario: Scenario): SynthSample {
  const lib = subject === 'before' ? beforeLib! : CURRENT_LIB;
  const args = [JSON.stringify(scenario), lib];
  const out = mode === 'node'
    ? execFileSync(process.execPath, [childScript.get('node')!, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
    : execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'synth-child.ts'), ...args], {
      cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') },
    });
  const sample = JSON.parse(out.trim().split('\n').pop()!) as SynthSample;
  samples.push({ mode, subject, scenario, sample });
  return sample;
}

interface Figure {
  readonly ms: number;
  readonly processMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly sample: SynthSample;
}

/** Samples already taken, by mode, subject and scenario: a figure needed twice is measured once. */
const taken = new Map<string, SynthSample[]>();

/** One thing measured: a subject on a number of gateways laid out in stacks. */
interface Case {
  readonly subject: Subject;
  readonly gateways: number;
  readonly layout: Layout;
  readonly expectedNodes?: number;
}

const caseKey = (mode: Mode, c: Case): string => JSON.stringify({ mode, subject: c.subject, gateways: c.gateways, layout: c.layout, expectedNodes: c.expectedNodes ?? 3 });

/**
 * Takes RUNS fresh-process samples of each case, in rounds that visit every case once, so a
 * change of machine load over the run hits all of them alike (ratios and growth compare cases
 * measured side by side).
 */
function measureCases(mode: Mode, cases: Case[]): void {
  for (let r = 0; r < RUNS; r++) {
    for (const c of cases) {
      const list = taken.get(caseKey(mode, c)) ?? [];
      if (list.length > r) continue;
      const variant: Variant = c.subject === 'baseline' ? 'baseline' : 'facade';
      list.push(synthOnce(mode, c.subject, { variant, gateways: c.gateways, layout: c.layout, expectedNodes: c.expectedNodes ?? 3 }));
      taken.set(caseKey(mode, c), list);
    }
  }
}

/** Medians of a case measured by `measureCases`. */
function figure(mode: Mode, c: Case): Figure {
  const list = taken.get(caseKey(mode, c))!;
  return {
    ms: median(list.map((s) => s.ms)),
    processMs: median(list.map((s) => s.processMs)),
    cpuMs: median(list.map((s) => s.cpuMs)),
    maxRssMb: median(list.map((s) => s.maxRssMb)),
    sample: list[0],
  };
}

/** Resources a stack writes per account rather than per gateway: Datadog's percentile settings. */
const PER_ACCOUNT = new Set(['datadog_metric_tag_configuration']);

/** Resources per gateway: all but the per-account ones, divided by the gateway count. */
function perGateway(resources: { [type: string]: number }, gateways: number): number {
  return Object.entries(resources).filter(([type]) => !PER_ACCOUNT.has(type)).reduce((sum, [, n]) => sum + n, 0) / gateways;
}

/** The baseline only means something if it writes what the facade writes: same types, same counts. */
function assertSameResources(gateways: number, facade: SynthSample, baseline: SynthSample): void {
  const a = JSON.stringify(facade.resources);
  const b = JSON.stringify(baseline.resources);
  if (a !== b) throw new Error(`facade and baseline differ for ${gateways} gateway(s): facade ${a}, baseline ${b}`);
}

const fmt = (n: number, digits = 0): string => n.toFixed(digits);
const subjects: Subject[] = BEFORE ? ['facade', 'baseline', 'before'] : ['facade', 'baseline'];
/** Growth is the facade's own, on each build measured. */
const growthSubjects: Subject[] = BEFORE ? ['facade', 'before'] : ['facade'];

function synthTable(mode: Mode): string {
  const beforeHead = BEFORE ? ' before ms | before time ratio |' : '';
  const beforeMemHead = BEFORE ? ' before peak MB | before memory ratio |' : '';
  const rows = [
    `| gateways | stacks | facade ms | baseline ms | time ratio |${beforeHead} facade peak MB | baseline peak MB | memory ratio |${beforeMemHead} resources per gateway¹ | JSON KB per gateway (facade / baseline) | whole process ms² (facade / baseline${BEFORE ? ' / before' : ''}) |`,
    `|---:|---|---:|---:|---:|${BEFORE ? '---:|---:|' : ''}---:|---:|---:|${BEFORE ? '---:|---:|' : ''}---:|---:|---:|`,
  ];
  const rowsToMeasure: Array<[number, Layout]> = [...SIZES.map((n): [number, Layout] => [n, 'one-stack']), [2 * GROWTH_N, 'stack-per-gateway']];
  for (const [n, layout] of rowsToMeasure) {
    const cases: Case[] = subjects.map((subject) => ({ subject, gateways: n, layout }));
    // The growth figures' smaller size is measured in the same rounds as the larger one.
    if (n === 2 * GROWTH_N) cases.push(...growthSubjects.map((subject) => ({ subject, gateways: GROWTH_N, layout })));
    measureCases(mode, cases);
    const f = figure(mode, { subject: 'facade', gateways: n, layout });
    const b = figure(mode, { subject: 'baseline', gateways: n, layout });
    const p = BEFORE ? figure(mode, { subject: 'before', gateways: n, layout }) : undefined;
    assertSameResources(n, f.sample, b.sample);
    const where = layout === 'one-stack' ? 'one' : 'one per gateway';
    const timeRatio = f.ms / b.ms;
    const memRatio = f.maxRssMb / b.maxRssMb;
    const label = `${n} gateway${n === 1 ? '' : 's'}, ${layout === 'one-stack' ? 'one stack' : 'one stack per gateway'}`;
    record(`synth time ≤ 1.1× baseline: ${label}`, 1.1, mode, timeRatio, p ? p.ms / b.ms : undefined);
    record(`peak memory ≤ 1.1× baseline: ${label}`, 1.1, mode, memRatio, p ? p.maxRssMb / b.maxRssMb : undefined);
    rows.push(`| ${n} | ${where} | ${fmt(f.ms)} | ${fmt(b.ms)} | ${fmt(timeRatio, 2)} |`
      + `${p ? ` ${fmt(p.ms)} | ${fmt(p.ms / b.ms, 2)} |` : ''} ${fmt(f.maxRssMb)} | ${fmt(b.maxRssMb)} | ${fmt(memRatio, 2)} |`
      + `${p ? ` ${fmt(p.maxRssMb)} | ${fmt(p.maxRssMb / b.maxRssMb, 2)} |` : ''}`
      + ` ${fmt(perGateway(f.sample.resources, n))} | ${fmt(f.sample.bytes / n / 1024)} / ${fmt(b.sample.bytes / n / 1024)} |`
      + ` ${fmt(f.processMs)} / ${fmt(b.processMs)}${p ? ` / ${fmt(p.processMs)}` : ''} |`);
  }
  rows.push(
    '',
    '¹ Besides the percentile settings of the latency distributions, written once per Datadog account (three `datadog_metric_tag_configuration`).',
    '² From the process\'s start to synth done: node\'s start, loading cdktf, the providers, the bench and the library (every subject loads the same modules but the library build), then the synth. What a build loads lazily falls in its synth time.',
  );
  return rows.join('\n');
}

function growthTable(mode: Mode): string {
  const rows = [
    `| layout | ${GROWTH_N} gateways ms | ${2 * GROWTH_N} gateways ms | growth time(2N)/time(N) |${BEFORE ? ' before growth |' : ''} peak MB at ${2 * GROWTH_N} |`,
    `|---|---:|---:|---:|${BEFORE ? '---:|' : ''}---:|`,
  ];
  for (const layout of ['one-stack', 'stack-per-gateway'] as Layout[]) {
    measureCases(mode, growthSubjects.flatMap((subject) => [{ subject, gateways: GROWTH_N, layout }, { subject, gateways: 2 * GROWTH_N, layout }]));
    const small = new Map(growthSubjects.map((subject) => [subject, figure(mode, { subject, gateways: GROWTH_N, layout })]));
    const big = new Map(growthSubjects.map((subject) => [subject, figure(mode, { subject, gateways: 2 * GROWTH_N, layout })]));
    const growth = (s: Subject): number => big.get(s)!.ms / small.get(s)!.ms;
    const label = layout === 'one-stack' ? 'one stack' : 'one stack per gateway';
    record(`growth per doubling (${GROWTH_N} → ${2 * GROWTH_N} gateways) ≤ 2.1: ${label}`, 2.1, mode, growth('facade'), BEFORE ? growth('before') : undefined);
    rows.push(`| ${label} | ${fmt(small.get('facade')!.ms)} | ${fmt(big.get('facade')!.ms)} | ${fmt(growth('facade'), 2)} |`
      + `${BEFORE ? ` ${fmt(growth('before'), 2)} |` : ''} ${fmt(big.get('facade')!.maxRssMb)} |`);
  }
  return rows.join('\n');
}

function nodesTable(): string {
  const rows = ['| expected nodes | resources per gateway¹ | by type, for 2 gateways |', '|---:|---:|---|'];
  const counts: number[] = [];
  for (const nodes of NODE_COUNTS) {
    const s = synthOnce('node', 'facade', { variant: 'facade', gateways: 2, layout: 'one-stack', expectedNodes: nodes });
    counts.push(perGateway(s.resources, 2));
    rows.push(`| ${nodes} | ${perGateway(s.resources, 2)} | ${Object.entries(s.resources).map(([t, c]) => `${t} ${c}`).join(', ')} |`);
  }
  const spread = Math.max(...counts) - Math.min(...counts);
  record(`resources per gateway independent of node count (${NODE_COUNTS.join(', ')}): change`, 0, 'node', spread);
  if (spread !== 0) throw new Error(`resources per gateway change with the node count: ${counts.join(', ')}`);
  return rows.join('\n');
}

function loadSection(): string {
  const builds: Array<[string, string]> = [['cdktf-kong-monitoring (lib/)', CURRENT_LIB]];
  if (beforeLib) builds.push([`cdktf-kong-monitoring at ${BEFORE}`, beforeLib]);
  const figures: LoadFigure[] = loadCost(builds, LOAD_RUNS);
  const ratio = (label: string): number | undefined => {
    const f = figures.find((x) => x.label === label);
    return f ? f.ms / figures[0].ms : undefined;
  };
  record('importing the library ≤ 1.2× bare cdktf', 1.2, 'node', ratio(builds[0][0])!, beforeLib ? ratio(builds[1][0]) : undefined);
  return loadCostTable(figures);
}

function targetsTable(): string {
  const columns = [...new Set(targets.flatMap((t) => [...t.values.keys()]))];
  const rows = [
    `| target | ${columns.map((c) => `${c}: ${BEFORE ? 'before → after' : 'measured'}`).join(' | ')} | met |`,
    `|---|${columns.map(() => '---:').join('|')}|---|`,
  ];
  for (const t of targets) {
    const cells = columns.map((c) => {
      const v = t.values.get(c);
      if (!v) return '—';
      return v.before !== undefined ? `${fmt(v.before, 2)} → ${fmt(v.after, 2)}` : fmt(v.after, 2);
    });
    const met = [...t.values.values()].every((v) => v.after <= t.limit);
    rows.push(`| ${t.name} | ${cells.join(' | ')} | ${met ? 'yes' : 'no'} |`);
  }
  return rows.join('\n');
}

function main(): void {
  const started = Date.now();
  const sections: string[] = [];
  const say = (text: string): void => {
    sections.push(text);
    console.log(text + '\n');
  };
  const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
  say(`cdktf-kong-monitoring bench, ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, load average at start ${load}`
    + `${BEFORE ? `; before = the library built at ${BEFORE}` : ''}`);
  if (MODES.includes('node')) childScript.set('node', compileChild());

  say(`### Load cost (median of ${LOAD_RUNS} fresh processes)\n\n${loadSection()}`);
  for (const mode of MODES) {
    const how = mode === 'node' ? 'compiled JavaScript under plain node' : 'TypeScript app under ts-node (transpile-only, as `cdktf synth` runs it), library from lib/';
    say(`### Synth, ${how}: facade vs hand-written baseline (median of ${RUNS} fresh processes, first construct to App.synth() done)\n\n${synthTable(mode)}`);
    say(`### Growth, ${mode} (facade, median of ${RUNS})\n\n${growthTable(mode)}`);
  }
  say(`### Resources per gateway as nodes are added (facade)\n\n${nodesTable()}`);
  const audits: Array<[number, number]> = [];
  const audit = auditTable(RUNS, (gateways, ms) => audits.push([gateways, ms]));
  say(`### Audit: kong-monitoring-audit and KongBestPractices.validate on one stack of deployed gateways (median of ${RUNS} fresh processes)\n\n${audit}`);
  const [largest, ms] = audits[audits.length - 1];
  record(`audit CLI on ${largest} gateways in one stack ≤ 5 s: seconds`, 5, 'node', ms / 1000);
  const [first, firstMs] = audits[0];
  record(`audit CLI growth per doubling (${first} → ${largest} gateways) ≤ 2.1`, 2.1, 'node', Math.pow(ms / firstMs, 1 / Math.log2(largest / first)));
  say(`### Targets\n\n${targetsTable()}`);
  say(`Bench time: ${fmt((Date.now() - started) / 1000)} s; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}.`);

  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `bench-${stamp}.md`), sections.join('\n\n') + '\n');
  fs.writeFileSync(path.join(dir, `bench-${stamp}.json`), JSON.stringify(samples, null, 1) + '\n');
  console.log(`Written to bench/results/bench-${stamp}.md (and .json with every sample).`);
}

main();
