// The hand-written baseline the facade is measured against: for one gateway, the resources
// KongMonitoring creates in the bench scenario (same Terraform types, same counts), written
// with the raw provider classes and literal configs of similar size, the way a team would
// write them without this library. No catalog, no validation, no construct nesting. The
// Grafana resource classes are the library's own bindings (no prebuilt Grafana provider
// exists), taken from the build under test.
import { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { MetricTagConfiguration } from '@cdktf/provider-datadog/lib/metric-tag-configuration';
import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { ServiceLevelObjective } from '@cdktf/provider-datadog/lib/service-level-objective';
import { SyntheticsTest } from '@cdktf/provider-datadog/lib/synthetics-test';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Construct } from 'constructs';
import type { Library } from './library';
import type { RuleGroupRule } from '../src/grafana/provider/rule-group';

/** What the bench varies per gateway. */
export interface BaselineGateway {
  readonly name: string;
  readonly expectedNodes: number;
}

const ENV = 'production';
const NS = 'kong';
const CRITICAL = '@pagerduty-kong';
const WARNING = '@slack-kong';

interface MonitorRow {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly query: (g: BaselineGateway, f: string) => string;
  readonly critical: string;
  readonly warning?: string;
  readonly runbook: string;
}

const MONITORS: MonitorRow[] = [
  {
    id: 'node-ready',
    title: 'Kong node not ready',
    type: 'service check',
    query: (g) => `"http.can_connect".over("kong_gateway:${g.name}","kong_environment:${ENV}","kong_probe:ready").by("instance").last(8).count_by_status()`,
    critical: '8',
    runbook: 'Read the 503 reason: curl http://<pod-ip>:<status-port>/status/ready; check the database or control plane, and kubectl logs.',
  },
  {
    id: 'error-ratio-5xx',
    title: 'Kong 5xx response ratio high',
    type: 'query alert',
    query: (_g, f) => `sum(last_5m):sum:kong.http.requests.count{${f},code:5*}.as_count() / sum:kong.http.requests.count{${f}}.as_count() > 0.05`,
    critical: '0.05',
    warning: '0.01',
    runbook: 'Split by service and by source (kong vs service): upstream errors point at the service, Kong errors at plugins.',
  },
  {
    id: 'request-latency-p99',
    title: 'Kong request latency p99 high',
    type: 'query alert',
    query: (_g, f) => `min(last_10m):p99:kong.request.latency.ms{${f}} > 3000`,
    critical: '3000',
    warning: '1000',
    runbook: 'Compare request latency with upstream latency: when both rise, the upstream is slow; otherwise look at Kong.',
  },
  {
    id: 'kong-latency-p99',
    title: 'Kong added latency p99 high',
    type: 'query alert',
    query: (_g, f) => `min(last_10m):p99:kong.kong.latency.ms{${f}} > 200`,
    critical: '200',
    warning: '50',
    runbook: 'Added latency comes from plugins, DNS and Kong itself: check plugin timings and the DNS resolver.',
  },
  {
    id: 'upstream-target-unhealthy',
    title: 'Kong upstream target unhealthy',
    type: 'service check',
    query: (g) => `"kong.upstream.target.health".over("kong_gateway:${g.name}","kong_environment:${ENV}").by("upstream","target","endpoint").last(20).count_by_status()`,
    critical: '20',
    runbook: 'Check the target with the upstream health endpoint of the Admin API and the service it points at.',
  },
  {
    id: 'shared-dict-memory',
    title: 'Kong shared dictionary nearly full',
    type: 'query alert',
    query: (_g, f) => `min(last_15m):max:kong.memory.lua.shared_dict.bytes{${f}} by {endpoint,shared_dict} / max:kong.memory.lua.shared_dict.total_bytes{${f}} by {endpoint,shared_dict} > 0.95`,
    critical: '0.95',
    warning: '0.85',
    runbook: 'Raise the dictionary size (nginx_http_lua_shared_dict) or find the plugin filling it.',
  },
  {
    id: 'metric-errors',
    title: 'Kong metrics library errors',
    type: 'query alert',
    query: (_g, f) => `sum(last_5m):sum:kong.nginx.metric_errors.count{${f}} by {endpoint}.as_count() > 0`,
    critical: '0',
    runbook: 'Raise lua_shared_dict prometheus_metrics or lower label cardinality; see the node error log.',
  },
  {
    id: 'node-metrics-up',
    title: 'Kong node metrics endpoint down',
    type: 'service check',
    query: (g) => `"kong.openmetrics.health".over("kong_gateway:${g.name}","kong_environment:${ENV}").by("endpoint").last(8).count_by_status()`,
    critical: '8',
    runbook: 'The Agent cannot scrape the status port: check status_listen, the pod annotations and the NetworkPolicy.',
  },
  {
    id: 'ready-nodes-below-expected',
    title: 'Fewer Kong nodes ready than expected',
    type: 'query alert',
    query: (g) => `max(last_10m):sum:kubernetes_state.deployment.replicas_ready{kube_namespace:${NS},kube_deployment:${g.name}} / ${g.expectedNodes} < 0.5`,
    critical: '0.5',
    warning: '1',
    runbook: 'Look for pods pending, crash-looping or failing readiness; check the node pool and the PodDisruptionBudget.',
  },
];

