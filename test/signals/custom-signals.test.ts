// A signal a user declares with the gateway takes the catalog's own path: every backend,
// both dashboards, lineage, and the catalog's checks.
import { Testing, TerraformStack } from 'cdktf';
import { RATE_LIMITED_RATIO } from '../../examples/full/main';
import {
  CustomSignal,
  DashboardSection,
  DatadogTimeAggregation,
  Duration,
  KongEdition,
  KongGateway,
  KongGatewayOptions,
  KongMonitoring,
  PrometheusRules,
  Severity,
  SignalId,
  SignalPractice,
  SignalScope,
  SignalThreshold,
  ThresholdDirection,
} from '../../src';
import { signalsOf } from '../../src/signals/gateway-signals';
import { DatadogCollection } from '../../src/signals/signal-types';
import { ALLOWED_METRICS } from '../datadog/helpers';
import { expandAnnotations } from '../prometheus/helpers';
import { parseMetricMonitorQuery } from '../support/datadog-query';
import { parsePromql } from '../support/promql';
import { PromtoolWorkspace, checkRules, testRules } from '../support/promtool';
import { annotationsOf } from '../support/synth';

/**
 * The full example's own signal (the share of requests answered 429), so the behaviour tests
 * below are tests of what the example deploys; with the plugin path's query as well.
 */
const RATE_LIMITED: CustomSignal = {
  ...RATE_LIMITED_RATIO,
  datadog: { ...RATE_LIMITED_RATIO.datadog, kongPlugin: 'sum:kong.request.count{$KONG_TAGS,status:429}.as_count() / sum:kong.request.count{$KONG_TAGS}.as_count()' },
};

const base: KongGatewayOptions = { name: 'edge', namespace: 'kong', expectedNodes: 3 };
const withCustom = (...customSignals: CustomSignal[]) => KongGateway.dbLess({ ...base, customSignals });

type Json = { resource: Record<string, Record<string, any>> };

function monitoringJson(gateway: KongGateway): { json: Json; monitoring: KongMonitoring; stack: TerraformStack } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const monitoring = new KongMonitoring(stack, 'kong', {
    gateway,
    datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] } },
    grafana: { prometheusDatasourceUid: 'prom' },
    prometheus: {},
  });
  return { json: JSON.parse(Testing.synth(stack)) as Json, monitoring, stack };
}

const rulesOf = (json: Json) => Object.values(json.resource.kubernetes_manifest)
  .filter((m: any) => m.manifest.kind === 'PrometheusRule')
  .flatMap((m: any) => m.manifest.spec.groups.flatMap((g: any) => g.rules));

