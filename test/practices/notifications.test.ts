// Who is told about which severity, set once: rendered into each backend exactly as the
// backend's own settings would be written by hand.
import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import {
  GrafanaNotifier,
  KongFleet,
  KongGateway,
  KongMonitoring,
  KongMonitoringProps,
  KongNotifications,
  KongNotificationsProps,
} from '../../src';

type Json = { resource: Record<string, Record<string, any>> };

function synth(build: (stack: TerraformStack) => void): Json {
  const stack = new TerraformStack(Testing.app(), 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack)) as Json;
}

const gateway = () => KongGateway.dbLess({ name: 'edge', namespace: 'kong', expectedNodes: 3 });

/** Two destinations reached by both backends; the secrets are stack variables. */
function strategyProps(stack: TerraformStack): KongNotificationsProps {
  const pagerdutyKey = new TerraformVariable(stack, 'pagerduty_key', { type: 'string', sensitive: true });
  const slackUrl = new TerraformVariable(stack, 'slack_url', { type: 'string', sensitive: true });
  return {
    destinations: [
      { name: 'platform-oncall', datadogHandles: ['@pagerduty-kong'], grafanaNotifiers: [GrafanaNotifier.pagerDuty({ integrationKey: pagerdutyKey.stringValue })] },
      { name: 'platform-chat', datadogHandles: ['@slack-kong-alerts'], grafanaNotifiers: [GrafanaNotifier.slack({ url: slackUrl.stringValue })] },
    ],
    critical: ['platform-oncall'],
    warning: ['platform-chat'],
  };
}

const backends = (): Pick<KongMonitoringProps, 'datadog' | 'grafana' | 'prometheus'> => ({
  datadog: undefined,
  grafana: { prometheusDatasourceUid: 'prom' },
  prometheus: {},
});

describe('notifications set once', () => {
  test('render the same Datadog monitors and Grafana policy as each backend\'s settings written by hand', () => {
    const once = synth((stack) => new KongMonitoring(stack, 'kong', {
      gateway: gateway(),
      ...backends(),
      datadog: {},
      notifications: new KongNotifications(strategyProps(stack)),
    }));
    const byHand = synth((stack) => {
      const props = strategyProps(stack);
      new KongMonitoring(stack, 'kong', {
        gateway: gateway(),
        ...backends(),
        datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong-alerts'] } },
        grafana: {
          prometheusDatasourceUid: 'prom',
          policy: {
            contactPoints: [
              { name: 'platform-oncall', notifiers: props.destinations[0].grafanaNotifiers! },
              { name: 'platform-chat', notifiers: props.destinations[1].grafanaNotifiers! },
            ],
            defaultContactPoint: 'platform-oncall',
            criticalContactPoint: 'platform-oncall',
            warningContactPoint: 'platform-chat',
          },
        },
      });
    });
    expect(Object.keys(once.resource.datadog_monitor).length).toBeGreaterThan(5);
    expect(once.resource.grafana_notification_policy).toBeDefined();
    expect(once).toEqual(byHand);
  });

  test('Datadog pages the critical destination\'s handle and tells the warning one', () => {
    const json = synth((stack) => new KongMonitoring(stack, 'kong', { gateway: gateway(), datadog: {}, notifications: new KongNotifications(strategyProps(stack)) }));
    const ready = Object.values(json.resource.datadog_monitor).find((m: any) => m.name.includes('not ready')) as any;
    expect(ready.message).toContain('@pagerduty-kong');
    const latency = Object.values(json.resource.datadog_monitor).find((m: any) => m.name.includes('request latency')) as any;
    expect(latency.message).toContain('@slack-kong-alerts');
  });

  test('several destinations of one severity share one Grafana contact point with all their integrations', () => {
    const json = synth((stack) => {
      const props = strategyProps(stack);
      new KongMonitoring(stack, 'kong', { gateway: gateway(), grafana: { prometheusDatasourceUid: 'prom' }, notifications: new KongNotifications({ ...props, critical: ['platform-oncall', 'platform-chat'] }) });
    });
    const points = Object.values(json.resource.grafana_contact_point).map((c: any) => [c.name, Object.keys(c).filter((k) => ['pagerduty', 'slack'].includes(k)).sort()]);
    expect(points).toEqual([['kong-critical', ['pagerduty', 'slack']], ['platform-chat', ['slack']]]);
  });

  test('a fleet notifies through Datadog and leaves Grafana\'s one policy per organization alone', () => {
    const json = synth((stack) => new KongFleet(stack, 'fleet', {
      gateways: [gateway(), KongGateway.dbLess({ name: 'internal', namespace: 'kong', expectedNodes: 2 })],
      defaults: { datadog: {}, grafana: { prometheusDatasourceUid: 'prom' }, notifications: new KongNotifications(strategyProps(stack)) },
    }));
    const messages = Object.values(json.resource.datadog_monitor).map((m: any) => m.message as string);
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.every((m) => m.includes('@pagerduty-kong') || m.includes('@slack-kong-alerts'))).toBe(true);
    expect(json.resource.grafana_notification_policy).toBeUndefined();
  });
});

