// Every backend for one DB-less gateway that this app also deploys: Kubernetes (Kong with
// status listener, probes and load balancer readiness, its own routes from kong.yml with the
// library's plugins merged in), Datadog, Grafana and Prometheus.
import * as path from 'path';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  CustomSignal,
  DatadogSloTimeframe,
  DatadogTimeAggregation,
  Duration,
  GrafanaNotifier,
  KongBestPractices,
  KongDeclarativeConfig,
  KongGateway,
  KongMonitoring,
  LoadBalancerCloud,
  SignalScope,
  SignalThreshold,
  ThresholdDirection,
  Weekday,
  grafana,
} from 'cdktf-kong-monitoring';

/**
 * A signal of our own, beside the catalog's: clients hitting rate limits. Every backend alerts
 * on it and both dashboards draw it, as they do the catalog's signals.
 */
export const RATE_LIMITED_RATIO: CustomSignal = {
  id: 'rate-limited-ratio',
  title: 'Kong 429 ratio high',
  description: 'Share of proxied requests answered 429 Too Many Requests: clients hit rate limits.',
  runbook: 'Find the consumers and routes answered 429; raise their limits or talk to the clients.',
  scope: SignalScope.TRAFFIC,
  direction: ThresholdDirection.ABOVE,
  warning: SignalThreshold.percent(5),
  critical: SignalThreshold.percent(20),
  window: Duration.minutes(10),
  promql: 'sum(rate(kong_http_requests_total{$KONG_SELECTOR,code="429"}[5m])) / sum(rate(kong_http_requests_total{$KONG_SELECTOR}[5m]))',
  datadog: {
    agentIntegration: 'sum:kong.http.requests.count{$KONG_TAGS,code:429}.as_count() / sum:kong.http.requests.count{$KONG_TAGS}.as_count()',
    timeAggregation: DatadogTimeAggregation.SUM,
  },
};

export class FullStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials come from the environment at plan time (DD_API_KEY, KUBE_CONFIG_PATH, ...).
    new KubernetesProvider(this, 'kubernetes', {});
    new DatadogProvider(this, 'datadog', {});
    const grafanaAuth = new TerraformVariable(this, 'grafana_auth', { type: 'string', sensitive: true, description: 'Grafana service account token' });
    new grafana.GrafanaProvider(this, 'grafana', { url: 'https://grafana.example.com', auth: grafanaAuth.stringValue });

    const slackWebhook = new TerraformVariable(this, 'slack_webhook_url', { type: 'string', sensitive: true });
    const pagerdutyKey = new TerraformVariable(this, 'pagerduty_integration_key', { type: 'string', sensitive: true });

    const gateway = KongGateway.dbLess({
      name: 'edge',
      environment: 'production',
      namespace: 'kong',
      expectedNodes: 3,
      team: 'platform',
      customSignals: [RATE_LIMITED_RATIO],
    });
    new KongMonitoring(this, 'kong', {
      gateway,
      kubernetes: {
        deploy: true,
        // The services and routes the gateway serves; without them Kong answers 404 to every request.
        declarativeConfig: KongDeclarativeConfig.fromFile(path.join(__dirname, 'kong.yml')),
        loadBalancerCloud: LoadBalancerCloud.AWS,
        statusAllowedNamespaces: ['monitoring', 'datadog'],
        // The NLB health-checks each pod's status port from the VPC's subnets.
        statusAllowedCidrs: ['10.0.0.0/16'],
      },
      datadog: {
        notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong-alerts'] },
        synthetics: { endpoint: { url: 'https://api.example.com/status-check' } },
        slo: { targetPercent: 99.9, timeframes: [DatadogSloTimeframe.THIRTY_DAYS, DatadogSloTimeframe.SEVEN_DAYS] },
      },
      grafana: {
        prometheusDatasourceUid: 'prometheus',
        folderTitle: 'Kong',
        policy: {
          contactPoints: [
            { name: 'kong-pager', notifiers: [GrafanaNotifier.pagerDuty({ integrationKey: pagerdutyKey.stringValue })] },
            { name: 'kong-slack', notifiers: [GrafanaNotifier.slack({ url: slackWebhook.stringValue })] },
          ],
          defaultContactPoint: 'kong-slack',
          criticalContactPoint: 'kong-pager',
          warningContactPoint: 'kong-slack',
          maintenanceWindows: [{ name: 'kong-weekly-maintenance', weekdays: [Weekday.SUNDAY], startTime: '02:00', endTime: '04:00', location: 'Europe/Berlin' }],
          // The window mutes this gateway's route; a window no route names would mute nothing.
          gateways: [{ gateway, maintenanceWindows: ['kong-weekly-maintenance'] }],
        },
      },
      prometheus: { labels: { release: 'kube-prometheus-stack' } },
    });

    // The prebuilt kubernetes binding writes the short source "kubernetes"; spell out the
    // registry namespace, as the datadog and grafana entries do (same provider either way).
    this.addOverride('terraform.required_providers.kubernetes.source', 'hashicorp/kubernetes');

    // Holds the stack to all seven recommendations at synth time; errors stop synth.
    Aspects.of(this).add(new KongBestPractices());
  }
}

export function buildApp(app: App): void {
  new FullStack(app, 'kong-production');
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}
