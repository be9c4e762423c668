import { WorkloadKind } from '../gateway/deployment-mode';
import { datadogGatewayTags } from '../gateway/gateway-identity';

/** The parts of a gateway that the query builders read (kept narrow so the catalog has no cycle). */
export interface GatewayIdentity {
  readonly name: string;
  readonly environment: string;
  readonly cluster?: string;
  readonly namespace: string;
  readonly workloadKind: WorkloadKind;
  readonly workloadName: string;
  readonly containerName: string;
  readonly expectedNodes?: number;
  /** Control planes: how many data planes should be connected. */
  readonly expectedDataPlanes?: number;
}

/** Pod names a workload controller gives its pods, anchored so `edge` never matches `edge-cp`. */
export function podNamePattern(gateway: GatewayIdentity): string {
  switch (gateway.workloadKind) {
    case WorkloadKind.DAEMON_SET:
      return `${gateway.workloadName}-[a-z0-9]{5}`;
    case WorkloadKind.STATEFUL_SET:
      return `${gateway.workloadName}-[0-9]+`;
    default:
      return `${gateway.workloadName}-[a-z0-9]+-[a-z0-9]+`;
  }
}

/**
 * Where a PromQL query is evaluated. Rules inside a cluster (a PrometheusRule, the cluster's
 * own Prometheus) never see external labels such as `cluster`; a central store (Mimir, Thanos,
 * a remote-write target queried by Grafana) does, and there each cluster must be selected.
 */
export interface PromQueryScope {
  /**
   * Label naming the cluster in a central store; the gateway's `cluster` is selected by it.
   * Undefined for the cluster's own Prometheus.
   */
  readonly clusterLabel?: string;
  /** Dashboards: template variable the namespace matcher binds to (e.g. `$namespace`). */
  readonly namespaceVariable?: string;
  /** Dashboards: template variable the pod matcher binds to (e.g. `$pod`). */
  readonly podVariable?: string;
  /**
   * Dashboard variable queries: no namespace matcher, so the query lists every namespace the
   * gateway's pods run in (the values of the namespace variable).
   */
  readonly anyNamespace?: boolean;
}

/** The cluster's own Prometheus: no cluster matcher. */
export const IN_CLUSTER: PromQueryScope = {};

/**
 * Selectors of one gateway's series for one query scope. The catalog builds PromQL from
 * these, so where a query runs (in-cluster, a central store, a dashboard with variables) is
 * an argument, never an edit of the query text afterwards.
 */
export class PromSelectors {
  constructor(public readonly gateway: GatewayIdentity, private readonly scope: PromQueryScope = IN_CLUSTER) {}

  /** Cluster matchers for the scope: none in-cluster, `<clusterLabel>="<cluster>"` on a central store. */
  public clusterMatchers(): string[] {
    return this.scope.clusterLabel && this.gateway.cluster ? [`${this.scope.clusterLabel}="${this.gateway.cluster}"`] : [];
  }

  /** `{…}` selecting the gateway's pods, with optional extra matchers. */
  public pods(...extra: string[]): string {
    return `{${this.podMatchers(...extra).join(',')}}`;
  }

  /** The matchers of `pods()`, without braces. */
  public podMatchers(...extra: string[]): string[] {
    return [
      ...this.clusterMatchers(),
      ...this.namespaceMatchers(),
      `pod=~"${this.scope.podVariable ?? podNamePattern(this.gateway)}"`,
      ...extra,
    ];
  }

  private namespaceMatchers(): string[] {
    if (this.scope.anyNamespace) return [];
    return [this.scope.namespaceVariable ? `namespace=~"${this.scope.namespaceVariable}"` : `namespace="${this.gateway.namespace}"`];
  }

  /** kube-state-metrics readiness of the Kong container of each pod. */
  public containerReady(): string {
    return `kube_pod_container_status_ready${this.pods(`container="${this.gateway.containerName}"`)}`;
  }

  /** kube-state-metrics series for the workload's desired replica count. */
  public desiredReplicas(): string {
    const g = this.gateway;
    const where = [...this.clusterMatchers(), `namespace="${g.namespace}"`];
    switch (g.workloadKind) {
      case WorkloadKind.DAEMON_SET:
        return `kube_daemonset_status_desired_number_scheduled{${[...where, `daemonset="${g.workloadName}"`].join(',')}}`;
      case WorkloadKind.STATEFUL_SET:
        return `kube_statefulset_replicas{${[...where, `statefulset="${g.workloadName}"`].join(',')}}`;
      default:
        return `kube_deployment_spec_replicas{${[...where, `deployment="${g.workloadName}"`].join(',')}}`;
    }
  }
}

/** PromQL label matchers that select the gateway's pods, in-cluster, with optional extras. */
export function promSelector(gateway: GatewayIdentity, ...extra: string[]): string {
  return new PromSelectors(gateway).pods(...extra);
}

/** Tag on each pod's readiness `http_check` instance (the instance itself is named after the pod). */
export const DATADOG_READY_PROBE_TAG = 'kong_probe:ready';

/**
 * How the Agent's OpenMetrics V2 checks turn a requested metric into Datadog data
 * (datadog_checks_base `openmetrics/v2/transformers/`).
 */
export type DatadogOpenMetricsType = 'gauge' | 'counter' | 'time_elapsed';

/** One metric asked of the Agent's Kong check: the name it is sent under (after `kong.`) and its transformer. */
export interface DatadogExtraMetric {
  /** Sent as `kong.<name>` (a counter as `kong.<name>.count`). */
  readonly name: string;
  /**
   * `gauge` sends the value; `counter` sends `<name>.count`, a monotonic count of the
   * samples ending `_total`; `time_elapsed` sends now minus the value, for timestamps.
   */
  readonly type: DatadogOpenMetricsType;
}

