// Every backend for one DB-less gateway that this app also deploys: Kubernetes (Kong with
// status listener, probes and load balancer readiness), Datadog, Grafana and Prometheus.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  DatadogSloTimeframe,
  GrafanaNotifier,
  KongBestPractices,
  KongGateway,
  KongMonitoring,
  LoadBalancerCloud,
  Weekday,
  grafana,
} from 'cdktf-kong-monitoring';

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

    new KongMonitoring(this, 'kong', {
      gateway: KongGateway.dbLess({ name: 'edge', environment: 'production', namespace: 'kong', expectedNodes: 3, team: 'platform' }),
      kubernetes: {
        deploy: true,
        loadBalancerCloud: LoadBalancerCloud.AWS,
        statusAllowedNamespaces: ['monitoring', 'datadog'],
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
