// Errors name what the user wrote: the facade's construct and path and the user's prop path,
// not the ids of constructs the facade made inside (`DatadogMonitors 'datadog'`).
import { Testing, TerraformStack } from 'cdktf';
import { Duration, GrafanaNotifier, KongFleet, KongGateway, KongMonitoring } from '../../src';

const stack = () => new TerraformStack(Testing.app(), 'stack');
const gateway = () => KongGateway.dbLess({ name: 'edge', expectedNodes: 3 });

describe('errors from inside the facade speak of the user\'s props', () => {
  test.each<[string, () => unknown, string]>([
    ['a Datadog handle', () => new KongMonitoring(stack(), 'kong', { gateway: gateway(), datadog: { notify: { critical: ['pagerduty'] } } }),
      "KongMonitoring 'kong' (stack/kong): datadog.notify.critical has 'pagerduty', which is not a Datadog handle"],
    ['a missing Datadog target', () => new KongMonitoring(stack(), 'kong', { gateway: gateway(), datadog: { notify: { warning: ['@slack-kong'] } } }),
      "KongMonitoring 'kong' (stack/kong): datadog.notify gives no critical notification target, but signal 'node-ready' raises critical alerts. Fix: add at least one handle to datadog.notify.critical (or datadog.notify.fallback)"],
    ['a re-notification interval', () => new KongMonitoring(stack(), 'kong', { gateway: gateway(), datadog: { notify: { fallback: ['@slack-kong'] }, renotifyInterval: Duration.minutes(7) } }),
      "KongMonitoring 'kong' (stack/kong): datadog.renotifyInterval 7m is not an interval Datadog offers"],
    ['a synthetic test', () => new KongMonitoring(stack(), 'kong', { gateway: gateway(), datadog: { notify: { fallback: ['@slack-kong'] }, synthetics: { endpoint: { url: 'kong.example.com' } } } }),
      "KongMonitoring 'kong' (stack/kong): datadog.synthetics.endpoint.url 'kong.example.com' is not an http(s) URL"],
    ['the Grafana data source', () => new KongMonitoring(stack(), 'kong', { gateway: gateway(), grafana: { prometheusDatasourceUid: 'prom etheus' } }),
      "KongMonitoring 'kong' (stack/kong): grafana.prometheusDatasourceUid 'prom etheus' is not a Grafana UID"],
    ['a Grafana policy', () => new KongMonitoring(stack(), 'kong', { gateway: gateway(), grafana: { prometheusDatasourceUid: 'prom', policy: { contactPoints: [{ name: 'oncall', notifiers: [GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }], defaultContactPoint: 'on-call' } } }),
      "KongMonitoring 'kong' (stack/kong): grafana.policy.defaultContactPoint 'on-call' is not one of the contact points"],
    ['the PrometheusRule namespace', () => new KongMonitoring(stack(), 'kong', { gateway: gateway(), prometheus: { namespace: 'Monitoring' } }),
      "KongMonitoring 'kong' (stack/kong): prometheus.namespace 'Monitoring' is not a DNS-1123 label"],
    ['the deployed replicas', () => new KongMonitoring(stack(), 'kong', { gateway: gateway(), prometheus: {}, kubernetes: { deploy: true, replicas: 1 } }),
      "KongMonitoring 'kong' (stack/kong): kubernetes.replicas 1 is below the gateway's expectedNodes 3"],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
    expect(build).not.toThrow(/DatadogMonitors '|GrafanaAlertRules '|GrafanaAlertingPolicy '|PrometheusRules '|KongDeployment '|DatadogSynthetics '|HealthAlerting '/);
  });

  test('an error found at synth by a construct the facade built', () => {
    const s = stack();
    new KongMonitoring(s, 'kong', {
      gateway: gateway(),
      grafana: {
        prometheusDatasourceUid: 'prom',
        policy: {
          contactPoints: [{ name: 'oncall', notifiers: [GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }],
          defaultContactPoint: 'oncall',
          maintenanceWindows: [{ name: 'nightly', startTime: '01:00', endTime: '02:00' }],
        },
      },
    });
    expect(() => Testing.synth(s, true)).toThrow(
      "KongMonitoring 'kong' (stack/kong): maintenance window 'nightly' is attached to no route, so it mutes nothing. "
      + "Fix: list it in the maintenanceWindows of the gateways it is meant for (gateways: [{ gateway, maintenanceWindows: ['nightly'] }]), or remove it.");
  });

  test('a fleet member\'s error names the member and its path', () => {
    expect(() => new KongFleet(stack(), 'fleet', { gateways: [gateway()], defaults: { datadog: { notify: { critical: ['pagerduty'] } } } })).toThrow(
      "KongMonitoring 'edge' (stack/fleet/edge): datadog.notify.critical has 'pagerduty', which is not a Datadog handle");
  });
});
