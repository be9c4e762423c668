import { expectValidAgainstSchema, only, synth } from './helpers';
import { Duration } from '../../src/core/duration';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { GrafanaAlertRules } from '../../src/grafana';
import { Folder } from '../../src/grafana/provider';
import { signalsOf } from '../../src/signals/gateway-signals';
import { gatewaysOfEveryMode, hybridControlPlane, hybridDataPlane, traditionalGateway } from '../prometheus/helpers';

function rulesOf(gateway: KongGateway, extra: any = {}): { group: any; rules: any[] } {
  const s = synth((stack) => new GrafanaAlertRules(stack, 'alerts', { gateway, datasourceUid: 'prom', ...extra }));
  const group = only(s, 'grafana_rule_group');
  return { group, rules: group.rule };
}

const bySignal = (rules: any[], signal: string, severity?: string) =>
  rules.filter((r) => r.labels.signal === signal && (severity === undefined || r.labels.severity === severity));

describe('GrafanaAlertRules', () => {
  test('one rule group per gateway in the folder, valid against the provider schema', () => {
    const s = synth((stack) => {
      const folder = new Folder(stack, 'kong', { title: 'Kong', uid: 'kong' });
      new GrafanaAlertRules(stack, 'edge', { gateway: traditionalGateway(), datasourceUid: 'prom', folder });
      new GrafanaAlertRules(stack, 'cp', { gateway: hybridControlPlane(), datasourceUid: 'prom', folder });
    });
    expectValidAgainstSchema(s, 3);
    const groups = Object.values(s.parsed.resource.grafana_rule_group) as any[];
    expect(groups.map((g) => [g.name, g.folder_uid]).sort()).toEqual([
      ['Kong edge (production)', '${grafana_folder.kong.uid}'],
      ['Kong edge-cp (production)', '${grafana_folder.kong.uid}'],
    ]);
  });

  test('one rule per applicable signal and level, for every deployment mode', () => {
    for (const gateway of gatewaysOfEveryMode()) {
      const { rules } = rulesOf(gateway);
      const expected = signalsOf(gateway).flatMap((sig) => sig.levels().map((level) => `${sig.id}/${sig.routedSeverity(level)}`));
      expect(rules.map((r) => `${r.labels.signal}/${r.labels.severity}`)).toEqual(expected);
      // The rule's name says the same severity as its label.
      for (const r of rules) expect(r.name.endsWith(`, ${r.labels.severity})`)).toBe(true);
    }
  });

  test('no two rules carry the same labels: severity is the one routing label and tells the levels apart', () => {
    for (const gateway of gatewaysOfEveryMode()) {
      const { rules } = rulesOf(gateway);
      expect(new Set(rules.map((r) => JSON.stringify(r.labels))).size).toBe(rules.length);
    }
    const p99 = bySignal(rulesOf(traditionalGateway()).rules, SignalId.REQUEST_LATENCY_P99);
    // A warning signal's critical threshold is a warning, its warning threshold info; no second label.
    expect(p99.map((r) => [r.labels.severity, r.labels.level])).toEqual([['warning', undefined], ['info', undefined]]);
    const ratio = bySignal(rulesOf(traditionalGateway()).rules, SignalId.ERROR_RATIO_5XX);
    expect(ratio.map((r) => r.labels.severity)).toEqual(['critical', 'warning']);
  });

  test('interval is the scrape interval rounded up to a multiple of 10s', () => {
    const at = (seconds: number) => rulesOf(KongGateway.traditional({ name: 'edge', scrapeInterval: Duration.seconds(seconds) })).group.interval_seconds;
    expect(at(30)).toBe(30);
    expect(at(15)).toBe(20);
    expect(at(5)).toBe(10);
    expect(at(61)).toBe(70);
    expect(at(60)).toBe(60);
  });

  test('node readiness: query, reduce (last) and threshold (lt 1) stages, for = startup window, alerting on no data', () => {
    const { rules } = rulesOf(traditionalGateway());
    const [rule] = bySignal(rules, SignalId.NODE_READY);
    expect(rule.name).toBe('Kong node not ready (edge, production, critical)');
    // Readable up to Grafana's 40 characters, then a hash of the whole.
    expect(rule.uid).toBe('kong_edge_production__node-re_e9cf2c1e8f');
    expect(rule.condition).toBe('C');
    expect(rule.for).toBe('2m');
    expect(rule.no_data_state).toBe('Alerting');
    expect(rule.exec_err_state).toBe('Alerting');
    expect(rule.data.map((d: any) => [d.ref_id, d.datasource_uid, d.relative_time_range])).toEqual([
      ['A', 'prom', [{ from: 600, to: 0 }]],
      ['B', '__expr__', [{ from: 0, to: 0 }]],
      ['C', '__expr__', [{ from: 0, to: 0 }]],
    ]);
    const [a, b, c] = rule.data.map((d: any) => JSON.parse(d.model));
    expect(a.expr).toBe('kube_pod_container_status_ready{namespace="kong",pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}');
    expect(a.instant).toBe(true);
    expect(a.datasource).toEqual({ type: 'prometheus', uid: 'prom' });
    expect(b).toMatchObject({ refId: 'B', type: 'reduce', expression: 'A', reducer: 'last' });
    expect(c).toMatchObject({ refId: 'C', type: 'threshold', expression: 'B' });
    expect(c.conditions).toEqual([{ evaluator: { type: 'lt', params: [1] } }]);
  });

  test('per-node rules keep the pod label in the query, so each node is its own alert instance', () => {
    const { rules } = rulesOf(traditionalGateway());
    for (const signal of [SignalId.NODE_READY, SignalId.NODE_METRICS_UP, SignalId.DATASTORE_REACHABLE]) {
      const [rule] = bySignal(rules, signal);
      const query = JSON.parse(rule.data[0].model);
      // A bare selector (no aggregation) keeps every label, pod included.
      expect(query.expr).toMatch(/^[a-z_]+\{[^}]*pod=~"edge-/);
      expect(query.legendFormat).toBe('{{pod}}');
      expect(rule.annotations.summary).toContain('pod {{ $labels.pod }}');
    }
  });

  test('the expected-count rule alerts on no data at both levels; thresholds 0.5 critical and 1 warning', () => {
    const { rules } = rulesOf(traditionalGateway());
    const found = bySignal(rules, SignalId.READY_NODES_BELOW_EXPECTED);
    expect(found.map((r) => [r.labels.severity, r.no_data_state, r.for, JSON.parse(r.data[2].model).conditions[0].evaluator])).toEqual([
      ['critical', 'Alerting', '10m', { type: 'lt', params: [0.5] }],
      ['warning', 'Alerting', '10m', { type: 'lt', params: [1] }],
    ]);
    expect(JSON.parse(found[0].data[0].model).expr).toBe('(sum(kube_pod_container_status_ready{namespace="kong",pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}) or vector(0)) / 3');
  });

  test('no-data and error states per signal', () => {
    const { rules } = rulesOf(traditionalGateway());
    const states = (signal: string) => { const [r] = bySignal(rules, signal); return [r.no_data_state, r.exec_err_state]; };
    expect(states(SignalId.NODE_METRICS_UP)).toEqual(['Alerting', 'Alerting']);
    expect(states(SignalId.DATASTORE_REACHABLE)).toEqual(['NoData', 'Error']);
    expect(states(SignalId.ERROR_RATIO_5XX)).toEqual(['OK', 'Error']);
    expect(states(SignalId.UPSTREAM_TARGET_UNHEALTHY)).toEqual(['OK', 'Error']);
    const cp = rulesOf(hybridControlPlane()).rules;
    // The recent-data-plane count has `or vector(0)`: it always has a value, and no data alerts.
    expect(bySignal(cp, SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED).map((r) => r.no_data_state)).toEqual(['Alerting', 'Alerting']);
    expect(bySignal(cp, SignalId.DATA_PLANE_CONFIG_DRIFT).map((r) => r.no_data_state)).toEqual(['NoData']);
  });

  test('"above" signals compare with gt; the warning level is routed as a warning', () => {
    const { rules } = rulesOf(traditionalGateway());
    const ratio = bySignal(rules, SignalId.ERROR_RATIO_5XX);
    expect(ratio.map((r) => [r.labels.severity, JSON.parse(r.data[2].model).conditions[0].evaluator, r.for])).toEqual([
      ['critical', { type: 'gt', params: [0.05] }, '5m'],
      ['warning', { type: 'gt', params: [0.01] }, '5m'],
    ]);
  });

  test('labels and annotations', () => {
    // The gateway's runbook base (a trailing slash is dropped) links each signal's page.
    const gateway = KongGateway.traditional({ name: 'edge', namespace: 'kong', expectedNodes: 3, team: 'platform', runbookBaseUrl: 'https://runbooks.example.com/kong/' });
    const { rules } = rulesOf(gateway);
    const [rule] = bySignal(rules, SignalId.DATASTORE_REACHABLE);
    expect(rule.labels).toEqual({ severity: 'critical', kong_gateway: 'edge', kong_environment: 'production', team: 'platform', signal: 'datastore-reachable' });
    expect(rule.annotations.summary).toBe('Kong node cannot reach its database: pod {{ $labels.pod }} (gateway edge, production)');
    expect(rule.annotations.description).toContain('Value {{ $values.B }} (reachable (1) or not (0)), critical when < 1 for 2m.');
    expect(rule.annotations.runbook_url).toBe('https://runbooks.example.com/kong/datastore-reachable');
    const noTeam = rulesOf(hybridDataPlane()).rules[0];
    expect(noTeam.labels.team).toBeUndefined();
    expect(noTeam.annotations.runbook).toMatch(/\/status\/ready/);
  });

  test('rule uids are deterministic, unique, at most 40 characters, and unique across gateways', () => {
    const all: string[] = [];
    for (const gateway of gatewaysOfEveryMode()) {
      const first = rulesOf(gateway).rules.map((r) => r.uid);
      expect(rulesOf(gateway).rules.map((r) => r.uid)).toEqual(first);
      for (const uid of first) {
        expect(uid.length).toBeLessThanOrEqual(40);
        expect(uid).toMatch(/^[a-zA-Z0-9_-]+$/);
      }
      all.push(...first);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  test('a disabled signal has no rule, and disabling one never changes another rule\'s uid', () => {
    const base = rulesOf(traditionalGateway()).rules;
    const fewer = rulesOf(KongGateway.traditional({
      name: 'edge',
      namespace: 'kong',
      expectedNodes: 3,
      team: 'platform',
      signalOverrides: [{ signal: SignalId.NODE_METRICS_UP, enabled: false }],
    })).rules;
    expect(bySignal(fewer, SignalId.NODE_METRICS_UP)).toEqual([]);
    const uids = new Set(base.map((r) => r.uid));
    for (const r of fewer) expect(uids.has(r.uid)).toBe(true);
  });

  describe('validation', () => {
    test('datasourceUid', () => {
      expect(() => rulesOf(traditionalGateway(), { datasourceUid: '' })).toThrow("GrafanaAlertRules 'alerts' (test/alerts): datasourceUid is empty. Fix: give datasourceUid a value.");
    });
  });
});
