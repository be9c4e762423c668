import { Body, datadogMonitor, grafanaRuleGroup, kongDeployment, otherDeployment, prometheusRule, service, tf } from './helpers';
import { RuleFinding } from '../../src/checks/internal/rule';
import {
  KBP1_STATUS_LISTEN,
  KBP2_DASHBOARDS,
  KBP3_LOAD_BALANCER_READINESS,
  KBP4_PROBES,
  KBP5_ALERTING,
  KBP6_NO_KONG_HEALTH,
  KBP7_EVERY_NODE_MONITORED,
  KBPS1_LITERAL_SECRETS,
  KBPX1_SUPPRESSION_REASON,
} from '../../src/checks/rules';
import { ComplianceStatus, FindingLevel } from '../../src/checks/types';

const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = ComplianceStatus;

function statuses(findings: RuleFinding[]): string[] {
  return findings.map((f) => f.status);
}

function violations(findings: RuleFinding[]): RuleFinding[] {
  return findings.filter((f) => f.status === NON_COMPLIANT);
}

const kong = (o = {}) => ({ kubernetes_deployment_v1: { edge: kongDeployment(o) } });
const noKong = tf({ kubernetes_deployment_v1: { web: otherDeployment() } });

describe('KBP1 status_listen', () => {
  const check = (o = {}) => KBP1_STATUS_LISTEN.check(tf(kong(o)));

  test('compliant: routable address', () => {
    const [f] = check();
    expect(f).toMatchObject({ ruleId: 'KBP1', status: COMPLIANT, resource: 'kubernetes_deployment_v1.edge', constructPath: 'stack/edge' });
  });

  test.each([
    ['not set', null, /does not set KONG_STATUS_LISTEN/],
    ['off', 'off', /disabled/],
    ['127.0.0.1 (the 3.6 default)', '127.0.0.1:8007 reuseport backlog=16384', /loopback only/],
    ['localhost', 'localhost:8100', /loopback only/],
    ['[::1]', '[::1]:8100', /loopback only/],
    ['all entries loopback', '127.0.0.1:8100, [::1]:8100', /loopback only/],
  ])('non-compliant: %s', (_name, statusListen, message) => {
    const [f] = check({ statusListen });
    expect(f).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.ERROR });
    expect(f.message).toMatch(message);
    expect(f.fix).toContain('KONG_STATUS_LISTEN');
  });

  test('IPv6 any-address and TLS flags are fine', () => {
    expect(statuses(check({ statusListen: '0.0.0.0:8100, [::]:8100 ssl http2' }))).toEqual([COMPLIANT]);
  });

  test('missing value on Kong 3.4 names the off default; env_from makes it a warning', () => {
    expect(check({ statusListen: null, image: 'kong/kong-gateway:3.4.3.11' })[0].message).toContain('leaves the Status API off');
    expect(check({ statusListen: null, envFrom: true })[0]).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
  });

  test('Kong found by image through a registry prefix, or by labels', () => {
    expect(statuses(check({ statusListen: null, image: 'registry.example.com:5000/mirror/kong/kong-gateway:3.9.1.0@sha256:abc' }))).toEqual([NON_COMPLIANT]);
    const byLabels = kongDeployment({ statusListen: null, image: 'internal/gw:1' });
    expect(statuses(KBP1_STATUS_LISTEN.check(tf({ kubernetes_daemonset_v1: { edge: byLabels } })))).toEqual([NON_COMPLIANT]);
  });

  test('kubernetes_manifest Deployment (camelCase) is read too', () => {
    const manifest = {
      manifest: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'edge' },
        spec: { template: { metadata: { labels: { app: 'kong' } }, spec: { containers: [{ name: 'proxy', image: 'kong:3.9', env: [{ name: 'KONG_STATUS_LISTEN', value: 'off' }] }] } } },
      },
    };
    const [f] = KBP1_STATUS_LISTEN.check(tf({ kubernetes_manifest: { edge: manifest } }));
    expect(f).toMatchObject({ status: NON_COMPLIANT, resource: 'kubernetes_manifest.edge' });
  });

  test('not applicable without Kong', () => {
    expect(statuses(KBP1_STATUS_LISTEN.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBP2 dashboards', () => {
  const dash = { datadog_dashboard: { kong: { title: 'Kong edge', widget: [{ timeseries_definition: { request: [{ q: 'avg:kong.x{kong_gateway:edge}' }] } }] } } };

  test('compliant: a dashboard tagged with the gateway', () => {
    expect(statuses(KBP2_DASHBOARDS.check(tf({ ...kong(), ...dash })))).toEqual([COMPLIANT]);
  });

  test('grafana dashboard JSON carries the label inside a string', () => {
    const g = { grafana_dashboard: { kong: { config_json: JSON.stringify({ title: 'x', templating: { list: [{ query: 'label_values(up{kong_gateway="edge"}, pod)' }] } }) } } };
    const two = { kubernetes_deployment_v1: { edge: kongDeployment(), core: kongDeployment({ name: 'core' }) } };
    const findings = KBP2_DASHBOARDS.check(tf({ ...two, ...g }));
    expect(findings.find((f) => f.resource === 'kubernetes_deployment_v1.edge')?.status).toBe(COMPLIANT);
    expect(findings.find((f) => f.resource === 'kubernetes_deployment_v1.core')?.status).toBe(NON_COMPLIANT);
  });

  test('a single gateway accepts any Kong dashboard', () => {
    const untagged = { grafana_dashboard: { k: { config_json: '{"title":"Kong overview"}' } } };
    expect(statuses(KBP2_DASHBOARDS.check(tf({ ...kong(), ...untagged })))).toEqual([COMPLIANT]);
  });

  test('non-compliant warning: no dashboard, or one about another gateway', () => {
    const [f] = KBP2_DASHBOARDS.check(tf(kong()));
    expect(f).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
    const other = { datadog_dashboard_json: { d: { dashboard: '{"title":"payments","widgets":[]}' } } };
    expect(statuses(KBP2_DASHBOARDS.check(tf({ ...kong(), ...other })))).toEqual([NON_COMPLIANT]);
  });

  test('not applicable without Kong', () => {
    expect(statuses(KBP2_DASHBOARDS.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBP3 load balancer readiness', () => {
  const lb = (o: Parameters<typeof service>[1] = {}) => KBP3_LOAD_BALANCER_READINESS.check(tf({ ...kong(), kubernetes_service_v1: { proxy: service('LoadBalancer', o) } }));
  const AWS = 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path';

  const AWS_PORT = 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port';
  const AWS_PROTOCOL = 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol';
  const awsReady = { [AWS]: '/status/ready', [AWS_PORT]: '8100', [AWS_PROTOCOL]: 'HTTP' };

  test('compliant: AWS and Azure annotations on /status/ready', () => {
    expect(statuses(lb({ annotations: awsReady }))).toEqual([COMPLIANT]);
    expect(statuses(lb({ annotations: { 'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': '/status/ready' } }))).toEqual([COMPLIANT]);
  });

  // kubernetes-lb-facts #4: a BackendConfig configures GKE Ingress backends; the pass-through
  // L4 load balancer of a LoadBalancer Service ignores it, even one on /status/ready.
  test('a GKE BackendConfig on a LoadBalancer Service is ignored: a warning, whatever its path', () => {
    const backendConfig = (requestPath: string) => ({
      manifest: { apiVersion: 'cloud.google.com/v1', kind: 'BackendConfig', metadata: { name: 'kong-hc', namespace: 'kong' }, spec: { healthCheck: { requestPath, port: 8100 } } },
    });
    const run = (requestPath: string, externalTrafficPolicy?: string) => KBP3_LOAD_BALANCER_READINESS.check(tf({
      ...kong(),
      kubernetes_service_v1: { proxy: service('LoadBalancer', { annotations: { 'cloud.google.com/backend-config': '{"default":"kong-hc"}' }, externalTrafficPolicy }) },
      kubernetes_manifest: { hc: backendConfig(requestPath) },
    }));
    const [cluster] = run('/status/ready');
    expect(cluster).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
    expect(cluster.message).toContain("references BackendConfig 'kong-hc', which a LoadBalancer Service's L4 load balancer ignores (BackendConfig configures GKE Ingress backends), so nothing checks /status/ready");
    expect(cluster.fix).toContain('Set externalTrafficPolicy: Local');
    const [local] = run('/status/ready', 'Local');
    expect(local).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING, fix: 'Remove the annotation.' });
    expect(local.message).toContain('its node check already follows readiness through externalTrafficPolicy Local');
  });

  // kubernetes-lb-facts #2: with externalTrafficPolicy Local, a load balancer that targets nodes
  // checks kube-proxy's healthCheckNodePort, healthy only on nodes with a ready local endpoint.
  test('externalTrafficPolicy Local with node targets follows readiness: compliant with no annotation', () => {
    const [local] = lb({ externalTrafficPolicy: 'Local' });
    expect(local.status).toBe(COMPLIANT);
    expect(local.message).toContain("checks nodes through externalTrafficPolicy Local (kube-proxy's health check node port answers only on nodes with a ready Kong pod)");
    // Cluster: the node check passes while any pod anywhere is ready.
    expect(lb({ externalTrafficPolicy: 'Cluster' })[0]).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
  });

  // kubernetes-lb-facts #3: NLB IP targets are pods, checked directly: Local changes nothing.
  test('NLB IP targets with Local still need the check on /status/ready', () => {
    const ipTargets = { 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip' };
    expect(lb({ annotations: ipTargets, externalTrafficPolicy: 'Local' })[0]).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
    expect(statuses(lb({ annotations: { ...ipTargets, ...awsReady }, externalTrafficPolicy: 'Local' }))).toEqual([COMPLIANT]);
  });

  // cloud-provider-azure getExpectedLBRules: with Local the pod-presence probe on the health
  // check node port takes precedence over any annotated protocol or path.
  test('Azure with Local: annotated probe settings are not the check, so a TCP annotation is no violation', () => {
    const tcp = { 'service.beta.kubernetes.io/port_80_health-probe_protocol': 'tcp' };
    expect(statuses(lb({ annotations: tcp, externalTrafficPolicy: 'Local' }))).toEqual([COMPLIANT]);
    expect(violations(lb({ annotations: tcp }))[0].message).toContain('the Azure (port 80) health check uses TCP');
  });

  // kubernetes-lb-facts #5: port_{port}_health-probe_* names a Service port.
  test('Azure probe annotations for a port the Service does not have configure nothing: a warning', () => {
    const [f] = lb({ annotations: { 'service.beta.kubernetes.io/port_8100_health-probe_request-path': '/status/ready' }, externalTrafficPolicy: 'Local' });
    expect(f).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
    expect(f.message).toContain('annotates Azure health probe settings for port 8100, which is not a port of this Service (80); they configure nothing');
  });

  // AWS ELB API (CreateTargetGroup): NLB target groups check TCP on the traffic port unless
  // HealthCheckProtocol and HealthCheckPort say otherwise; TCP ignores the path.
  test('non-compliant: an AWS check that is TCP (the default) or on the traffic port (the default) sees no readiness', () => {
    const tcp = violations(lb({ annotations: { [AWS]: '/status/ready', [AWS_PORT]: '8100' } }));
    expect(tcp.map((f) => f.message)).toEqual([expect.stringContaining('the AWS health check uses TCP, which ignores any path')]);
    const trafficPort = violations(lb({ annotations: { [AWS]: '/status/ready', [AWS_PROTOCOL]: 'HTTP' } }));
    expect(trafficPort.map((f) => f.message)).toEqual([expect.stringContaining('runs on the traffic (proxy) port, where Kong\'s proxy answers /status/ready with 404')]);
    expect(violations(lb({ annotations: { ...awsReady, [AWS_PORT]: '8000' } }))[0].message).toContain('runs on port 8000, not the Kong status port (8100)');
  });

  test('non-compliant: health check on the wrong path is an error; none at all a warning', () => {
    const [wrong] = lb({ annotations: { ...awsReady, [AWS]: '/status' } });
    expect(wrong).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.ERROR, resource: 'kubernetes_service_v1.proxy', constructPath: 'stack/proxy-service' });
    const [none] = lb();
    expect(none).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
  });

  test('non-compliant: the status port on a LoadBalancer or NodePort Service is an error', () => {
    const ports = [{ name: 'proxy', port: 80, target_port: 'proxy' }, { name: 'status', port: 8100, target_port: 'status' }];
    const f = violations(lb({ annotations: awsReady, ports }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ level: FindingLevel.ERROR });
    expect(f[0].message).toContain('exposes the status port');
    const nodePort = KBP3_LOAD_BALANCER_READINESS.check(tf({ ...kong(), kubernetes_service_v1: { np: service('NodePort', { ports: [{ port: 8100 }] }) } }));
    expect(violations(nodePort)[0].message).toContain('exposes the status port');
  });

  test('not applicable: ClusterIP only, a LoadBalancer for other pods, or no Kong', () => {
    expect(statuses(KBP3_LOAD_BALANCER_READINESS.check(tf({ ...kong(), kubernetes_service_v1: { s: service('ClusterIP', { ports: [{ port: 8100 }] }) } })))).toEqual([NOT_APPLICABLE]);
    expect(statuses(KBP3_LOAD_BALANCER_READINESS.check(tf({ ...kong(), kubernetes_service_v1: { s: service('LoadBalancer', { selector: { app: 'web' } }) } })))).toEqual([NOT_APPLICABLE]);
    expect(statuses(KBP3_LOAD_BALANCER_READINESS.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBP4 probes', () => {
  const check = (o = {}) => KBP4_PROBES.check(tf(kong(o)));

  test('compliant: readiness /status/ready, liveness /status on the status port (by name or number)', () => {
    expect(statuses(check())).toEqual([COMPLIANT]);
    expect(statuses(check({ probePort: 8100 }))).toEqual([COMPLIANT]);
  });

  test('non-compliant: liveness on /status/ready restarts every node on a DB blip', () => {
    const [f] = check({ livenessPath: '/status/ready' });
    expect(f).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.ERROR });
    expect(f.message).toContain('restarts the whole cluster');
  });

  test('non-compliant: readiness on /status, missing probes, wrong port', () => {
    expect(check({ readinessPath: '/status' })[0].message).toContain('answers 200 without configuration');
    expect(violations(check({ readinessPath: null, livenessPath: null }))).toHaveLength(2);
    expect(check({ probePort: 8000 }).map((f) => f.message).join()).toContain('not the status port (8100)');
  });

  test('Kong before 3.3 has no /status/ready', () => {
    expect(statuses(check({ image: 'kong:3.2.2', readinessPath: '/status' }))).toEqual([COMPLIANT]);
    expect(check({ image: 'kong:3.2.2' })[0].message).toContain('added in 3.3');
  });

  test('not applicable without Kong', () => {
    expect(statuses(KBP4_PROBES.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBP5 alerting', () => {
  test('compliant: Datadog monitor, Grafana rule group or PrometheusRule on a health signal', () => {
    const monitor = datadogMonitor('"http.can_connect".over("kong_gateway:edge").by("instance").last(3).count_by_status()');
    expect(statuses(KBP5_ALERTING.check(tf({ ...kong(), datadog_monitor: { ready: monitor } })))).toEqual([COMPLIANT]);
    const rules = grafanaRuleGroup([{ expr: 'kube_pod_container_status_ready{namespace="kong",container="proxy"} < 1' }]);
    expect(statuses(KBP5_ALERTING.check(tf({ ...kong(), grafana_rule_group: { kong: rules } })))).toEqual([COMPLIANT]);
    const prom = prometheusRule([{ alert: 'KongDown', expr: 'up{kong_gateway="edge"} == 0' }]);
    expect(statuses(KBP5_ALERTING.check(tf({ ...kong(), kubernetes_manifest: { rules: prom } })))).toEqual([COMPLIANT]);
  });

  test('non-compliant warning: no alerts, or alerts that watch no health check', () => {
    expect(KBP5_ALERTING.check(tf(kong()))[0]).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
    const latency = datadogMonitor('avg(last_5m):p99:kong.latency{kong_gateway:edge} > 500');
    expect(KBP5_ALERTING.check(tf({ ...kong(), datadog_monitor: { lat: latency } }))[0].message).toContain('none watches a health check');
  });

  test('not applicable without Kong', () => {
    expect(statuses(KBP5_ALERTING.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBP6 never kong health', () => {
  test.each([
    ['kong health', ['kong', 'health']],
    ['kong-health script', ['/usr/local/bin/kong-health']],
    ['through a shell', ['sh', '-c', 'kong health --prefix /kong_prefix && echo ok']],
  ])('non-compliant: readiness running %s', (_name, readinessExec) => {
    const [f] = KBP6_NO_KONG_HEALTH.check(tf(kong({ readinessExec })));
    expect(f).toMatchObject({ ruleId: 'KBP6', status: NON_COMPLIANT, level: FindingLevel.ERROR, constructPath: 'stack/edge' });
    expect(f.message).toContain('readiness probe');
  });

  test('liveness and startup probes count too, and any workload, not only Kong', () => {
    expect(violations(KBP6_NO_KONG_HEALTH.check(tf(kong({ livenessExec: ['kong', 'health'], startupExec: ['kong', 'health'] }))))).toHaveLength(2);
    const web = otherDeployment({ liveness_probe: { exec: { command: ['kong', 'health'] } } });
    expect(statuses(KBP6_NO_KONG_HEALTH.check(tf({ kubernetes_deployment_v1: { web } })))).toEqual([NON_COMPLIANT]);
  });

  test('compliant: HTTP probes, or exec probes that do not run kong health', () => {
    expect(statuses(KBP6_NO_KONG_HEALTH.check(tf(kong())))).toEqual([COMPLIANT]);
    expect(statuses(KBP6_NO_KONG_HEALTH.check(tf(kong({ livenessExec: ['sh', '-c', 'curl -f http://localhost:8100/status'] }))))).toEqual([COMPLIANT]);
    expect(statuses(KBP6_NO_KONG_HEALTH.check(tf(kong({ livenessExec: ['kong', 'healthy-check'] }))))).toEqual([COMPLIANT]);
  });

  test('not applicable without Kong or offending probes', () => {
    expect(statuses(KBP6_NO_KONG_HEALTH.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBP7 every node monitored', () => {
  const check = (extra: { [type: string]: { [name: string]: Body } }) => KBP7_EVERY_NODE_MONITORED.check(tf({ ...kong(), ...extra }));

  test('compliant: Datadog multi-alert by instance plus an expected-count monitor', () => {
    const findings = check({
      datadog_monitor: {
        ready: datadogMonitor('"http.can_connect".over("kong_gateway:edge").by("instance").last(3).count_by_status()'),
        count: datadogMonitor('max(last_10m):sum:kubernetes_state.deployment.replicas_ready{kube_deployment:edge} / 6 < 0.5'),
      },
    });
    expect(statuses(findings)).toEqual([COMPLIANT]);
  });

  test('compliant: PromQL kept per pod plus absent(); Grafana no_data_state Alerting counts', () => {
    expect(statuses(check({
      kubernetes_manifest: {
        r: prometheusRule([
          { alert: 'KongNodeNotReady', expr: 'kube_pod_container_status_ready{container="proxy",kong_gateway="edge"} < 1' },
          { alert: 'KongGone', expr: 'absent(up{kong_gateway="edge"})' },
        ]),
      },
    }))).toEqual([COMPLIANT]);
    expect(statuses(check({
      grafana_rule_group: {
        g: grafanaRuleGroup([
          { expr: 'max by (pod) (kong_datastore_reachable{kong_gateway="edge"})', noData: 'Alerting' },
        ]),
      },
    }))).toEqual([COMPLIANT]);
  });

  test('non-compliant: aggregates hide a node; no count alert misses vanished nodes', () => {
    const aggregated = check({ grafana_rule_group: { g: grafanaRuleGroup([{ expr: 'sum(kube_pod_container_status_ready{kong_gateway="edge"}) / 6' }]) } });
    expect(violations(aggregated).map((f) => f.message).join()).toContain('every alert aggregates its nodes away');
    const perNodeOnly = check({ datadog_monitor: { m: datadogMonitor('avg(last_5m):avg:kong.nginx.connections.active{kong_gateway:edge} by {pod_name} > 1000') } });
    expect(violations(perNodeOnly)).toHaveLength(1);
    expect(violations(perNodeOnly)[0]).toMatchObject({ level: FindingLevel.WARNING });
    expect(violations(perNodeOnly)[0].message).toContain('no expected-node-count or no-data alert');
  });

  // Datadog monitor options: on_missing_data takes the place of notify_no_data on metric
  // monitors; only show_and_notify_no_data notifies when the data stops.
  test('a per-node metric monitor counts as a no-data alert only with on_missing_data show_and_notify_no_data', () => {
    const perNode = 'avg(last_5m):avg:kong.nginx.connections.active{kong_gateway:edge} by {pod_name} > 1000';
    const run = (extra: Body) => check({ datadog_monitor: { m: { ...datadogMonitor(perNode), ...extra } } });
    expect(statuses(run({ on_missing_data: 'show_and_notify_no_data' }))).toEqual([COMPLIANT]);
    for (const quiet of ['show_no_data', 'resolve', 'default']) {
      expect([quiet, violations(run({ on_missing_data: quiet })).map((f) => f.message)]).toEqual([quiet, [expect.stringContaining('no expected-node-count or no-data alert')]]);
    }
    // on_missing_data set to anything but default overrides notify_no_data.
    expect(violations(run({ on_missing_data: 'resolve', notify_no_data: true }))).toHaveLength(1);
    expect(statuses(run({ on_missing_data: 'default', notify_no_data: true }))).toEqual([COMPLIANT]);
  });

  test('non-compliant: no alerts at all', () => {
    expect(violations(check({}))).toHaveLength(2);
  });

  test('not applicable without Kong', () => {
    expect(statuses(KBP7_EVERY_NODE_MONITORED.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBPS1 literal secrets', () => {
  const cp = (body: Body) => KBPS1_LITERAL_SECRETS.check(tf({ grafana_contact_point: { oncall: { name: 'oncall', ...body } } }, {
    variable: { slack_url: { type: 'string', sensitive: true }, pd_key: { type: 'string' } },
  }));

  test('compliant: secrets from sensitive variables', () => {
    expect(statuses(cp({ slack: [{ url: '${var.slack_url}' }] }))).toEqual([COMPLIANT]);
  });

  test.each([
    ['slack url', { slack: [{ url: 'https://hooks.slack.com/services/T000/B000/XXXX' }] }],
    ['slack token', { slack: [{ token: 'xoxb-123', recipient: '#kong' }] }],
    ['pagerduty key', { pagerduty: [{ integration_key: 'abcdef0123456789' }] }],
    ['webhook basic-auth password', { webhook: [{ url: 'https://hooks.example.com/kong', basic_auth_user: 'kong', basic_auth_password: 'hunter22' }] }],
    ['webhook URL with credentials', { webhook: [{ url: 'https://kong:hunter22@hooks.example.com/kong' }] }],
  ])('non-compliant error: literal %s', (_name, body) => {
    const [f] = cp(body);
    expect(f).toMatchObject({ ruleId: 'KBPS1', status: NON_COMPLIANT, level: FindingLevel.ERROR, resource: 'grafana_contact_point.oncall' });
  });

  test('a plain webhook URL is not a secret; a non-sensitive variable is a warning', () => {
    expect(statuses(cp({ webhook: [{ url: 'https://hooks.example.com/kong' }] }))).toEqual([COMPLIANT]);
    expect(cp({ pagerduty: [{ integration_key: '${var.pd_key}' }] })[0]).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
  });

  test('provider API keys', () => {
    const f = KBPS1_LITERAL_SECRETS.check({ provider: { datadog: [{ api_key: '0123456789abcdef', app_key: '${var.dd_app_key}' }] } });
    expect(f.map((x) => `${x.status} ${x.message}`)).toEqual([expect.stringMatching(/^NON_COMPLIANT provider datadog.api_key is a literal/)]);
  });

  test('not applicable without contact points or provider credentials', () => {
    expect(statuses(KBPS1_LITERAL_SECRETS.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBPX1 suppression reason (in the JSON)', () => {
  const withSuppression = (reason: string, id = 'KBP6') => {
    const body = kongDeployment();
    (body['//'] as Body).kong_best_practices = { suppressions: [{ id, reason }] };
    return KBPX1_SUPPRESSION_REASON.check(tf({ kubernetes_deployment_v1: { edge: body } }));
  };

  test('compliant: a reason of 10+ characters', () => {
    expect(statuses(withSuppression('migrating to httpGet probes in Q3'))).toEqual([COMPLIANT]);
  });

  test('non-compliant: no reason, a short one, or an unknown rule', () => {
    expect(withSuppression('')[0].message).toContain('without a reason');
    expect(withSuppression('ok')[0].message).toContain('shorter than 10');
    expect(withSuppression('typo in the rule id here', 'KBP66')[0].message).toContain("'KBP66', which is not a rule");
  });

  test('not applicable without suppressions', () => {
    expect(statuses(KBPX1_SUPPRESSION_REASON.check(noKong))).toEqual([NOT_APPLICABLE]);
  });
});

describe('KBP4 and KBP6 split the work on exec liveness probes', () => {
  test('a liveness command is a KBP4 warning; `kong health` there is KBP6\'s error', () => {
    const curl = KBP4_PROBES.check(tf(kong({ livenessExec: ['sh', '-c', 'curl -f http://localhost:8100/status'] })));
    expect(curl[0]).toMatchObject({ status: NON_COMPLIANT, level: FindingLevel.WARNING });
    const health = KBP4_PROBES.check(tf(kong({ livenessExec: ['kong', 'health'] })));
    expect(health[0].message).toContain('(see KBP6)');
    expect(health[0].level).toBe(FindingLevel.WARNING);
  });
});
