// Alert behaviour proven with `promtool test rules` on the rendered rule file: input
// series of a 3-node gateway, evaluated at the gateway's scrape interval.
import { expandAnnotations, hybridDataPlane, renderRules, traditionalGateway } from './helpers';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { PrometheusAlertRule, PrometheusRules } from '../../src/prometheus';
import { PromtoolWorkspace, checkRules, testRules } from '../support/promtool';

const PODS = ['edge-7d9f8c-abcde', 'edge-7d9f8c-fghij', 'edge-7d9f8c-klmno'];
const STEPS = 'x60'; // 30 minutes of 30s samples

interface Series { readonly series: string; readonly values: string }
interface ExpectedAlert { readonly exp_labels: { [k: string]: string }; readonly exp_annotations: { [k: string]: string } }
interface AlertCheck { readonly eval_time: string; readonly alertname: string; readonly exp_alerts: ExpectedAlert[] }

function sel(metric: string, labels: { [k: string]: string }): string {
  return `${metric}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`;
}

/** Every per-node series of a healthy traditional node, optionally overridden. */
function healthyTraditionalNode(pod: string, override: { [metric: string]: string } = {}): Series[] {
  const base = { namespace: 'kong', pod };
  const values = (metric: string, healthy: string) => override[metric] ?? healthy;
  return [
    { series: sel('kube_pod_container_status_ready', { ...base, container: 'proxy' }), values: values('kube_pod_container_status_ready', `1${STEPS}`) },
    { series: sel('up', { ...base, job: 'kong' }), values: values('up', `1${STEPS}`) },
    { series: sel('kong_datastore_reachable', { ...base, job: 'kong' }), values: values('kong_datastore_reachable', `1${STEPS}`) },
    { series: sel('kong_http_requests_total', { ...base, service: 'orders', route: 'orders', code: '200', source: 'service', workspace: 'default', consumer: '' }), values: `0+600${STEPS}` },
    { series: sel('kong_http_requests_total', { ...base, service: 'orders', route: 'orders', code: '503', source: 'service', workspace: 'default', consumer: '' }), values: `0+1${STEPS}` },
    { series: sel('kong_memory_lua_shared_dict_bytes', { ...base, shared_dict: 'kong', kong_subsystem: 'http', node_id: pod }), values: `1000000${STEPS}` },
    { series: sel('kong_memory_lua_shared_dict_total_bytes', { ...base, shared_dict: 'kong', kong_subsystem: 'http', node_id: pod }), values: `5000000${STEPS}` },
    { series: sel('kong_upstream_target_health', { ...base, upstream: 'orders', target: 'orders:80', address: '10.0.0.9:80', state: 'healthy', subsystem: 'http' }), values: `1${STEPS}` },
    { series: sel('kong_upstream_target_health', { ...base, upstream: 'orders', target: 'orders:80', address: '10.0.0.9:80', state: 'unhealthy', subsystem: 'http' }), values: `0${STEPS}` },
    { series: sel('kong_nginx_metric_errors_total', { ...base }), values: `0${STEPS}` },
  ];
}

function ruleOf(rules: PrometheusRules, alert: string, severity: string): PrometheusAlertRule {
  const found = rules.ruleGroups.flatMap((g) => g.rules).find((r) => r.alert === alert && r.labels.severity === severity);
  if (!found) throw new Error(`no rule ${alert} (${severity})`);
  return found;
}

/** The labels and annotations promtool reports for a firing rule with the given series labels. */
function firing(rule: PrometheusAlertRule, seriesLabels: { [k: string]: string }, valueText: string): ExpectedAlert {
  const labels = { ...seriesLabels, ...rule.labels };
  return { exp_labels: labels, exp_annotations: expandAnnotations(rule, labels, valueText) };
}

/** Writes the rule file and a unit test file, runs promtool on both, and returns its output. */
function runPromtool(rules: PrometheusRules, series: Series[], checks: AlertCheck[]): { status: number; output: string } {
  const ws = new PromtoolWorkspace();
  try {
    const ruleFile = ws.write('kong-rules.yml', rules.toRuleFile());
    const check = checkRules(ruleFile);
    if (check.status !== 0) return { status: check.status, output: check.stdout + check.stderr };
    const testFile = ws.write('kong-rules.test.yml', JSON.stringify({
      rule_files: ['kong-rules.yml'],
      evaluation_interval: '30s',
      tests: [{ interval: '30s', input_series: series, alert_rule_test: checks }],
    }, null, 2));
    const run = testRules(testFile);
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    ws.cleanup();
  }
}