describe('a custom signal takes the catalog path', () => {
  /**
   * The strongest check that the path is the same: restate a catalog signal (the 5xx ratio)
   * as a custom signal, and every backend renders the same query, thresholds and window.
   */
  const restated: CustomSignal = {
    id: 'restated-5xx',
    title: 'Restated 5xx ratio',
    description: 'The catalog 5xx ratio, declared by hand.',
    runbook: 'As the catalog signal.',
    scope: SignalScope.TRAFFIC,
    direction: ThresholdDirection.ABOVE,
    severity: Severity.CRITICAL,
    warning: SignalThreshold.ratio(0.01),
    critical: SignalThreshold.ratio(0.05),
    window: Duration.minutes(5),
    promql: 'sum(rate(kong_http_requests_total{$KONG_SELECTOR,code=~"5.."}[5m])) / sum(rate(kong_http_requests_total{$KONG_SELECTOR}[5m]))',
    datadog: {
      agentIntegration: 'sum:kong.http.requests.count{$KONG_TAGS,code:5*}.as_count() / sum:kong.http.requests.count{$KONG_TAGS}.as_count()',
      timeAggregation: DatadogTimeAggregation.SUM,
    },
  };
  const gateway = withCustom(restated);
  const signals = signalsOf(gateway);
  const builtIn = signals.find((s) => s.id === SignalId.ERROR_RATIO_5XX)!;
  const custom = signals.find((s) => s.id === 'restated-5xx')!;

  test('comes after the catalog signals', () => {
    expect(signals[signals.length - 1]).toBe(custom);
  });

  test('PromQL, in the cluster and on a central store, equals the catalog signal\'s', () => {
    expect(custom.promql).toBe(builtIn.promql);
    expect(custom.promqlOnCentralStore('cluster')).toBe(builtIn.promqlOnCentralStore('cluster'));
    expect(custom.promqlCondition(Severity.CRITICAL)).toBe(builtIn.promqlCondition(Severity.CRITICAL));
  });

  test('the Datadog query equals the catalog signal\'s, with the same sources', () => {
    const a = custom.datadog(DatadogCollection.AGENT_INTEGRATION)!;
    const b = builtIn.datadog(DatadogCollection.AGENT_INTEGRATION)!;
    expect(a.query).toBe(b.query);
    expect(a.sources).toEqual(b.sources);
    expect(custom.prometheusSources).toEqual(builtIn.prometheusSources);
  });

  test('each backend renders the same rule, apart from the names', () => {
    const { json } = monitoringJson(gateway);
    const rules = rulesOf(json);
    const expr = (signal: string) => rules.filter((r: any) => r.labels.signal === signal).map((r: any) => [r.expr, r.for, r.labels.severity]);
    expect(expr('restated-5xx')).toEqual(expr(SignalId.ERROR_RATIO_5XX));
    const monitors = Object.values(json.resource.datadog_monitor);
    const monitorFor = (title: string) => monitors.find((m: any) => m.name.includes(title)) as any;
    expect(monitorFor('Restated 5xx ratio').query).toBe(monitorFor('Kong 5xx response ratio high').query);
    expect(monitorFor('Restated 5xx ratio').monitor_thresholds).toEqual(monitorFor('Kong 5xx response ratio high').monitor_thresholds);
    const grafana = Object.values(json.resource.grafana_rule_group).flatMap((g: any) => g.rule);
    const model = (title: string) => grafana.filter((r: any) => r.name.startsWith(title)).map((r: any) => [r.data.map((d: any) => d.model), r.for, r.no_data_state]);
    expect(model('Restated 5xx ratio')).toEqual(model('Kong 5xx response ratio high'));
  });
});