describe('notifications refuse what would tell no one', () => {
  const stack = () => new TerraformStack(Testing.app(), 'test');
  const oncall = { name: 'platform-oncall', datadogHandles: ['@pagerduty-kong'] };

  test.each([
    ['a severity naming an unknown destination', { destinations: [oncall], critical: ['platform-oncal'] },
      "KongNotifications: critical names 'platform-oncal', which is not one of the destinations (platform-oncall). Fix: add it to destinations, or fix the name."],
    ['no critical destination', { destinations: [oncall], critical: [] },
      'KongNotifications: critical names no destination, so critical alerts would page no one. Fix: name at least one destination in critical.'],
    ['a destination no backend reaches', { destinations: [{ name: 'nobody' }], critical: ['nobody'] },
      "KongNotifications: destination 'nobody' has neither datadogHandles nor grafanaNotifiers, so no backend could reach it. Fix: give it the handles or integrations that reach it."],
    ['a handle without @', { destinations: [{ name: 'oncall', datadogHandles: ['pagerduty-kong'] }], critical: ['oncall'] },
      "KongNotifications: destination 'oncall' datadogHandles entry 'pagerduty-kong' is not an @-handle. Fix: write it as Datadog does, e.g. '@pagerduty-kong'."],
    ['a destination twice', { destinations: [oncall, oncall], critical: ['platform-oncall'] },
      "KongNotifications: destinations list 'platform-oncall' twice. Fix: give each destination once, with every backend's form of it."],
  ])('%s', (_what, props, message) => {
    expect(() => new KongNotifications(props as KongNotificationsProps)).toThrow(message);
  });

  test('Grafana with destinations it cannot reach', () => {
    expect(() => new KongMonitoring(stack(), 'kong', {
      gateway: gateway(),
      grafana: { prometheusDatasourceUid: 'prom' },
      notifications: new KongNotifications({ destinations: [oncall], critical: ['platform-oncall'] }),
    })).toThrow("KongMonitoring 'kong' (test/kong): Grafana reaches none of the critical destinations (platform-oncall). Fix: give one of them grafanaNotifiers, or leave notifications out of the Grafana backend and set grafana.policy.");
  });

  test('both notifications and datadog.notify', () => {
    expect(() => new KongMonitoring(stack(), 'kong', {
      gateway: gateway(),
      datadog: { notify: { critical: ['@pagerduty-kong'] } },
      notifications: new KongNotifications({ destinations: [oncall], critical: ['platform-oncall'] }),
    })).toThrow("KongMonitoring 'kong' (test/kong): both notifications and datadog.notify are set. Fix: set who is told once: keep notifications and drop datadog.notify, or the reverse.");
  });

  test('Datadog without notify or notifications', () => {
    expect(() => new KongMonitoring(stack(), 'kong', { gateway: gateway(), datadog: {} }))
      .toThrow("KongMonitoring 'kong' (test/kong): datadog.notify is not set, so the Datadog monitors would notify no one. Fix: set datadog.notify, or give KongMonitoring notifications.");
  });
});