interface RuleRow {
  readonly alert: string;
  readonly title: string;
  readonly signal: string;
  readonly expr: (sel: string, g: BaselineGateway) => string;
  readonly op: string;
  readonly levels: Array<[string, number]>;
  readonly for: string;
  readonly description: string;
}

const ALERT_RULES: RuleRow[] = [
  {
    alert: 'KongNodeNotReady',
    title: 'Kong node not ready',
    signal: 'node-ready',
    op: '<',
    levels: [['critical', 1]],
    for: '2m',
    expr: (sel) => `kube_pod_container_status_ready{${sel},container="proxy"}`,
    description: 'The node fails its readiness probe (/status/ready on the status port): it has no valid configuration, cannot reach its database, or is draining.',
  },
  {
    alert: 'Kong5xxResponseRatioHigh',
    title: 'Kong 5xx response ratio high',
    signal: 'error-ratio-5xx',
    op: '>',
    levels: [['critical', 0.05], ['warning', 0.01]],
    for: '5m',
    expr: (sel) => `sum(rate(kong_http_requests_total{${sel},code=~"5.."}[5m])) / sum(rate(kong_http_requests_total{${sel}}[5m]))`,
    description: 'Share of proxied requests answered with 5xx (from Kong or the upstream). Needs the Prometheus plugin with status_code_metrics.',
  },
  {
    alert: 'KongRequestLatencyP99High',
    title: 'Kong request latency p99 high',
    signal: 'request-latency-p99',
    op: '>',
    levels: [['critical', 3000], ['warning', 1000]],
    for: '10m',
    expr: (sel) => `histogram_quantile(0.99, sum by (le) (rate(kong_request_latency_ms_bucket{${sel}}[5m])))`,
    description: 'p99 of the total request latency, Kong and upstream together. Needs the Prometheus plugin with latency_metrics.',
  },
  {
    alert: 'KongAddedLatencyP99High',
    title: 'Kong added latency p99 high',
    signal: 'kong-latency-p99',
    op: '>',
    levels: [['critical', 200], ['warning', 50]],
    for: '10m',
    expr: (sel) => `histogram_quantile(0.99, sum by (le) (rate(kong_kong_latency_ms_bucket{${sel}}[5m])))`,
    description: 'p99 of the latency Kong adds (plugins, DNS, balancing). Needs the Prometheus plugin with latency_metrics.',
  },
  {
    alert: 'KongUpstreamTargetUnhealthy',
    title: 'Kong upstream target unhealthy',
    signal: 'upstream-target-unhealthy',
    op: '>',
    levels: [['critical', 0]],
    for: '5m',
    expr: (sel) => `sum by (upstream, target) (kong_upstream_target_health{${sel},state=~"unhealthy|dns_error"})`,
    description: 'An upstream target fails its active or passive health checks. Needs the Prometheus plugin with upstream_health_metrics.',
  },
  {
    alert: 'KongSharedDictionaryNearlyFull',
    title: 'Kong shared dictionary nearly full',
    signal: 'shared-dict-memory',
    op: '>',
    levels: [['critical', 0.95], ['warning', 0.85]],
    for: '15m',
    expr: (sel) => `max by (pod, shared_dict) (kong_memory_lua_shared_dict_bytes{${sel}}) / max by (pod, shared_dict) (kong_memory_lua_shared_dict_total_bytes{${sel}})`,
    description: 'A Lua shared dictionary is nearly full: caches evict, rate-limiting counters and health-check state get lost.',
  },
  {
    alert: 'KongMetricsLibraryErrors',
    title: 'Kong metrics library errors',
    signal: 'metric-errors',
    op: '>',
    levels: [['critical', 0]],
    for: '5m',
    expr: (sel) => `sum by (pod) (increase(kong_nginx_metric_errors_total{${sel}}[5m]))`,
    description: 'The Prometheus plugin failed to record metrics (usually the kong_prometheus_metrics dictionary is full).',
  },
];

