// The checker against this library's own output: the facade, given the design's small
// program, must pass every rule, and breaking its workload must be caught.
import * as fs from 'fs';
import * as path from 'path';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { ComplianceStatus, KongBestPractices } from '../../src/checks';
import { KongMonitoring } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway';
import { grafana } from '../../src/index';
import { GkeLoadBalancing, LoadBalancerCloud } from '../../src/kubernetes/load-balancer-readiness';

function facadeStack(loadBalancerCloud = LoadBalancerCloud.AWS, gkeLoadBalancing?: GkeLoadBalancing): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'kong-prod-eu');
  new KubernetesProvider(stack, 'kubernetes', {});
  new DatadogProvider(stack, 'datadog', {});
  new grafana.GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com' });
  new KongMonitoring(stack, 'kong', {
    gateway: KongGateway.dbLess({ name: 'edge', namespace: 'kong', expectedNodes: 3 }),
    kubernetes: { deploy: true, loadBalancerCloud, gkeLoadBalancing },
    datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] } },
    grafana: { prometheusDatasourceUid: 'prom', folderTitle: 'Kong' },
  });
  return stack;
}

test('KongMonitoring with a deployed gateway (AWS load balancer) complies with every rule', () => {
  const report = KongBestPractices.validate(facadeStack(LoadBalancerCloud.AWS));
  expect(report.toText()).toMatch(/kong-prod-eu: 0 error\(s\), 0 warning\(s\), 0 suppressed/);
  const verdicts = new Map<string, Set<string>>();
  for (const f of report.findings) verdicts.set(f.ruleId, new Set([...(verdicts.get(f.ruleId) ?? []), f.status]));
  for (const id of ['KBP1', 'KBP2', 'KBP3', 'KBP4', 'KBP5', 'KBP6', 'KBP7']) {
    expect([id, [...verdicts.get(id)!]]).toEqual([id, [ComplianceStatus.COMPLIANT]]);
  }
});

test.each([GkeLoadBalancing.INGRESS, GkeLoadBalancing.GATEWAY])('behind a GKE %s the proxy Service stays ClusterIP: no error, no warning', (gke) => {
  const report = KongBestPractices.validate(facadeStack(LoadBalancerCloud.GCP, gke));
  expect(report.toText()).toMatch(/kong-prod-eu: 0 error\(s\), 0 warning\(s\), 0 suppressed/);
});

// A node-targeting load balancer (GKE L4, Azure) follows readiness through externalTrafficPolicy
// Local (kubernetes-lb-facts #1, #2): no annotation can, or needs to, name /status/ready, and
// KBP3 accepts the Local Service as it is.
test.each<[LoadBalancerCloud, GkeLoadBalancing | undefined]>([[LoadBalancerCloud.AZURE, undefined], [LoadBalancerCloud.GCP, GkeLoadBalancing.L4_SERVICE]])(
  'a node-level load balancer (%s): no error, no warning; KBP3 compliant through Local', (cloud, gke) => {
    const report = KongBestPractices.validate(facadeStack(cloud, gke));
    expect(report.toText()).toMatch(/kong-prod-eu: 0 error\(s\), 0 warning\(s\), 0 suppressed/);
    expect(report.findings.filter((f) => f.ruleId === 'KBP3').map((f) => f.status)).toEqual([ComplianceStatus.COMPLIANT]);
  });

// Any other load balancer gets the Local Service too: a cloud load balancer that targets nodes
// checks kube-proxy's health check node port (kubernetes-lb-facts #2).
test('another load balancer (OTHER) behind the Local Service: KBP3 compliant, no warning', () => {
  const report = KongBestPractices.validate(facadeStack(LoadBalancerCloud.OTHER));
  expect(report.hasErrors).toBe(false);
  expect(report.warnings).toEqual([]);
});

test('the same stack with a `kong health` probe patched in fails KBP6 on the deployment', () => {
  const stack = facadeStack();
  const deployment = stack.node.findAll().find((c) => (c as { terraformResourceType?: string }).terraformResourceType === 'kubernetes_deployment_v1');
  (deployment as unknown as { addOverride(p: string, v: unknown): void })
    .addOverride('spec.template.spec.container.0.liveness_probe', { exec: { command: ['kong', 'health'] } });
  const report = KongBestPractices.validate(stack);
  expect(report.errors.map((f) => `${f.ruleId} ${f.constructPath}`)).toEqual([`KBP6 ${deployment!.node.path}`]);
});

test('as an aspect, the full synth of that stack passes and writes the scorecards', () => {
  const stack = facadeStack();
  Aspects.of(stack).add(new KongBestPractices());
  const dir = path.join(Testing.fullSynth(stack), 'stacks', 'kong-prod-eu');
  const card = JSON.parse(fs.readFileSync(path.join(dir, 'kong-best-practices.json'), 'utf8'));
  expect(card.summary).toMatchObject({ errors: 0, warnings: 0 });
  expect(fs.readFileSync(path.join(dir, 'kong-best-practices.md'), 'utf8')).toContain('| KBP6 | COMPLIANT |');
});
