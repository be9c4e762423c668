// Datadog tags, Kubernetes labels and annotations, Prometheus label names and Service ports the
// APIs reject or silently change, and tags that would override the library's own.
import { Testing, TerraformStack } from 'cdktf';
import {
  DatadogMonitors,
  DatadogSlo,
  DatadogSloSource,
  GrafanaAlertingPolicy,
  GrafanaNotifier,
  KongClusterPlugins,
  KongDeployment,
  KongGateway,
  KongMonitoring,
  LoadBalancerCloud,
  LoadBalancerReadiness,
  PrometheusRules,
} from '../../src';

const stack = () => new TerraformStack(Testing.app(), 'stack');
const notify = { fallback: ['@slack-kong'] };

describe('Datadog tags', () => {
  // docs.datadoghq.com/getting_started/tagging/#define-tags: tags start with a letter, hold
  // letters, digits, '_', '-', ':', '.', '/' (others become '_'), are lowercased, and are at most 200 characters.
  test.each<[string, { [key: string]: string }, string]>([
    ['over 200 characters', { cost_center: 'x'.repeat(200) },
      `KongGateway 'edge': tags['cost_center'] makes the Datadog tag 'cost_center:${'x'.repeat(45)}...' of 212 characters, and Datadog keeps at most 200. Fix: shorten the value to at most 188 characters.`],
    ['a key that is not a tag key', { 'cost center': 'api' },
      "KongGateway 'edge': tags key 'cost center' is not a Datadog tag key. Fix: start with a lower-case letter and use lower-case letters, digits, '_', '-', '.' and '/' only (Datadog would turn it into 'cost_center')."],
    ['a value Datadog would change', { service: 'Kong API' },
      "KongGateway 'edge': tags['service'] value 'Kong API' is not kept as written: Datadog lowercases tags and turns other characters than letters, digits, '_', '-', ':', '.' and '/' into '_'. Fix: write it as Datadog would store it, 'kong_api'."],
    ['a key the library sets: kong_gateway', { kong_gateway: 'other' },
      "KongGateway 'edge': tags['kong_gateway'] would override the library's own tag kong_gateway:edge, which monitors, dashboards and queries select the gateway by. Fix: remove it; the library sets kong_gateway, kong_environment, kong_cluster and managed-by itself."],
    ['kong_environment', { kong_environment: 'prod' }, "tags['kong_environment'] would override the library's own tag kong_environment:production"],
    ['kong_cluster', { kong_cluster: 'eu' }, "tags['kong_cluster'] would override the library's own tag"],
    ['managed-by', { 'managed-by': 'me' }, "tags['managed-by'] would override the library's own tag managed-by:cdktf-kong-monitoring"],
    ['an empty value', { cost_center: '' }, "KongGateway 'edge': tags['cost_center'] is empty, and Datadog would keep the tag 'cost_center:'. Fix: give it a value, or leave the tag out."],
    ['an empty key', { '': 'x' }, "KongGateway 'edge': tags has an empty key. Fix: give every entry of tags a name."],
  ])('%s', (_what, tags, message) => {
    expect(() => KongGateway.dbLess({ name: 'edge', tags })).toThrow(message);
  });

  test('the monitors\' own tags follow the same rules', () => {
    const gateway = KongGateway.dbLess({ name: 'edge' });
    expect(() => new DatadogMonitors(stack(), 'monitors', { gateway, notify, tags: { severity: 'high' } })).toThrow(
      "DatadogMonitors 'monitors': tags['severity'] would override the library's own tag severity:<the signal's severity>");
    expect(() => new DatadogSlo(stack(), 'slo', { gateway, source: DatadogSloSource.ERROR_RATIO, tags: { kong_slo: 'mine' } })).toThrow(
      "DatadogSlo 'slo': tags['kong_slo'] would override the library's own tag kong_slo:error-ratio");
    expect(() => new KongMonitoring(stack(), 'kong', { gateway, datadog: { notify, tags: { kong_gateway: 'x' } } })).toThrow(
      "KongMonitoring 'kong' (stack/kong): datadog.tags['kong_gateway'] would override the library's own tag kong_gateway:edge");
  });

  test('the Datadog plugin\'s extra tags may not override the gateway\'s identity tags its metrics are selected by', () => {
    expect(() => new KongClusterPlugins(stack(), 'plugins', { gateway: KongGateway.dbLess({ name: 'edge' }), plugins: { datadog: { extraTags: ['kong_gateway:other'] } } })).toThrow(
      "KongClusterPlugins 'plugins': plugins.datadog.extraTags['kong_gateway'] would override the library's own tag kong_gateway:edge");
  });

  test('the gateway\'s team and a team tag cannot disagree', () => {
    expect(() => KongGateway.dbLess({ name: 'edge', team: 'platform', tags: { team: 'payments' } })).toThrow(
      "KongGateway 'edge': tags['team'] would override the library's own tag team:platform");
  });
});