const NODE_RULES: RuleRow[] = [
  {
    alert: 'KongNodeMetricsEndpointDown',
    title: 'Kong node metrics endpoint down',
    signal: 'node-metrics-up',
    op: '<',
    levels: [['critical', 1]],
    for: '2m',
    expr: (sel) => `up{${sel}}`,
    description: 'Prometheus cannot scrape the status port of a node: the node is gone, the listener is not bound, or a NetworkPolicy blocks it.',
  },
  {
    alert: 'FewerKongNodesReadyThanExpected',
    title: 'Fewer Kong nodes ready than expected',
    signal: 'ready-nodes-below-expected',
    op: '<',
    levels: [['critical', 0.5], ['warning', 1]],
    for: '10m',
    expr: (sel, g) => `(sum(kube_pod_container_status_ready{${sel},container="proxy"}) or vector(0)) / ${g.expectedNodes}`,
    description: 'Fewer nodes are ready than the gateway should run: capacity is reduced and one more failure may take the gateway down.',
  },
];

const PANELS: Array<[string, string]> = [
  ['Ready nodes', 'sum(kube_pod_container_status_ready{SEL,container="proxy"})'],
  ['Readiness per node', 'kube_pod_container_status_ready{SEL,container="proxy"}'],
  ['Metrics endpoint up', 'up{SEL}'],
  ['Requests per second', 'sum(rate(kong_http_requests_total{SEL}[5m]))'],
  ['5xx ratio', 'sum(rate(kong_http_requests_total{SEL,code=~"5.."}[5m])) / sum(rate(kong_http_requests_total{SEL}[5m]))'],
  ['Request latency p99', 'histogram_quantile(0.99, sum by (le) (rate(kong_request_latency_ms_bucket{SEL}[5m])))'],
  ['Kong latency p99', 'histogram_quantile(0.99, sum by (le) (rate(kong_kong_latency_ms_bucket{SEL}[5m])))'],
  ['Upstream latency p99', 'histogram_quantile(0.99, sum by (le) (rate(kong_upstream_latency_ms_bucket{SEL}[5m])))'],
  ['Upstream target health', 'sum by (upstream, target, state) (kong_upstream_target_health{SEL})'],
  ['Shared dictionary use', 'max by (pod, shared_dict) (kong_memory_lua_shared_dict_bytes{SEL}) / max by (pod, shared_dict) (kong_memory_lua_shared_dict_total_bytes{SEL})'],
  ['Worker memory', 'sum by (pod) (kong_memory_workers_lua_vms_bytes{SEL})'],
  ['Connections', 'sum by (state) (kong_nginx_connections_total{SEL})'],
  ['Datastore reachable', 'min(kong_datastore_reachable{SEL})'],
  ['Metric errors', 'sum(increase(kong_nginx_metric_errors_total{SEL}[5m]))'],
];

