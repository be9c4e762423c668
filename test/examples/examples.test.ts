// Every example app synthesizes through its buildApp, offline and without credentials, into
// the resources it promises, passes the KongBestPractices aspect, and passes the audit CLI on
// its synthesized JSON. Examples found in examples/ but not listed below (new ones) still get
// the generic checks.
import * as fs from 'fs';
import * as path from 'path';
import { ExampleStack, resources, synthExample } from './helpers';
import { audit, requireFreshLib } from '../support/compiled';
import { exampleNames, providerSources, resourceCounts } from '../support/synth';

const DATADOG = 'DataDog/datadog';
const GRAFANA = 'grafana/grafana';
const KUBERNETES = 'hashicorp/kubernetes';

interface StackExpectation {
  readonly providers: { [name: string]: string };
  readonly resources: { [type: string]: number };
  /** Sensitive variables the stack declares (secrets enter only this way). */
  readonly variables: string[];
}

const EXPECTED: { [example: string]: { [stack: string]: StackExpectation } } = {
  'full': {
    'kong-production': {
      providers: { datadog: DATADOG, grafana: GRAFANA, kubernetes: KUBERNETES },
      resources: {
        datadog_dashboard_json: 1,
        datadog_metric_tag_configuration: 3,
        datadog_monitor: 10, // 9 from the catalog, 1 for the custom 429 ratio
        datadog_service_level_objective: 1,
        datadog_synthetics_test: 1,
        grafana_contact_point: 2,
        grafana_dashboard: 1,
        grafana_folder: 1,
        grafana_message_template: 1,
        grafana_mute_timing: 1,
        grafana_notification_policy: 1,
        grafana_rule_group: 2,
        kubernetes_config_map_v1: 1,
        kubernetes_deployment_v1: 1,
        kubernetes_manifest: 3,
        kubernetes_network_policy_v1: 1,
        kubernetes_service_v1: 2,
      },
      variables: ['grafana_auth', 'pagerduty_integration_key', 'slack_webhook_url'],
    },
  },
  'datadog-only': {
    'kong-datadog-only': {
      providers: { datadog: DATADOG, kubernetes: KUBERNETES },
      resources: {
        datadog_dashboard_json: 2,
        datadog_metric_tag_configuration: 6,
        datadog_monitor: 14,
        datadog_service_level_objective: 1,
        datadog_synthetics_test: 1,
        kubernetes_config_map_v1: 2,
        kubernetes_deployment_v1: 2,
        kubernetes_network_policy_v1: 2,
        kubernetes_service_v1: 4,
      },
      variables: ['datadog_api_key', 'datadog_app_key'],
    },
  },
  'grafana-prometheus': {
    'kong-grafana-prometheus': {
      providers: { grafana: GRAFANA, kubernetes: KUBERNETES },
      resources: {
        grafana_contact_point: 4,
        grafana_dashboard: 1,
        grafana_folder: 1,
        grafana_message_template: 1,
        grafana_mute_timing: 1,
        grafana_notification_policy: 1,
        grafana_rule_group: 2,
        kubernetes_config_map_v1: 1,
        kubernetes_deployment_v1: 1,
        kubernetes_ingress_v1: 1,
        kubernetes_manifest: 4,
        kubernetes_network_policy_v1: 1,
        kubernetes_service_v1: 2,
      },
      variables: ['grafana_auth', 'incident_webhook_token', 'incident_webhook_url', 'pagerduty_integration_key', 'slack_webhook_url'],
    },
  },
  'hybrid': {
    'kong-hybrid': {
      providers: { datadog: DATADOG, grafana: GRAFANA, kubernetes: KUBERNETES },
      resources: {
        datadog_dashboard_json: 2,
        datadog_metric_tag_configuration: 3,
        datadog_monitor: 17,
        grafana_contact_point: 2,
        grafana_dashboard: 2,
        grafana_folder: 2,
        grafana_message_template: 1,
        grafana_notification_policy: 1,
        grafana_rule_group: 4,
        kubernetes_config_map_v1: 1,
        kubernetes_deployment_v1: 2,
        kubernetes_manifest: 2,
        kubernetes_network_policy_v1: 2,
        kubernetes_service_v1: 4,
      },
      variables: ['grafana_auth', 'pagerduty_integration_key', 'slack_webhook_url'],
    },
  },
  'retrofit': {
    'kong-retrofit': {
      providers: { datadog: DATADOG, kubernetes: KUBERNETES },
      resources: {
        datadog_dashboard_json: 1,
        datadog_metric_tag_configuration: 3,
        datadog_monitor: 9,
        kubernetes_config_map_v1: 1,
        kubernetes_deployment_v1: 1,
        kubernetes_manifest: 3,
        kubernetes_network_policy_v1: 1,
        kubernetes_service_v1: 2,
      },
      variables: [],
    },
  },
  'helm': {
    'kong-helm': {
      providers: { datadog: DATADOG, grafana: GRAFANA, kubernetes: KUBERNETES },
      resources: {
        datadog_dashboard_json: 1,
        datadog_metric_tag_configuration: 3,
        datadog_monitor: 9,
        grafana_dashboard: 1,
        grafana_folder: 1,
        grafana_rule_group: 2,
        kubernetes_manifest: 2,
      },
      variables: ['grafana_auth'],
    },
  },
};

