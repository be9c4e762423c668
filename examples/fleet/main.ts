// Many gateways, one stack per cluster and environment, shared defaults: the fleet pattern.
// Each stack is planned and applied on its own (in parallel in CI), so synth and plan time
// grow with one cluster's gateways, not with the whole estate; a change to one cluster never
// shows up in another cluster's plan. Grafana's notification policy (one per organization)
// and Datadog's percentile settings (one per metric per account) live in small stacks of their own.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  DatadogCollection,
  DatadogDistributionPercentiles,
  GrafanaAlertingPolicy,
  GrafanaNotifier,
  KongBestPractices,
  KongFleet,
  KongFleetOptions,
  KongGateway,
  KongGatewayOptions,
  PrometheusScrapeMethod,
  grafana,
} from 'cdktf-kong-monitoring';

/** One Kubernetes cluster of one environment, and the gateways it runs. */
export interface FleetCluster {
  readonly environment: string;
  readonly cluster: string;
  readonly gateways: FleetGateway[];
}

/** A gateway of a cluster; `mode` picks the KongGateway factory. */
export interface FleetGateway extends KongGatewayOptions {
  readonly mode: 'dbLess' | 'traditional' | 'hybridDataPlane' | 'hybridControlPlane';
  /** Public URL to test from Datadog's managed locations. */
  readonly publicUrl?: string;
}

/** The estate: in a real repository, read from a file the platform team owns. */
export const CLUSTERS: FleetCluster[] = [
  {
    environment: 'production',
    cluster: 'eu-1',
    gateways: [
      { mode: 'hybridControlPlane', name: 'cp', namespace: 'kong-cp', expectedNodes: 2, expectedDataPlanes: 6 },
      { mode: 'hybridDataPlane', name: 'edge', namespace: 'kong', expectedNodes: 6, publicUrl: 'https://api.example.com/status-check' },
      { mode: 'dbLess', name: 'internal', namespace: 'kong-internal', expectedNodes: 3 },
    ],
  },
  {
    environment: 'production',
    cluster: 'us-1',
    gateways: [
      { mode: 'hybridControlPlane', name: 'cp', namespace: 'kong-cp', expectedNodes: 2, expectedDataPlanes: 9 },
      { mode: 'hybridDataPlane', name: 'edge', namespace: 'kong', expectedNodes: 9, publicUrl: 'https://us.api.example.com/status-check' },
    ],
  },
  {
    environment: 'staging',
    cluster: 'eu-1',
    gateways: [
      { mode: 'dbLess', name: 'edge', namespace: 'kong', expectedNodes: 2 },
      { mode: 'dbLess', name: 'internal', namespace: 'kong-internal', expectedNodes: 1 },
    ],
  },
];

/** Name of the stack of one cluster of one environment. */
export function stackName(c: FleetCluster): string {
  return `kong-${c.environment}-${c.cluster}`;
}

function kongGateway(g: FleetGateway, c: FleetCluster): KongGateway {
  const { mode, publicUrl, ...options } = g;
  const props = { ...options, environment: c.environment, cluster: c.cluster, team: options.team ?? 'platform' };
  switch (mode) {
    case 'dbLess': return KongGateway.dbLess(props);
    case 'traditional': return KongGateway.traditional(props);
    case 'hybridDataPlane': return KongGateway.hybridDataPlane(props);
    case 'hybridControlPlane': return KongGateway.hybridControlPlane(props);
  }
}

/** What every gateway of an environment gets. */
export function fleetDefaults(environment: string): KongFleetOptions {
  const production = environment === 'production';
  return {
    datadog: {
      notify: production
        ? { critical: ['@pagerduty-kong'], warning: ['@slack-kong-alerts'] }
        : { critical: ['@slack-kong-staging'], warning: ['@slack-kong-staging'] },
    },
    // Each gateway's folder is titled after it, its environment and its cluster. One Grafana
    // serves every cluster through one central store, so each query selects its cluster by the
    // external label each cluster's Prometheus writes (`cluster`).
    grafana: { prometheusDatasourceUid: 'prometheus', clusterLabel: 'cluster' },
    prometheus: { labels: { release: 'kube-prometheus-stack' } },
    kubernetes: { prometheusScrape: PrometheusScrapeMethod.POD_MONITOR },
  };
}

/** One cluster of one environment: providers, the fleet, and the best-practice checker. */
export class KongClusterStack extends TerraformStack {
  public readonly fleet: KongFleet;