function tags(g: BaselineGateway, extra: string[]): string[] {
  return [`kong_gateway:${g.name}`, `kong_environment:${ENV}`, 'team:platform', 'managed-by:hand-written', ...extra];
}

function message(g: BaselineGateway, row: MonitorRow): string {
  return [
    '{{#is_alert}}', `CRITICAL: ${row.title}. Value {{value}}, threshold {{threshold}}.`, CRITICAL, '{{/is_alert}}',
    ...(row.warning ? ['{{#is_warning}}', `WARNING: ${row.title}. Value {{value}}, warning threshold {{warn_threshold}}.`, WARNING, '{{/is_warning}}'] : []),
    '{{#is_recovery}}', `RECOVERED: ${row.title}.`, `${CRITICAL} ${WARNING}`, '{{/is_recovery}}',
    `Runbook: ${row.runbook}`,
    `Gateway ${g.name} (db-less, ${ENV}; namespace ${NS}).`,
  ].join('\n');
}

function grafanaRules(g: BaselineGateway, rows: RuleRow[], sel: string): RuleGroupRule[] {
  const rules: RuleGroupRule[] = [];
  for (const row of rows) {
    for (const [level, threshold] of row.levels) {
      rules.push({
        name: `${row.title} (${g.name}, ${ENV}, ${level})`,
        uid: `kong-${g.name}-${ENV}-${row.signal}-${level}`,
        condition: 'C',
        for: row.for,
        noDataState: row.signal === 'node-ready' ? 'Alerting' : 'OK',
        execErrState: 'Alerting',
        labels: { kong_gateway: g.name, kong_environment: ENV, team: 'platform', severity: level, level, signal: row.signal },
        annotations: {
          summary: `${row.title} (gateway ${g.name}, ${ENV})`,
          description: `${row.description} Value {{ $values.B }}, ${level} when ${row.op} ${threshold} for ${row.for}.`,
          runbook: `https://runbooks.example.com/kong/${row.signal}`,
        },
        data: [
          {
            refId: 'A',
            datasourceUid: 'prometheus',
            relativeTimeRange: { from: 600, to: 0 },
            model: JSON.stringify({ refId: 'A', datasource: { type: 'prometheus', uid: 'prometheus' }, expr: row.expr(sel, g), instant: true, range: false, intervalMs: 1000, maxDataPoints: 43200, legendFormat: '{{pod}}' }),
          },
          {
            refId: 'B',
            datasourceUid: '__expr__',
            relativeTimeRange: { from: 0, to: 0 },
            model: JSON.stringify({ refId: 'B', datasource: { type: '__expr__', uid: '__expr__' }, type: 'reduce', expression: 'A', reducer: 'last' }),
          },
          {
            refId: 'C',
            datasourceUid: '__expr__',
            relativeTimeRange: { from: 0, to: 0 },
            model: JSON.stringify({ refId: 'C', datasource: { type: '__expr__', uid: '__expr__' }, type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: row.op === '<' ? 'lt' : 'gt', params: [threshold] } }] }),
          },
        ],
      });
    }
  }
  return rules;
}

