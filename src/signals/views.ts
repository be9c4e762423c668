import { PanelPlacement } from './panel-placement';
import {
  DatadogQueryScope,
  DatadogSelectors,
  GATEWAY_TAG_VALUES,
  GatewayIdentity,
  IN_CLUSTER,
  PromQueryScope,
  PromSelectors,
  datadogReplicaMetrics,
  podNamePattern,
} from './selectors';
import { PrometheusPluginFlag, SignalSource, TelemetryProducer } from './signal-source';
import { DatadogCollection } from './signal-types';
import { DashboardSection, PanelDrawing } from '../gateway/dashboard-vocabulary';

/** Dashboard-only views (what dashboards graph beyond the alerting signals). */
export enum ViewId {
  READY_NODES = 'ready-nodes',
  REQUEST_RATE_BY_SERVICE = 'request-rate-by-service',
  REQUEST_RATE_BY_STATUS = 'request-rate-by-status',
  REQUEST_LATENCY_QUANTILES = 'request-latency-quantiles',
  REQUEST_LATENCY_P99_BY_SERVICE = 'request-latency-p99-by-service',
  KONG_LATENCY_P99_BY_SERVICE = 'kong-latency-p99-by-service',
  UPSTREAM_LATENCY_P99_BY_SERVICE = 'upstream-latency-p99-by-service',
  CONNECTIONS_BY_STATE = 'connections-by-state',
  BANDWIDTH_BY_DIRECTION = 'bandwidth-by-direction',
  WORKER_LUA_MEMORY = 'worker-lua-memory',
}

/** One series of a view: PromQL and/or a Datadog query, with a legend. */
export interface ViewSeries {
  readonly legend: string;
  readonly promql?: string;
  readonly datadog?: string;
}

/** A dashboard view: where it sits, its title and unit, and the series it graphs. */
export interface DashboardView extends PanelPlacement {
  readonly id: ViewId;
  /** What the panel shows, where its title does not say it all. */
  readonly description?: string;
  /** True when it graphs proxied traffic: a gateway that proxies none (a hybrid control plane) leaves it out. */
  readonly proxiedTraffic: boolean;
  readonly series: ViewSeries[];
}

const RATE = '1m';
const QUANTILE_RATE = '5m';

function quantile(q: number, bucket: string, selectors: PromSelectors, by: string[]): string {
  return `histogram_quantile(${q}, sum by (${[...by, 'le'].join(', ')}) (rate(${bucket}${selectors.pods()}[${QUANTILE_RATE}])))`;
}

/** How a dashboard's queries are written: the Datadog collection path, and where each backend's queries run. */
export interface DashboardQueryOptions {
  /** The path Datadog receives Kong's data by. */
  readonly collection: DatadogCollection;
  /** Where the PromQL runs (the cluster's Prometheus, a central store, a dashboard's variables). */
  readonly prometheus?: PromQueryScope;
  /** Where the Datadog queries run (the gateway's tag values, or a dashboard's template variables). */
  readonly datadog?: DatadogQueryScope;
}

/**
 * The views for one gateway, with queries written as the options say. A series has no
 * Datadog query where the collection path lacks the data (e.g. bandwidth through Kong's
 * Datadog plugin).
 */
