// Every PromQL string the library emits — dashboard targets and variable series, Grafana
// rule queries, Prometheus rule expressions — for gateways of all four deployment modes,
// parsed with the Prometheus project's grammar and held to known metric names.
import * as fs from 'fs';
import * as path from 'path';
import { gatewaysOfEveryMode, renderRules } from './helpers';
import { DeploymentMode } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { GrafanaAlertRules, GrafanaDashboard } from '../../src/grafana';
import { TerraformStack, Testing } from '../../src/internal/cdktf';
import { assertValidPromql, histogramBase, parsePromql } from '../support/promql';

const FIXTURE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'prometheus', 'metric-names.json'), 'utf8'));
const KONG = new Map<string, string>(FIXTURE.kong.map((m: { name: string; type: string }) => [m.name, m.type]));
const KUBE_STATE = new Set<string>(FIXTURE.kubeStateMetrics);
const PROMETHEUS = new Set<string>(FIXTURE.prometheus);

/** True when `name` is a series a Kong node, kube-state-metrics or Prometheus exports. */
function isKnownMetric(name: string): boolean {
  if (KUBE_STATE.has(name) || PROMETHEUS.has(name)) return true;
  if (KONG.has(name)) return KONG.get(name) !== 'histogram';
  const base = histogramBase(name);
  return base !== name && KONG.get(base) === 'histogram';
}

interface Emitted { readonly where: string; readonly expr: string }

/** Collects every PromQL string one gateway's Grafana and Prometheus output holds. */
function emittedFor(gateway: KongGateway): Emitted[] {
  const out: Emitted[] = [];
  const stack = new TerraformStack(Testing.app(), 'test');
  new GrafanaDashboard(stack, 'dash', { gateway, datasourceUid: 'prom' });
  new GrafanaAlertRules(stack, 'rules', { gateway, datasourceUid: 'prom' });
  const parsed = JSON.parse(Testing.synth(stack));
  for (const dash of Object.values(parsed.resource.grafana_dashboard) as any[]) {
    const model = JSON.parse(dash.config_json);
    for (const panel of model.panels) {
      for (const t of panel.targets ?? []) out.push({ where: `${gateway.name} dashboard panel '${panel.title}'`, expr: t.expr });
    }
    for (const v of model.templating.list.filter((x: any) => x.type === 'query')) {
      // label_values(<series selector>, <label>) is Grafana's; the selector inside is PromQL.
      const m = /^label_values\((.*), ([a-z_]+)\)$/.exec(v.query.query);
      expect(m).not.toBeNull();
      out.push({ where: `${gateway.name} dashboard variable '${v.name}'`, expr: m![1] });
    }
  }
  for (const group of Object.values(parsed.resource.grafana_rule_group) as any[]) {
    for (const rule of group.rule) out.push({ where: `${gateway.name} Grafana rule '${rule.name}'`, expr: JSON.parse(rule.data[0].model).expr });
  }
  for (const group of renderRules({ gateways: [gateway] }).rules.ruleGroups) {
    for (const rule of group.rules) out.push({ where: `${gateway.name} Prometheus rule ${rule.alert}`, expr: rule.expr });
  }
  return out;
}

const GATEWAYS = gatewaysOfEveryMode();

describe('PromQL the library emits', () => {
  test('covers all four deployment modes', () => {
    expect(new Set(GATEWAYS.map((g) => g.mode))).toEqual(new Set(Object.values(DeploymentMode)));
  });

  test.each(GATEWAYS.map((g) => [`${g.mode} ${g.name}`, g] as const))('%s: every string parses with lezer-promql', (_, gateway) => {
    const emitted = emittedFor(gateway);
    expect(emitted.length).toBeGreaterThan(20);
    const failures = emitted.map((e) => ({ ...e, errors: parsePromql(e.expr).errors })).filter((e) => e.errors.length > 0);
    expect(failures).toEqual([]);
  });

  test.each(GATEWAYS.map((g) => [`${g.mode} ${g.name}`, g] as const))('%s: metric names are Kong plugin, kube-state-metrics or up', (_, gateway) => {
    const used = new Set<string>();
    for (const e of emittedFor(gateway)) for (const name of assertValidPromql(e.expr, e.where)) used.add(name);
    const unknown = [...used].filter((n) => !isKnownMetric(n));
    expect(unknown).toEqual([]);
    expect(used.size).toBeGreaterThan(3);
  });

  test('the node readiness and datastore metrics appear where the mode has them', () => {
    const names = (g: KongGateway) => new Set(emittedFor(g).flatMap((e) => parsePromql(e.expr).metricNames));
    const [traditional, dbLess, cp, dp] = GATEWAYS;
    expect(names(traditional).has('kong_datastore_reachable')).toBe(true);
    expect(names(dbLess).has('kong_datastore_reachable')).toBe(false);
    expect(names(cp).has('kong_data_plane_last_seen')).toBe(true);
    expect(names(cp).has('kong_http_requests_total')).toBe(false);
    expect(names(dp).has('kong_control_plane_connected')).toBe(true);
    for (const g of GATEWAYS) expect(names(g).has('kube_pod_container_status_ready')).toBe(true);
  });

  describe('the checks can fail', () => {
    test('a syntax error is reported', () => {
      expect(parsePromql('sum(rate(kong_http_requests_total{code=~"5.."}[5m])').errors).not.toEqual([]);
      expect(parsePromql('kong_datastore_reachable{namespace="kong",} < ').errors).not.toEqual([]);
      expect(parsePromql('').errors).toEqual(['empty expression']);
      expect(() => assertValidPromql('up{', 'test')).toThrow(/test does not parse: syntax error/);
    });
    test('a valid expression has no errors and lists its metrics once each', () => {
      expect(parsePromql('sum(rate(kong_http_requests_total{code=~"5.."}[5m])) / sum(rate(kong_http_requests_total[5m]))')).toEqual({
        expr: expect.any(String), errors: [], metricNames: ['kong_http_requests_total'],
      });
    });
    test('names Kong never exported are unknown', () => {
      for (const stale of ['kong_http_status', 'kong_latency_bucket', 'kong_http_request_duration_seconds', 'kong_request_latency_ms', 'kong_datastore_reachable_bucket']) {
        expect(isKnownMetric(stale)).toBe(false);
      }
      expect(isKnownMetric('kong_request_latency_ms_bucket')).toBe(true);
      expect(isKnownMetric('up')).toBe(true);
    });
  });
});
