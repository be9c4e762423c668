// The calls issue 15 found crashing with `TypeError: Cannot read properties of undefined`, as a
// jsii language or plain JavaScript makes them, now refused with the library's message.
import { Testing, TerraformStack } from 'cdktf';
import { GrafanaNotifier, KongFleet, KongGateway, KongMonitoring, KongMonitoringProps, KongWorkloadSettings, LoadBalancerHealthCheck } from '../../src';

const untyped = (value: unknown) => value as any;
const stack = () => new TerraformStack(Testing.app(), 'stack');

describe('missing and wrongly typed required props', () => {
  test.each<[string, () => unknown, string]>([
    ['KongGateway.dbLess(undefined)', () => KongGateway.dbLess(untyped(undefined)),
      'KongGateway.dbLess: options is missing. Fix: give options: a KongGatewayOptions object with name.'],
    ['KongGateway.dbLess({})', () => KongGateway.dbLess(untyped({})),
      'KongGateway.dbLess: name is missing. Fix: give name (gateway name (DNS-1123 label)): a string.'],
    ['KongGateway.dbLess({ name: 42 })', () => KongGateway.dbLess(untyped({ name: 42 })),
      'KongGateway.dbLess: name is the number 42, not a string. Fix: give name as a string.'],
    ["KongGateway.dbLess({ expectedNodes: '6' })", () => KongGateway.dbLess(untyped({ name: 'edge', expectedNodes: '6' })),
      "KongGateway 'edge': expectedNodes is '6', not a number. Fix: give expectedNodes as a number."],
    ['GrafanaNotifier.email({})', () => GrafanaNotifier.email(untyped({})),
      'GrafanaNotifier.email: addresses is missing. Fix: give addresses (recipient addresses): a list of strings ([...]).'],
    ["GrafanaNotifier.email({ addresses: 'a@example.com' })", () => GrafanaNotifier.email(untyped({ addresses: 'a@example.com' })),
      "GrafanaNotifier.email: addresses is 'a@example.com', not a list of strings ([...]). Fix: give addresses as a list of strings ([...])."],
    ['KongMonitoring({ gateway: undefined })', () => new KongMonitoring(stack(), 'kong', untyped({ gateway: undefined })),
      "KongMonitoring 'kong' (stack/kong): gateway is missing. Fix: give gateway (the gateway to monitor): a KongGateway, from KongGateway.dbLess(...), KongGateway.hybridControlPlane(...), KongGateway.hybridDataPlane(...), KongGateway.traditional(...)."],
    ['KongMonitoring({ gateway: { name: "edge" } })', () => new KongMonitoring(stack(), 'kong', untyped({ gateway: { name: 'edge' } })),
      "KongMonitoring 'kong' (stack/kong): gateway is an object, not a KongGateway. Fix: give gateway as a KongGateway, from KongGateway.dbLess(...), KongGateway.hybridControlPlane(...), KongGateway.hybridDataPlane(...), KongGateway.traditional(...)."],
    ['KongMonitoring(undefined)', () => new KongMonitoring(stack(), 'kong', untyped(undefined)),
      "KongMonitoring 'kong' (stack/kong): props is missing. Fix: give props: a KongMonitoringProps object with gateway."],
    ['KongFleet({ gateways: [null] })', () => new KongFleet(stack(), 'fleet', untyped({ gateways: [null] })),
      "KongFleet 'fleet' (stack/fleet): gateways[0] is null. Fix: give gateways[0] as a KongGateway, from KongGateway.dbLess(...), KongGateway.hybridControlPlane(...), KongGateway.hybridDataPlane(...), KongGateway.traditional(...), or remove it from the list."],
    ['KongFleet({ gateways: {} })', () => new KongFleet(stack(), 'fleet', untyped({ gateways: {} })),
      "KongFleet 'fleet' (stack/fleet): gateways is an object, not a list of KongGateway values ([...]). Fix: give gateways as a list of KongGateway values ([...])."],
    ["KongMonitoring datadog.notify.critical: '@pd'", () => new KongMonitoring(stack(), 'kong', untyped({ gateway: KongGateway.dbLess({ name: 'edge' }), datadog: { notify: { critical: '@pd' } } })),
      "KongMonitoring 'kong' (stack/kong): datadog.notify.critical is '@pd', not a list of strings ([...]). Fix: give datadog.notify.critical as a list of strings ([...])."],
    ['KongWorkloadSettings.applyTo({})', () => new KongWorkloadSettings({ gateway: KongGateway.dbLess({ name: 'edge' }) }).applyTo(untyped({})),
      "KongWorkloadSettings 'edge': deployment is an object, not a DeploymentV1. Fix: give deployment as a DeploymentV1, from new DeploymentV1(...) (@cdktf/provider-kubernetes)."],
    ["LoadBalancerHealthCheck.of('', 8100)", () => LoadBalancerHealthCheck.of('', 8100),
      "LoadBalancerHealthCheck.of: path '' does not start with '/'. Fix: write it as an absolute path, e.g. '/status/ready'."],
    ['KongMonitoring grafana: { folderTitle: "  " }', () => new KongMonitoring(stack(), 'kong', untyped({ gateway: KongGateway.dbLess({ name: 'edge' }), grafana: { prometheusDatasourceUid: 'prom', folderTitle: '  ' } })),
      "KongMonitoring 'kong' (stack/kong): grafana.folderTitle is blank. Fix: give grafana.folderTitle a value, or leave it out."],
  ])('%s', (_call, build, message) => {
    expect(build).toThrow(message);
    expect(build).not.toThrow(TypeError);
  });

  test('a valid call still works', () => {
    const props: KongMonitoringProps = { gateway: KongGateway.dbLess({ name: 'edge' }), datadog: { notify: { fallback: ['@slack-kong'] } } };
    expect(() => new KongMonitoring(stack(), 'kong', props)).not.toThrow();
  });
});