const NAMES = exampleNames();
const synthesized = new Map<string, ExampleStack[]>();
function stacksOf(name: string): ExampleStack[] {
  if (!synthesized.has(name)) synthesized.set(name, synthExample(name).stacks);
  return synthesized.get(name)!;
}
function onlyStack(name: string): ExampleStack {
  const stacks = stacksOf(name);
  expect(stacks).toHaveLength(1);
  return stacks[0];
}
const envOf = (container: any) => Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e.value ?? e.value_from]));

test('the examples listed here exist (a renamed example is not silently skipped)', () => {
  expect(NAMES).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
});

describe.each(NAMES)('examples/%s', (name) => {
  test('synthesizes through buildApp; every stack passes the KongBestPractices aspect with zero errors', () => {
    const stacks = stacksOf(name);
    expect(stacks.length).toBeGreaterThan(0);
    for (const s of stacks) {
      expect([s.name, s.scorecard?.summary?.errors]).toEqual([s.name, 0]);
      expect(Object.keys(s.json.resource ?? {}).length).toBeGreaterThan(0);
    }
  });

  test('secrets only as sensitive variables; providers from their registry namespaces', () => {
    for (const s of stacksOf(name)) {
      for (const [v, body] of Object.entries(s.json.variable ?? {})) expect([v, (body as any).sensitive]).toEqual([v, true]);
      const sources = providerSources(s.json);
      for (const [provider, source] of Object.entries({ datadog: DATADOG, grafana: GRAFANA, kubernetes: KUBERNETES })) {
        if (sources[provider] !== undefined) expect(sources[provider]).toBe(source);
      }
    }
  });

  const expected = EXPECTED[name];
  if (expected) {
    test('stacks, required providers, resource counts per type and variables', () => {
      const stacks = stacksOf(name);
      expect(stacks.map((s) => s.name).sort()).toEqual(Object.keys(expected).sort());
      for (const s of stacks) {
        const e = expected[s.name];
        expect(providerSources(s.json)).toEqual(e.providers);
        expect(resourceCounts(s.json)).toEqual(e.resources);
        expect(Object.keys(s.json.variable ?? {}).sort()).toEqual(e.variables);
        expect(s.scorecard.summary).toMatchObject({ errors: 0, warnings: 0, suppressed: 0 });
      }
    });
  }

  test('kong-monitoring-audit exits 0 on each synthesized cdk.tf.json', () => {
    requireFreshLib('checks');
    for (const s of stacksOf(name)) {
      const r = audit(s.file);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/: 0 error\(s\)/);
    }
  });
});