describe('Kubernetes labels and annotations', () => {
  // kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
  test.each<[string, () => unknown, string]>([
    ['a pod label key with a space', () => KongGateway.dbLess({ name: 'edge', podLabels: { 'app name': 'kong' } }),
      "KongGateway 'edge': podLabels key 'app name' is not a Kubernetes label key. Fix: use an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (e.g. 'app.kubernetes.io/name')."],
    ['a pod label value over 63 characters', () => KongGateway.dbLess({ name: 'edge', podLabels: { app: 'k'.repeat(64) } }),
      `KongGateway 'edge': podLabels['app'] value '${'k'.repeat(57)}...' is not a Kubernetes label value. Fix: use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or an empty value).`],
    ['a PrometheusRule label value with a slash', () => new PrometheusRules(stack(), 'rules', { gateways: [KongGateway.dbLess({ name: 'edge' })], labels: { release: 'kube/prometheus' } }),
      "PrometheusRules 'rules': labels['release'] value 'kube/prometheus' is not a Kubernetes label value."],
    ['a monitor label key through the facade', () => new KongMonitoring(stack(), 'kong', { gateway: KongGateway.dbLess({ name: 'edge' }), prometheus: {}, kubernetes: { prometheusScrape: undefined, monitorLabels: { '-release': 'x' } } }),
      "KongMonitoring 'kong' (stack/kong): kubernetes.monitorLabels key '-release' is not a Kubernetes label key."],
    ['a Service annotation key', () => new LoadBalancerReadiness(stack(), 'lb', { gateway: KongGateway.dbLess({ name: 'edge' }), cloud: LoadBalancerCloud.OTHER, serviceAnnotations: { 'bad key!': 'x' } }),
      "LoadBalancerReadiness 'lb': serviceAnnotations key 'bad key!' is not a Kubernetes annotation key."],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('Prometheus label names', () => {
  // prometheus.io/docs/concepts/data_model/#metric-names-and-labels: [a-zA-Z_][a-zA-Z0-9_]*, `__` reserved.
  test('groupBy mixes \'...\' (every label) with label names', () => {
    // prometheus.io/docs/alerting/latest/configuration/#route: '...' disables aggregation and stands alone.
    expect(() => new GrafanaAlertingPolicy(stack(), 'alerting', {
      contactPoints: [{ name: 'oncall', notifiers: [GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }],
      defaultContactPoint: 'oncall',
      groupBy: ['...', 'kong_gateway'],
    })).toThrow("GrafanaAlertingPolicy 'alerting': groupBy has '...' beside label names, and '...' (group by every label) stands alone. Fix: give ['...'] alone, or label names only.");
  });

  test('a Grafana policy groupBy label that is no label name', () => {
    expect(() => new GrafanaAlertingPolicy(stack(), 'alerting', {
      contactPoints: [{ name: 'oncall', notifiers: [GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }],
      defaultContactPoint: 'oncall',
      groupBy: ['kong-gateway'],
    })).toThrow(
      "GrafanaAlertingPolicy 'alerting': groupBy has 'kong-gateway', which is not a Prometheus label name. Fix: use letters, digits and '_', not starting with a digit (e.g. 'kong_gateway'), or ['...'] to group by every label.");
  });
});

describe('environment variable names', () => {
  // kubernetes.io EnvVar name: letters, digits, '_', '-' and '.', not starting with a digit.
  const deploy = (props: object) => () => new KongDeployment(stack(), 'kong', { gateway: KongGateway.dbLess({ name: 'edge' }), ...props });
  test('in env', () => {
    expect(deploy({ env: { 'KONG LOG_LEVEL': 'debug' } })).toThrow(
      "KongDeployment 'kong': env 'KONG LOG_LEVEL' is not an environment variable name. Fix: use letters, digits, '_', '-' and '.', not starting with a digit (Kong reads KONG_<SETTING>).");
  });
  test('in secretEnv', () => {
    expect(deploy({ secretEnv: [{ name: '1PASSWORD', secretName: 'kong', key: 'password' }] })).toThrow(
      "KongDeployment 'kong': secretEnv '1PASSWORD' is not an environment variable name.");
  });
});

describe('Service ports', () => {
  // kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/: port names and port numbers are unique in a Service.
  const gateway = KongGateway.dbLess({ name: 'edge' });
  test('a port name twice', () => {
    expect(() => new LoadBalancerReadiness(stack(), 'lb', { gateway, cloud: LoadBalancerCloud.OTHER, servicePorts: [{ name: 'proxy', port: 80, targetPort: 8000 }, { name: 'proxy', port: 8080, targetPort: 8000 }] })).toThrow(
      "LoadBalancerReadiness 'lb': servicePorts[1] name 'proxy' is used twice. Fix: give each Service port its own name.");
  });
  test('a port number twice', () => {
    expect(() => new LoadBalancerReadiness(stack(), 'lb', { gateway, cloud: LoadBalancerCloud.OTHER, servicePorts: [{ name: 'http', port: 80, targetPort: 8000 }, { name: 'alt', port: 80, targetPort: 8443 }] })).toThrow(
      "LoadBalancerReadiness 'lb': servicePorts[1] port 80 is used twice. Fix: give each Service port its own number.");
  });
  test('a port name Kubernetes rejects', () => {
    expect(() => new LoadBalancerReadiness(stack(), 'lb', { gateway, cloud: LoadBalancerCloud.OTHER, servicePorts: [{ name: 'Proxy_HTTP', port: 80, targetPort: 8000 }] })).toThrow(
      "LoadBalancerReadiness 'lb': servicePorts[0] name 'Proxy_HTTP' is not a DNS-1123 label. Fix: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.");
  });
});
