// The bench scenario, built the same way by the timed child process and by the tests that
// hold the facade and the hand-written baseline to the same resource types and counts.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { baselineGateway, baselinePercentiles } from './baseline';
import type { Library } from './library';

/** Who writes the resources: the library's facade, or the hand-written baseline. */
export type Variant = 'facade' | 'baseline';

/** One stack holding every gateway, or one stack per gateway. */
export type Layout = 'one-stack' | 'stack-per-gateway';

export interface Scenario {
  readonly variant: Variant;
  readonly gateways: number;
  readonly layout: Layout;
  /** Nodes each gateway runs (per-node coverage must not depend on it). */
  readonly expectedNodes: number;
}

export function gatewayName(i: number): string {
  return `gw-${i}`;
}

/** Providers every stack needs, written the same way in both variants. */
function providers(stack: TerraformStack, library: Library): void {
  new DatadogProvider(stack, 'datadog', {});
  new KubernetesProvider(stack, 'kubernetes', {});
  const auth = new TerraformVariable(stack, 'grafana_auth', { type: 'string', sensitive: true });
  new library.grafana.GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com', auth: auth.stringValue });
}

/**
 * The facade as examples/full uses it (Datadog with synthetics and SLO, Grafana, Prometheus
 * rules, a PodMonitor for the scrape), without deploying Kong: the same backends the baseline
 * writes by hand.
 */
function facadeGateway(stack: TerraformStack, i: number, expectedNodes: number, library: Library): void {
  const { KongGateway, KongMonitoring, PrometheusScrapeMethod } = library;
  const name = gatewayName(i);
  new KongMonitoring(stack, name, {
    gateway: KongGateway.dbLess({ name, environment: 'production', namespace: 'kong', expectedNodes, team: 'platform', runbookBaseUrl: 'https://runbooks.example.com/kong' }),
    datadog: {
      notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] },
      synthetics: { endpoint: { url: `https://${name}.example.com/` } },
      slo: { targetPercent: 99.9 },
    },
    grafana: { prometheusDatasourceUid: 'prometheus' },
    prometheus: { labels: { release: 'kps' } },
    kubernetes: { prometheusScrape: PrometheusScrapeMethod.POD_MONITOR },
  });
}

/** Adds the scenario's stacks to `app`, built with `library` (the baseline takes its Grafana bindings); returns them. */
export function buildScenario(app: App, scenario: Scenario, library: Library): TerraformStack[] {
  const stacks: TerraformStack[] = [];
  let stack: TerraformStack | undefined;
  for (let i = 0; i < scenario.gateways; i++) {
    if (!stack || scenario.layout === 'stack-per-gateway') {
      stack = new TerraformStack(app, scenario.layout === 'one-stack' ? 'kong' : `kong-${gatewayName(i)}`);
      providers(stack, library);
      stacks.push(stack);
      // Datadog keeps one percentile setting per metric per account: the first stack owns them.
      if (scenario.variant === 'baseline' && i === 0) baselinePercentiles(stack);
      if (scenario.variant === 'facade' && i > 0) new library.DatadogDistributionPercentiles(stack, 'percentiles', { manage: false });
    }
    if (scenario.variant === 'facade') {
      facadeGateway(stack, i, scenario.expectedNodes, library);
    } else {
      baselineGateway(stack, { name: gatewayName(i), expectedNodes: scenario.expectedNodes }, library.grafana);
    }
  }
  return stacks;
}

/** Resource count per Terraform type in a synthesized stack's JSON. */
export function countResources(json: { resource?: { [type: string]: { [name: string]: unknown } } }): { [type: string]: number } {
  const counts: { [type: string]: number } = {};
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    counts[type] = (counts[type] ?? 0) + Object.keys(byName).length;
  }
  return counts;
}
