// Numbers outside what the target accepts or what makes sense: counts above Kubernetes' int32,
// durations that are not whole seconds, negative, absurd (`1.44e+23m`), or above a field's
// documented maximum.
import { Testing, TerraformStack } from 'cdktf';
import {
  GatewaySignals,
  Duration,
  GrafanaAlertingPolicy,
  GrafanaDashboard,
  GrafanaNotifier,
  KongDeployment,
  KongGateway,
  KongProbe,
  KubernetesProbes,
  LoadBalancerCloud,
  LoadBalancerHealthCheck,
  LoadBalancerReadiness,
  SignalId,
} from '../../src';

const stack = () => new TerraformStack(Testing.app(), 'stack');
const INT32_OVER = 2 ** 31;

describe('counts Kubernetes keeps in an int32', () => {
  // kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/: replicas (int32);
  // .../pod-v1/#Probe: successThreshold, failureThreshold (int32).
  test.each<[string, () => unknown, string]>([
    ['expectedNodes', () => KongGateway.dbLess({ name: 'edge', expectedNodes: INT32_OVER }),
      "KongGateway 'edge': expectedNodes 2147483648 is above 2147483647, the most Kubernetes accepts (int32). Fix: set expectedNodes to at most 2147483647."],
    ['expectedDataPlanes', () => KongGateway.hybridControlPlane({ name: 'cp', expectedDataPlanes: INT32_OVER }),
      "KongGateway 'cp': expectedDataPlanes 2147483648 is above 2147483647, the most Kubernetes accepts (int32). Fix: set expectedDataPlanes to at most 2147483647."],
    ['replicas', () => new KongDeployment(stack(), 'kong', { gateway: KongGateway.dbLess({ name: 'edge' }), replicas: INT32_OVER }),
      "KongDeployment 'kong': replicas 2147483648 is above 2147483647, the most Kubernetes accepts (int32). Fix: set replicas to at most 2147483647."],
    ['probe failureThreshold', () => new KubernetesProbes(stack(), 'probes', { gateway: KongGateway.dbLess({ name: 'edge' }), readiness: KongProbe.statusReady({ failureThreshold: INT32_OVER }) }),
      "KubernetesProbes 'probes': readiness probe failureThreshold 2147483648 is above 2147483647, the most Kubernetes accepts (int32). Fix: set readiness probe failureThreshold to at most 2147483647."],
    ['probe successThreshold', () => new KubernetesProbes(stack(), 'probes', { gateway: KongGateway.dbLess({ name: 'edge' }), readiness: KongProbe.statusReady({ successThreshold: INT32_OVER }) }),
      "KubernetesProbes 'probes': readiness probe successThreshold 2147483648 is above 2147483647"],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});

describe('Duration refuses what no field can use', () => {
  test.each<[string, () => Duration, string]>([
    ['fractional seconds', () => Duration.seconds(1.5), 'Duration.seconds: 1.5 seconds is not a whole number of seconds. Fix: give whole seconds (Kubernetes, Datadog and Grafana count in whole seconds).'],
    ['a fraction of a minute that is no whole second', () => Duration.minutes(0.01), 'Duration.minutes: 0.01 minutes is 0.6 seconds, not a whole number of seconds. Fix: give whole seconds (Kubernetes, Datadog and Grafana count in whole seconds).'],
    ['negative', () => Duration.minutes(-5), 'Duration.minutes: -5 minutes is negative. Fix: give a duration of 0 or more.'],
    ['absurd', () => Duration.days(1e20), 'Duration.days: 100000000000000000000 days is more than 365 days, longer than any setting of the library needs. Fix: give at most Duration.days(365).'],
    ['absurd, parsed', () => Duration.parse('100000000d'), "Duration.parse: '100000000d' is more than 365 days, longer than any setting of the library needs. Fix: give at most '365d'."],
    ['not a number', () => Duration.hours(Number.NaN), 'Duration.hours: amount is NaN, not a finite number. Fix: give amount as a finite number.'],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
  });

  test('the largest duration still renders as plain notation', () => {
    expect(Duration.days(365).toPrometheus()).toBe('365d');
    expect(Duration.days(365).toMinutesCeil()).toBe(525600);
  });
});

describe('per-field maxima (each in the field\'s JSDoc)', () => {
  const gateway = KongGateway.dbLess({ name: 'edge' });
  const policy = (props: object) => () => new GrafanaAlertingPolicy(stack(), 'alerting', {
    contactPoints: [{ name: 'oncall', notifiers: [GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }],
    defaultContactPoint: 'oncall',
    ...props,
  });
  test.each<[string, () => unknown, string]>([
    ['startupWindow', () => KongGateway.dbLess({ name: 'edge', startupWindow: Duration.hours(2) }),
      "KongGateway 'edge': startupWindow 2h is longer than 1h. Fix: give a startup window of at most 1h (Kong loads its configuration in seconds to minutes)."],
    ['scrapeInterval', () => KongGateway.dbLess({ name: 'edge', scrapeInterval: Duration.hours(2) }),
      "KongGateway 'edge': scrapeInterval 2h is longer than 1h. Fix: give a scrape interval of at most 1h (30s is common)."],
    ['a signal window beyond Datadog\'s last_10080m', () => GatewaySignals.of(KongGateway.dbLess({ name: 'edge', signalOverrides: [{ signal: SignalId.ERROR_RATIO_5XX, window: Duration.days(8) }] })),
      "KongGateway 'edge': signal 'error-ratio-5xx' window 8d is longer than 7d, the longest window a Datadog monitor evaluates (last_10080m). Fix: give a window of at most Duration.days(7)."],
    ['a probe period', () => KongProbe.statusReady({ period: Duration.hours(2) }),
      'KongProbe.statusReady: period 2h is longer than 1h. Fix: give a period of at most 1h (the Kong Helm chart uses 10s).'],
    ['a probe initial delay', () => KongProbe.statusLive({ initialDelay: Duration.hours(2) }),
      'KongProbe.statusLive: initialDelay 2h is longer than 1h. Fix: give an initialDelay of at most 1h; a slow start belongs to the startup probe.'],
    ['a startup window', () => KongProbe.startup({ window: Duration.hours(2) }),
      'KongProbe.startup: window 2h is longer than 1h. Fix: give a window of at most 1h.'],
    ['groupWait', policy({ groupWait: Duration.hours(2) }),
      "GrafanaAlertingPolicy 'alerting': groupWait 2h is longer than 1h. Fix: give groupWait of at most 1h (default 30s)."],
    ['repeatInterval', policy({ repeatInterval: Duration.days(31) }),
      "GrafanaAlertingPolicy 'alerting': repeatInterval 31d is longer than 30d. Fix: give repeatInterval of at most 30d (default 4h)."],
    ['dashboard refresh', () => new GrafanaDashboard(stack(), 'dash', { gateway, datasourceUid: 'prom', refresh: Duration.days(2) }),
      "GrafanaDashboard 'dash': refresh 2d is longer than 1d. Fix: give a refresh of at most 1d (default 1m)."],
    ['a load balancer check interval', () => LoadBalancerHealthCheck.kongReady(gateway, { interval: Duration.minutes(10) }),
      'LoadBalancerHealthCheck: interval 10m is longer than 5m, the longest AWS and Google Cloud load balancers accept. Fix: give an interval of at most 5m.'],
    ['a load balancer threshold', () => LoadBalancerHealthCheck.kongReady(gateway, { unhealthyThreshold: 11 }),
      'LoadBalancerHealthCheck: unhealthyThreshold 11 is above 10. Fix: set unhealthyThreshold to at most 10.'],
    ['AWS minimum threshold', () => new LoadBalancerReadiness(stack(), 'lb', { gateway, cloud: LoadBalancerCloud.AWS, healthCheck: LoadBalancerHealthCheck.kongReady(gateway, { healthyThreshold: 1 }) }),
      "LoadBalancerReadiness 'lb': healthCheck.healthyThreshold 1 is below 2, the fewest an AWS load balancer accepts. Fix: set healthyThreshold between 2 and 10."],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
  });
});