export function dashboardViews(gateway: GatewayIdentity, options: DashboardQueryOptions): DashboardView[] {
  const d = new DatadogSelectors(gateway, options.datadog ?? GATEWAY_TAG_VALUES);
  const f = d.gatewayFilter();
  const agent = options.collection === DatadogCollection.AGENT_INTEGRATION;
  const replicas = datadogReplicaMetrics(gateway);
  const workload = d.workloadFilter();
  const q = new PromSelectors(gateway, options.prometheus ?? IN_CLUSTER);
  const ready = `sum(${q.containerReady()})`;
  // Latency distributions: the Agent's Kong check sends the histograms' buckets as
  // distributions (tagged `service`), Kong's Datadog plugin its timings (tagged `name`).
  const latency = agent
    ? { request: 'kong.request.latency.ms', kong: 'kong.kong.latency.ms', upstream: 'kong.upstream.latency.ms', serviceTag: 'service' }
    : { request: 'kong.latency', kong: 'kong.kong_latency', upstream: 'kong.upstream_latency', serviceTag: 'name' };
  return [
    {
      id: ViewId.READY_NODES,
      section: DashboardSection.NODES,
      order: 10,
      drawing: PanelDrawing.STAT,
      proxiedTraffic: false,
      title: 'Ready nodes vs expected',
      description: 'Nodes whose readiness probe (/status/ready) passes, against the expected or desired count.',
      unit: 'count',
      series: [
        { legend: 'ready', promql: ready, datadog: `sum:${replicas.ready}{${workload}}` },
        gateway.expectedNodes !== undefined
          ? { legend: 'expected', promql: `vector(${gateway.expectedNodes})` }
          : { legend: 'desired', promql: `sum(${q.desiredReplicas()})`, datadog: `sum:${replicas.desired}{${workload}}` },
      ],
    },
    {
      id: ViewId.REQUEST_RATE_BY_SERVICE,
      section: DashboardSection.TRAFFIC,
      order: 10,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: true,
      title: 'Requests per second by service',
      unit: 'reqps',
      series: [{
        legend: '{{service}}',
        promql: `sum by (service) (rate(kong_http_requests_total${q.pods()}[${RATE}]))`,
        datadog: agent ? `sum:kong.http.requests.count{${f}} by {service}.as_rate()` : `sum:kong.request.count{${f}} by {name}.as_rate()`,
      }],
    },
    {
      id: ViewId.REQUEST_RATE_BY_STATUS,
      section: DashboardSection.TRAFFIC,
      order: 20,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: true,
      title: 'Requests per second by status code',
      unit: 'reqps',
      series: [{
        legend: '{{code}}',
        promql: `sum by (code) (rate(kong_http_requests_total${q.pods()}[${RATE}]))`,
        datadog: agent ? `sum:kong.http.requests.count{${f}} by {code}.as_rate()` : `sum:kong.request.count{${f}} by {status}.as_rate()`,
      }],
    },
    {
      id: ViewId.REQUEST_LATENCY_QUANTILES,
      section: DashboardSection.TRAFFIC,
      order: 40,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: true,
      title: 'Request latency p50 / p95 / p99',
      unit: 'ms',
      series: [
        { legend: 'p50', promql: quantile(0.5, 'kong_request_latency_ms_bucket', q, []), datadog: `p50:${latency.request}{${f}}` },
        { legend: 'p95', promql: quantile(0.95, 'kong_request_latency_ms_bucket', q, []), datadog: `p95:${latency.request}{${f}}` },
        { legend: 'p99', promql: quantile(0.99, 'kong_request_latency_ms_bucket', q, []), datadog: `p99:${latency.request}{${f}}` },
      ],
    },
    {
      id: ViewId.REQUEST_LATENCY_P99_BY_SERVICE,
      section: DashboardSection.TRAFFIC,
      order: 60,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: true,
      title: 'Request latency p99 by service',
      unit: 'ms',
      series: [{
        legend: '{{service}}',
        promql: quantile(0.99, 'kong_request_latency_ms_bucket', q, ['service']),
        datadog: `p99:${latency.request}{${f}} by {${latency.serviceTag}}`,
      }],
    },
    {
      id: ViewId.KONG_LATENCY_P99_BY_SERVICE,
      section: DashboardSection.TRAFFIC,
      order: 80,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: true,
      title: 'Kong added latency p99 by service',
      unit: 'ms',
      series: [{
        legend: '{{service}}',
        promql: quantile(0.99, 'kong_kong_latency_ms_bucket', q, ['service']),
        datadog: `p99:${latency.kong}{${f}} by {${latency.serviceTag}}`,
      }],
    },
    {
      id: ViewId.UPSTREAM_LATENCY_P99_BY_SERVICE,
      section: DashboardSection.UPSTREAMS,
      order: 20,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: true,
      title: 'Upstream latency p99 by service',
      unit: 'ms',
      series: [{
        legend: '{{service}}',
        promql: quantile(0.99, 'kong_upstream_latency_ms_bucket', q, ['service']),
        datadog: `p99:${latency.upstream}{${f}} by {${latency.serviceTag}}`,
      }],
    },
    {
      id: ViewId.CONNECTIONS_BY_STATE,
      section: DashboardSection.RESOURCES,
      order: 30,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: false,
      title: 'Connections by state',
      unit: 'count',
      series: [{
        legend: '{{state}}',
        promql: `sum by (state) (kong_nginx_connections_total${q.pods('state=~"active|reading|writing|waiting"')})`,
        datadog: agent ? `sum:kong.nginx.connections.total{${f},!state:accepted,!state:handled,!state:total} by {state}` : undefined,
      }],
    },
    {
      id: ViewId.BANDWIDTH_BY_DIRECTION,
      section: DashboardSection.TRAFFIC,
      order: 90,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: true,
      title: 'Bandwidth by direction',
      unit: 'Bps',
      series: [{
        legend: '{{direction}}',
        promql: `sum by (direction) (rate(kong_bandwidth_bytes${q.pods()}[${RATE}]))`,
        datadog: agent ? `sum:kong.bandwidth.bytes.count{${f}} by {direction}.as_rate()` : undefined,
      }],
    },
    {
      id: ViewId.WORKER_LUA_MEMORY,
      section: DashboardSection.RESOURCES,
      order: 40,
      drawing: PanelDrawing.TIME_SERIES,
      proxiedTraffic: false,
      title: 'Worker Lua VM memory by node',
      unit: 'bytes',
      series: [{
        legend: '{{pod}}',
        promql: `sum by (pod) (kong_memory_workers_lua_vms_bytes${q.pods()})`,
        datadog: agent ? `sum:kong.memory.workers.lua.vms.bytes{${f}} by {endpoint}` : undefined,
      }],
    },
  ];
}