describe('a 429 ratio in every backend', () => {
  const gateway = withCustom(RATE_LIMITED);
  const { json, monitoring, stack } = monitoringJson(gateway);
  const rules = rulesOf(json).filter((r: any) => r.labels.signal === 'rate-limited-ratio');

  test('PrometheusRule: both levels, valid PromQL bound to the gateway\'s pods', () => {
    expect(rules.map((r: any) => [r.alert, r.labels.severity, r.for])).toEqual([['Kong429RatioHigh', 'warning', '10m'], ['Kong429RatioHigh', 'info', '10m']]);
    for (const rule of rules) {
      const parsed = parsePromql(rule.expr);
      expect(parsed.errors).toEqual([]);
      expect(parsed.metricNames).toEqual(['kong_http_requests_total']);
      expect(rule.expr).toContain('kong_http_requests_total{namespace="kong",pod=~"edge-[a-z0-9]+-[a-z0-9]+",code="429"}');
      expect(rule.expr).not.toContain('$KONG_SELECTOR');
    }
  });

  test('Datadog monitor: a metric monitor on metrics the Kong integration has, filtered by the gateway\'s tags', () => {
    const monitor = Object.values(json.resource.datadog_monitor).find((m: any) => m.name.includes('Kong 429 ratio high')) as any;
    const parsed = parseMetricMonitorQuery(monitor.query);
    expect(monitor.type).toBe('query alert');
    expect(parsed.timeAggregation).toBe('sum');
    expect(parsed.windowMinutes).toBe(10);
    expect(parsed.threshold).toBe(0.2);
    expect(parsed.metrics).toEqual(['kong.http.requests.count']);
    for (const metric of parsed.metrics) expect(ALLOWED_METRICS.has(metric)).toBe(true);
    expect(monitor.query).toContain('{kong_gateway:edge,kong_environment:production,code:429}');
    expect(monitor.monitor_thresholds).toEqual({ critical: '0.2', warning: '0.05' });
  });

  test('Grafana rule: both levels', () => {
    const grafana = Object.values(json.resource.grafana_rule_group).flatMap((g: any) => g.rule).filter((r: any) => r.name.startsWith('Kong 429 ratio high'));
    expect(grafana).toHaveLength(2);
  });

  test('both dashboards draw it, after the catalog panels of the traffic section', () => {
    const grafana = JSON.parse((Object.values(json.resource.grafana_dashboard)[0] as any).config_json);
    const titles: string[] = grafana.panels.map((p: any) => p.title);
    const traffic = titles.indexOf('Traffic: requests, errors, latency');
    const next = titles.findIndex((_title, i) => i > traffic && grafana.panels[i].type === 'row');
    expect(titles.indexOf('Kong 429 ratio high')).toBe(next - 1);
    const datadog = JSON.parse((Object.values(json.resource.datadog_dashboard_json)[0] as any).dashboard);
    const group = datadog.widgets.find((w: any) => w.definition.title === 'Traffic: requests, errors, latency');
    const last = group.definition.widgets[group.definition.widgets.length - 1];
    expect(last.definition.title).toBe('Kong 429 ratio high');
  });

  test('its alerts are traced to what emits the data, with the plugin flag they need', () => {
    const sources = monitoring.alertSources().filter((s) => s.signal === 'rate-limited-ratio');
    expect(sources.map((s) => [s.backend, s.producers])).toEqual([
      ['datadog', ['datadog-kong-check (status_code_metrics)']],
      ['grafana', ['kong-prometheus-plugin (status_code_metrics)']],
      ['prometheus', ['kong-prometheus-plugin (status_code_metrics)']],
    ]);
    expect(annotationsOf(stack, 'error')).toEqual([]);
  });
});