  constructor(scope: Construct, c: FleetCluster) {
    super(scope, stackName(c));
    // Credentials come from the environment at plan time (DD_API_KEY, KUBE_CONFIG_PATH, ...).
    new DatadogProvider(this, 'datadog', {});
    new KubernetesProvider(this, 'kubernetes', {});
    const grafanaAuth = new TerraformVariable(this, 'grafana_auth', { type: 'string', sensitive: true, description: 'Grafana service account token' });
    new grafana.GrafanaProvider(this, 'grafana', { url: 'https://grafana.example.com', auth: grafanaAuth.stringValue });
    this.addOverride('terraform.required_providers.kubernetes.source', 'hashicorp/kubernetes');

    // The Datadog account's percentile settings belong to the kong-datadog-account stack.
    new DatadogDistributionPercentiles(this, 'datadog-percentiles', { manage: false });
    const defaults = fleetDefaults(c.environment);
    // Kong itself is released by the platform's Helm pipeline: each gateway's chart values
    // (status listener, probes, Datadog annotations, DB-less plugins) are stack outputs.
    this.fleet = new KongFleet(this, 'kong', { defaults, helmValuesOutputs: true });
    for (const g of c.gateways) {
      // A backend given for one gateway replaces that backend's defaults: keep them with a spread.
      const hybrid = g.mode === 'hybridControlPlane' || g.mode === 'hybridDataPlane';
      this.fleet.addGateway(kongGateway(g, c), {
        ...(g.publicUrl ? { datadog: { ...defaults.datadog!, synthetics: { endpoint: { url: g.publicUrl } } } } : {}),
        // The control plane's plugins are synced with decK by that pipeline; data planes receive them from it.
        ...(hybrid ? { kubernetes: { ...defaults.kubernetes, pluginsManagedExternally: true } } : {}),
      });
    }
    Aspects.of(this).add(new KongBestPractices());
  }
}

/** Grafana's notification policy: one per organization, so one stack for all clusters. */
export class GrafanaAlertingStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const grafanaAuth = new TerraformVariable(this, 'grafana_auth', { type: 'string', sensitive: true, description: 'Grafana service account token' });
    new grafana.GrafanaProvider(this, 'grafana', { url: 'https://grafana.example.com', auth: grafanaAuth.stringValue });
    const slackWebhook = new TerraformVariable(this, 'slack_webhook_url', { type: 'string', sensitive: true });
    const pagerdutyKey = new TerraformVariable(this, 'pagerduty_integration_key', { type: 'string', sensitive: true });
    new GrafanaAlertingPolicy(this, 'policy', {
      contactPoints: [
        { name: 'kong-pager', notifiers: [GrafanaNotifier.pagerDuty({ integrationKey: pagerdutyKey.stringValue })] },
        { name: 'kong-slack', notifiers: [GrafanaNotifier.slack({ url: slackWebhook.stringValue })] },
      ],
      defaultContactPoint: 'kong-slack',
      criticalContactPoint: 'kong-pager',
      warningContactPoint: 'kong-slack',
    });
    // No gateway lives here, but the checker still holds the contact points' secrets (KBPS1).
    Aspects.of(this).add(new KongBestPractices());
  }
}

/**
 * Datadog keeps one percentile setting per metric per account: one stack enables them for
 * the whole fleet, for every distribution the library queries on the Agent's path (the
 * fleet's collection path), whichever cluster stacks a CI job synthesizes.
 */
export class DatadogAccountStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new DatadogProvider(this, 'datadog', {});
    new DatadogDistributionPercentiles(this, 'percentiles', { collections: [DatadogCollection.AGENT_INTEGRATION] });
    Aspects.of(this).add(new KongBestPractices());
  }
}

/**
 * Adds the fleet's stacks to `app`: all of them, or only those named in `only` (CI runs one
 * synth per stack, in parallel: `KONG_STACKS=kong-production-eu-1 npx ts-node main.ts`).
 */
export function buildApp(app: App, only?: string[]): void {
  const wanted = (name: string): boolean => only === undefined || only.includes(name);
  for (const c of CLUSTERS) if (wanted(stackName(c))) new KongClusterStack(app, c);
  if (wanted('kong-grafana-alerting')) new GrafanaAlertingStack(app, 'kong-grafana-alerting');
  if (wanted('kong-datadog-account')) new DatadogAccountStack(app, 'kong-datadog-account');
}

if (require.main === module) {
  const app = new App();
  buildApp(app, process.env.KONG_STACKS ? process.env.KONG_STACKS.split(',') : undefined);
  app.synth();
}