/**
 * Kong metrics the Agent's Kong integration does not map by itself. The library's
 * autodiscovery annotations ask the `kong` check for them with `extra_metrics` (keyed by the
 * exposed family name, counters without `_total`), so the catalog can alert on them in
 * Datadog. Without this, a hybrid data plane that lost its control plane (readiness still
 * 200) would be invisible there, and so would its cluster certificate's expiry and the
 * control plane's view of which data planes it heard from recently: Datadog monitor queries
 * have no clock, so the Agent subtracts those timestamps from the time of each scrape
 * (`time_elapsed`).
 */
export const DATADOG_EXTRA_METRICS: { [exposedName: string]: DatadogExtraMetric } = {
  kong_control_plane_connected: { name: 'control_plane.connected', type: 'gauge' },
  kong_data_plane_version_compatible: { name: 'data_plane.version_compatible', type: 'gauge' },
  kong_nginx_metric_errors: { name: 'nginx.metric_errors', type: 'counter' },
  kong_data_plane_cluster_cert_expiry_timestamp: { name: 'data_plane.cluster_cert.seconds_since_expiry', type: 'time_elapsed' },
  kong_data_plane_last_seen: { name: 'data_plane.seconds_since_last_seen', type: 'time_elapsed' },
};

/** The Datadog metric name the Kong check sends for a requested extra metric. */
export function datadogExtraMetricName(exposedName: string): string {
  const metric = DATADOG_EXTRA_METRICS[exposedName];
  return `kong.${metric.name}${metric.type === 'counter' ? '.count' : ''}`;
}

/**
 * Options of the Kong check instance that send Kong's latency histograms as distributions,
 * so Datadog has real percentiles on the Agent path too (datadog_checks_base
 * `openmetrics/v2/transform.py` and `transformers/histogram.py`): each histogram's buckets
 * become a distribution under the histogram's own name (`kong.request.latency.ms`), and
 * `collect_counters_with_distributions` keeps its `.sum` and `.count` counts.
 */
export const DATADOG_KONG_CHECK_DISTRIBUTION_OPTIONS: { readonly [option: string]: boolean } = {
  collect_histogram_buckets: true,
  histogram_buckets_as_distributions: true,
  collect_counters_with_distributions: true,
};

/**
 * Where a Datadog query runs. A monitor selects the gateway by its own tag values; a dashboard
 * binds tag keys to its template variables of the same name (`$kong_gateway`), which default
 * to those values, so one dashboard can be pointed at a sibling gateway.
 */
export interface DatadogQueryScope {
  /** Tag keys written as the template variable of the same name (`kong_gateway` as `$kong_gateway`). */
  readonly variableTagKeys?: readonly string[];
}

/** Monitors and SLOs: the gateway's own tag values. */
export const GATEWAY_TAG_VALUES: DatadogQueryScope = {};

/**
 * Tag filters of one gateway's Datadog data for one query scope. The catalog builds Datadog
 * queries from these, as it builds PromQL from {@link PromSelectors}: where a query runs is an
 * argument, never an edit of the query text afterwards.
 */
export class DatadogSelectors {
  constructor(public readonly gateway: GatewayIdentity, private readonly scope: DatadogQueryScope = GATEWAY_TAG_VALUES) {}

  /** The tags of the gateway's own data (check instances and plugins), for `.over()` and filters, with optional extra tags. */
  public gatewayTags(...extra: string[]): string[] {
    return [...datadogGatewayTags(this.gateway).map((tag) => this.bound(tag)), ...extra];
  }

  /** Tag filter (inside `{}`) for data the library's check instances and plugins emit. */
  public gatewayFilter(...extra: string[]): string {
    return this.gatewayTags(...extra).join(',');
  }

  /** Tag filter for kube-state metrics of the gateway's workload. */
  public workloadFilter(): string {
    const g = this.gateway;
    const key = {
      [WorkloadKind.DEPLOYMENT]: 'kube_deployment',
      [WorkloadKind.DAEMON_SET]: 'kube_daemon_set',
      [WorkloadKind.STATEFUL_SET]: 'kube_stateful_set',
    }[g.workloadKind];
    return [
      ...(g.cluster ? [this.bound(`kube_cluster_name:${g.cluster}`)] : []),
      this.bound(`kube_namespace:${g.namespace}`),
      this.bound(`${key}:${g.workloadName}`),
    ].join(',');
  }

  /** A `key:value` tag, or the template variable its key is bound to in this scope. */
  private bound(tag: string): string {
    const key = tag.slice(0, tag.indexOf(':'));
    return this.scope.variableTagKeys?.includes(key) ? `$${key}` : tag;
  }
}

/** kube-state metric names (Datadog) for ready and desired replicas of the workload. */
export function datadogReplicaMetrics(gateway: GatewayIdentity): { ready: string; desired: string } {
  switch (gateway.workloadKind) {
    case WorkloadKind.DAEMON_SET:
      return { ready: 'kubernetes_state.daemonset.ready', desired: 'kubernetes_state.daemonset.desired' };
    case WorkloadKind.STATEFUL_SET:
      return { ready: 'kubernetes_state.statefulset.replicas_ready', desired: 'kubernetes_state.statefulset.replicas_desired' };
    default:
      return { ready: 'kubernetes_state.deployment.replicas_ready', desired: 'kubernetes_state.deployment.replicas_desired' };
  }
}
