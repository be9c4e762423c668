import { PanelStates, SignalPanel } from './panel-placement';
import { DATADOG_READY_PROBE_TAG, DatadogSelectors, GatewayIdentity, datadogReplicaMetrics, datadogExtraMetricName } from './selectors';
import { DatadogDefinition, KongAvailability, SignalDefinition } from './signal-definition';
import { PrometheusPluginFlag, SignalSource, TelemetryProducer } from './signal-source';
import { DatadogCollection, DatadogQueryKind } from './signal-types';
import { Duration } from '../core/duration';
import { DashboardSection, PanelDrawing } from '../gateway/dashboard-vocabulary';
import { DeploymentMode } from '../gateway/deployment-mode';
import { datadogGatewayTags } from '../gateway/gateway-identity';
import { KongEdition } from '../gateway/kong-version';
import { NoDataPolicy, Severity, SignalId, SignalPractice, SignalScope, SignalUnit, ThresholdDirection } from '../gateway/signal-vocabulary';

const ALL_MODES = Object.values(DeploymentMode);
const PROXY_MODES = [DeploymentMode.TRADITIONAL, DeploymentMode.DB_LESS, DeploymentMode.HYBRID_DATA_PLANE];
const DATASTORE_MODES = [DeploymentMode.TRADITIONAL, DeploymentMode.HYBRID_CONTROL_PLANE];
const RATE_WINDOW = '5m';
const SECONDS_PER_DAY = 86400;

/**
 * A data plane pings its control plane every 30 s, and each ping rewrites its row's
 * `last_seen` (Kong `kong/clustering/control_plane.lua`: the read thread calls
 * `update_sync_status()` on every ping; a version-incompatible data plane is recorded at each
 * connection attempt before the control plane closes it). Rows outlive their data planes for
 * `cluster_data_plane_purge_delay` (14 days by default), so the control plane's view only
 * counts rows seen within this many seconds: four pings.
 */
export const DATA_PLANE_RECENT_SECONDS = 120;

/** `<expr> and on (node_id) <rows seen recently>`: keeps only data planes still talking to the control plane. */
function recentlySeen(expr: string, selector: string): string {
  return `${expr} and on (node_id) (time() - kong_data_plane_last_seen${selector} < ${DATA_PLANE_RECENT_SECONDS})`;
}

const ksm = (...metrics: string[]): SignalSource => ({ producer: TelemetryProducer.KUBE_STATE_METRICS, metrics });
const nodeGauge = (...metrics: string[]): SignalSource => ({ producer: TelemetryProducer.KONG_NODE_GAUGES, metrics });
const pluginMetric = (pluginFlag: PrometheusPluginFlag | undefined, ...metrics: string[]): SignalSource => ({
  producer: TelemetryProducer.KONG_PROMETHEUS_PLUGIN,
  metrics,
  ...(pluginFlag ? { pluginFlag } : {}),
});

/** Data the Agent's Kong check scrapes from Kong's exporter, tagged by the library's check instance. */
function kongCheck(gateway: GatewayIdentity, metrics: string[], pluginFlag?: PrometheusPluginFlag, origin?: TelemetryProducer): SignalSource {
  return {
    producer: TelemetryProducer.DATADOG_KONG_CHECK,
    metrics,
    origin: origin ?? (pluginFlag ? TelemetryProducer.KONG_PROMETHEUS_PLUGIN : TelemetryProducer.KONG_NODE_GAUGES),
    attachedTags: datadogGatewayTags(gateway),
    ...(pluginFlag ? { pluginFlag } : {}),
  };
}

/** DogStatsD metrics of Kong's Datadog plugin, tagged by the plugin config the library writes. */
function datadogPlugin(gateway: GatewayIdentity, ...metrics: string[]): SignalSource {
  return { producer: TelemetryProducer.KONG_DATADOG_PLUGIN, metrics, attachedTags: datadogGatewayTags(gateway) };
}

/** `kong_control_plane_connected` exists from Kong Gateway Enterprise 3.10 (no open-source release has it). */
const ENTERPRISE_3_10: KongAvailability = {
  emittedBy: (version, edition) => edition === KongEdition.ENTERPRISE && version.atLeast(3, 10),
  where: 'Kong Gateway Enterprise 3.10+',
  alternative: `a data plane that loses its control plane keeps answering 200 on /status/ready, so watch it from the control plane: '${SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED}' on the control-plane gateway, with expectedDataPlanes`,
};

