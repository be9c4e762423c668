// KongMonitoring applies all seven of Kong's recommendations (seed page: status_listen,
// dashboards, load balancer on the readiness probe, Kubernetes probes, alerting on the health
// checks, never `kong health` as a check, every node monitored) as constructs in its own tree,
// at stable paths: each is found by its class below the facade.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { Duration } from '../../src/core/duration';
import { KongMonitoring, KongMonitoringProps } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway';
import { GrafanaProvider } from '../../src/grafana/provider/provider';
import { KubernetesProbes } from '../../src/kubernetes/kubernetes-probes';
import { LoadBalancerCloud, LoadBalancerReadiness } from '../../src/kubernetes/load-balancer-readiness';
import { KongProbe } from '../../src/kubernetes/probe';
import { StatusListener } from '../../src/kubernetes/status-listener';
import { AllNodesMonitored } from '../../src/practices/all-nodes-monitored';
import { HealthAlerting } from '../../src/practices/health-alerting';
import { HealthDashboards } from '../../src/practices/health-dashboards';
import { NoKongHealthCheckCli } from '../../src/practices/no-kong-health-check-cli';

const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] };
const gateway = () => KongGateway.dbLess({ name: 'edge', expectedNodes: 3 });
const props = (extra: Partial<KongMonitoringProps> = {}): KongMonitoringProps => ({
  gateway: gateway(),
  datadog: { notify },
  grafana: { prometheusDatasourceUid: 'prom' },
  kubernetes: { deploy: true, loadBalancerCloud: LoadBalancerCloud.AWS, monitorLabels: {} },
  ...extra,
});

function build(p: KongMonitoringProps) {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new KubernetesProvider(stack, 'kubernetes', {});
  new DatadogProvider(stack, 'datadog', {});
  new GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com' });
  const monitoring = new KongMonitoring(stack, 'kong', p);
  return { stack, monitoring };
}

/** Path below the facade of the one construct of `type`, or undefined. */
function pathOf(root: IConstruct, type: abstract new (...args: any[]) => IConstruct): string | undefined {
  const found = root.node.findAll().filter((c) => c instanceof type);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.node.path.slice(root.node.path.length + 1);
}

test('a deployed gateway gets all seven practices, each at its stable path', () => {
  const { monitoring } = build(props());
  expect([
    pathOf(monitoring, StatusListener),
    pathOf(monitoring, HealthDashboards),
    pathOf(monitoring, LoadBalancerReadiness),
    pathOf(monitoring, KubernetesProbes),
    pathOf(monitoring, HealthAlerting),
    pathOf(monitoring, NoKongHealthCheckCli),
    pathOf(monitoring, AllNodesMonitored),
  ]).toEqual(['kong/status', 'dashboards', 'kong/proxy', 'probes', 'alerting', 'no-kong-health-check-cli', 'all-nodes']);
});

test('the probes the facade checks are the ones on the deployment, from kubernetes.*Probe', () => {
  const { stack, monitoring } = build(props({
    kubernetes: { deploy: true, monitorLabels: {}, readinessProbe: KongProbe.statusReady({ period: Duration.seconds(4), timeout: Duration.seconds(2), failureThreshold: 2 }) },
  }));
  expect(monitoring.probes.readiness).toBe(monitoring.workloadSettings.readinessProbe);
  const json = JSON.parse(Testing.synth(stack));
  const container = Object.values<any>(json.resource.kubernetes_deployment_v1)[0].spec.template.spec.container[0];
  expect(container.readiness_probe).toMatchObject({ period_seconds: 4, timeout_seconds: 2, failure_threshold: 2, http_get: { path: '/status/ready' } });
});

test("a readiness probe on /status is refused under the user's path", () => {
  expect(() => build(props({ kubernetes: { deploy: true, readinessProbe: KongProbe.fromHttpGet('/status') } }))).toThrow(
    /^KongMonitoring 'kong' \(stack\/kong\): kubernetes\.readinessProbe/,
  );
});

describe('recommendation 6 on the gateway stack', () => {
  // Another workload of the same stack probes with `kong health`, which only checks that the
  // Kong process exists (kong/cmd/health.lua): synth fails on it (rule KBP6).
  const withKongHealth = (stack: TerraformStack) => new DeploymentV1(stack, 'legacy-kong', {
    metadata: { name: 'legacy', namespace: 'kong' },
    spec: {
      selector: { matchLabels: { app: 'legacy' } },
      template: {
        metadata: { labels: { app: 'legacy' } },
        spec: { container: [{ name: 'proxy', image: 'kong:3.9', readinessProbe: { exec: { command: ['kong', 'health'] } } }] },
      },
    },
  });

  test('synth fails with KBP6 on the workload that runs it', () => {
    const { stack } = build(props());
    withKongHealth(stack);
    expect(() => Testing.fullSynth(stack)).toThrow(/\[KBP6\]/);
  });

  test('switched off with practices.noKongHealthCheckCli: false', () => {
    const { stack, monitoring } = build(props({ practices: { noKongHealthCheckCli: false } }));
    withKongHealth(stack);
    expect(monitoring.kongHealthCheckRule).toBeUndefined();
    expect(() => Testing.fullSynth(stack)).not.toThrow();
  });

  test('many gateways in one stack add the rule once (one aspect on the stack)', () => {
    const app = new App();
    const stack = new TerraformStack(app, 'stack');
    for (const name of ['a', 'b', 'c']) new KongMonitoring(stack, name, { gateway: KongGateway.dbLess({ name }), grafana: { prometheusDatasourceUid: 'prom' } });
    expect(Aspects.of(stack).all).toHaveLength(1);
  });
});