describe('what each example shows', () => {
  test('datadog-only: the Agent integration path and the Kong Datadog plugin path, no Prometheus wiring', () => {
    const { json } = onlyStack('datadog-only');
    const queries = resources(json, 'datadog_monitor').map((m) => `${m.name} ${m.query}`);
    expect(queries.some((q) => q.startsWith('[Kong edge production] Kong 5xx') && q.includes('kong.http.requests.count'))).toBe(true);
    expect(queries.some((q) => q.startsWith('[Kong partners production] Kong request latency p99') && q.includes('p99:kong.latency'))).toBe(true);
    const partners = resources(json, 'kubernetes_deployment_v1').find((d) => d.metadata.name === 'partners');
    expect(envOf(partners.spec.template.spec.container[0]).KONG_DATADOG_AGENT_HOST).toEqual({ field_ref: { field_path: 'status.hostIP' } });
    const configs = resources(json, 'kubernetes_config_map_v1').map((c) => JSON.parse(c.data['kong.yml']).plugins.map((p: any) => p.name));
    expect(configs).toEqual([['prometheus'], ['prometheus', 'datadog']]);
    expect(json.provider.datadog[0].api_key).toBe('${var.datadog_api_key}');
    expect(Object.keys(json.resource).filter((t) => t.startsWith('grafana_') || t === 'kubernetes_manifest')).toEqual([]);
  });

  test('grafana-prometheus: Slack, PagerDuty, email and webhook contact points from sensitive variables, a muted gateway route', () => {
    const { json } = onlyStack('grafana-prometheus');
    const integrations = resources(json, 'grafana_contact_point')
      .map((c) => `${c.name}: ${['slack', 'pagerduty', 'email', 'webhook'].filter((k) => c[k]).join()}`).sort();
    expect(integrations).toEqual(['kong-email: email', 'kong-incidents: webhook', 'kong-pager: pagerduty', 'kong-slack: slack']);
    const byName = Object.fromEntries(resources(json, 'grafana_contact_point').map((c) => [c.name, c]));
    expect(byName['kong-pager'].pagerduty[0].integration_key).toBe('${var.pagerduty_integration_key}');
    expect(byName['kong-slack'].slack[0].url).toBe('${var.slack_webhook_url}');
    expect(byName['kong-incidents'].webhook[0]).toMatchObject({ url: '${var.incident_webhook_url}', authorization_credentials: '${var.incident_webhook_token}' });
    const [mute] = resources(json, 'grafana_mute_timing');
    expect(mute.name).toBe('kong-core-maintenance');
    const route = resources(json, 'grafana_notification_policy')[0].policy[0];
    expect(route.matcher).toContainEqual({ label: 'kong_gateway', match: '=', value: 'core' });
    expect(route.mute_timings).toEqual([expect.stringContaining('grafana_mute_timing.')]);
    const kinds = resources(json, 'kubernetes_manifest').map((m) => m.manifest.kind).sort();
    expect(kinds).toEqual(['BackendConfig', 'PodMonitor', 'PrometheusRule', 'PrometheusRule']);
    // A traditional Kong that starts: its database from typed settings, the password from a Secret.
    const container = resources(json, 'kubernetes_deployment_v1')[0].spec.template.spec.container[0];
    expect(envOf(container)).toMatchObject({
      KONG_DATABASE: 'postgres',
      KONG_PG_HOST: 'postgres.databases.svc.cluster.local',
      KONG_PG_PASSWORD: { secret_key_ref: { name: 'kong-postgres', key: 'password' } },
    });
    // Behind the GKE Ingress: a ClusterIP proxy Service with NEGs, which the Ingress routes to.
    const proxy = resources(json, 'kubernetes_service_v1').find((svc) => svc.metadata.name === 'core-proxy');
    expect(proxy.spec.type).toBe('ClusterIP');
    expect(resources(json, 'kubernetes_ingress_v1')[0].spec.default_backend.service.name).toMatch(/^\$\{kubernetes_service_v1\.kong-deployment_proxy_service_[0-9A-F]+\.metadata\[0\]\.name\}$/);
    expect(Object.keys(json.resource).filter((t) => t.startsWith('datadog_'))).toEqual([]);
  });

  test("hybrid: both sides deployed and monitored; the control plane's view of every data plane", () => {
    const { json } = onlyStack('hybrid');
    const roles = resources(json, 'kubernetes_deployment_v1').map((d) => `${d.metadata.name} ${envOf(d.spec.template.spec.container[0]).KONG_ROLE}`).sort();
    expect(roles).toEqual(['mesh-cp control_plane', 'mesh-dp data_plane']);
    const dp = resources(json, 'kubernetes_deployment_v1').find((d) => d.metadata.name === 'mesh-dp');
    expect(envOf(dp.spec.template.spec.container[0]).KONG_CLUSTER_CONTROL_PLANE).toMatch(/^\$\{kubernetes_service_v1\.control-plane_cluster_[0-9A-F]+\.metadata\[0\]\.name\}\.kong-cp\.svc:8005$/);
    // Both sides mount the shared cluster certificate; the control plane has its database.
    for (const d of resources(json, 'kubernetes_deployment_v1')) {
      expect(envOf(d.spec.template.spec.container[0])).toMatchObject({ KONG_CLUSTER_CERT: '/etc/secrets/kong-cluster-certificate/tls.crt' });
    }
    const cpDeployment = resources(json, 'kubernetes_deployment_v1').find((d) => d.metadata.name === 'mesh-cp');
    expect(envOf(cpDeployment.spec.template.spec.container[0]).KONG_PG_PASSWORD).toEqual({ secret_key_ref: { name: 'kong-postgres', key: 'password' } });
    // No load balancer in front of the control plane: it proxies nothing.
    const services = resources(json, 'kubernetes_service_v1').map((s) => `${s.metadata.name} ${s.spec.type ?? 'ClusterIP'}`).sort();
    expect(services).toEqual(['mesh-cp-cluster ClusterIP', 'mesh-cp-status ClusterIP', 'mesh-dp-proxy LoadBalancer', 'mesh-dp-status ClusterIP']);
    const rules = resources(json, 'grafana_rule_group').flatMap((g) => g.rule.map((r: any) => r.name));
    for (const cpView of ['Fewer Kong data planes seen by the control plane than expected (mesh-cp', 'Kong data planes run different configurations (mesh-cp', 'Kong data plane incompatible with the control plane (mesh-cp']) {
      expect(rules.some((r: string) => r.startsWith(cpView))).toBe(true);
    }
    // The control plane expects the data-plane gateway's six nodes.
    const seen = resources(json, 'grafana_rule_group').flatMap((g) => g.rule).find((r: any) => r.labels.signal === 'data-planes-seen-below-expected');
    expect(JSON.parse(seen.data[0].model).expr).toMatch(/ \/ 6$/);
    // Open-source Kong 3.9 has no kong_control_plane_connected: the data-plane side has no such rule.
    expect(rules.some((r: string) => r.startsWith('Kong data plane disconnected from its control plane (mesh-dp'))).toBe(false);
    // The one policy tree routes both gateways.
    const routed = resources(json, 'grafana_notification_policy')[0].policy
      .map((p: any) => p.matcher.find((m: any) => m.label === 'kong_gateway')?.value).sort();
    expect(routed).toEqual(['mesh-cp', 'mesh-dp']);
  });

  test("retrofit: the user's own Deployment made compliant in place, monitoring without deploy", () => {
    const { json, scorecard } = onlyStack('retrofit');
    const [deployment] = resources(json, 'kubernetes_deployment_v1');
    expect(deployment['//'].metadata.path).toBe('kong-retrofit/kong-legacy');
    const container = deployment.spec.template.spec.container[0];
    expect(container.name).toBe('kong');
    expect(container.readiness_probe.http_get).toMatchObject({ path: '/status/ready', port: 'status' });
    expect(container.liveness_probe.http_get).toMatchObject({ path: '/status', port: 'status' });
    expect(container.port.map((p: any) => `${p.name}:${p.container_port}`)).toEqual(['proxy:8000', 'proxy-tls:8443', 'status:8100']);
    const env = envOf(container);
    expect(env).toMatchObject({ KONG_DATABASE: 'off', KONG_DECLARATIVE_CONFIG: '/kong/kong.yml', KONG_STATUS_LISTEN: '0.0.0.0:8100, [::]:8100' });
    expect(deployment.spec.template.metadata.annotations).toMatchObject({ 'team.example.com/owner': 'web', 'ad.datadoghq.com/tolerate-unready': 'true' });
    const kbp = Object.fromEntries(scorecard.findings.filter((f: any) => /^KBP[1346]$/.test(f.ruleId)).map((f: any) => [f.ruleId, f.status]));
    expect(kbp).toEqual({ KBP1: 'COMPLIANT', KBP3: 'COMPLIANT', KBP4: 'COMPLIANT', KBP6: 'COMPLIANT' });
    expect(resources(json, 'kubernetes_manifest').map((m) => m.manifest.kind).sort()).toEqual(['PodMonitor', 'PrometheusRule', 'PrometheusRule']);
  });

  test('helm: chart values as an output, the Prometheus plugin as a KongClusterPlugin, a PodMonitor', () => {
    const { json } = onlyStack('helm');
    const values = JSON.parse(json.output.kong_helm_values.value);
    expect(values.readinessProbe.httpGet).toEqual({ path: '/status/ready', port: 'status', scheme: 'HTTP' });
    expect(values.livenessProbe.httpGet.path).toBe('/status');
    expect(values.status.http).toMatchObject({ enabled: true, containerPort: 8100 });
    expect(values.podAnnotations['ad.datadoghq.com/tolerate-unready']).toBe('true');
    const kinds = resources(json, 'kubernetes_manifest').map((m) => `${m.manifest.kind} ${m.manifest.metadata.name}`).sort();
    expect(kinds).toEqual(['KongClusterPlugin ingress-prometheus', 'PodMonitor kong-kong']);
  });
});