function prometheusRule(g: BaselineGateway, name: string, rows: RuleRow[], sel: string): { [key: string]: unknown } {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name, namespace: NS, labels: { 'app.kubernetes.io/name': 'kong-alerts', 'release': 'kps' } },
    spec: {
      groups: [{
        name,
        interval: '30s',
        rules: rows.flatMap((row) => row.levels.map(([level, threshold]) => ({
          alert: row.alert,
          expr: `${row.expr(sel, g)} ${row.op} ${threshold}`,
          for: row.for,
          labels: { kong_gateway: g.name, kong_environment: ENV, team: 'platform', severity: level, level, signal: row.signal },
          annotations: {
            summary: `${row.title} (gateway ${g.name}, ${ENV})`,
            description: `${row.description} Value {{ $value | humanize }}, ${level} when ${row.op} ${threshold} for ${row.for}.`,
            runbook: `https://runbooks.example.com/kong/${row.signal}`,
          },
        }))),
      }],
    },
  };
}

function grafanaDashboard(g: BaselineGateway, sel: string): string {
  return JSON.stringify({
    title: `Kong ${g.name} (${ENV}): health`,
    uid: `kong-${g.name}-${ENV}-health`,
    tags: ['kong', g.name, ENV],
    timezone: 'browser',
    editable: true,
    graphTooltip: 1,
    schemaVersion: 42,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        { type: 'datasource', name: 'datasource', label: 'Data source', query: 'prometheus', current: { text: 'prometheus', value: 'prometheus' } },
        { type: 'query', name: 'pod', label: 'Node (pod)', multi: true, includeAll: true, datasource: { type: 'prometheus', uid: '$datasource' }, query: { query: `label_values(kube_pod_container_status_ready{${sel}}, pod)`, refId: 'pod' }, refresh: 1, sort: 1 },
      ],
    },
    panels: PANELS.map(([title, expr], i) => ({
      id: i + 1,
      type: i < 3 ? 'stat' : 'timeseries',
      title,
      description: `${title} of gateway ${g.name} in ${ENV}, from the Prometheus plugin and kube-state-metrics.`,
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      datasource: { type: 'prometheus', uid: '$datasource' },
      targets: [{ refId: 'A', datasource: { type: 'prometheus', uid: '$datasource' }, expr: expr.replace(/SEL/g, `${sel},pod=~"$pod"`), legendFormat: '{{pod}}', range: true }],
      fieldConfig: { defaults: { unit: 'short', color: { mode: 'palette-classic' }, thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: 80 }] } }, overrides: [] },
      options: { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
    })),
  });
}

