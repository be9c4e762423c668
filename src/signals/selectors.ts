import { WorkloadKind } from '../gateway/deployment-mode';

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

/** PromQL label matchers that select the gateway's pods, with optional extras. */
export function promSelector(gateway: GatewayIdentity, ...extra: string[]): string {
  const matchers = [
    ...(gateway.cluster ? [`cluster="${gateway.cluster}"`] : []),
    `namespace="${gateway.namespace}"`,
    `pod=~"${podNamePattern(gateway)}"`,
    ...extra,
  ];
  return `{${matchers.join(',')}}`;
}

/** kube-state-metrics series for the workload's desired replica count. */
export function promDesiredReplicas(gateway: GatewayIdentity): string {
  const cluster = gateway.cluster ? `cluster="${gateway.cluster}",` : '';
  switch (gateway.workloadKind) {
    case WorkloadKind.DAEMON_SET:
      return `kube_daemonset_status_desired_number_scheduled{${cluster}namespace="${gateway.namespace}",daemonset="${gateway.workloadName}"}`;
    case WorkloadKind.STATEFUL_SET:
      return `kube_statefulset_replicas{${cluster}namespace="${gateway.namespace}",statefulset="${gateway.workloadName}"}`;
    default:
      return `kube_deployment_spec_replicas{${cluster}namespace="${gateway.namespace}",deployment="${gateway.workloadName}"}`;
  }
}

/**
 * Tags that identify the gateway's own data in Datadog. The library puts them on every
 * Agent check instance (autodiscovery annotations) and on the Kong Datadog plugin's
 * metrics, so queries never depend on the Agent's tag cardinality.
 */
export function datadogGatewayTags(gateway: GatewayIdentity): string[] {
  return [`kong_gateway:${gateway.name}`, `kong_environment:${gateway.environment}`];
}

/** Tag on each pod's readiness `http_check` instance (the instance itself is named after the pod). */
export const DATADOG_READY_PROBE_TAG = 'kong_probe:ready';

/**
 * Kong gauges and counters the Agent's Kong integration does not map by itself. The library's
 * autodiscovery annotations ask the `kong` check for them with `extra_metrics` (exposed name,
 * counters without `_total`, to the name sent under the check's `kong.` namespace), so the
 * catalog can alert on them in Datadog. Without this, a hybrid data plane that lost its
 * control plane (readiness still 200) would be invisible there.
 */
export const DATADOG_EXTRA_METRICS: { [exposedName: string]: string } = {
  kong_control_plane_connected: 'control_plane.connected',
  kong_data_plane_version_compatible: 'data_plane.version_compatible',
  kong_nginx_metric_errors: 'nginx.metric_errors',
};

/** Datadog tag filter for data the library's check instances and plugins emit. */
export function datadogGatewayFilter(gateway: GatewayIdentity, ...extra: string[]): string {
  return [...datadogGatewayTags(gateway), ...extra].join(',');
}

/** Datadog tag filter for kube-state metrics of the gateway's workload. */
export function datadogWorkloadFilter(gateway: GatewayIdentity): string {
  const key = {
    [WorkloadKind.DEPLOYMENT]: 'kube_deployment',
    [WorkloadKind.DAEMON_SET]: 'kube_daemon_set',
    [WorkloadKind.STATEFUL_SET]: 'kube_stateful_set',
  }[gateway.workloadKind];
  return [
    ...(gateway.cluster ? [`kube_cluster_name:${gateway.cluster}`] : []),
    `kube_namespace:${gateway.namespace}`,
    `${key}:${gateway.workloadName}`,
  ].join(',');
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
