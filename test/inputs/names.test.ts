// Names the library derives from the user's (Kubernetes objects, Grafana rule titles, construct
// ids) that Kubernetes or Grafana would reject or that would collide: refused at synth with the
// name, where it came from, and what to change. No derived name is ever cut to fit.
import { Testing, TerraformStack } from 'cdktf';
import {
  GrafanaAlertingPolicy,
  GrafanaAlertRules,
  GrafanaNotifier,
  KongDeployment,
  KongFleet,
  KongGateway,
  KongMonitoring,
  LoadBalancerCloud,
  LoadBalancerReadiness,
  StatusListener,
} from '../../src';

const stack = () => new TerraformStack(Testing.app(), 'stack');
const email = () => GrafanaNotifier.email({ addresses: ['oncall@example.com'] });

describe('Kubernetes names', () => {
  test('a gateway name starting with a digit makes Service names Kubernetes rejects (DNS-1035)', () => {
    // kubernetes.io/docs/concepts/overview/working-with-objects/names/#rfc-1035-label-names:
    // Service names must start with an alphabetic character.
    const gateway = KongGateway.dbLess({ name: '1edge' });
    expect(() => new StatusListener(stack(), 'status', { gateway })).toThrow(
      "StatusListener 'status': the status Service name '1edge-status' (from the gateway's workloadName '1edge') is not a DNS-1035 label: Kubernetes Service names start with a letter. "
      + 'Fix: give the gateway a workloadName (or name) that starts with a letter, or set serviceName.');
    expect(() => new LoadBalancerReadiness(stack(), 'lb', { gateway, cloud: LoadBalancerCloud.OTHER })).toThrow(
      "LoadBalancerReadiness 'lb': the proxy Service name '1edge-proxy' (from the gateway's workloadName '1edge') is not a DNS-1035 label");
    expect(() => new KongMonitoring(stack(), 'kong', { gateway, kubernetes: { deploy: true } })).toThrow(
      "KongMonitoring 'kong' (stack/kong): the status Service name '1edge-status' (from the gateway's workloadName '1edge') is not a DNS-1035 label");
  });

  test('a Service name over 63 characters names its source instead of a serviceName the user never set', () => {
    const long = `edge-${'x'.repeat(55)}`;
    expect(() => new StatusListener(stack(), 'status', { gateway: KongGateway.dbLess({ name: long }) })).toThrow(
      `StatusListener 'status': the status Service name '${long}-status' (from the gateway's workloadName '${long}') has 67 characters, and Kubernetes allows 63. `
      + 'Fix: give the gateway a workloadName (or name) of at most 56 characters, or set serviceName.');
  });

  test('a serviceName the user gives is named as such', () => {
    expect(() => new StatusListener(stack(), 'status', { gateway: KongGateway.dbLess({ name: 'edge' }), serviceName: '9-status' })).toThrow(
      "StatusListener 'status': serviceName '9-status' is not a DNS-1035 label: Kubernetes Service names start with a letter. Fix: give a serviceName that starts with a letter.");
  });

  test('two gateways deployed under one workload name and namespace collide in Kubernetes', () => {
    const s = stack();
    new KongDeployment(s, 'production', { gateway: KongGateway.dbLess({ name: 'edge' }) });
    expect(() => new KongDeployment(s, 'staging', { gateway: KongGateway.dbLess({ name: 'edge', environment: 'staging' }) })).toThrow(
      "KongDeployment 'staging': Deployment kong/edge is claimed twice in this app: by 'stack/production' and by 'stack/staging'. "
      + 'Fix: give each gateway deployed into one namespace its own workloadName (or name), or its own namespace.');
  });

  test('the same names in two stacks (two clusters) do not collide', () => {
    const app = Testing.app();
    new KongDeployment(new TerraformStack(app, 'eu'), 'kong', { gateway: KongGateway.dbLess({ name: 'edge', cluster: 'eu-1' }) });
    expect(() => new KongDeployment(new TerraformStack(app, 'us'), 'kong', { gateway: KongGateway.dbLess({ name: 'edge', cluster: 'us-1' }) })).not.toThrow();
  });

  test('two gateways of one name in one stack collide in their cluster-scoped KongClusterPlugins', () => {
    const s = stack();
    new KongMonitoring(s, 'production', { gateway: KongGateway.dbLess({ name: 'edge' }), prometheus: {}, kubernetes: { clusterPlugins: true } });
    expect(() => new KongMonitoring(s, 'staging', { gateway: KongGateway.dbLess({ name: 'edge', environment: 'staging', namespace: 'kong-staging' }), prometheus: {}, kubernetes: { clusterPlugins: true } }))
      .toThrow("KongMonitoring 'staging' (stack/staging): KongClusterPlugin edge-prometheus is claimed twice in this app: by 'stack/production/plugins' and by 'stack/staging/plugins'. "
        + 'Fix: KongClusterPlugins are cluster-wide: give the gateways different names, or deliver the plugins another way (declarative configuration).');
  });
});