/** How a metric form reads its metrics: the time aggregation, the expression, the groups. */
interface KongCheckQuery {
  readonly timeAggregation: 'avg' | 'min' | 'max' | 'sum';
  /** The expression after `time_aggr(window):`, given the gateway's tag filter. */
  readonly expression: (filter: string, gateway: GatewayIdentity) => string;
  readonly groupBy: string[];
  /** Where the Kong check reads the data from, when not the node-level gauges. */
  readonly origin?: TelemetryProducer;
}

/**
 * A metric form read through the Agent's Kong check only: Kong's Datadog plugin sends
 * request data alone, so node and resource metrics have no form on that path.
 */
function kongCheckMetric(metrics: string[], query: KongCheckQuery) {
  return (d: DatadogSelectors, collection: DatadogCollection): DatadogDefinition | undefined => {
    if (collection !== DatadogCollection.AGENT_INTEGRATION) return undefined;
    return {
      kind: DatadogQueryKind.METRIC,
      timeAggregation: query.timeAggregation,
      expression: query.expression(d.gatewayFilter(), d.gateway),
      groupBy: query.groupBy,
      sources: [kongCheck(d.gateway, metrics, undefined, query.origin)],
    };
  };
}

/**
 * A 0/1 gauge the library's annotations ask the Agent's Kong check for (DATADOG_EXTRA_METRICS),
 * alerted per group when it stays below 1 for the whole window.
 */
function extraGauge(exposedName: string, groupBy: string[]) {
  const metric = datadogExtraMetricName(exposedName);
  return kongCheckMetric([metric], { timeAggregation: 'max', groupBy, expression: (filter) => `min:${metric}{${filter}} by {${groupBy.join(',')}}` });
}

function serviceCheck(check: string, groupBy: string[], pluginFlag?: PrometheusPluginFlag) {
  return (d: DatadogSelectors, collection: DatadogCollection): DatadogDefinition | undefined =>
    collection === DatadogCollection.AGENT_INTEGRATION
      ? { kind: DatadogQueryKind.SERVICE_CHECK, check, over: d.gatewayTags(), groupBy, sources: [kongCheck(d.gateway, [check], pluginFlag)] }
      : undefined;
}

/** What differs between the per-node 0/1 gauges (ready, up, reachable, connected, compatible). */
type UpDownSpec = Omit<SignalDefinition, 'scope' | 'direction' | 'unit' | 'quantity' | 'range' | 'critical' | 'warning' | 'dashboard'> & {
  /** What 1 means, e.g. 'ready'. */
  readonly healthy: string;
  /** What 0 means. */
  readonly unhealthy?: string;
  /** Its panel, a state timeline: where it sits and what 1 and 0 read as. */
  readonly dashboard: Omit<SignalPanel, 'drawing' | 'unit' | 'legend'> & { readonly states: PanelStates };
};

/** A per-node 0/1 gauge that alerts when it stays below 1 (the node is not what it should be). */
function upDownSignal(spec: UpDownSpec): SignalDefinition {
  const { healthy, unhealthy, dashboard, ...rest } = spec;
  return {
    ...rest,
    dashboard: { ...dashboard, drawing: PanelDrawing.STATE_TIMELINE },
    scope: SignalScope.NODE,
    direction: ThresholdDirection.BELOW,
    unit: SignalUnit.STATE,
    quantity: `${healthy} (1) or ${unhealthy ?? 'not'} (0)`,
    range: [0, 1],
    bounds: [0, 1],
    critical: 1,
  };
}

/** What differs between the two p99 latency signals. */
interface LatencySpec {
  readonly id: SignalId;
  readonly title: string;
  readonly what: string;
  readonly prometheusHistogram: string;
  /** The distribution the Agent's Kong check sends for the histogram (buckets as distributions). */
  readonly agentDistribution: string;
  readonly pluginMetric: string;
  readonly warning: number;
  readonly critical: number;
  readonly runbook: string;
  /** Its panel in the traffic section. */
  readonly panel: { readonly order: number; readonly title: string };
}

/**
 * A p99 latency signal, the same p99 on every backend: PromQL's `histogram_quantile` over
 * Kong's histogram buckets; in Datadog the p99 of a distribution, sent by Kong's Datadog
 * plugin (the library's plugin config asks for distributions) or by the Agent's Kong check
 * (its instance sends the histogram buckets as a distribution). Both need percentiles
 * enabled for the metric, which the Datadog constructs do.
 */
