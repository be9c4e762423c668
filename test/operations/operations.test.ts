// The operations suite: realistic operations and outages on every kind of cluster, run
// through the rules users apply (PrometheusRule in-cluster, Grafana rules on a central store)
// by promtool. Each case passes only if the expected alerts fire for the right node within
// their bound, and nothing else fires at any time. The matrix (scenario × cluster × backend,
// with detection times) is written to test-reports/operations-matrix.md.
import * as fs from 'fs';
import * as path from 'path';
import { Backend, Firing, externalLabelsOf, firingTimeline, ruleFileFor } from './backends';
import { ClusterKind, SCENARIOS, Scenario } from './scenarios';
import { ROOT } from '../support/synth';

interface Outcome {
  readonly scenario: string;
  readonly kind: ClusterKind;
  readonly backend: Backend;
  readonly passed: boolean;
  readonly detections: string[];
}

const outcomes: Outcome[] = [];

function matches(firing: Firing, e: { signal: string; severity?: string; labels?: { [k: string]: string } }): boolean {
  if (firing.labels.signal !== e.signal) return false;
  if (e.severity !== undefined && firing.labels.severity !== e.severity) return false;
  return Object.entries(e.labels ?? {}).every(([k, v]) => firing.labels[k] === v);
}

function describeFiring(f: Firing): string {
  return `${Object.entries(f.labels).map(([k, v]) => `${k}=${v}`).join(' ')} at ${f.t}s`;
}

/** Runs one case and returns what it detected, failing the test on a miss or a stray alert. */
function run(scenario: Scenario, kind: ClusterKind, backend: Backend): string[] {
  const c = scenario.build(kind, externalLabelsOf(backend));
  const timeline = firingTimeline(ruleFileFor(backend, c.gateways), c.world.series());
  const problems: string[] = [];
  const detections: string[] = [];
  for (const e of c.expected) {
    const hits = timeline.filter((f) => matches(f, e));
    const early = hits.find((f) => f.t < c.at);
    const first = hits.find((f) => f.t >= c.at);
    const what = `${e.signal} (${e.severity}${e.labels ? `, ${Object.values(e.labels).join(', ')}` : ''})`;
    if (early) problems.push(`${what} fired before the fault, at ${early.t}s`);
    if (!first) {
      problems.push(`${what} never fired (bound ${e.within}s after ${c.at}s)`);
    } else if (first.t - c.at > e.within) {
      problems.push(`${what} fired ${first.t - c.at}s after the fault, later than ${e.within}s`);
    } else {
      detections.push(`${e.signal}${e.labels ? ` (${Object.values(e.labels)[0]})` : ''} ${first.t - c.at}s`);
    }
  }
  const stray = timeline.filter((f) => !c.expected.some((e) => matches(f, e)) && !(c.allowed ?? []).some((a) => matches(f, a)));
  const firstStray = new Map<string, Firing>();
  for (const f of stray) {
    const key = JSON.stringify(f.labels);
    if (!firstStray.has(key)) firstStray.set(key, f);
  }
  for (const f of firstStray.values()) problems.push(`unexpected alert: ${describeFiring(f)}`);
  outcomes.push({ scenario: scenario.title, kind, backend, passed: problems.length === 0, detections });
  if (problems.length > 0) throw new Error(`${scenario.id} on ${kind}, ${backend}:\n  ${problems.join('\n  ')}`);
  return detections;
}

const CASES = SCENARIOS.flatMap((s) => s.kinds.flatMap((kind) => Object.values(Backend).map((backend) => [s, kind, backend] as const)));

describe('operations suite: alerts fire on real failures and stay quiet in healthy operations', () => {
  test('covers every scenario the issue lists, on every kind of cluster it applies to, in both backends', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      'healthy', 'one-node-unready', 'node-starting', 'rolling-update', 'node-gone', 'scale-up', 'scale-down',
      'datastore-unreachable', 'one-datastore-lost-ready', 'dp-loses-cp', 'dp-stops-reporting', 'dp-rolled-rows-linger',
      'new-configuration', 'dp-stuck-old-configuration', 'incompatible-dp', 'control-plane-roll-out',
    ]);
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  test.each(CASES.map(([s, kind, backend]) => [s.id, kind, backend, s] as const))('%s on %s, %s', (_id, kind, backend, scenario) => {
    const detections = run(scenario, kind, backend);
    // A case that expects alerts detected each of them; a quiet case detected nothing.
    expect(detections).toHaveLength(scenario.build(kind, externalLabelsOf(backend)).expected.length);
  });

  afterAll(() => {
    const dir = path.join(ROOT, 'test-reports');
    fs.mkdirSync(dir, { recursive: true });
    const lines = [
      '| scenario | cluster | backend | result | detected (after the fault) |',
      '|---|---|---|---|---|',
      ...outcomes.map((o) => `| ${o.scenario} | ${o.kind} | ${o.backend} | ${o.passed ? 'pass' : 'FAIL'} | ${o.detections.join('; ') || 'silent'} |`),
    ];
    fs.writeFileSync(path.join(dir, 'operations-matrix.md'), lines.join('\n') + '\n');
  });
});