describe('Grafana names', () => {
  test('a rule title over Grafana\'s 190 characters is refused, not cut', () => {
    // Grafana limits alert rule titles and rule group names to 190 characters (grafana-provider-notes, grafana_rule_group).
    const gateway = KongGateway.dbLess({ name: `edge-${'e'.repeat(58)}`, environment: `prod-${'p'.repeat(58)}`, cluster: `eu-${'c'.repeat(60)}` });
    expect(() => new GrafanaAlertRules(stack(), 'alerts', { gateway, datasourceUid: 'prom' })).toThrow(
      /^GrafanaAlertRules 'alerts': the rule group name 'Kong edge-e+ \(prod-p+, eu-c+\)' has 199 characters, and Grafana allows 190\. Fix: shorten the gateway's name, environment or cluster \(they are part of every rule title\)\.$/);
  });
});

describe('construct ids derived from user input', () => {
  test('contact points whose names differ only in case or punctuation', () => {
    expect(() => new GrafanaAlertingPolicy(stack(), 'alerting', {
      contactPoints: [{ name: 'Kong Email', notifiers: [email()] }, { name: 'kong-email', notifiers: [email()] }],
      defaultContactPoint: 'Kong Email',
    })).toThrow(
      "GrafanaAlertingPolicy 'alerting': contact points 'Kong Email' and 'kong-email' both become the resource id 'contact-point-kong-email'. "
      + 'Fix: give contact points names that differ in more than case, spaces or punctuation.');
  });

  test('maintenance windows whose names differ only in case', () => {
    expect(() => new GrafanaAlertingPolicy(stack(), 'alerting', {
      contactPoints: [{ name: 'oncall', notifiers: [email()] }],
      defaultContactPoint: 'oncall',
      maintenanceWindows: [{ name: 'night', startTime: '00:00', endTime: '06:00' }, { name: 'NIGHT', startTime: '01:00', endTime: '02:00' }],
    })).toThrow(
      "GrafanaAlertingPolicy 'alerting': maintenance windows 'night' and 'NIGHT' both become the resource id 'mute-night'. "
      + 'Fix: give maintenance windows names that differ in more than case, spaces or punctuation.');
  });

  test('a fleet gateway whose name is already a child of the fleet', () => {
    const fleet = new KongFleet(stack(), 'fleet', { defaults: { prometheus: {} } });
    new KongMonitoring(fleet, 'edge', { gateway: KongGateway.dbLess({ name: 'other' }), prometheus: {} });
    expect(() => fleet.addGateway(KongGateway.dbLess({ name: 'edge' }))).toThrow(
      "KongFleet 'fleet' (stack/fleet): gateway name 'edge' is already the id of another construct in the fleet (stack/fleet/edge). "
      + 'Fix: add every gateway of the fleet with addGateway (or gateways), and give other constructs another scope.');
  });
});

describe('construct ids', () => {
  test('an id already taken in its scope is the library\'s message, not the constructs library\'s', () => {
    const s = stack();
    new KongMonitoring(s, 'kong', { gateway: KongGateway.dbLess({ name: 'edge' }), prometheus: {} });
    expect(() => new KongMonitoring(s, 'kong', { gateway: KongGateway.dbLess({ name: 'internal' }), prometheus: {} })).toThrow(
      "KongMonitoring 'kong' (stack/kong): id 'kong' is already taken in stack by stack/kong. Fix: give each construct of a scope its own id.");
  });
});