/** Good and total request counts in Datadog, for a metric-based (count) availability SLO. */
export interface DatadogRequestCounts {
  /** Requests not answered with a 5xx status. */
  readonly good: string;
  /** All proxied requests. */
  readonly total: string;
}

/**
 * Request counts behind the 5xx ratio signal, as an SLO's numerator and denominator
 * (Datadog's count SLOs take `sum:` queries with `.as_count()`).
 */
export function datadogRequestCounts(gateway: GatewayIdentity, collection: DatadogCollection): DatadogRequestCounts {
  const f = new DatadogSelectors(gateway).gatewayFilter();
  const [metric, statusTag] = collection === DatadogCollection.KONG_PLUGIN
    ? ['kong.request.count', 'status'] : ['kong.http.requests.count', 'code'];
  const total = `sum:${metric}{${f}}.as_count()`;
  return { good: `${total} - sum:${metric}{${f},${statusTag}:5*}.as_count()`, total };
}

/** Grafana template variables a dashboard filters its queries with. */
export interface DashboardVariableQueries {
  /** PromQL series selector whose `namespace` label values list the namespaces (for `label_values`). */
  readonly namespaceSeries: string;
  /** PromQL series selector, bound to `$namespace`, whose `pod` label values list the gateway's nodes. */
  readonly podSeries: string;
  /** The regex that stands for every node of the gateway (the pod variable's "All" value). */
  readonly allPods: string;
}

/**
 * For Grafana dashboards: the series the namespace and pod variables list their values
 * from. The pod variable's values are limited to the gateway's own pods.
 */
export function dashboardVariableQueries(gateway: GatewayIdentity, namespaceVariable: string, scope: PromQueryScope = IN_CLUSTER): DashboardVariableQueries {
  const clusterLabel = scope.clusterLabel;
  return {
    namespaceSeries: new PromSelectors(gateway, { clusterLabel, anyNamespace: true }).containerReady(),
    podSeries: new PromSelectors(gateway, { clusterLabel, namespaceVariable }).containerReady(),
    allPods: podNamePattern(gateway),
  };
}

/**
 * Producers of the metrics only the dashboard views graph (the signals declare the rest), so
 * every dashboard query can be traced to what emits it.
 */
export const VIEW_SOURCES: SignalSource[] = [
  { producer: TelemetryProducer.KONG_PROMETHEUS_PLUGIN, metrics: ['kong_upstream_latency_ms_bucket'], pluginFlag: PrometheusPluginFlag.LATENCY_METRICS },
  { producer: TelemetryProducer.KONG_PROMETHEUS_PLUGIN, metrics: ['kong_bandwidth_bytes'], pluginFlag: PrometheusPluginFlag.BANDWIDTH_METRICS },
  { producer: TelemetryProducer.KONG_NODE_GAUGES, metrics: ['kong_nginx_connections_total', 'kong_memory_workers_lua_vms_bytes'] },
  { producer: TelemetryProducer.KUBE_STATE_METRICS, metrics: ['kube_deployment_spec_replicas', 'kube_daemonset_status_desired_number_scheduled', 'kube_statefulset_replicas'] },
  {
    producer: TelemetryProducer.DATADOG_KONG_CHECK,
    metrics: ['kong.upstream.latency.ms'],
    origin: TelemetryProducer.KONG_PROMETHEUS_PLUGIN,
    pluginFlag: PrometheusPluginFlag.LATENCY_METRICS,
  },
  { producer: TelemetryProducer.DATADOG_KONG_CHECK, metrics: ['kong.bandwidth.bytes.count'], origin: TelemetryProducer.KONG_PROMETHEUS_PLUGIN, pluginFlag: PrometheusPluginFlag.BANDWIDTH_METRICS },
  { producer: TelemetryProducer.DATADOG_KONG_CHECK, metrics: ['kong.nginx.connections.total', 'kong.memory.workers.lua.vms.bytes'], origin: TelemetryProducer.KONG_NODE_GAUGES },
  { producer: TelemetryProducer.KONG_DATADOG_PLUGIN, metrics: ['kong.upstream_latency'] },
  {
    producer: TelemetryProducer.DATADOG_KUBERNETES_STATE,
    metrics: [
      'kubernetes_state.deployment.replicas_desired', 'kubernetes_state.daemonset.desired', 'kubernetes_state.statefulset.replicas_desired',
    ],
  },
];
