// Values that type-check and lie in range, but mean something the user cannot want: thresholds
// that can never fire, an SLO target written as a fraction, a mute window that mutes always,
// a time zone that does not exist, blank titles.
import { Testing, TerraformStack } from 'cdktf';
import {
  GatewaySignals,
  SignalThreshold,
  DatadogSlo,
  DatadogSloSource,
  GrafanaAlertingPolicy,
  GrafanaNotifier,
  KongGateway,
  KongMonitoring,
  MaintenanceWindow,
  SignalId,
} from '../../src';

const stack = () => new TerraformStack(Testing.app(), 'stack');

describe('thresholds that can never fire', () => {
  // The catalog compares strictly (`<` below, `>` above), and a ratio lies in 0..1.
  test.each<[string, SignalId, 'critical' | 'warning', number, string]>([
    ['a "below" ratio at 0', SignalId.READY_NODES_BELOW_EXPECTED, 'critical', 0,
      "KongGateway 'edge': signal 'ready-nodes-below-expected' critical threshold 0 can never fire: it alerts when the ratio of ready to expected nodes falls below 0, and the ratio is never below 0. Fix: give a threshold above 0 (the catalog's is 0.5)."],
    ['an "above" ratio at 1', SignalId.ERROR_RATIO_5XX, 'critical', 1,
      "KongGateway 'edge': signal 'error-ratio-5xx' critical threshold 1 can never fire: it alerts when the ratio of requests rises above 1, and the ratio is never above 1. Fix: give a threshold below 1 (the catalog's is 0.05)."],
    ['a warning level too', SignalId.SHARED_DICT_MEMORY, 'warning', 1,
      "KongGateway 'edge': signal 'shared-dict-memory' warning threshold 1 can never fire: it alerts when the ratio of capacity rises above 1, and the ratio is never above 1."],
  ])('%s', (_what, signal, level, value, message) => {
    const override = level === 'critical' ? { signal, critical: SignalThreshold.ratio(value) } : { signal, warning: SignalThreshold.ratio(value), critical: SignalThreshold.ratio(1) };
    // Overrides are checked against the catalog when the gateway's signals are first read.
    expect(() => GatewaySignals.of(KongGateway.dbLess({ name: 'edge', signalOverrides: [override] }))).toThrow(message);
  });

  test('the catalog\'s own thresholds all can fire', () => {
    for (const factory of [KongGateway.traditional, KongGateway.dbLess, KongGateway.hybridControlPlane, KongGateway.hybridDataPlane]) {
      expect(() => GatewaySignals.of(factory({ name: 'edge', expectedDataPlanes: factory === KongGateway.hybridControlPlane ? 3 : undefined }))).not.toThrow();
    }
  });
});

describe('an SLO target given as a fraction', () => {
  const gateway = KongGateway.dbLess({ name: 'edge' });
  test('targetPercent 0.999 (meaning 99.9 %)', () => {
    expect(() => new DatadogSlo(stack(), 'slo', { gateway, source: DatadogSloSource.ERROR_RATIO, targetPercent: 0.999 })).toThrow(
      "DatadogSlo 'slo': targetPercent 0.999 is a fraction, but the target is in percent: this SLO would promise 0.999 %. Fix: give the target in percent, e.g. 99.9.");
  });
  test('warningPercent too', () => {
    expect(() => new DatadogSlo(stack(), 'slo', { gateway, source: DatadogSloSource.ERROR_RATIO, targetPercent: 99.5, warningPercent: 0.999 })).toThrow(
      "DatadogSlo 'slo': warningPercent 0.999 is a fraction, but the warning level is in percent. Fix: give it in percent, e.g. 99.9.");
  });
  test('through the facade, named by the user\'s prop path', () => {
    expect(() => new KongMonitoring(stack(), 'kong', { gateway, datadog: { notify: { fallback: ['@slack-kong'] }, slo: { targetPercent: 0.999 } } })).toThrow(
      "KongMonitoring 'kong' (stack/kong): datadog.slo.targetPercent 0.999 is a fraction");
  });
});

describe('maintenance windows', () => {
  const policy = (window: MaintenanceWindow) => () => new GrafanaAlertingPolicy(stack(), 'alerting', {
    contactPoints: [{ name: 'oncall', notifiers: [GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }],
    defaultContactPoint: 'oncall',
    maintenanceWindows: [window],
  });

  test('a window with no times or days mutes every notification, always', () => {
    expect(policy({ name: 'maintenance' })).toThrow(
      "GrafanaAlertingPolicy 'alerting': maintenance window 'maintenance' sets none of weekdays, startTime and endTime, daysOfMonth, months or years, so it would mute every notification at all times. "
      + "Fix: say when it applies, e.g. weekdays: [Weekday.SUNDAY], startTime: '02:00', endTime: '04:00'.");
  });

  test('an unknown time zone (checked against the IANA list)', () => {
    expect(policy({ name: 'night', startTime: '00:00', endTime: '06:00', location: 'Europe/Berln' })).toThrow(
      "GrafanaAlertingPolicy 'alerting': maintenance window 'night' location 'Europe/Berln' is not an IANA time zone. Fix: use a zone name such as 'Europe/Berlin' (did you mean 'Europe/Berlin'?), or 'UTC'.");
    expect(policy({ name: 'night', startTime: '00:00', endTime: '06:00', location: 'europe/berlin' })).toThrow(
      "location 'europe/berlin' is not an IANA time zone. Fix: use a zone name such as 'Europe/Berlin' (did you mean 'Europe/Berlin'?), or 'UTC'.");
  });

  test.each(['UTC', 'Local', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+2'])('%s is a time zone', (location) => {
    expect(policy({ name: 'night', startTime: '00:00', endTime: '06:00', location })).not.toThrow();
  });
});

describe('empty and blank strings', () => {
  test.each<[string, () => unknown, string]>([
    ['a blank folder title', () => new KongMonitoring(stack(), 'kong', { gateway: KongGateway.dbLess({ name: 'edge' }), grafana: { prometheusDatasourceUid: 'prom', folderTitle: ' ' } }),
      "KongMonitoring 'kong' (stack/kong): grafana.folderTitle is blank. Fix: give grafana.folderTitle a value, or leave it out."],
    ['an empty notify handle', () => new KongMonitoring(stack(), 'kong', { gateway: KongGateway.dbLess({ name: 'edge' }), datadog: { notify: { critical: [''] } } }),
      "KongMonitoring 'kong' (stack/kong): datadog.notify.critical[0] is empty. Fix: give datadog.notify.critical[0] a value."],
    ['an empty team', () => KongGateway.dbLess({ name: 'edge', team: '' }),
      "KongGateway 'edge': team is empty. Fix: give team a value, or leave it out."],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});