function expectPass(result: { status: number; output: string }): void {
  if (result.status !== 0) throw new Error(`promtool test rules failed:\n${result.output}`);
}

const NODE_NOT_READY = 'KongNodeNotReady';
const FEWER_READY = 'FewerKongNodesReadyThanExpected';
const DATASTORE = 'KongNodeCannotReachItsDatabase';
const METRICS_DOWN = 'KongNodeMetricsEndpointDown';

describe('alert behaviour of a 3-node traditional gateway (promtool test rules)', () => {
  const gateway: KongGateway = traditionalGateway();
  const { rules } = renderRules({ gateways: [gateway] });
  const alertNames = [...new Set(rules.ruleGroups[0].rules.map((r) => r.alert))];

  test('healthy: no alert of any rule at any point', () => {
    const series = PODS.flatMap((p) => healthyTraditionalNode(p));
    const checks = ['1m', '5m', '15m', '29m'].flatMap((t) => alertNames.map((alertname) => ({ eval_time: t, alertname, exp_alerts: [] })));
    expect(checks.length).toBeGreaterThanOrEqual(4 * 8);
    expectPass(runPromtool(rules, series, checks));
  });

  test('one node unready: an alert naming that pod within scrape interval + for, none for the healthy pods', () => {
    // Unready from t=60s; for = startup window (2m); scrape interval 30s → firing by 60+30+120 = 210s.
    const series = [
      ...healthyTraditionalNode(PODS[0], { kube_pod_container_status_ready: `1 1 0${STEPS}` }),
      ...healthyTraditionalNode(PODS[1]),
      ...healthyTraditionalNode(PODS[2]),
    ];
    const rule = ruleOf(rules, NODE_NOT_READY, 'critical');
    expect(rule.forDuration).toBe('2m');
    const labels = { namespace: 'kong', pod: PODS[0], container: 'proxy' };
    expectPass(runPromtool(rules, series, [
      { eval_time: '2m', alertname: NODE_NOT_READY, exp_alerts: [] },
      { eval_time: '3m30s', alertname: NODE_NOT_READY, exp_alerts: [firing(rule, labels, '0')] },
      { eval_time: '20m', alertname: NODE_NOT_READY, exp_alerts: [firing(rule, labels, '0')] },
    ]));
  });

  test('the unready-node alert summary names the pod in plain words', () => {
    const rule = ruleOf(rules, NODE_NOT_READY, 'critical');
    const expanded = expandAnnotations(rule, { pod: PODS[0] }, '0');
    expect(expanded.summary).toBe(`Kong node not ready: pod ${PODS[0]} (gateway edge, production)`);
  });

  test('a failing assertion is reported: expecting the healthy pod to alert fails', () => {
    const series = [
      ...healthyTraditionalNode(PODS[0], { kube_pod_container_status_ready: `1 1 0${STEPS}` }),
      ...healthyTraditionalNode(PODS[1]),
    ];
    const rule = ruleOf(rules, NODE_NOT_READY, 'critical');
    const result = runPromtool(rules, series, [
      { eval_time: '5m', alertname: NODE_NOT_READY, exp_alerts: [firing(rule, { namespace: 'kong', pod: PODS[1], container: 'proxy' }, '0')] },
    ]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(PODS[0]);
  });

  test('a node starting (unready for less than its startup window): no alert', () => {
    // A replaced pod: the old one goes at 60s, the new one is unready for 90s (< 2m), then ready.
    const newPod = 'edge-7d9f8c-pqrst';
    const series = [
      ...healthyTraditionalNode(PODS[0], { kube_pod_container_status_ready: '1 1 stale', up: '1 1 stale', kong_datastore_reachable: '1 1 stale' }),
      ...healthyTraditionalNode(newPod, { kube_pod_container_status_ready: `_ _ 0 0 0 1${STEPS}`, up: `_ _ 0 0 1${STEPS}`, kong_datastore_reachable: `_ _ _ _ 1${STEPS}` }),
      ...healthyTraditionalNode(PODS[1]),
      ...healthyTraditionalNode(PODS[2]),
    ];
    const checks = ['1m30s', '2m', '2m30s', '3m', '4m', '6m', '15m'].flatMap((t) =>
      [NODE_NOT_READY, METRICS_DOWN, FEWER_READY, DATASTORE].map((alertname) => ({ eval_time: t, alertname, exp_alerts: [] })));
    expectPass(runPromtool(rules, series, checks));
  });

  test('a node gone entirely: the expected-count alert fires (warning), no per-node alert can', () => {
    // The third pod and all its series vanish at 90s; 2 of 3 ready = 0.667 < 1 for 10m.
    const series = [
      ...healthyTraditionalNode(PODS[0]),
      ...healthyTraditionalNode(PODS[1]),
      ...healthyTraditionalNode(PODS[2], { kube_pod_container_status_ready: '1 1 1 stale', up: '1 1 1 stale', kong_datastore_reachable: '1 1 1 stale' }),
    ];
    const warning = ruleOf(rules, FEWER_READY, 'warning');
    expect(warning.forDuration).toBe('10m');
    expectPass(runPromtool(rules, series, [
      { eval_time: '10m', alertname: FEWER_READY, exp_alerts: [] },
      { eval_time: '12m', alertname: FEWER_READY, exp_alerts: [firing(warning, {}, '666.7m')] },
      { eval_time: '12m', alertname: NODE_NOT_READY, exp_alerts: [] },
    ]));
  });

  test('two of three nodes gone: the expected-count alert fires at both levels', () => {
    const gone = { kube_pod_container_status_ready: '1 stale', up: '1 stale', kong_datastore_reachable: '1 stale' };
    const series = [...healthyTraditionalNode(PODS[0]), ...healthyTraditionalNode(PODS[1], gone), ...healthyTraditionalNode(PODS[2], gone)];
    expectPass(runPromtool(rules, series, [
      {
        eval_time: '12m',
        alertname: FEWER_READY,
        exp_alerts: [firing(ruleOf(rules, FEWER_READY, 'critical'), {}, '333.3m'), firing(ruleOf(rules, FEWER_READY, 'warning'), {}, '333.3m')],
      },
    ]));
  });

  test('datastore unreachable on one node: an alert naming that pod', () => {
    const series = [
      ...healthyTraditionalNode(PODS[0]),
      ...healthyTraditionalNode(PODS[1], { kong_datastore_reachable: `1 0${STEPS}` }),
      ...healthyTraditionalNode(PODS[2]),
    ];
    const rule = ruleOf(rules, DATASTORE, 'critical');
    expectPass(runPromtool(rules, series, [
      { eval_time: '1m', alertname: DATASTORE, exp_alerts: [] },
      { eval_time: '3m', alertname: DATASTORE, exp_alerts: [firing(rule, { namespace: 'kong', pod: PODS[1], job: 'kong' }, '0')] },
    ]));
  });
});

describe('alert behaviour of a hybrid gateway (promtool test rules)', () => {
  test('a data plane disconnected from its control plane: an alert naming that pod', () => {
    const dpGateway = hybridDataPlane();
    const { rules } = renderRules({ gateways: [dpGateway] });
    const pods = ['edge-dp-6b8c9d-aaaaa', 'edge-dp-6b8c9d-bbbbb', 'edge-dp-6b8c9d-ccccc'];
    const series: Series[] = pods.flatMap((pod, i) => [
      { series: sel('kube_pod_container_status_ready', { namespace: 'kong', pod, container: 'proxy' }), values: `1${STEPS}` },
      { series: sel('kong_control_plane_connected', { namespace: 'kong', pod }), values: i === 2 ? `1 0${STEPS}` : `1${STEPS}` },
    ]);
    const name = 'KongDataPlaneDisconnectedFromItsControlPlane';
    const rule = ruleOf(rules, name, 'critical');
    // Readiness stays 200 on a disconnected data plane: only this rule sees it.
    expectPass(runPromtool(rules, series, [
      { eval_time: '3m', alertname: name, exp_alerts: [firing(rule, { namespace: 'kong', pod: pods[2] }, '0')] },
      { eval_time: '3m', alertname: NODE_NOT_READY, exp_alerts: [] },
    ]));
  });

  test('the data plane gateway has no datastore rule (kong_datastore_reachable is always 1 there)', () => {
    const { rules } = renderRules({ gateways: [hybridDataPlane()] });
    expect(rules.ruleGroups[0].rules.map((r) => r.alert)).not.toContain(DATASTORE);
  });
});
