// The checker's corpus: crafted stacks, each with the rules it breaks. A case that breaks
// nothing is an unusual-but-fine stack (StatefulSet, DaemonSet, probes written as lists,
// `kubernetes_manifest` Deployments, private-registry images, Helm releases, shared
// dashboards...): any finding on it is a false positive.
//
// Facts behind the cases (public sources):
// - `kong health` / `kong-health` only check the nginx PID (Kong/kong kong/cmd/health.lua).
// - status_listen defaults: off up to 3.5, 127.0.0.1:8007 from 3.6 (Kong/kong kong_defaults.lua).
// - Kong's chart builds KONG_STATUS_LISTEN from status.http/status.tls, `env.*` overrides it,
//   the `status` container port exists only when status.enabled, probes default to
//   /status/ready and /status on port `status` (Kong/charts charts/kong values.yaml, _helpers.tpl).
// - AWS NLB target groups health-check with TCP on the traffic port unless told otherwise;
//   ALB target groups check HTTP `/` on the traffic port (AWS ELB API: CreateTargetGroup
//   HealthCheckProtocol/HealthCheckPort; AWS Load Balancer Controller annotations).
// - GKE Ingress takes its health check from a BackendConfig, else `/` on the serving port
//   when the readiness probe is on another port (GKE Ingress health checks docs).
import {
  AWS_READY_ANNOTATIONS, CorpusStack, containerOf, datadogDashboard, gatewayMonitors, gatewayPromRules,
  helmRelease, helmValues, ingress, kongGateway, loadBalancer, monitor, proxyService, setEnv, yaml,
} from './builders';
import { Body, grafanaRuleGroup as grafanaRules, kongDeployment, prometheusRule, telemetryAnnotations } from '../helpers';

export interface CorpusCase {
  readonly id: string;
  /** What the stack does, in a user's words. */
  readonly description: string;
  /** Rules that must report a non-compliant (unsuppressed) finding; every other rule must report none. */
  readonly violates: readonly string[];
  readonly build: () => CorpusStack;
}

/** A stack that follows every practice for the given gateways. */
export function compliantStack(gateways: string[] = ['edge']): CorpusStack {
  const s = new CorpusStack();
  s.provider('datadog', { api_key: '${var.datadog_api_key}', app_key: '${var.datadog_app_key}' });
  s.variable('datadog_api_key', { type: 'string', sensitive: true });
  s.variable('datadog_app_key', { type: 'string', sensitive: true });
  s.variable('slack_webhook_url', { type: 'string', sensitive: true });
  for (const g of gateways) {
    s.add('kubernetes_deployment_v1', g, kongGateway(g));
    s.add('kubernetes_service_v1', `${g}_proxy`, loadBalancer(g));
    s.add('datadog_dashboard_json', g, datadogDashboard(g));
    for (const [name, body] of Object.entries(gatewayMonitors(g))) s.add('datadog_monitor', name, body);
  }
  s.add('grafana_contact_point', 'oncall', { name: 'kong-oncall', slack: [{ url: '${var.slack_webhook_url}' }] });
  return s;
}

const edge = (s: CorpusStack) => s.get('kubernetes_deployment_v1', 'edge');
const edgeContainer = (s: CorpusStack) => containerOf(edge(s));
const edgeEnv = (s: CorpusStack) => edgeContainer(s).env as Body[];
const statusListen = (s: CorpusStack, value: string) => { edgeEnv(s).find((e) => e.name === 'KONG_STATUS_LISTEN')!.value = value; };
const lbAnnotations = (s: CorpusStack) => ((s.get('kubernetes_service_v1', 'edge_proxy').metadata as Body).annotations as { [key: string]: string });
/** The proxy LoadBalancer with only the given annotations and traffic policy (a node-targeting load balancer: GKE L4, Azure). */
const nodeLevelLb = (s: CorpusStack, annotations: { [key: string]: string }, policy?: string) => {
  const a = lbAnnotations(s);
  for (const k of Object.keys(a)) delete a[k];
  Object.assign(a, annotations);
  if (policy) (s.get('kubernetes_service_v1', 'edge_proxy').spec as Body).external_traffic_policy = policy;
};
const AWS = 'service.beta.kubernetes.io/aws-load-balancer';

/** The base stack with one change. */
function variant(change: (s: CorpusStack) => void, gateways?: string[]): () => CorpusStack {
  return () => {
    const s = compliantStack(gateways);
    change(s);
    return s;
  };
}

/** The Kong Deployment of the base stack replaced by a Helm release of Kong's chart. */
function helmVariant(values: Body | string, o: Parameters<typeof helmRelease>[1] = {}): () => CorpusStack {
  return variant((s) => {
    s.remove('kubernetes_deployment_v1', 'edge').remove('kubernetes_service_v1', 'edge_proxy');
    s.add('helm_release', 'edge', helmRelease(values, o));
  });
}

/** The Kong Deployment written as a `kubernetes_manifest` (the Kubernetes API's camelCase). */
function manifestDeployment(kind: string, env: Body[]): Body {
  const labels = { 'app.kubernetes.io/name': 'kong', 'kong_gateway': 'edge' };
  return {
    manifest: {
      apiVersion: 'apps/v1',
      kind,
      metadata: { name: 'edge', namespace: 'kong' },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels, annotations: telemetryAnnotations('edge') },
          spec: {
            containers: [{
              name: 'proxy',
              image: 'kong:3.9',
              env,
              ports: [{ name: 'proxy', containerPort: 8000 }, { name: 'status', containerPort: 8100 }],
              readinessProbe: { httpGet: { path: '/status/ready', port: 'status' } },
              livenessProbe: { httpGet: { path: '/status', port: 'status' } },
            }],
          },
        },
      },
    },
  };
}

/** Another kind of workload (StatefulSet, DaemonSet) running the same Kong container. */
function asKind(type: string, o: Parameters<typeof kongDeployment>[0] = {}): () => CorpusStack {
  return variant((s) => {
    s.remove('kubernetes_deployment_v1', 'edge');
    s.add(type, 'edge', kongGateway('edge', o));
  });
}

function grafanaOnly(s: CorpusStack, rules = grafanaRules(gatewayPromRules('edge'))): void {
  s.remove('datadog_monitor');
  s.add('grafana_rule_group', 'edge', rules);
}

function twoGatewayDashboard(s: CorpusStack, dashboard: Body, type = 'grafana_dashboard'): void {
  s.remove('datadog_dashboard_json');
  s.add(type, 'kong', dashboard);
}