function latencySignal(spec: LatencySpec): SignalDefinition {
  const needs = 'Needs latency_metrics on the Prometheus plugin.';
  const flag = PrometheusPluginFlag.LATENCY_METRICS;
  return {
    id: spec.id,
    title: spec.title,
    description: `${spec.what}, 99th percentile, in milliseconds. ${needs}`,
    scope: SignalScope.TRAFFIC,
    modes: PROXY_MODES,
    severity: Severity.WARNING,
    direction: ThresholdDirection.ABOVE,
    unit: SignalUnit.MILLISECONDS,
    quantity: 'milliseconds',
    range: [1, 600000],
    warning: spec.warning,
    critical: spec.critical,
    window: () => Duration.minutes(10),
    runbook: spec.runbook,
    noData: NoDataPolicy.OK,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { ...spec.panel, section: DashboardSection.TRAFFIC, drawing: PanelDrawing.TIME_SERIES, unit: 'ms', legend: 'p99' },
    promql: (q) => `histogram_quantile(0.99, sum by (le) (rate(${spec.prometheusHistogram}_bucket${q.pods()}[${RATE_WINDOW}])))`,
    promqlGroupBy: [],
    prometheusSources: [pluginMetric(flag, `${spec.prometheusHistogram}_bucket`)],
    datadog: (d, collection) => {
      const plugin = collection === DatadogCollection.KONG_PLUGIN;
      const metric = plugin ? spec.pluginMetric : spec.agentDistribution;
      return {
        kind: DatadogQueryKind.METRIC,
        // "Above" held throughout the window: the smallest p99 of the window is above.
        timeAggregation: 'min',
        expression: `p99:${metric}{${d.gatewayFilter()}}`,
        groupBy: [],
        sources: [plugin ? datadogPlugin(d.gateway, metric) : kongCheck(d.gateway, [metric], flag)],
      };
    },
  };
}

/** Ages and counts the Kong check sends for the library (extra_metrics). */
const CERT_EXPIRY_AGE = datadogExtraMetricName('kong_data_plane_cluster_cert_expiry_timestamp');
const LAST_SEEN_AGE = datadogExtraMetricName('kong_data_plane_last_seen');
const METRIC_ERRORS_COUNT = datadogExtraMetricName('kong_nginx_metric_errors');

/** What Datadog monitor queries cannot do: a join, such as PromQL's `and on (node_id)`. */
const DATADOG_NO_JOIN = 'keep one metric\'s rows only where another metric shows the data plane as recently seen';

/**
 * The signal catalog, in a fixed order (backends keep it, so rendering is deterministic).
 * Metric names and semantics: Kong's Prometheus plugin (3.x), kube-state-metrics, `up`,
 * the Datadog Agent's Kong and HTTP checks, and Kong's Datadog plugin.
 */
