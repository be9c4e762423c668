// Small hand-written Terraform JSON, shaped like cdktf's output (snake_case, single
// blocks as objects, lists as arrays), for testing rules one at a time.

export type Body = { [key: string]: unknown };

export interface KongDeploymentOptions {
  readonly name?: string;
  readonly image?: string;
  readonly statusListen?: string | null;
  readonly readinessPath?: string | null;
  readonly livenessPath?: string | null;
  readonly probePort?: string | number;
  readonly readinessExec?: string[];
  readonly livenessExec?: string[];
  readonly startupExec?: string[];
  readonly podLabels?: { [key: string]: string };
  readonly path?: string;
  readonly envFrom?: boolean;
}

/** A kubernetes_deployment_v1 body running Kong; every option defaults to the good practice. */
export function kongDeployment(o: KongDeploymentOptions = {}): Body {
  const port = o.probePort ?? 'status';
  const container: Body = {
    name: 'proxy',
    image: o.image ?? 'kong:3.9',
    env: o.statusListen === null ? [] : [{ name: 'KONG_STATUS_LISTEN', value: o.statusListen ?? '0.0.0.0:8100' }],
    port: [{ name: 'proxy', container_port: 8000 }, { name: 'status', container_port: 8100 }],
  };
  if (o.envFrom) container.env_from = [{ config_map_ref: { name: 'kong-env' } }];
  if (o.readinessExec) container.readiness_probe = { exec: { command: o.readinessExec } };
  else if (o.readinessPath !== null) container.readiness_probe = { http_get: { path: o.readinessPath ?? '/status/ready', port } };
  if (o.livenessExec) container.liveness_probe = { exec: { command: o.livenessExec } };
  else if (o.livenessPath !== null) container.liveness_probe = { http_get: { path: o.livenessPath ?? '/status', port } };
  if (o.startupExec) container.startup_probe = { exec: { command: o.startupExec } };
  const labels = o.podLabels ?? { 'app.kubernetes.io/name': 'kong', 'kong_gateway': o.name ?? 'edge' };
  return {
    'metadata': { name: o.name ?? 'edge', namespace: 'kong' },
    'spec': {
      selector: { match_labels: labels },
      template: { metadata: { labels, annotations: telemetryAnnotations(o.name ?? 'edge') }, spec: { container: [container] } },
    },
    '//': { metadata: { path: o.path ?? `stack/${o.name ?? 'edge'}`, uniqueId: o.name ?? 'edge' } },
  };
}

/**
 * What a wired Kong pod carries for its telemetry: Prometheus scrape annotations, and Datadog
 * autodiscovery of the Kong and HTTP checks tagged with the gateway (what KBP8 traces alerts to).
 */
export function telemetryAnnotations(gateway: string): { [key: string]: string } {
  const tags = [`kong_gateway:${gateway}`];
  return {
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': '8100',
    'ad.datadoghq.com/proxy.checks': JSON.stringify({
      kong: { init_config: {}, instances: [{ openmetrics_endpoint: 'http://%%host%%:8100/metrics', tags }] },
      http_check: { init_config: {}, instances: [{ name: 'kong-ready-%%kube_pod_name%%', url: 'http://%%host%%:8100/status/ready', tags }] },
    }),
  };
}

/** A plain non-Kong workload. */
export function otherDeployment(probe?: Body): Body {
  return {
    metadata: { name: 'web' },
    spec: { template: { metadata: { labels: { app: 'web' } }, spec: { container: [{ name: 'web', image: 'nginx:1.27', ...(probe ?? {}) }] } } },
  };
}

/** Terraform JSON with the given resources: `{ type: { name: body } }`. */
export function tf(resources: { [type: string]: { [name: string]: Body } }, extra: Body = {}): Body {
  return { resource: resources, ...extra };
}

export function datadogMonitor(query: string, o: { tags?: string[]; notifyNoData?: boolean } = {}): Body {
  return {
    name: 'Kong',
    type: query.includes('count_by_status') ? 'service check' : 'query alert',
    query,
    message: 'Kong node problem @pagerduty-kong',
    tags: o.tags ?? ['kong_gateway:edge'],
    ...(o.notifyNoData ? { notify_no_data: true } : {}),
  };
}

export interface GrafanaRuleOptions {
  readonly expr: string;
  readonly noData?: string;
  readonly labels?: { [key: string]: string };
  readonly paused?: boolean;
  /** A rule's own `notification_settings` (contact point, mute timings). */
  readonly notification?: Body;
}

export function grafanaRuleGroup(rules: GrafanaRuleOptions[]): Body {
  return {
    name: 'kong',
    folder_uid: 'kong',
    interval_seconds: 60,
    rule: rules.map((r, i) => ({
      name: `rule-${i}`,
      condition: 'B',
      labels: r.labels ?? { kong_gateway: 'edge' },
      no_data_state: r.noData ?? 'OK',
      ...(r.paused ? { is_paused: true } : {}),
      ...(r.notification ? { notification_settings: r.notification } : {}),
      data: [
        { ref_id: 'A', datasource_uid: 'prom', model: JSON.stringify({ refId: 'A', expr: r.expr }) },
        { ref_id: 'B', datasource_uid: '__expr__', model: JSON.stringify({ refId: 'B', type: 'threshold', expression: 'A' }) },
      ],
    })),
  };
}

export function prometheusRule(rules: { alert: string; expr: string }[]): Body {
  return {
    manifest: {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'kong', namespace: 'kong' },
      spec: { groups: [{ name: 'kong', rules: rules.map((r) => ({ ...r, labels: { kong_gateway: 'edge' } })) }] },
    },
  };
}

export interface ServiceOptions {
  readonly annotations?: { [key: string]: string };
  readonly ports?: Body[];
  readonly selector?: { [key: string]: string };
  readonly externalTrafficPolicy?: string;
}

export function service(type: string, o: ServiceOptions = {}): Body {
  return {
    'metadata': { name: 'kong-proxy', namespace: 'kong', annotations: o.annotations ?? {} },
    'spec': {
      type,
      selector: o.selector ?? { 'app.kubernetes.io/name': 'kong', 'kong_gateway': 'edge' },
      port: o.ports ?? [{ name: 'proxy', port: 80, target_port: 'proxy' }],
      ...(o.externalTrafficPolicy ? { external_traffic_policy: o.externalTrafficPolicy } : {}),
    },
    '//': { metadata: { path: 'stack/proxy-service', uniqueId: 'proxy-service' } },
  };
}