describe('kong-monitoring-audit on crafted bad stacks (exit 1, naming the rule)', () => {
  const craft = (label: string, mutate: (deployment: any, json: any) => void): string => {
    const { json, dir } = onlyStack('full');
    const copy = JSON.parse(JSON.stringify(json));
    const [deployment] = Object.values(copy.resource.kubernetes_deployment_v1) as any[];
    mutate(deployment, copy);
    const file = path.join(dir, `${label}.tf.json`);
    fs.writeFileSync(file, JSON.stringify(copy, null, 2));
    return file;
  };

  test('the full example with its readiness probe on /status fails KBP4', () => {
    const file = craft('readiness-on-status', (d) => { d.spec.template.spec.container[0].readiness_probe.http_get.path = '/status'; });
    const r = audit(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR KBP4 kubernetes_deployment_v1\.kong_deployment_[0-9A-F]{8} \[kong-production\/kong\/kong\/deployment\]/);
    expect(r.stdout).toMatch(/: 1 error\(s\)/);
  });

  test('the full example with a `kong health` liveness probe fails KBP6', () => {
    const file = craft('kong-health-probe', (d) => { d.spec.template.spec.container[0].liveness_probe = { exec: { command: ['kong', 'health'] } }; });
    const r = audit(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR KBP6 kubernetes_deployment_v1\.kong_deployment_[0-9A-F]{8} \[kong-production\/kong\/kong\/deployment\]/);
    expect(r.stdout).toMatch(/: 1 error\(s\)/);
  });

  test('the full example with a literal Slack webhook URL fails KBPS1', () => {
    const file = craft('literal-secret', (_d, json) => {
      const slack = (Object.values(json.resource.grafana_contact_point) as any[]).find((c) => c.slack);
      slack.slack[0].url = 'https://hooks.slack.com/services/T000/B000/XXXX';
    });
    const r = audit(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR KBPS1 grafana_contact_point\./);
    expect(r.stdout).toMatch(/: 1 error\(s\)/);
  });
});