function datadogDashboard(g: BaselineGateway): string {
  const scope = ['$kong_gateway', '$kong_environment'];
  const timeseries = (title: string, q: string): { [key: string]: unknown } => ({
    definition: {
      type: 'timeseries',
      title,
      show_legend: true,
      legend_layout: 'auto',
      requests: [{ response_format: 'timeseries', queries: [{ data_source: 'metrics', name: 'query1', query: q }], formulas: [{ formula: 'query1' }], display_type: 'line' }],
    },
  });
  const group = (title: string, widgets: Array<{ [key: string]: unknown }>): { [key: string]: unknown } => ({ definition: { type: 'group', title, layout_type: 'ordered', widgets } });
  const f = '{$kong_gateway,$kong_environment}';
  return JSON.stringify({
    title: `Kong ${g.name} (${ENV}): health`,
    description: `Health of Kong gateway ${g.name} in ${ENV}, namespace ${NS}. Hand-written.`,
    layout_type: 'ordered',
    reflow_type: 'auto',
    template_variables: [
      { name: 'kong_environment', prefix: 'kong_environment', available_values: [], defaults: [ENV] },
      { name: 'kube_namespace', prefix: 'kube_namespace', available_values: [], defaults: [NS] },
      { name: 'kong_gateway', prefix: 'kong_gateway', available_values: [], defaults: [g.name] },
    ],
    widgets: [
      { definition: { type: 'note', content: `Gateway ${g.name}: readiness, traffic, latency, upstreams and memory.`, background_color: 'gray', font_size: '14', show_tick: false } },
      group('Nodes: readiness and expected count', [
        { definition: { type: 'check_status', title: 'Node readiness per instance', check: 'http.can_connect', grouping: 'cluster', group_by: ['instance'], tags: [...scope, 'kong_probe:ready'] } },
        { definition: { type: 'check_status', title: 'Metrics endpoint per node', check: 'kong.openmetrics.health', grouping: 'cluster', group_by: ['endpoint'], tags: scope } },
        timeseries('Ready replicas', `sum:kubernetes_state.deployment.replicas_ready{kube_namespace:${NS},kube_deployment:${g.name}}`),
      ]),
      group('Traffic and errors', [
        timeseries('Requests', `sum:kong.http.requests.count${f}.as_count()`),
        timeseries('5xx ratio', `sum:kong.http.requests.count{$kong_gateway,$kong_environment,code:5*}.as_count() / sum:kong.http.requests.count${f}.as_count()`),
        timeseries('Requests by status', `sum:kong.http.requests.count${f} by {code}.as_count()`),
      ]),
      group('Latency', [
        timeseries('Request latency p99', `p99:kong.request.latency.ms${f}`),
        timeseries('Kong latency p99', `p99:kong.kong.latency.ms${f}`),
        timeseries('Upstream latency p99', `p99:kong.upstream.latency.ms${f} by {service}`),
      ]),
      group('Upstreams', [
        { definition: { type: 'check_status', title: 'Upstream targets', check: 'kong.upstream.target.health', grouping: 'cluster', group_by: ['upstream', 'target', 'endpoint'], tags: scope } },
      ]),
      group('Memory and connections', [
        timeseries('Shared dictionary use', `max:kong.memory.lua.shared_dict.bytes${f} by {shared_dict} / max:kong.memory.lua.shared_dict.total_bytes${f} by {shared_dict}`),
        timeseries('Worker Lua VM memory', `max:kong.memory.workers.lua.vms.bytes${f} by {endpoint}`),
        timeseries('Connections', `sum:kong.nginx.connections.total${f} by {state}`),
      ]),
    ],
  });
}

/**
 * Percentiles of the latency distributions the monitors and dashboard query, once per
 * Datadog account (the first gateway's stack writes them).
 */
export function baselinePercentiles(scope: Construct): void {
  const keysByMetric: Record<string, string[]> = {
    'kong.request.latency.ms': ['kong_environment', 'kong_gateway'],
    'kong.kong.latency.ms': ['kong_environment', 'kong_gateway'],
    'kong.upstream.latency.ms': ['kong_environment', 'kong_gateway', 'service'],
  };
  for (const [metric, keys] of Object.entries(keysByMetric)) {
    new MetricTagConfiguration(scope, `percentiles-${metric}`, { metricName: metric, metricType: 'distribution', includePercentiles: true, tags: keys });
  }
}