const ALB = (extra: { [key: string]: string } = {}) => ({
  'kubernetes.io/ingress.class': 'alb',
  'alb.ingress.kubernetes.io/target-type': 'ip',
  ...extra,
});

function behindIngress(s: CorpusStack, body: Body, serviceAnnotations: { [key: string]: string } = {}): void {
  s.remove('kubernetes_service_v1', 'edge_proxy');
  s.add('kubernetes_service_v1', 'edge_proxy', proxyService('edge', serviceAnnotations));
  s.add('kubernetes_ingress_v1', 'edge', body);
}

function backendConfig(requestPath: string, port = 8100): Body {
  return {
    manifest: {
      apiVersion: 'cloud.google.com/v1',
      kind: 'BackendConfig',
      metadata: { name: 'kong-readiness', namespace: 'kong' },
      spec: { healthCheck: { type: 'HTTP', requestPath, port } },
    },
  };
}

function contactPoint(s: CorpusStack, body: Body): void {
  s.add('grafana_contact_point', 'oncall', { name: 'kong-oncall', ...body });
}

/** A declarative configuration ConfigMap the Kong workload mounts, holding these global plugins. */
function declarativePlugins(s: CorpusStack, plugins: Body[]): void {
  s.add('kubernetes_config_map_v1', 'edge_declarative', { metadata: { name: 'edge-declarative-config', namespace: 'kong' }, data: { 'kong.yml': JSON.stringify({ _format_version: '3.0', plugins }) } });
  const spec = (edge(s).spec as Body).template as Body;
  (spec.spec as Body).volume = [{ name: 'declarative', config_map: { name: 'edge-declarative-config' } }];
}

/** Grafana rules on the 5xx ratio and on the control-plane gauge, beside the base's Datadog monitors. */
function kongMetricRules(s: CorpusStack, expr = 'sum(rate(kong_http_requests_total{kong_gateway="edge",code=~"5.."}[5m])) / sum(rate(kong_http_requests_total{kong_gateway="edge"}[5m])) > 0.05'): void {
  s.add('grafana_rule_group', 'edge', grafanaRules([{ expr, labels: { kong_gateway: 'edge' } }]));
}

const PROMETHEUS_FLAGS = { status_code_metrics: true, latency_metrics: true, bandwidth_metrics: true, upstream_health_metrics: true };

const SECRET_HOOK = 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/cccccccccccccccccccccccc';

