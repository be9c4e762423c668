import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ALLOWED_METRICS, ALLOWED_SERVICE_CHECKS } from './helpers';
import { parseMetricExpression, parseMetricMonitorQuery, parseServiceCheckQuery } from '../support/datadog-query';

// Every Datadog monitor and dashboard query that the example apps synthesize: the grammar of
// its monitor type, known metric names only, and the critical threshold equal to the query's.
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

interface Stack { name: string; json: { resource?: Record<string, Record<string, any>> } }

function synthesizeExample(name: string): Stack[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `kong-dd-${name}-`));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const example = require(path.join(EXAMPLES, name, 'main.ts')) as { buildApp: (app: App) => void };
  const app = new App({ outdir });
  example.buildApp(app);
  app.synth();
  const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
  const result = stacks.map((s) => ({ name: s, json: JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8')) }));
  fs.rmSync(outdir, { recursive: true, force: true });
  return result;
}

function dashboardQueries(definition: any): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'q' || key === 'query') && typeof value === 'string' && /[a-z_]+\.[a-z_.]+\{/.test(value)) out.push(value);
        else walk(value);
      }
    }
  };
  walk(definition);
  return out;
}

const examples = fs.readdirSync(EXAMPLES).filter((e) => fs.existsSync(path.join(EXAMPLES, e, 'main.ts')));
const TEMPLATE_VARIABLE_KEYS: Record<string, string> = { $kong_gateway: 'kong_gateway', $kong_environment: 'kong_environment', $kube_namespace: 'kube_namespace', $kong_cluster: 'kong_cluster' };
const withDatadog = examples
  .map((name) => ({ name, stacks: synthesizeExample(name) }))
  .filter((e) => e.stacks.some((s) => s.json.resource?.datadog_monitor));

test('several examples use Datadog', () => {
  expect(withDatadog.length).toBeGreaterThanOrEqual(3);
});

describe.each(withDatadog.map((e) => [e.name, e.stacks] as const))('example %s', (_name, stacks) => {
  const monitors = stacks.flatMap((s) => Object.values(s.json.resource?.datadog_monitor ?? {}));
  const dashboards = stacks.flatMap((s) => Object.values(s.json.resource?.datadog_dashboard_json ?? {}));

  test('every metric monitor parses, reads known metrics, and its critical threshold is the query\'s number', () => {
    const metricMonitors = monitors.filter((m) => m.type === 'query alert' || m.type === 'metric alert');
    expect(metricMonitors.length).toBeGreaterThan(0);
    for (const m of metricMonitors) {
      const parsed = parseMetricMonitorQuery(m.query);
      for (const metric of parsed.metrics) expect([m.name, metric, ALLOWED_METRICS.has(metric)]).toEqual([m.name, metric, true]);
      expect([m.name, parsed.thresholdText]).toEqual([m.name, m.monitor_thresholds.critical]);
    }
  });

  test('every service-check monitor parses, names a known check, and counts at least its critical threshold', () => {
    const checks = monitors.filter((m) => m.type === 'service check');
    expect(checks.length).toBeGreaterThan(0);
    for (const m of checks) {
      const parsed = parseServiceCheckQuery(m.query);
      expect([m.name, ALLOWED_SERVICE_CHECKS.has(parsed.check)]).toEqual([m.name, true]);
      expect(parsed.last).toBeGreaterThanOrEqual(Number(m.monitor_thresholds.critical));
    }
  });

  test('every percentile any stack queries is enabled by exactly one stack of the app, with every tag key the queries use', () => {
    // Datadog keeps one tag configuration per metric per account (the examples write to one).
    const terms = [
      ...monitors.filter((m) => m.type === 'query alert').flatMap((m) => parseMetricMonitorQuery(m.query).terms),
      ...dashboards.flatMap((d) => dashboardQueries(JSON.parse(d.dashboard))).flatMap((q) => parseMetricExpression(q).terms),
    ];
    const configurations = stacks.flatMap((st) => Object.values(st.json.resource?.datadog_metric_tag_configuration ?? {}));
    for (const metric of new Set(terms.filter((t) => /^p\d+$/.test(t.spaceAggregation)).map((t) => t.metric))) {
      const owners = configurations.filter((c) => c.metric_name === metric);
      expect([metric, owners.length]).toEqual([metric, 1]);
      expect(owners[0]).toMatchObject({ metric_type: 'distribution', include_percentiles: true });
      const keys = terms.filter((t) => t.metric === metric)
        .flatMap((t) => [...t.filter.filter((f) => f !== '*').map((f) => TEMPLATE_VARIABLE_KEYS[f] ?? f.replace(/^!/, '').split(':')[0]), ...t.groupBy]);
      for (const key of keys) expect([metric, key, owners[0].tags.includes(key)]).toEqual([metric, key, true]);
    }
  });

  test('every dashboard query parses and reads known metrics only', () => {
    const queries = dashboards.flatMap((d) => dashboardQueries(JSON.parse(d.dashboard)));
    expect(queries.length).toBeGreaterThan(5);
    for (const q of queries) {
      // Template variables ($kube_namespace ...) are part of the grammar the parser reads.
      for (const metric of parseMetricExpression(q).metrics) expect([q, ALLOWED_METRICS.has(metric)]).toEqual([q, true]);
    }
  });
});