/** Creates one gateway's resources under `scope`, flat, with ids prefixed by the gateway name. */
export function baselineGateway(scope: Construct, g: BaselineGateway, grafana: Library['grafana']): void {
  const { Dashboard, Folder, RuleGroup } = grafana;
  const f = `kong_gateway:${g.name},kong_environment:${ENV}`;
  const sel = `namespace="${NS}",pod=~"${g.name}-[a-z0-9]+-[a-z0-9]+"`;

  for (const row of MONITORS) {
    new Monitor(scope, `${g.name}-monitor-${row.id}`, {
      name: `[Kong ${g.name} ${ENV}] ${row.title}`,
      type: row.type,
      query: row.query(g, f),
      message: message(g, row),
      monitorThresholds: { critical: row.critical, warning: row.warning },
      priority: row.warning ? '2' : '1',
      includeTags: true,
      notifyNoData: row.type === 'service check',
      noDataTimeframe: row.type === 'service check' ? 10 : undefined,
      requireFullWindow: row.type === 'query alert' ? false : undefined,
      renotifyInterval: 60,
      renotifyStatuses: ['alert'],
      newGroupDelay: row.type === 'service check' ? 300 : undefined,
      tags: tags(g, [`kong_signal:${row.id}`, `severity:${row.warning ? 'warning' : 'critical'}`]),
    });
  }

  new ServiceLevelObjective(scope, `${g.name}-slo`, {
    name: `[Kong ${g.name} ${ENV}] Kong availability (error-ratio)`,
    description: `Availability of Kong gateway ${g.name} in ${ENV}: share of proxied requests not answered with 5xx.`,
    type: 'metric',
    query: {
      numerator: `sum:kong.http.requests.count{${f}}.as_count() - sum:kong.http.requests.count{${f},code:5*}.as_count()`,
      denominator: `sum:kong.http.requests.count{${f}}.as_count()`,
    },
    thresholds: [{ target: 99.9, timeframe: '30d' }],
    timeframe: '30d',
    targetThreshold: 99.9,
    tags: tags(g, ['kong_slo:error-ratio']),
  });

  const url = `https://${g.name}.example.com/`;
  new SyntheticsTest(scope, `${g.name}-synthetics-endpoint`, {
    name: `[Kong ${g.name} ${ENV}] Kong endpoint ${g.name}.example.com/ down`,
    type: 'api',
    subtype: 'http',
    status: 'live',
    locations: ['aws:eu-central-1', 'aws:us-east-2'],
    requestDefinition: { method: 'GET', url, timeout: 30 },
    assertion: [
      { type: 'statusCode', operator: 'is', target: '200' },
      { type: 'responseTime', operator: 'lessThan', target: '2000' },
    ],
    optionsList: {
      tickEvery: 60,
      followRedirects: true,
      minFailureDuration: 120,
      minLocationFailed: 1,
      monitorPriority: 1,
      retry: { count: 1, interval: 300 },
      monitorOptions: { renotifyInterval: 60 },
    },
    message: `{{#is_alert}}\nCRITICAL: Kong endpoint ${url} fails its checks.\n${CRITICAL}\n{{/is_alert}}\n{{#is_recovery}}\nRECOVERED: Kong endpoint ${url}.\n${CRITICAL}\n{{/is_recovery}}\nGateway ${g.name} (db-less, ${ENV}; namespace ${NS}).`,
    tags: tags(g, []),
  });

  new DashboardJson(scope, `${g.name}-datadog-dashboard`, { dashboard: datadogDashboard(g) });

  const folder = new Folder(scope, `${g.name}-grafana-folder`, { title: 'Kong', uid: `kong-${g.name}-${ENV}-folder` });
  new Dashboard(scope, `${g.name}-grafana-dashboard`, { folder: folder.uid, overwrite: true, configJson: grafanaDashboard(g, sel) });
  new RuleGroup(scope, `${g.name}-grafana-rules`, {
    name: `kong-${g.name}-${ENV}`, folderUid: folder.uid, intervalSeconds: 30, rule: grafanaRules(g, ALERT_RULES, sel),
  });
  new RuleGroup(scope, `${g.name}-grafana-node-rules`, {
    name: `kong-${g.name}-${ENV}-nodes`, folderUid: folder.uid, intervalSeconds: 30, rule: grafanaRules(g, NODE_RULES, sel),
  });

  new Manifest(scope, `${g.name}-prometheus-rule`, { manifest: prometheusRule(g, `kong-${g.name}-${ENV}-alerts`, ALERT_RULES, sel) });
  new Manifest(scope, `${g.name}-prometheus-node-rule`, { manifest: prometheusRule(g, `kong-${g.name}-${ENV}-nodes`, NODE_RULES, sel) });
  new Manifest(scope, `${g.name}-pod-monitor`, {
    manifest: {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: g.name, namespace: NS, labels: { kong_gateway: g.name } },
      spec: {
        namespaceSelector: { matchNames: [NS] },
        selector: { matchLabels: { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': g.name } },
        podMetricsEndpoints: [{ port: 'status', path: '/metrics', interval: '30s', scheme: 'http' }],
      },
    },
  });
}