export const CORPUS: readonly CorpusCase[] = [
  // ---- compliant, and unusual but fine --------------------------------------------------
  { id: 'fine-base', description: 'one gateway, every practice', violates: [], build: () => compliantStack() },
  { id: 'fine-two-gateways', description: 'two gateways, each fully monitored', violates: [], build: () => compliantStack(['edge', 'core']) },
  { id: 'fine-statefulset', description: 'Kong as a StatefulSet', violates: [], build: asKind('kubernetes_stateful_set_v1') },
  { id: 'fine-daemonset', description: 'Kong as a DaemonSet', violates: [], build: asKind('kubernetes_daemon_set_v1') },
  // kubernetes-lb-facts #2; cloud-provider-azure lets the Local pod-presence probe override annotated probes.
  { id: 'fine-gke-l4-local', description: 'a GKE L4 LoadBalancer with externalTrafficPolicy Local and no annotations', violates: [], build: variant((s) => nodeLevelLb(s, {}, 'Local')) },
  {
    id: 'fine-azure-local',
    description: 'an Azure LoadBalancer with externalTrafficPolicy Local and probe timing annotations',
    violates: [],
    build: variant((s) => nodeLevelLb(s, { 'service.beta.kubernetes.io/azure-load-balancer-health-probe-interval': '5', 'service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe': '2' }, 'Local')),
  },
  {
    id: 'fine-manifest-deployment',
    description: 'Kong as a kubernetes_manifest Deployment',
    violates: [],
    build: variant((s) => {
      s.remove('kubernetes_deployment_v1');
      s.add('kubernetes_manifest', 'edge', manifestDeployment('Deployment', [{ name: 'KONG_STATUS_LISTEN', value: '0.0.0.0:8100' }]));
    }),
  },
  {
    id: 'fine-private-registry',
    description: 'Kong Enterprise from a private registry, pinned by digest',
    violates: [],
    build: variant((s) => { edgeContainer(s).image = 'registry.internal.example.com:5000/platform/kong-gateway:3.9.1.0@sha256:0123abcd'; }),
  },
  {
    id: 'fine-probes-as-lists',
    description: 'probes written as single-element block lists (an override, or hand-written JSON)',
    violates: [],
    build: variant((s) => {
      const c = edgeContainer(s);
      c.readiness_probe = [{ http_get: [{ path: '/status/ready', port: 'status' }], period_seconds: 10 }];
      c.liveness_probe = [{ http_get: [{ path: '/status', port: 8100 }] }];
    }),
  },
  { id: 'fine-kong-3.2', description: 'Kong 3.2 (no /status/ready yet) with readiness on /status', violates: [], build: variant((s) => { edgeContainer(s).image = 'kong:3.2.2'; (edgeContainer(s).readiness_probe as Body).http_get = { path: '/status', port: 'status' }; }) },
  { id: 'fine-status-tls', description: 'status listener on plain and TLS ports', violates: [], build: variant((s) => statusListen(s, '0.0.0.0:8100, 0.0.0.0:8543 ssl http2')) },
  { id: 'fine-startup-curl', description: 'a startup probe that checks the status endpoint itself with curl', violates: [], build: variant((s) => { edgeContainer(s).startup_probe = { exec: { command: ['sh', '-c', 'curl -fsS http://localhost:8100/status'] } }; }) },
  {
    id: 'fine-sidecar-mentions-kong-health',
    description: 'a sidecar whose probe only mentions kong health in an echo',
    violates: [],
    build: variant((s) => {
      const containers = ((edge(s).spec as Body).template as Body).spec as Body;
      (containers.container as Body[]).push({ name: 'logger', image: 'busybox:1.36', liveness_probe: { exec: { command: ['sh', '-c', 'echo "kong health is not a health check" && test -f /tmp/alive'] } } });
    }),
  },
  { id: 'fine-helm-defaults', description: "Kong's Helm chart with its default status listener and probes", violates: [], build: helmVariant(helmValues('edge')) },
  { id: 'fine-helm-yamlencode', description: "Kong's Helm chart, values from cdktf's Fn.yamlencode", violates: [], build: helmVariant(helmValues('edge'), { format: 'yamlencode' }) },
  { id: 'fine-helm-json', description: "Kong's Helm chart, values as JSON text", violates: [], build: helmVariant(helmValues('edge'), { format: 'json' }) },
  { id: 'fine-helm-values-from-file', description: 'Helm values from a file the checker cannot read (settings not checked, not guessed)', violates: [], build: helmVariant('${file("${path.module}/kong-values.yaml")}') },
  {
    id: 'fine-helm-secret-env',
    description: 'Helm chart with the database password from a Secret',
    violates: [],
    build: helmVariant(helmValues('edge', { env: { database: 'postgres', pg_host: 'pg', pg_password: { valueFrom: { secretKeyRef: { name: 'kong-pg', key: 'password' } } } } })),
  },
  {
    id: 'fine-helm-set-sensitive-var',
    description: 'Helm set_sensitive fed by a sensitive variable',
    violates: [],
    build: helmVariant(helmValues('edge'), { setSensitive: [{ name: 'env.pg_password', value: '${var.pg_password}' }] }),
  },
  {
    id: 'fine-manifest-service',
    description: 'the load balancer as a kubernetes_manifest Service',
    violates: [],
    build: variant((s) => {
      s.remove('kubernetes_service_v1');
      s.add('kubernetes_manifest', 'edge_proxy', { manifest: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'edge-proxy', namespace: 'kong', annotations: AWS_READY_ANNOTATIONS }, spec: { type: 'LoadBalancer', selector: { kong_gateway: 'edge' }, ports: [{ name: 'proxy', port: 80, targetPort: 'proxy' }] } } });
    }),
  },
  { id: 'fine-alb-ingress', description: 'an ALB Ingress health-checking /status/ready on the status port', violates: [], build: variant((s) => behindIngress(s, ingress('edge-proxy', { annotations: ALB({ 'alb.ingress.kubernetes.io/healthcheck-path': '/status/ready', 'alb.ingress.kubernetes.io/healthcheck-port': '8100' }) }))) },
  { id: 'fine-nginx-ingress', description: 'an NGINX Ingress (it sends only to ready endpoints)', violates: [], build: variant((s) => behindIngress(s, ingress('edge-proxy', { className: 'nginx' }))) },
  {
    id: 'fine-gce-ingress',
    description: 'a GKE Ingress with a BackendConfig on /status/ready',
    violates: [],
    build: variant((s) => {
      behindIngress(s, ingress('edge-proxy', { className: 'gce' }), { 'cloud.google.com/backend-config': '{"default":"kong-readiness"}', 'cloud.google.com/neg': '{"ingress":true}' });
      s.add('kubernetes_manifest', 'hc', backendConfig('/status/ready'));
    }),
  },
  {
    id: 'fine-shared-grafana-dashboard',
    description: 'one Grafana dashboard for two gateways, by a $gateway variable',
    violates: [],
    build: variant((s) => twoGatewayDashboard(s, { config_json: JSON.stringify({ title: 'Kong', templating: { list: [{ name: 'gateway', query: 'label_values(kong_nginx_requests_total, kong_gateway)' }] }, panels: [{ targets: [{ expr: 'sum by (pod) (rate(kong_nginx_requests_total{kong_gateway=~"$gateway"}[5m]))' }] }] }) }), ['edge', 'core']),
  },
  {
    id: 'fine-shared-dashboard-regex',
    description: 'one dashboard for two gateways, by a regex matcher',
    violates: [],
    build: variant((s) => twoGatewayDashboard(s, { config_json: JSON.stringify({ title: 'Kong', panels: [{ targets: [{ expr: 'up{kong_gateway=~"edge|core"}' }] }] }) }), ['edge', 'core']),
  },
  {
    id: 'fine-shared-datadog-dashboard',
    description: 'one Datadog dashboard for two gateways, by a kong_gateway template variable',
    violates: [],
    build: variant((s) => twoGatewayDashboard(s, { dashboard: JSON.stringify({ title: 'Kong', template_variables: [{ name: 'gateway', prefix: 'kong_gateway', default: '*' }], widgets: [{ definition: { requests: [{ q: 'sum:kong.nginx.requests.total{$gateway} by {pod_name}' }] } }] }) }, 'datadog_dashboard_json'), ['edge', 'core']),
  },
  {
    id: 'fine-shared-monitors',
    description: 'two gateways alerted by shared monitors grouped by gateway and pod',
    violates: [],
    build: variant((s) => {
      s.remove('datadog_monitor');
      s.add('datadog_monitor', 'ready', monitor('avg(last_5m):avg:kubernetes_state.container.ready{kong_gateway:*,kube_container_name:proxy} by {kong_gateway,pod_name} < 1'));
      s.add('datadog_monitor', 'count', monitor('max(last_10m):sum:kubernetes_state.deployment.replicas_ready{kong_gateway:*} by {kong_gateway} < 3', { notifyNoData: true }));
    }, ['edge', 'core']),
  },
  {
    id: 'fine-prometheus-rules',
    description: 'alerting through PrometheusRules only (Alertmanager routes them)',
    violates: [],
    build: variant((s) => {
      s.remove('datadog_monitor');
      s.add('kubernetes_manifest', 'rules', prometheusRule([
        { alert: 'KongNodeNotReady', expr: 'kube_pod_container_status_ready{container="proxy",kong_gateway="edge"} < 1' },
        { alert: 'KongGone', expr: 'absent(up{kong_gateway="edge"})' },
      ]));
    }),
  },
  { id: 'fine-per-node-regex', description: 'a per-node rule over a pod name pattern', violates: [], build: variant((s) => grafanaOnly(s, grafanaRules([{ expr: 'kube_pod_container_status_ready{pod=~"edge-.*",kong_gateway="edge"} < 1' }, gatewayPromRules('edge')[1]]))) },
  {
    id: 'fine-grafana-policy',
    description: 'Grafana rules routed by a policy to a Slack contact point',
    violates: [],
    build: variant((s) => {
      grafanaOnly(s);
      s.add('grafana_notification_policy', 'kong', { contact_point: 'kong-oncall', group_by: ['alertname'], policy: [{ matcher: [{ label: 'kong_gateway', match: '=', value: 'edge' }], contact_point: 'kong-oncall' }] });
    }),
  },
  {
    id: 'fine-grafana-weekly-mute',
    description: 'a weekly maintenance mute timing on the Kong route',
    violates: [],
    build: variant((s) => {
      grafanaOnly(s);
      s.add('grafana_mute_timing', 'maintenance', { name: 'kong-maintenance', intervals: [{ weekdays: ['sunday'], times: [{ start: '02:00', end: '04:00' }], location: 'Europe/Berlin' }] });
      s.add('grafana_notification_policy', 'kong', { contact_point: 'kong-oncall', group_by: ['alertname'], policy: [{ matcher: [{ label: 'kong_gateway', match: '=', value: 'edge' }], contact_point: 'kong-oncall', mute_timings: ['kong-maintenance'] }] });
    }),
  },
  {
    id: 'fine-downtime-window',
    description: 'a one-off Datadog downtime with an end',
    violates: [],
    build: variant((s) => { s.add('datadog_downtime_schedule', 'upgrade', { scope: 'kong_gateway:edge', monitor_identifier: { monitor_tags: ['kong_gateway:edge'] }, one_time_schedule: { start: '2026-12-01T02:00:00Z', end: '2026-12-01T04:00:00Z' } }); }),
  },
  {
    id: 'fine-recurring-downtime',
    description: 'a weekly Datadog maintenance downtime',
    violates: [],
    build: variant((s) => { s.add('datadog_downtime_schedule', 'weekly', { scope: '*', monitor_identifier: { monitor_tags: ['kong_gateway:edge'] }, recurring_schedule: { timezone: 'Europe/Berlin', recurrence: [{ duration: '2h', rrule: 'FREQ=WEEKLY;BYDAY=SU', start: '2026-12-06T02:00:00' }] } }); }),
  },
  { id: 'fine-pg-password-secret-ref', description: 'KONG_PG_PASSWORD from a Secret', violates: [], build: variant((s) => setEnv(edgeContainer(s), 'KONG_PG_PASSWORD', { secret_key_ref: { name: 'kong-pg', key: 'password' } })) },
  { id: 'fine-cert-key-path', description: 'KONG_SSL_CERT_KEY is a file path', violates: [], build: variant((s) => setEnv(edgeContainer(s), 'KONG_SSL_CERT_KEY', '/etc/secrets/kong-tls/tls.key')) },
  { id: 'fine-vault-reference', description: 'KONG_PG_PASSWORD as a Kong vault reference', violates: [], build: variant((s) => setEnv(edgeContainer(s), 'KONG_PG_PASSWORD', '{vault://env/kong-pg-password}')) },
  { id: 'fine-webhook-plain-url', description: 'a webhook contact point whose URL holds no credential', violates: [], build: variant((s) => contactPoint(s, { webhook: [{ url: 'https://alerts.example.com/kong', authorization_credentials: '${var.slack_webhook_url}' }] })) },
  {
    id: 'fine-local-reference',
    description: 'a local that passes a sensitive variable on',
    violates: [],
    build: variant((s) => { s.local('slack_url', '${var.slack_webhook_url}'); contactPoint(s, { slack: [{ url: '${local.slack_url}' }] }); }),
  },
  {
    id: 'fine-valid-suppression',
    description: 'a reviewed KBP6 suppression with a reason',
    violates: [],
    build: variant((s) => {
      edgeContainer(s).startup_probe = { exec: { command: ['kong', 'health'] } };
      (edge(s)['//'] as Body).kong_best_practices = { suppressions: [{ id: 'KBP6', reason: 'legacy image without the status listener at boot; removed in Q3' }] };
    }),
  },

  // ---- KBP1 status_listen ----------------------------------------------------------------
  { id: 'kbp1-unset', description: 'KONG_STATUS_LISTEN not set on Kong 3.9', violates: ['KBP1'], build: variant((s) => { edgeContainer(s).env = []; }) },
  { id: 'kbp1-off', description: 'status listener off', violates: ['KBP1'], build: variant((s) => statusListen(s, 'off')) },
  { id: 'kbp1-loopback', description: "Kong 3.6's loopback default written out", violates: ['KBP1'], build: variant((s) => statusListen(s, '127.0.0.1:8007 reuseport backlog=16384')) },
  { id: 'kbp1-env-twice', description: 'KONG_STATUS_LISTEN given twice, the last one loopback', violates: ['KBP1'], build: variant((s) => setEnv(edgeContainer(s), 'KONG_STATUS_LISTEN', '127.0.0.1:8100')) },
  { id: 'kbp1-entry-twice', description: 'the same address:port twice in status_listen', violates: ['KBP1'], build: variant((s) => statusListen(s, '0.0.0.0:8100, 0.0.0.0:8100 ssl')) },
  { id: 'kbp1-admin-same-port', description: 'the admin listener on the status port', violates: ['KBP1'], build: variant((s) => setEnv(edgeContainer(s), 'KONG_ADMIN_LISTEN', '0.0.0.0:8100')) },
  { id: 'kbp1-status-on-proxy-port', description: 'status_listen on the default proxy port', violates: ['KBP1', 'KBP3', 'KBP4'], build: variant((s) => statusListen(s, '0.0.0.0:8000')) },
  { id: 'kbp1-port-mismatch', description: "a 'status' container port Kong does not listen on", violates: ['KBP1', 'KBP3', 'KBP4'], build: variant((s) => statusListen(s, '0.0.0.0:8101')) },
  {
    id: 'kbp1-manifest-unset',
    description: 'a kubernetes_manifest Deployment without KONG_STATUS_LISTEN',
    violates: ['KBP1'],
    build: variant((s) => { s.remove('kubernetes_deployment_v1'); s.add('kubernetes_manifest', 'edge', manifestDeployment('Deployment', [])); }),
  },
  { id: 'kbp1-statefulset-off', description: 'a StatefulSet with the status listener off', violates: ['KBP1'], build: asKind('kubernetes_stateful_set_v1', { statusListen: 'off' }) },
  { id: 'kbp1-helm-status-http-off', description: "Helm values turn the chart's status listener off", violates: ['KBP1', 'KBP4'], build: helmVariant(helmValues('edge', { status: { http: { enabled: false } } })) },
  { id: 'kbp1-helm-env-loopback', description: 'Helm env.status_listen on loopback', violates: ['KBP1'], build: helmVariant(helmValues('edge', { env: { status_listen: '127.0.0.1:8100' } })) },
  { id: 'kbp1-helm-set-off', description: 'a Helm set block turns the status listener off', violates: ['KBP1', 'KBP4'], build: helmVariant(helmValues('edge'), { set: [{ name: 'status.http.enabled', value: 'false' }] }) },
  { id: 'kbp1-helm-env-port-mismatch', description: "Helm env.status_listen on a port the chart's status container port is not", violates: ['KBP1', 'KBP3', 'KBP4'], build: helmVariant(helmValues('edge', { env: { status_listen: '0.0.0.0:9100' } }), { format: 'yamlencode' }) },

  // ---- KBP2 dashboards -------------------------------------------------------------------
  { id: 'kbp2-none', description: 'no dashboard', violates: ['KBP2'], build: variant((s) => s.remove('datadog_dashboard_json')) },
  { id: 'kbp2-one-of-two', description: 'two gateways, a dashboard for one', violates: ['KBP2'], build: variant((s) => s.remove('datadog_dashboard_json', 'core'), ['edge', 'core']) },

  // ---- KBP3 load balancers ---------------------------------------------------------------
  { id: 'kbp3-wrong-path', description: 'the NLB checks /status', violates: ['KBP3'], build: variant((s) => { lbAnnotations(s)[`${AWS}-healthcheck-path`] = '/status'; }) },
  { id: 'kbp3-default-tcp', description: 'a health-check path without the HTTP protocol (the NLB checks TCP)', violates: ['KBP3'], build: variant((s) => { delete lbAnnotations(s)[`${AWS}-healthcheck-protocol`]; }) },
  { id: 'kbp3-tcp', description: 'the NLB health check set to TCP', violates: ['KBP3'], build: variant((s) => { lbAnnotations(s)[`${AWS}-healthcheck-protocol`] = 'TCP'; }) },
  { id: 'kbp3-traffic-port', description: 'no health-check port: the NLB checks the proxy (traffic) port', violates: ['KBP3'], build: variant((s) => { delete lbAnnotations(s)[`${AWS}-healthcheck-port`]; }) },
  { id: 'kbp3-proxy-port', description: 'the health check on the proxy port', violates: ['KBP3'], build: variant((s) => { lbAnnotations(s)[`${AWS}-healthcheck-port`] = '8000'; }) },
  { id: 'kbp3-status-exposed', description: 'the status port on the LoadBalancer', violates: ['KBP3'], build: variant((s) => { ((s.get('kubernetes_service_v1', 'edge_proxy').spec as Body).port as Body[]).push({ name: 'status', port: 8100, target_port: 'status' }); }) },
  { id: 'kbp3-nodeport-status', description: 'a NodePort Service for the status port', violates: ['KBP3'], build: variant((s) => { s.add('kubernetes_service_v1', 'status_np', loadBalancer('edge', { type: 'NodePort', annotations: {}, ports: [{ name: 'status', port: 8100, target_port: 8100 }] })); }) },
  {
    id: 'kbp3-azure-tcp',
    description: 'an Azure probe with the TCP protocol',
    violates: ['KBP3'],
    build: variant((s) => {
      const a = lbAnnotations(s);
      for (const k of Object.keys(a)) delete a[k];
      Object.assign(a, { 'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': '/status/ready', 'service.beta.kubernetes.io/port_80_health-probe_protocol': 'tcp' });
    }),
  },
  { id: 'kbp3-no-health-check', description: 'a LoadBalancer with no health-check settings', violates: ['KBP3'], build: variant((s) => { const a = lbAnnotations(s); for (const k of Object.keys(a)) delete a[k]; }) },
  // kubernetes-lb-facts #4: the L4 load balancer of a LoadBalancer Service ignores BackendConfig.
  {
    id: 'kbp3-l4-backendconfig',
    description: 'a GKE LoadBalancer Service annotated with a BackendConfig on /status/ready (ignored by the L4 load balancer)',
    violates: ['KBP3'],
    build: variant((s) => {
      nodeLevelLb(s, { 'cloud.google.com/backend-config': '{"default":"kong-readiness"}' });
      s.add('kubernetes_manifest', 'hc', backendConfig('/status/ready'));
    }),
  },
  // kubernetes-lb-facts #5: port_{port}_ annotations name a Service port.
  {
    id: 'kbp3-azure-port-not-on-service',
    description: 'Azure probe annotations for the status port, which is not on the Service',
    violates: ['KBP3'],
    build: variant((s) => nodeLevelLb(s, { 'service.beta.kubernetes.io/port_8100_health-probe_request-path': '/status/ready', 'service.beta.kubernetes.io/port_8100_health-probe_protocol': 'http' }, 'Local')),
  },
  // kubernetes-lb-facts #3: NLB IP targets are pods, checked directly; Local does not help.
  {
    id: 'kbp3-nlb-ip-local-no-check',
    description: 'an NLB with IP targets and externalTrafficPolicy Local but no health-check annotations',
    violates: ['KBP3'],
    build: variant((s) => nodeLevelLb(s, { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external', 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip' }, 'Local')),
  },
  { id: 'kbp3-alb-default', description: "an ALB Ingress with the ALB's default check (/ on the proxy port)", violates: ['KBP3'], build: variant((s) => behindIngress(s, ingress('edge-proxy', { annotations: ALB() }))) },
  { id: 'kbp3-alb-traffic-port', description: 'an ALB Ingress checking /status/ready on the proxy port', violates: ['KBP3'], build: variant((s) => behindIngress(s, ingress('edge-proxy', { annotations: ALB({ 'alb.ingress.kubernetes.io/healthcheck-path': '/status/ready' }) }))) },
  { id: 'kbp3-alb-class-service-annotation', description: 'an ALB (by class) whose Service sets the check on /status', violates: ['KBP3'], build: variant((s) => behindIngress(s, ingress('edge-proxy', { className: 'alb' }), { 'alb.ingress.kubernetes.io/healthcheck-path': '/status', 'alb.ingress.kubernetes.io/healthcheck-port': 'status' })) },
  { id: 'kbp3-gce-no-backendconfig', description: 'a GKE Ingress without a BackendConfig', violates: ['KBP3'], build: variant((s) => behindIngress(s, ingress('edge-proxy', { className: 'gce' }))) },
  {
    id: 'kbp3-gce-backendconfig-status',
    description: 'a GKE Ingress whose BackendConfig checks /status',
    violates: ['KBP3'],
    build: variant((s) => {
      behindIngress(s, ingress('edge-proxy', { annotations: { 'kubernetes.io/ingress.class': 'gce' } }), { 'cloud.google.com/backend-config': '{"default":"kong-readiness"}' });
      s.add('kubernetes_manifest', 'hc', backendConfig('/status'));
    }),
  },
  { id: 'kbp3-helm-proxy-no-check', description: "the chart's proxy LoadBalancer with no health-check annotations", violates: ['KBP3'], build: helmVariant(helmValues('edge', { proxy: { type: 'LoadBalancer', annotations: {} } })) },

  // ---- KBP4 probes -----------------------------------------------------------------------
  { id: 'kbp4-readiness-status', description: 'readiness on /status', violates: ['KBP4'], build: variant((s) => { (edgeContainer(s).readiness_probe as Body).http_get = { path: '/status', port: 'status' }; }) },
  { id: 'kbp4-liveness-ready', description: 'liveness on /status/ready', violates: ['KBP4'], build: variant((s) => { (edgeContainer(s).liveness_probe as Body).http_get = { path: '/status/ready', port: 'status' }; }) },
  { id: 'kbp4-no-readiness', description: 'no readiness probe', violates: ['KBP4'], build: variant((s) => { delete edgeContainer(s).readiness_probe; }) },
  { id: 'kbp4-proxy-port', description: 'probes on the proxy port', violates: ['KBP4'], build: variant((s) => { (edgeContainer(s).readiness_probe as Body).http_get = { path: '/status/ready', port: 8000 }; }) },
  { id: 'kbp4-unknown-port-name', description: 'a probe on a port name the container does not have', violates: ['KBP4'], build: variant((s) => { (edgeContainer(s).liveness_probe as Body).http_get = { path: '/status', port: 'health' }; }) },
  { id: 'kbp4-helm-values-readiness', description: 'Helm values point readiness at /status', violates: ['KBP4'], build: helmVariant(helmValues('edge', { readinessProbe: { httpGet: { path: '/status', port: 'status' } } })) },
  { id: 'kbp4-helm-set-liveness', description: 'a Helm set block points liveness at /status/ready', violates: ['KBP4'], build: helmVariant(helmValues('edge'), { set: [{ name: 'livenessProbe.httpGet.path', value: '/status/ready' }] }) },
  { id: 'kbp4-helm-null-readiness', description: 'Helm values remove the readiness probe (null)', violates: ['KBP4'], build: helmVariant(`${yaml(helmValues('edge'))}readinessProbe: null\n`) },

  // ---- KBP5 alerting ---------------------------------------------------------------------
  { id: 'kbp5-no-alerts', description: 'no alerts at all', violates: ['KBP5', 'KBP7'], build: variant((s) => s.remove('datadog_monitor')) },
  {
    id: 'kbp5-latency-only',
    description: 'a latency monitor only',
    violates: ['KBP5', 'KBP7'],
    build: variant((s) => { s.remove('datadog_monitor'); s.add('datadog_monitor', 'lat', monitor('avg(last_5m):avg:kong.request.latency.avg{kong_gateway:edge} > 500')); }),
  },
  {
    id: 'kbp5-notifies-nobody',
    description: 'monitors whose messages name no @handle',
    violates: ['KBP5'],
    build: variant((s) => { for (const m of Object.values(s.resources.datadog_monitor)) m.message = 'Kong node {{pod_name.name}} is not ready.'; }),
  },
  {
    id: 'kbp5-downtime-forever',
    description: 'a Datadog downtime on every monitor with no end',
    violates: ['KBP5'],
    build: variant((s) => { s.add('datadog_downtime_schedule', 'all', { scope: '*', monitor_identifier: { monitor_tags: ['*'] }, one_time_schedule: { start: '2026-11-01T00:00:00Z' } }); }),
  },
  {
    id: 'kbp5-legacy-downtime',
    description: 'a legacy datadog_downtime on the gateway with no end',
    violates: ['KBP5'],
    build: variant((s) => { s.add('datadog_downtime', 'kong', { scope: ['kong_gateway:edge'], monitor_tags: ['kong_gateway:edge'], start: 1764547200 }); }),
  },
  { id: 'kbp5-grafana-paused', description: 'Grafana rules, all paused', violates: ['KBP5'], build: variant((s) => grafanaOnly(s, grafanaRules(gatewayPromRules('edge').map((r) => ({ ...r, paused: true }))))) },
  {
    id: 'kbp5-grafana-mute-always',
    description: 'the Kong route muted by a mute timing with no time intervals',
    violates: ['KBP5'],
    build: variant((s) => {
      grafanaOnly(s);
      s.add('grafana_mute_timing', 'always', { name: 'kong-quiet' });
      s.add('grafana_notification_policy', 'kong', { contact_point: 'kong-oncall', group_by: ['alertname'], policy: [{ matcher: [{ label: 'kong_gateway', match: '=', value: 'edge' }], contact_point: 'kong-oncall', mute_timings: ['kong-quiet'] }] });
    }),
  },
  {
    id: 'kbp5-grafana-empty-contact-point',
    description: 'Kong alerts routed to a contact point with no integration',
    violates: ['KBP5'],
    build: variant((s) => {
      grafanaOnly(s);
      s.add('grafana_contact_point', 'nobody', { name: 'kong-nobody' });
      s.add('grafana_notification_policy', 'kong', { contact_point: 'kong-oncall', group_by: ['alertname'], policy: [{ matcher: [{ label: 'kong_gateway', match: '=~', value: 'edge|core' }], contact_point: 'kong-nobody' }] });
    }),
  },

  // ---- KBP6 kong health ------------------------------------------------------------------
  { id: 'kbp6-sh-semicolon', description: "readiness runs sh -c 'kong health;echo ok'", violates: ['KBP4', 'KBP6'], build: variant((s) => { edgeContainer(s).readiness_probe = { exec: { command: ['sh', '-c', 'kong health;echo ok'] } }; }) },
  { id: 'kbp6-bash-exec', description: "liveness runs bash -c 'exec kong health'", violates: ['KBP4', 'KBP6'], build: variant((s) => { edgeContainer(s).liveness_probe = { exec: { command: ['/bin/bash', '-c', 'exec kong health --prefix /kong_prefix'] } }; }) },
  { id: 'kbp6-startup-script', description: "startup runs the image's kong-health script", violates: ['KBP6'], build: variant((s) => { edgeContainer(s).startup_probe = { exec: { command: ['/usr/local/bin/kong-health'] } }; }) },
  { id: 'kbp6-helm-startup', description: 'Helm values give a startup probe running kong health', violates: ['KBP6'], build: helmVariant(helmValues('edge', { startupProbe: { exec: { command: ['sh', '-c', 'timeout 5 kong health'] }, failureThreshold: 30 } })) },
  {
    id: 'kbp6-other-workload',
    description: 'a watchdog DaemonSet probing with kong health',
    violates: ['KBP6'],
    build: variant((s) => { s.add('kubernetes_daemon_set_v1', 'watchdog', { metadata: { name: 'watchdog' }, spec: { template: { metadata: { labels: { app: 'watchdog' } }, spec: { container: [{ name: 'w', image: 'example/watchdog:1', liveness_probe: { exec: { command: ['sh', '-c', 'if kong health; then exit 0; fi; exit 1'] } } }] } } } }); }),
  },

  // ---- KBP7 every node -------------------------------------------------------------------
  {
    id: 'kbp7-aggregated',
    description: 'readiness summed over every node',
    violates: ['KBP7'],
    build: variant((s) => { s.add('datadog_monitor', 'edge_ready', monitor('avg(last_5m):sum:kubernetes_state.container.ready{kong_gateway:edge,kube_container_name:proxy} < 3', { tags: ['kong_gateway:edge'] })); s.remove('datadog_monitor', 'edge_count'); }),
  },
  {
    id: 'kbp7-one-pod-promql',
    description: 'the per-node rule pinned to one pod',
    violates: ['KBP7'],
    build: variant((s) => grafanaOnly(s, grafanaRules([{ expr: 'kube_pod_container_status_ready{pod="edge-7d9f8c6b5-x2k4q",container="proxy",kong_gateway="edge"} < 1' }, gatewayPromRules('edge')[1]]))),
  },
  {
    id: 'kbp7-one-pod-datadog',
    description: 'a multi-alert by pod scoped to one pod',
    violates: ['KBP7'],
    build: variant((s) => { s.add('datadog_monitor', 'edge_ready', monitor('avg(last_5m):avg:kubernetes_state.container.ready{kong_gateway:edge,pod_name:edge-0} by {pod_name} < 1', { tags: ['kong_gateway:edge'] })); }),
  },
  {
    id: 'kbp7-one-instance',
    description: 'an http_check multi-alert over one instance',
    violates: ['KBP7'],
    build: variant((s) => { s.add('datadog_monitor', 'edge_ready', monitor('"http.can_connect".over("kong_gateway:edge","instance:edge-0-status").by("instance").last(3).count_by_status()', { tags: ['kong_gateway:edge'] })); }),
  },
  { id: 'kbp7-no-count', description: 'per-node alerts but no expected-count or no-data alert', violates: ['KBP7'], build: variant((s) => s.remove('datadog_monitor', 'edge_count')) },

  // ---- KBPS1 literal secrets -------------------------------------------------------------
  { id: 'kbps1-slack-url', description: 'a literal Slack webhook URL', violates: ['KBPS1'], build: variant((s) => contactPoint(s, { slack: [{ url: SECRET_HOOK }] })) },
  { id: 'kbps1-access-token', description: 'a webhook URL with access_token in the query', violates: ['KBPS1'], build: variant((s) => contactPoint(s, { webhook: [{ url: 'https://alerts.example.com/kong?access_token=gh0a9b8c7d6e5f4' }] })) },
  { id: 'kbps1-discord-path', description: 'a generic webhook to a Discord hook path', violates: ['KBPS1'], build: variant((s) => contactPoint(s, { webhook: [{ url: 'https://discord.com/api/webhooks/1234567890/AbCdEfGhIjKlMnOp-qrstuv' }] })) },
  { id: 'kbps1-pagerduty-path', description: 'a webhook URL with a PagerDuty integration key in the path', violates: ['KBPS1'], build: variant((s) => contactPoint(s, { webhook: [{ url: 'https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue' }] })) },
  { id: 'kbps1-webhook-header', description: 'a literal Authorization header on a webhook', violates: ['KBPS1'], build: variant((s) => contactPoint(s, { webhook: [{ url: 'https://alerts.example.com/kong', headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.kong' } }] })) },
  { id: 'kbps1-contact-setting', description: 'a literal MQTT password in a contact point', violates: ['KBPS1'], build: variant((s) => contactPoint(s, { mqtt: [{ broker_url: 'tcp://mqtt.example.com:1883', topic: 'kong', username: 'kong', password: 'hunter2hunter2' }] })) },
  { id: 'kbps1-local', description: 'a literal webhook URL in locals, used by a contact point', violates: ['KBPS1'], build: variant((s) => { s.local('slack_url', SECRET_HOOK); contactPoint(s, { slack: [{ url: '${local.slack_url}' }] }); }) },
  { id: 'kbps1-variable-default', description: 'a sensitive variable with a literal default', violates: ['KBPS1'], build: variant((s) => { s.variable('slack_webhook_url', { type: 'string', sensitive: true, default: SECRET_HOOK }); }) },
  { id: 'kbps1-dd-pagerduty-object', description: 'a Datadog PagerDuty service object with a literal key', violates: ['KBPS1'], build: variant((s) => { s.add('datadog_integration_pagerduty_service_object', 'kong', { service_name: 'kong', service_key: '0123456789abcdef0123456789abcdef' }); }) },
  { id: 'kbps1-dd-webhook-url', description: 'a Datadog webhook to a literal Slack hook URL', violates: ['KBPS1'], build: variant((s) => { s.add('datadog_webhook', 'kong', { name: 'kong-slack', url: SECRET_HOOK }); }) },
  { id: 'kbps1-dd-webhook-headers', description: 'a Datadog webhook with a literal Authorization header', violates: ['KBPS1'], build: variant((s) => { s.add('datadog_webhook', 'kong', { name: 'kong-hook', url: 'https://alerts.example.com/kong', custom_headers: JSON.stringify({ Authorization: 'Token 5f0c2e9a7b' }) }); }) },
  { id: 'kbps1-pg-password', description: 'KONG_PG_PASSWORD written in clear', violates: ['KBPS1'], build: variant((s) => setEnv(edgeContainer(s), 'KONG_PG_PASSWORD', 'kong-db-pass-2026')) },
  {
    id: 'kbps1-agent-api-key',
    description: 'a Datadog Agent DaemonSet with DD_API_KEY in clear',
    violates: ['KBPS1'],
    build: variant((s) => { s.add('kubernetes_daemon_set_v1', 'agent', { metadata: { name: 'datadog-agent' }, spec: { template: { metadata: { labels: { app: 'datadog-agent' } }, spec: { container: [{ name: 'agent', image: 'gcr.io/datadoghq/agent:7', env: [{ name: 'DD_API_KEY', value: 'abcdef0123456789abcdef0123456789' }] }] } } } }); }),
  },
  { id: 'kbps1-helm-pg-password', description: 'Helm values with env.pg_password in clear', violates: ['KBPS1'], build: helmVariant(helmValues('edge', { env: { database: 'postgres', pg_host: 'pg', pg_password: 'kong-db-pass-2026' } })) },
  { id: 'kbps1-helm-set-sensitive-literal', description: 'Helm set_sensitive given a literal', violates: ['KBPS1'], build: helmVariant(helmValues('edge'), { setSensitive: [{ name: 'env.pg_password', value: 'kong-db-pass-2026' }] }) },
  {
    id: 'kbps1-synthetics-token',
    description: 'a synthetic test whose URL carries a token',
    violates: ['KBPS1'],
    build: variant((s) => { s.add('datadog_synthetics_test', 'edge', { name: 'Kong edge', type: 'api', subtype: 'http', status: 'live', locations: ['aws:eu-central-1'], message: '@pagerduty-kong', tags: ['kong_gateway:edge'], request_definition: { method: 'GET', url: 'https://api.example.com/status-check?api_key=f00dfeedf00dfeed' }, assertion: [{ type: 'statusCode', operator: 'is', target: '200' }] }); }),
  },
  { id: 'kbps1-kubernetes-secret', description: 'a Kubernetes Secret with literal data', violates: ['KBPS1'], build: variant((s) => { s.add('kubernetes_secret_v1', 'pg', { metadata: { name: 'kong-pg', namespace: 'kong' }, data: { password: 'kong-db-pass-2026' } }); }) },
  { id: 'kbps1-provider-key', description: 'a literal Datadog API key in the provider', violates: ['KBPS1'], build: variant((s) => { s.providers.datadog[0].api_key = 'abcdef0123456789abcdef0123456789'; }) },

  // ---- KBP8 live sources -------------------------------------------------------------------
  {
    id: 'kbp8-flag-off',
    description: 'a 5xx-ratio rule, and the Prometheus plugin with status_code_metrics off',
    violates: ['KBP8'],
    build: variant((s) => { declarativePlugins(s, [{ name: 'prometheus', config: { ...PROMETHEUS_FLAGS, status_code_metrics: false } }]); kongMetricRules(s); }),
  },
  {
    id: 'kbp8-no-prometheus-plugin',
    description: 'a 5xx-ratio rule, and a declarative configuration without the Prometheus plugin',
    violates: ['KBP8'],
    build: variant((s) => { declarativePlugins(s, [{ name: 'correlation-id', config: {} }]); kongMetricRules(s); }),
  },
  {
    id: 'kbp8-cluster-plugin-flag-off',
    description: 'a 5xx-ratio rule, and a global KongClusterPlugin with status_code_metrics off',
    violates: ['KBP8'],
    build: variant((s) => {
      s.add('kubernetes_manifest', 'prometheus_plugin', { manifest: { apiVersion: 'configuration.konghq.com/v1', kind: 'KongClusterPlugin', metadata: { name: 'prometheus', labels: { global: 'true' } }, plugin: 'prometheus', config: { status_code_metrics: false } } });
      kongMetricRules(s);
    }),
  },
  {
    id: 'kbp8-edition',
    description: 'a rule on kong_control_plane_connected, on open-source Kong 3.9',
    violates: ['KBP8'],
    build: variant((s) => kongMetricRules(s, 'kong_control_plane_connected{kong_gateway="edge"} < 1')),
  },
  {
    id: 'kbp8-datadog-untagged',
    description: "the readiness monitor filters kong_gateway:edge, and the pods' http_check does not tag it",
    violates: ['KBP8'],
    build: variant((s) => {
      const meta = ((edge(s).spec as Body).template as Body).metadata as Body;
      (meta.annotations as Body)['ad.datadoghq.com/proxy.checks'] = JSON.stringify({ http_check: { instances: [{ name: 'kong', url: 'http://%%host%%:8100/status/ready' }] } });
    }),
  },
  {
    id: 'kbp8-no-scrape',
    description: 'a rule on Kong metrics, and nothing in the stack scrapes the Kong pods (a warning to confirm)',
    violates: ['KBP8'],
    build: variant((s) => {
      const meta = ((edge(s).spec as Body).template as Body).metadata as Body;
      delete (meta.annotations as Body)['prometheus.io/scrape'];
      declarativePlugins(s, [{ name: 'prometheus', config: PROMETHEUS_FLAGS }]);
      kongMetricRules(s);
    }),
  },
  {
    id: 'fine-kbp8-flags-on',
    description: 'a 5xx-ratio rule, and the Prometheus plugin with its flags on',
    violates: [],
    build: variant((s) => { declarativePlugins(s, [{ name: 'prometheus', config: PROMETHEUS_FLAGS }]); kongMetricRules(s); }),
  },
  {
    id: 'fine-kbp8-plugins-declared-external',
    description: "Kong metrics alerted on, the plugins configured outside the stack as its '//' block declares (pluginsManagedExternally)",
    violates: [],
    build: variant((s) => { (edge(s)['//'] as Body).kong_telemetry = { plugins_managed_externally: true }; kongMetricRules(s); }),
  },
  {
    id: 'fine-kbp8-enterprise',
    description: 'a rule on kong_control_plane_connected, on Kong Gateway Enterprise 3.10',
    violates: [],
    build: variant((s) => { edgeContainer(s).image = 'kong/kong-gateway:3.10.0.1'; kongMetricRules(s, 'kong_control_plane_connected{kong_gateway="edge"} < 1'); }),
  },

  // ---- KBPX1 suppressions ----------------------------------------------------------------
  {
    id: 'kbpx1-no-reason',
    description: 'a KBP1 suppression without a reason (it suppresses nothing)',
    violates: ['KBP1', 'KBPX1'],
    build: variant((s) => {
      edgeContainer(s).env = [];
      (edge(s)['//'] as Body).kong_best_practices = { suppressions: [{ id: 'KBP1', reason: '' }] };
    }),
  },
  {
    id: 'kbpx1-unknown-rule',
    description: 'a suppression naming a rule that does not exist',
    violates: ['KBPX1'],
    build: variant((s) => { (edge(s)['//'] as Body).kong_best_practices = { suppressions: [{ id: 'KBP66', reason: 'typo in the rule id, meant KBP6' }] }; }),
  },
];