describe('what a custom rule does (promtool test rules)', () => {
  const rules = new PrometheusRules(new TerraformStack(Testing.app(), 'test'), 'rules', { gateways: [withCustom(RATE_LIMITED)], includeSignals: ['rate-limited-ratio'] });
  const pod = 'edge-7d9f8c-abcde';
  const series = (per30s429: number) => [
    { series: `kong_http_requests_total{namespace="kong",pod="${pod}",code="200",service="orders"}`, values: '0+600x60' },
    { series: `kong_http_requests_total{namespace="kong",pod="${pod}",code="429",service="orders"}`, values: `0+${per30s429}x60` },
    // Another gateway's pod in the namespace: its 429s are not this gateway's.
    { series: 'kong_http_requests_total{namespace="kong",pod="internal-5c4b3a-zzzzz",code="429",service="orders"}', values: '0+600x60' },
  ];

  function run(values: ReturnType<typeof series>, expected: Array<{ eval_time: string; severities: string[] }>): { status: number; output: string } {
    const ws = new PromtoolWorkspace();
    try {
      const ruleFile = ws.write('rules.yml', rules.toRuleFile());
      const check = checkRules(ruleFile);
      if (check.status !== 0) return { status: check.status, output: check.stderr };
      const testFile = ws.write('test.yml', JSON.stringify({
        rule_files: ['rules.yml'],
        evaluation_interval: '30s',
        tests: [{
          interval: '30s',
          input_series: values,
          alert_rule_test: expected.map(({ eval_time, severities }) => ({
            eval_time,
            alertname: 'Kong429RatioHigh',
            exp_alerts: severities.map((severity) => {
              const rule = rules.ruleGroups[0].rules.find((r) => r.labels.severity === severity)!;
              return { exp_labels: { ...rule.labels }, exp_annotations: expandAnnotations(rule, rule.labels, '333.3m') };
            }),
          })),
        }],
      }));
      const result = testRules(testFile);
      return { status: result.status, output: result.stdout + result.stderr };
    } finally {
      ws.cleanup();
    }
  }

  test('quiet at 1 % of requests answered 429, and deaf to another gateway\'s 429s', () => {
    // 6 of 606 per 30 s ≈ 1 %; the other gateway answers 50 % 429 in the same namespace.
    const result = run(series(6), [{ eval_time: '5m', severities: [] }, { eval_time: '29m', severities: [] }]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('at 33 %: fires both levels once the window has held, not before', () => {
    // 300 of 900 per 30 s: above 5 % and 20 %. Pending for the 10m window after the first rate.
    const result = run(series(300), [{ eval_time: '9m', severities: [] }, { eval_time: '12m', severities: ['warning', 'info'] }]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('the promtool check can fail: expecting an alert at 1 % is reported', () => {
    expect(run(series(6), [{ eval_time: '12m', severities: ['warning'] }]).status).not.toBe(0);
  });
});

describe('custom signals are checked like the catalog\'s', () => {
  const fails = (custom: Partial<CustomSignal>, options: Partial<KongGatewayOptions> = {}) =>
    () => signalsOf(KongGateway.dbLess({ ...base, ...options, customSignals: [{ ...RATE_LIMITED, ...custom }] }));

  test.each([
    ['a selector without the placeholder', { promql: 'sum(rate(kong_http_requests_total{code="429"}[5m]))' },
      "KongGateway 'edge': customSignals 'rate-limited-ratio' promql selector 'kong_http_requests_total{code=\"429\"}' does not carry $KONG_SELECTOR, so it would read every gateway's series. Fix: put $KONG_SELECTOR in every selector, e.g. kong_http_requests_total{$KONG_SELECTOR,code=\"429\"}."],
    ['a metric read without a selector', { promql: 'sum(rate(kong_http_requests_total[5m])) / sum(rate(kong_http_requests_total{$KONG_SELECTOR}[5m]))' },
      "KongGateway 'edge': customSignals 'rate-limited-ratio' promql reads kong_http_requests_total without a selector"],
    ['a metric nothing known emits', { promql: 'sum(my_app_errors_total{$KONG_SELECTOR})' },
      "KongGateway 'edge': customSignals 'rate-limited-ratio' promql reads my_app_errors_total, which the library cannot trace to a component that emits it"],
    ["the plugin's metric on the Agent's path", { datadog: { agentIntegration: 'sum:kong.request.count{$KONG_TAGS}.as_count()' } },
      "KongGateway 'edge': customSignals 'rate-limited-ratio' datadog.agentIntegration reads kong.request.count, which kong-datadog-plugin sends, not datadog-kong-check"],
    ['a Datadog filter without the placeholder', { datadog: { agentIntegration: 'sum:kong.http.requests.count{code:429}.as_count()' } },
      "KongGateway 'edge': customSignals 'rate-limited-ratio' datadog.agentIntegration filter 'kong.http.requests.count{code:429}' does not carry $KONG_TAGS"],
    ['thresholds in two units', { warning: SignalThreshold.milliseconds(5) },
      "KongGateway 'edge': customSignals 'rate-limited-ratio' warning threshold 5 ms is in milliseconds, but critical 20 % is in ratio. Fix: give both thresholds in one unit."],
    ['a ratio threshold that can never fire', { critical: SignalThreshold.ratio(1), warning: undefined },
      "KongGateway 'edge': signal 'rate-limited-ratio' critical threshold 1 can never fire"],
    ['warning above critical', { warning: SignalThreshold.percent(30) },
      "KongGateway 'edge': signal 'rate-limited-ratio' alerts when the value is above its threshold, but warning 0.3 is not below critical 0.2"],
    ['a window longer than Datadog evaluates', { window: Duration.days(8) },
      "KongGateway 'edge': signal 'rate-limited-ratio' window"],
  ])('refuses %s', (_what, custom, message) => {
    expect(fails(custom as Partial<CustomSignal>)).toThrow(message);
  });

  test.each([
    ['an id of another shape', 'Rate_Limited', "KongGateway 'edge': customSignals id 'Rate_Limited' is not lower-case words joined by '-' (at most 40 characters). Fix: give an id such as 'rate-limited-ratio'."],
    ["a catalog signal's id", SignalId.ERROR_RATIO_5XX, "KongGateway 'edge': customSignals id 'error-ratio-5xx' is a catalog signal's id. Fix: give the custom signal its own id, or change the catalog signal with signalOverrides."],
  ])('refuses %s when the gateway is declared', (_what, id, message) => {
    expect(() => withCustom({ ...RATE_LIMITED, id })).toThrow(message);
  });

  test('refuses the same id twice', () => {
    expect(() => withCustom(RATE_LIMITED, RATE_LIMITED)).toThrow("KongGateway 'edge': customSignals lists 'rate-limited-ratio' twice. Fix: give each custom signal its own id.");
  });

  test('a custom signal on data this Kong does not export is left out and said, like a catalog signal', () => {
    const connected: CustomSignal = {
      ...RATE_LIMITED,
      id: 'cp-link-any',
      scope: SignalScope.NODE,
      direction: ThresholdDirection.BELOW,
      warning: undefined,
      critical: SignalThreshold.count(1),
      promql: 'min(kong_control_plane_connected{$KONG_SELECTOR})',
      datadog: undefined,
    };
    const oss = KongGateway.hybridDataPlane({ ...base, edition: KongEdition.OPEN_SOURCE, kongVersion: '3.9', customSignals: [connected] });
    expect(signalsOf(oss).map((s) => s.id)).not.toContain('cp-link-any');
    const enterprise = KongGateway.hybridDataPlane({ ...base, edition: KongEdition.ENTERPRISE, kongVersion: '3.10', customSignals: [connected] });
    expect(signalsOf(enterprise).map((s) => s.id)).toContain('cp-link-any');
  });

  test('without a Datadog query: no monitor, and synth says the Prometheus rules cover it', () => {
    const { json, stack } = monitoringJson(withCustom({ ...RATE_LIMITED, datadog: undefined }));
    expect(Object.values(json.resource.datadog_monitor).filter((m: any) => m.name.includes('429'))).toEqual([]);
    expect(annotationsOf(stack, 'info')).toContain(
      "Signal 'rate-limited-ratio' of KongGateway 'edge' has no Datadog monitor: custom signal 'rate-limited-ratio' gives no Datadog query. The gateway's Grafana alert rules and Prometheus alerting rules cover it.",
    );
  });

  test('practice and dashboard section follow the declaration', () => {
    const custom = signalsOf(withCustom({ ...RATE_LIMITED, practice: SignalPractice.ALL_NODES_MONITORED, dashboardSection: DashboardSection.RESOURCES })).find((s) => s.id === 'rate-limited-ratio')!;
    expect(custom.practice).toBe(SignalPractice.ALL_NODES_MONITORED);
    const { monitoring } = monitoringJson(withCustom({ ...RATE_LIMITED, practice: SignalPractice.ALL_NODES_MONITORED }));
    expect(monitoring.allNodes!.backendAlerting.every((b) => b.rendered.alertedSignals.includes('rate-limited-ratio'))).toBe(true);
    expect(monitoring.alerting!.backendAlerting.some((b) => b.rendered.alertedSignals.includes('rate-limited-ratio'))).toBe(false);
  });

  test('adding one leaves every other logical ID as it was', () => {
    const keys = (json: Json) => Object.entries(json.resource).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`));
    const before = keys(monitoringJson(KongGateway.dbLess(base)).json);
    const after = keys(monitoringJson(withCustom(RATE_LIMITED)).json);
    expect(after.filter((k) => !before.includes(k))).toEqual(['datadog_monitor.kong_alerting_datadog_rate-limited-ratio_69250A25']);
    expect(before.filter((k) => !after.includes(k))).toEqual([]);
  });
});
