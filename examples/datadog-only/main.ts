// Datadog only: two DB-less gateways deployed by this app, watched by Datadog alone.
//  - `edge` is collected by the Datadog Agent's Kong integration, which scrapes the Prometheus
//    plugin on the status port (the pod annotations the library writes tell the Agent where,
//    and to send the latency histograms as distributions);
//  - `partners` is collected through Kong's own Datadog plugin (DogStatsD to the node's Agent),
//    which sends latency as a distribution.
// Both alert on the same p99; the stack enables the percentiles of every distribution queried.
// No Grafana, no Prometheus: no PodMonitor, no rule groups. Each gateway's routes are its own
// declarative configuration, into which the library merges its plugins.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  DatadogCollection,
  DatadogSloTimeframe,
  Duration,
  KongBestPractices,
  KongDeclarativeConfig,
  KongGateway,
  KongMonitoring,
  LoadBalancerCloud,
  SignalId,
} from 'cdktf-kong-monitoring';

/** The edge gateway's services and routes (`/status-check` is what the synthetic test calls). */
const EDGE_ROUTES = `
_format_version: "3.0"
services:
  - name: catalog
    url: http://catalog.shop.svc.cluster.local:8080
    routes:
      - name: catalog
        paths: [/catalog]
      - name: status-check
        paths: [/status-check]
`;

/** The partner gateway's service and route. */
const PARTNER_ROUTES = `
_format_version: "3.0"
services:
  - name: partner-api
    url: http://partner-api.partners.svc.cluster.local:8080
    routes:
      - name: partner-api
        paths: [/partners]
`;

export class DatadogOnlyStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The kubeconfig comes from the environment at plan time (KUBE_CONFIG_PATH).
    new KubernetesProvider(this, 'kubernetes', {});
    // Datadog keys only as sensitive variables (TF_VAR_datadog_api_key, TF_VAR_datadog_app_key).
    const apiKey = new TerraformVariable(this, 'datadog_api_key', { type: 'string', sensitive: true, description: 'Datadog API key' });
    const appKey = new TerraformVariable(this, 'datadog_app_key', { type: 'string', sensitive: true, description: 'Datadog application key' });
    new DatadogProvider(this, 'datadog', { apiKey: apiKey.stringValue, appKey: appKey.stringValue, apiUrl: 'https://api.datadoghq.eu/' });

    const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong-alerts'] };
    // The NLBs health-check each pod's status port from the VPC's subnets; the Agent scrapes it
    // from its namespace. Nothing else reaches the status port.
    const kubernetes = { deploy: true, loadBalancerCloud: LoadBalancerCloud.AWS, statusAllowedNamespaces: ['datadog'], statusAllowedCidrs: ['10.0.0.0/16'] };

    new KongMonitoring(this, 'edge', {
      gateway: KongGateway.dbLess({ name: 'edge', environment: 'production', namespace: 'kong', expectedNodes: 4, team: 'platform' }),
      kubernetes: { ...kubernetes, declarativeConfig: KongDeclarativeConfig.fromString(EDGE_ROUTES) },
      datadog: {
        notify,
        // Agent integration is the default collection path; spelled out for the reader.
        collection: DatadogCollection.AGENT_INTEGRATION,
        // A flapping node pages once, not twice: three OK checks before the alert recovers.
        signals: [{ signal: SignalId.NODE_READY, recoveryChecks: 3 }],
        renotifyInterval: Duration.minutes(30),
        synthetics: { endpoint: { url: 'https://api.example.com/status-check' } },
        slo: { targetPercent: 99.9, timeframes: [DatadogSloTimeframe.THIRTY_DAYS] },
      },
    });

    new KongMonitoring(this, 'partners', {
      gateway: KongGateway.dbLess({ name: 'partners', environment: 'production', namespace: 'kong-partners', expectedNodes: 2, team: 'platform' }),
      kubernetes: { ...kubernetes, declarativeConfig: KongDeclarativeConfig.fromString(PARTNER_ROUTES) },
      datadog: {
        notify,
        // Kong's Datadog plugin is added to the declarative configuration for this path.
        collection: DatadogCollection.KONG_PLUGIN,
      },
    });

    // The prebuilt kubernetes binding writes the short source "kubernetes"; spell out the
    // registry namespace (same provider either way).
    this.addOverride('terraform.required_providers.kubernetes.source', 'hashicorp/kubernetes');
    Aspects.of(this).add(new KongBestPractices());
  }
}

export function buildApp(app: App): void {
  new DatadogOnlyStack(app, 'kong-datadog-only');
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}