export const SIGNAL_CATALOG: SignalDefinition[] = [
  upDownSignal({
    id: SignalId.NODE_READY,
    title: 'Kong node not ready',
    description: 'The node fails its readiness probe (`/status/ready` on the status port): it has no valid configuration, cannot reach its database, or is draining, and receives no traffic.',
    modes: ALL_MODES,
    severity: Severity.CRITICAL,
    healthy: 'ready',
    // A node may be unready while it loads its first configuration: wait out that window.
    window: (gateway) => gateway.startupWindow,
    runbook: 'Read the 503 reason: curl http://<pod-ip>:<status-port>/status/ready; check the database or control plane, and `kubectl logs` for configuration errors.',
    noData: NoDataPolicy.ALERT,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { section: DashboardSection.NODES, order: 20, title: 'Readiness per node', states: { healthy: 'Ready', unhealthy: 'Not ready' } },
    promql: (q) => q.containerReady(),
    promqlGroupBy: ['pod'],
    prometheusSources: [ksm('kube_pod_container_status_ready')],
    // One http_check instance per pod, named after the pod, so each node is its own group
    // whatever the Agent's tag cardinality.
    datadog: (d) => {
      const attachedTags = [...datadogGatewayTags(d.gateway), DATADOG_READY_PROBE_TAG];
      return {
        kind: DatadogQueryKind.SERVICE_CHECK,
        check: 'http.can_connect',
        over: d.gatewayTags(DATADOG_READY_PROBE_TAG),
        groupBy: ['instance'],
        sources: [{ producer: TelemetryProducer.DATADOG_HTTP_CHECK, metrics: ['http.can_connect'], attachedTags }],
      };
    },
  }),
  upDownSignal({
    id: SignalId.NODE_METRICS_UP,
    title: 'Kong node metrics endpoint down',
    description: "The node's `/metrics` on the status port cannot be scraped: the node is down, the status listener is loopback-only, or the Prometheus plugin is not loaded.",
    modes: ALL_MODES,
    severity: Severity.WARNING,
    healthy: 'up',
    unhealthy: 'down',
    window: (gateway) => gateway.startupWindow,
    runbook: 'Check that KONG_STATUS_LISTEN binds 0.0.0.0 (not 127.0.0.1) on the status port, that the prometheus plugin is enabled, and that the scrape target exists.',
    noData: NoDataPolicy.ALERT,
    practice: SignalPractice.ALL_NODES_MONITORED,
    dashboard: { section: DashboardSection.NODES, order: 30, title: 'Metrics endpoint per node', states: { healthy: 'Up', unhealthy: 'Down' } },
    promql: (q) => `up${q.pods()}`,
    promqlGroupBy: ['pod'],
    prometheusSources: [{ producer: TelemetryProducer.PROMETHEUS_SCRAPE, metrics: ['up'] }],
    datadog: serviceCheck('kong.openmetrics.health', ['endpoint']),
  }),
  upDownSignal({
    id: SignalId.DATASTORE_REACHABLE,
    title: 'Kong node cannot reach its database',
    description: 'The node cannot connect to its database. In DB-less mode and on data planes this gauge is always 1, so the signal applies to traditional nodes and control planes only.',
    modes: DATASTORE_MODES,
    severity: Severity.CRITICAL,
    healthy: 'reachable',
    window: () => Duration.minutes(2),
    runbook: 'Check the database (PostgreSQL) health, credentials and network policy from the Kong namespace; `/status` shows database.reachable per node.',
    noData: NoDataPolicy.REPORT,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { section: DashboardSection.CLUSTER_HEALTH, order: 10, title: 'Datastore reachable per node', states: { healthy: 'Reachable', unhealthy: 'Unreachable' } },
    promql: (q) => `kong_datastore_reachable${q.pods()}`,
    promqlGroupBy: ['pod'],
    prometheusSources: [nodeGauge('kong_datastore_reachable')],
    datadog: serviceCheck('kong.datastore.reachable', ['endpoint']),
  }),
  upDownSignal({
    id: SignalId.CONTROL_PLANE_CONNECTED,
    title: 'Kong data plane disconnected from its control plane',
    description: 'The data plane lost its control plane. Its readiness stays 200 on cached configuration, so only this gauge (Kong Gateway Enterprise 3.10+) shows it from the data-plane side.',
    modes: [DeploymentMode.HYBRID_DATA_PLANE],
    severity: Severity.CRITICAL,
    healthy: 'connected',
    window: () => Duration.minutes(2),
    runbook: 'Check cluster_control_plane address, the cluster certificate, and the control plane pods; configuration changes do not reach this node meanwhile.',
    noData: NoDataPolicy.REPORT,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { section: DashboardSection.CLUSTER_HEALTH, order: 20, title: 'Control plane connection per node', states: { healthy: 'Connected', unhealthy: 'Disconnected' } },
    availability: ENTERPRISE_3_10,
    promql: (q) => `kong_control_plane_connected${q.pods()}`,
    promqlGroupBy: ['pod'],
    prometheusSources: [nodeGauge('kong_control_plane_connected')],
    datadog: extraGauge('kong_control_plane_connected', ['endpoint']),
  }),
  {
    id: SignalId.DATA_PLANE_CERT_EXPIRY,
    title: 'Kong data plane cluster certificate expires soon',
    description: "Days until the data plane's cluster certificate expires (read when Kong starts). When it expires, every data plane using it loses its control plane at once.",
    scope: SignalScope.NODE,
    modes: [DeploymentMode.HYBRID_DATA_PLANE],
    severity: Severity.CRITICAL,
    direction: ThresholdDirection.BELOW,
    unit: SignalUnit.DAYS,
    quantity: 'days until expiry',
    range: [0, 3650],
    warning: 30,
    critical: 7,
    window: () => Duration.minutes(10),
    runbook: 'Renew the cluster certificate (cluster_cert / cluster_cert_key, the Secret mounted into the data planes and the control plane), then roll the data planes so Kong reads it.',
    noData: NoDataPolicy.REPORT,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { section: DashboardSection.CLUSTER_HEALTH, order: 30, drawing: PanelDrawing.TIME_SERIES, title: 'Cluster certificate: days until expiry', unit: 'd' },
    promql: (q) => `(kong_data_plane_cluster_cert_expiry_timestamp${q.pods()} - time()) / 86400`,
    promqlGroupBy: ['pod'],
    prometheusSources: [nodeGauge('kong_data_plane_cluster_cert_expiry_timestamp')],
    // Monitor queries have no clock: the Kong check sends now - expiry (time_elapsed), the
    // seconds since expiry, negative while the certificate is valid; negated, in days.
    datadog: kongCheckMetric([CERT_EXPIRY_AGE], {
      timeAggregation: 'max',
      groupBy: ['endpoint'],
      expression: (filter) => `(0 - max:${CERT_EXPIRY_AGE}{${filter}} by {endpoint}) / ${SECONDS_PER_DAY}`,
    }),
  },
  {
    id: SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED,
    title: 'Fewer Kong data planes seen by the control plane than expected',
    description: `Data planes the control plane heard from in the last ${DATA_PLANE_RECENT_SECONDS} s, as a share of the expected number (expectedDataPlanes; without it, at least one). Rows of replaced data planes stay listed for 14 days and are not counted.`,
    scope: SignalScope.CLUSTER,
    modes: [DeploymentMode.HYBRID_CONTROL_PLANE],
    severity: Severity.CRITICAL,
    direction: ThresholdDirection.BELOW,
    unit: SignalUnit.RATIO,
    quantity: 'ratio of recently seen to expected data planes',
    range: [0, 1],
    bounds: [0, 1],
    warning: 1,
    critical: 0.5,
    window: () => Duration.minutes(2),
    runbook: 'Compare GET /clustering/data-planes on the control plane with the data-plane pods: look for data planes that cannot reach the cluster port (8005), bad cluster certificates, or data planes that are down.',
    noData: NoDataPolicy.ALERT,
    practice: SignalPractice.ALL_NODES_MONITORED,
    dashboard: { section: DashboardSection.CLUSTER_HEALTH, order: 40, drawing: PanelDrawing.TIME_SERIES, title: 'Data planes seen recently / expected', unit: 'percentunit', legend: 'seen / expected' },
    // Each control-plane pod exports every row: count distinct node ids, not series.
    promql: (q) => `(count(count by (node_id) (time() - kong_data_plane_last_seen${q.pods()} < ${DATA_PLANE_RECENT_SECONDS})) or vector(0)) / ${q.gateway.expectedDataPlanes ?? 1}`,
    promqlGroupBy: [],
    prometheusSources: [nodeGauge('kong_data_plane_last_seen')],
    // The Kong check sends each row's age (now - last_seen, time_elapsed): rows older than
    // the recent window are cut to no value, and the node ids left are counted.
    datadog: kongCheckMetric([LAST_SEEN_AGE], {
      timeAggregation: 'max',
      groupBy: [],
      expression: (filter, gateway) =>
        `count_not_null(cutoff_max(min:${LAST_SEEN_AGE}{${filter}} by {node_id}, ${DATA_PLANE_RECENT_SECONDS})) / ${gateway.expectedDataPlanes ?? 1}`,
    }),
  },
  {
    id: SignalId.DATA_PLANE_CONFIG_DRIFT,
    title: 'Kong data planes run different configurations',
    description: `Number of distinct configuration hashes among the data planes seen in the last ${DATA_PLANE_RECENT_SECONDS} s; more than one for long means some data planes did not take the latest configuration.`,
    scope: SignalScope.CLUSTER,
    modes: [DeploymentMode.HYBRID_CONTROL_PLANE],
    severity: Severity.WARNING,
    direction: ThresholdDirection.ABOVE,
    unit: SignalUnit.RATIO,
    quantity: 'distinct configuration hashes',
    range: [1, 1000],
    critical: 1,
    window: () => Duration.minutes(5),
    runbook: 'Compare config_hash per data plane in the control plane (GET /clustering/data-planes); restart or inspect the data planes that lag.',
    noData: NoDataPolicy.REPORT,
    practice: SignalPractice.ALL_NODES_MONITORED,
    dashboard: { section: DashboardSection.CLUSTER_HEALTH, order: 50, drawing: PanelDrawing.TIME_SERIES, title: 'Data planes: distinct configuration hashes', unit: 'short', legend: 'configurations' },
    promql: (q) => `count(count_values("config_hash", ${recentlySeen(`kong_data_plane_config_hash${q.pods()}`, q.pods())}))`,
    promqlGroupBy: [],
    prometheusSources: [nodeGauge('kong_data_plane_config_hash', 'kong_data_plane_last_seen')],
    datadog: () => undefined,
    datadogGap: `Datadog monitor queries can neither count the distinct values of a gauge (the configuration hash) nor ${DATADOG_NO_JOIN}`,
  },
  upDownSignal({
    id: SignalId.DATA_PLANE_VERSION_COMPATIBLE,
    title: 'Kong data plane incompatible with the control plane',
    description: `The control plane reports a data plane, seen in the last ${DATA_PLANE_RECENT_SECONDS} s, whose Kong version or plugin set it cannot serve; that data plane gets no configuration.`,
    modes: [DeploymentMode.HYBRID_CONTROL_PLANE],
    severity: Severity.CRITICAL,
    healthy: 'compatible',
    window: () => Duration.minutes(1),
    runbook: 'Align the data plane image version and plugin set with the control plane (check sync_status in GET /clustering/data-planes).',
    noData: NoDataPolicy.REPORT,
    practice: SignalPractice.ALL_NODES_MONITORED,
    dashboard: { section: DashboardSection.CLUSTER_HEALTH, order: 60, title: 'Data planes: version compatible', states: { healthy: 'Compatible', unhealthy: 'Incompatible' } },
    promql: (q) => `min by (hostname, node_id) (${recentlySeen(`kong_data_plane_version_compatible${q.pods()}`, q.pods())})`,
    promqlGroupBy: ['hostname', 'node_id'],
    prometheusSources: [nodeGauge('kong_data_plane_version_compatible', 'kong_data_plane_last_seen')],
    datadog: () => undefined,
    datadogGap: `Datadog monitor queries cannot ${DATADOG_NO_JOIN}, so rows of replaced data planes would keep their old verdict for 14 days`,
  }),
  {
    id: SignalId.READY_NODES_BELOW_EXPECTED,
    title: 'Fewer Kong nodes ready than expected',
    description: 'Ready nodes as a share of the expected count (or of the replicas the workload desires). Catches nodes that vanish entirely, which per-node signals cannot see.',
    scope: SignalScope.CLUSTER,
    modes: ALL_MODES,
    severity: Severity.CRITICAL,
    direction: ThresholdDirection.BELOW,
    unit: SignalUnit.RATIO,
    quantity: 'ratio of ready to expected nodes',
    range: [0, 1],
    bounds: [0, 1],
    warning: 1,
    critical: 0.5,
    window: () => Duration.minutes(10),
    runbook: 'kubectl get pods -n <namespace>: look for pending, crash-looping or unready Kong pods, and for node or quota pressure that stops them scheduling.',
    noData: NoDataPolicy.ALERT,
    practice: SignalPractice.ALL_NODES_MONITORED,
    dashboard: { section: DashboardSection.NODES, order: 40, drawing: PanelDrawing.TIME_SERIES, title: 'Ready nodes / expected', unit: 'percentunit', legend: 'ready / expected' },
    promql: (q) => {
      const ready = `(sum(${q.containerReady()}) or vector(0))`;
      return q.gateway.expectedNodes !== undefined ? `${ready} / ${q.gateway.expectedNodes}` : `${ready} / sum(${q.desiredReplicas()})`;
    },
    promqlGroupBy: [],
    prometheusSources: [ksm('kube_pod_container_status_ready')],
    datadog: (d) => {
      const gateway = d.gateway;
      const metrics = datadogReplicaMetrics(gateway);
      const filter = d.workloadFilter();
      const expected = gateway.expectedNodes !== undefined ? `${gateway.expectedNodes}` : `sum:${metrics.desired}{${filter}}`;
      return {
        kind: DatadogQueryKind.METRIC,
        timeAggregation: 'max',
        expression: `sum:${metrics.ready}{${filter}} / ${expected}`,
        groupBy: [],
        sources: [{
          producer: TelemetryProducer.DATADOG_KUBERNETES_STATE,
          metrics: gateway.expectedNodes !== undefined ? [metrics.ready] : [metrics.ready, metrics.desired],
        }],
      };
    },
  },
  {
    id: SignalId.ERROR_RATIO_5XX,
    title: 'Kong 5xx response ratio high',
    description: 'Share of proxied requests answered with 5xx (from Kong or the upstream). Needs the Prometheus plugin with status_code_metrics; requests that match no route are not counted.',
    scope: SignalScope.TRAFFIC,
    modes: PROXY_MODES,
    severity: Severity.CRITICAL,
    direction: ThresholdDirection.ABOVE,
    unit: SignalUnit.RATIO,
    quantity: 'ratio of requests',
    range: [0, 1],
    bounds: [0, 1],
    warning: 0.01,
    critical: 0.05,
    window: () => Duration.minutes(5),
    runbook: 'Split by service and by source (kong vs service): upstream errors point at the service, Kong errors at plugins, DNS or configuration.',
    noData: NoDataPolicy.OK,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { section: DashboardSection.TRAFFIC, order: 30, drawing: PanelDrawing.TIME_SERIES, title: '5xx response ratio', unit: 'percentunit', legend: '5xx ratio' },
    promql: (q) => {
      const rate = (extra: string[]) => `sum(rate(kong_http_requests_total${q.pods(...extra)}[${RATE_WINDOW}]))`;
      return `${rate(['code=~"5.."'])} / ${rate([])}`;
    },
    promqlGroupBy: [],
    prometheusSources: [pluginMetric(PrometheusPluginFlag.STATUS_CODE_METRICS, 'kong_http_requests_total')],
    datadog: (d, collection) => {
      const filter = d.gatewayFilter();
      const plugin = collection === DatadogCollection.KONG_PLUGIN;
      const [metric, statusTag] = plugin ? ['kong.request.count', 'status'] : ['kong.http.requests.count', 'code'];
      return {
        kind: DatadogQueryKind.METRIC,
        timeAggregation: 'sum',
        expression: `sum:${metric}{${filter},${statusTag}:5*}.as_count() / sum:${metric}{${filter}}.as_count()`,
        groupBy: [],
        sources: [plugin ? datadogPlugin(d.gateway, metric) : kongCheck(d.gateway, [metric], PrometheusPluginFlag.STATUS_CODE_METRICS)],
      };
    },
  },
  latencySignal({
    id: SignalId.REQUEST_LATENCY_P99,
    title: 'Kong request latency p99 high',
    what: 'Total request latency (Kong plus upstream)',
    prometheusHistogram: 'kong_request_latency_ms',
    agentDistribution: 'kong.request.latency.ms',
    pluginMetric: 'kong.latency',
    warning: 1000,
    critical: 3000,
    runbook: 'Compare with upstream latency: if upstream time dominates, the service is slow; otherwise look at Kong latency, plugins and node CPU.',
    panel: { order: 50, title: 'Request latency p99' },
  }),
  latencySignal({
    id: SignalId.KONG_LATENCY_P99,
    title: 'Kong added latency p99 high',
    what: 'Latency Kong itself adds (plugins, routing)',
    prometheusHistogram: 'kong_kong_latency_ms',
    agentDistribution: 'kong.kong.latency.ms',
    pluginMetric: 'kong.kong_latency',
    warning: 50,
    critical: 200,
    runbook: 'Look for slow plugins (external calls, rate limiting backends), DNS resolution, and CPU saturation on the nodes.',
    panel: { order: 70, title: 'Kong added latency p99' },
  }),
  {
    id: SignalId.UPSTREAM_TARGET_UNHEALTHY,
    title: 'Kong upstream target unhealthy',
    description: "Upstream targets Kong's health checker marks unhealthy or cannot resolve (value: nodes that see it so). Needs upstream_health_metrics and health checks on the upstream.",
    scope: SignalScope.UPSTREAM,
    modes: PROXY_MODES,
    severity: Severity.WARNING,
    direction: ThresholdDirection.ABOVE,
    unit: SignalUnit.STATE,
    quantity: 'nodes reporting the target unhealthy',
    range: [0, 100000],
    critical: 0,
    window: () => Duration.minutes(5),
    runbook: 'GET /upstreams/<upstream>/health on the status or admin API; check the target service and its DNS.',
    noData: NoDataPolicy.OK,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { section: DashboardSection.UPSTREAMS, order: 10, drawing: PanelDrawing.TIME_SERIES, title: 'Unhealthy upstream targets', unit: 'short' },
    promql: (q) => `sum by (upstream, target) (kong_upstream_target_health${q.pods('state=~"unhealthy|dns_error"')})`,
    promqlGroupBy: ['upstream', 'target'],
    prometheusSources: [pluginMetric(PrometheusPluginFlag.UPSTREAM_HEALTH_METRICS, 'kong_upstream_target_health')],
    // A service check counts consecutive statuses per group: grouped by upstream and target
    // alone, every node would submit into one group and one node's OK would break another's
    // run of CRITICALs. `endpoint` (the pod's scrape URL) makes each node's view its own group.
    datadog: serviceCheck('kong.upstream.target.health', ['upstream', 'target', 'endpoint'], PrometheusPluginFlag.UPSTREAM_HEALTH_METRICS),
  },
  {
    id: SignalId.SHARED_DICT_MEMORY,
    title: 'Kong shared dictionary nearly full',
    description: 'Allocated share of each Lua shared dictionary per node. A full prometheus_metrics dictionary loses metrics; a full kong cache evicts entries.',
    scope: SignalScope.RESOURCE,
    modes: ALL_MODES,
    severity: Severity.WARNING,
    direction: ThresholdDirection.ABOVE,
    unit: SignalUnit.RATIO,
    quantity: 'ratio of capacity',
    range: [0, 1],
    bounds: [0, 1],
    warning: 0.85,
    critical: 0.95,
    window: () => Duration.minutes(15),
    runbook: 'Raise the dictionary size (e.g. KONG_LUA_SHARED_DICT_* or mem_cache_size) or reduce metric cardinality (per_consumer).',
    noData: NoDataPolicy.OK,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { section: DashboardSection.RESOURCES, order: 10, drawing: PanelDrawing.TIME_SERIES, title: 'Shared dictionary memory used', unit: 'percentunit' },
    promql: (q) =>
      `max by (pod, shared_dict) (kong_memory_lua_shared_dict_bytes${q.pods()}) / max by (pod, shared_dict) (kong_memory_lua_shared_dict_total_bytes${q.pods()})`,
    promqlGroupBy: ['pod', 'shared_dict'],
    prometheusSources: [nodeGauge('kong_memory_lua_shared_dict_bytes', 'kong_memory_lua_shared_dict_total_bytes')],
    datadog: kongCheckMetric(['kong.memory.lua.shared_dict.bytes', 'kong.memory.lua.shared_dict.total_bytes'], {
      timeAggregation: 'min',
      groupBy: ['endpoint', 'shared_dict'],
      expression: (filter) => `max:kong.memory.lua.shared_dict.bytes{${filter}} by {endpoint,shared_dict} / max:kong.memory.lua.shared_dict.total_bytes{${filter}} by {endpoint,shared_dict}`,
    }),
  },
  {
    id: SignalId.METRIC_ERRORS,
    title: 'Kong metrics library errors',
    description: "Errors inside Kong's metrics library in the last window, usually a full prometheus_metrics dictionary: metrics are being lost.",
    scope: SignalScope.RESOURCE,
    modes: ALL_MODES,
    severity: Severity.WARNING,
    direction: ThresholdDirection.ABOVE,
    unit: SignalUnit.COUNT,
    quantity: 'errors per window',
    range: [0, 1000000],
    critical: 0,
    window: () => Duration.minutes(5),
    runbook: 'Raise lua_shared_dict prometheus_metrics (nginx_http_lua_shared_dict) or lower label cardinality; see the node error log.',
    noData: NoDataPolicy.OK,
    practice: SignalPractice.HEALTH_ALERTING,
    dashboard: { section: DashboardSection.RESOURCES, order: 20, drawing: PanelDrawing.TIME_SERIES, title: 'Metrics library errors', unit: 'short' },
    promql: (q) => `sum by (pod) (increase(kong_nginx_metric_errors_total${q.pods()}[${RATE_WINDOW}]))`,
    promqlGroupBy: ['pod'],
    // The counter sits in the plugin's shared dictionary: printed only with a plugin instance.
    prometheusSources: [pluginMetric(undefined, 'kong_nginx_metric_errors_total')],
    // A counter sent through extra_metrics arrives as `<name>.count`.
    datadog: kongCheckMetric([METRIC_ERRORS_COUNT], {
      timeAggregation: 'sum',
      groupBy: ['endpoint'],
      expression: (filter) => `sum:${METRIC_ERRORS_COUNT}{${filter}} by {endpoint}.as_count()`,
      // The counter sits in the plugin's shared dictionary: printed only with a plugin instance.
      origin: TelemetryProducer.KONG_PROMETHEUS_PLUGIN,
    }),
  },
];

