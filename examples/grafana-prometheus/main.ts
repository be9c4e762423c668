// Grafana and Prometheus only: a traditional-mode (PostgreSQL) gateway deployed by this app,
// scraped by the Prometheus Operator (PodMonitor), alerted on by Grafana-managed rules and by a
// PrometheusRule for Alertmanager, with one Grafana alerting policy: Slack, PagerDuty, email
// and webhook contact points, per-severity routes and a weekly maintenance window. Every secret
// enters as a sensitive Terraform variable (TF_VAR_...), never as a literal.
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  Duration,
  GrafanaNotifier,
  KongBestPractices,
  KongDeployment,
  KongGateway,
  KongMonitoring,
  LoadBalancerCloud,
  Weekday,
  grafana,
} from 'cdktf-kong-monitoring';

export class GrafanaPrometheusStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const secret = (name: string, description: string) => new TerraformVariable(this, name, { type: 'string', sensitive: true, description }).stringValue;

    new KubernetesProvider(this, 'kubernetes', {});
    new grafana.GrafanaProvider(this, 'grafana', {
      url: 'https://grafana.example.com',
      auth: secret('grafana_auth', 'Grafana service account token'),
    });

    const gateway = KongGateway.traditional({
      name: 'core',
      environment: 'production',
      namespace: 'kong',
      cluster: 'prod-eu-1',
      expectedNodes: 3,
      team: 'platform',
    });

    // Kong itself, with the status listener, probes, load balancer health check (a GKE
    // BackendConfig on /status/ready), the Prometheus plugin and a PodMonitor. The database
    // password never appears here: Kong's env vault reads it from PG_PASSWORD, which the pod
    // takes from an existing Secret.
    const kong = new KongDeployment(this, 'kong-deployment', {
      gateway,
      image: 'kong:3.9',
      loadBalancerCloud: LoadBalancerCloud.GCP,
      statusAllowedNamespaces: ['monitoring'],
      monitorLabels: { release: 'kube-prometheus-stack' },
      env: {
        KONG_PG_HOST: 'postgres.databases.svc.cluster.local',
        KONG_PG_DATABASE: 'kong',
        KONG_PG_USER: 'kong',
        KONG_PG_PASSWORD: '{vault://env/pg-password}',
      },
    });
    kong.deployment.addOverride('spec.template.spec.container.0.env_from', [{ secret_ref: { name: 'kong-postgres' } }]);

    // Dashboards and alerts; the workload above is this gateway's, so no `deploy` here.
    new KongMonitoring(this, 'kong', {
      gateway,
      grafana: {
        prometheusDatasourceUid: 'prometheus',
        folderTitle: 'Kong core',
        runbookBaseUrl: 'https://runbooks.example.com/kong',
        policy: {
          contactPoints: [
            { name: 'kong-pager', notifiers: [GrafanaNotifier.pagerDuty({ integrationKey: secret('pagerduty_integration_key', 'PagerDuty Events API v2 key') })] },
            { name: 'kong-slack', notifiers: [GrafanaNotifier.slack({ url: secret('slack_webhook_url', 'Slack incoming webhook URL'), mentionChannel: 'here' })] },
            { name: 'kong-email', notifiers: [GrafanaNotifier.email({ addresses: ['kong-oncall@example.com', 'platform@example.com'] })] },
            {
              name: 'kong-incidents',
              notifiers: [GrafanaNotifier.webhook({
                url: secret('incident_webhook_url', 'Incident tool webhook endpoint'),
                authorizationScheme: 'Bearer',
                authorizationCredentials: secret('incident_webhook_token', 'Incident tool webhook token'),
              })],
            },
          ],
          defaultContactPoint: 'kong-email',
          criticalContactPoint: 'kong-pager',
          warningContactPoint: 'kong-slack',
          gateways: [{
            gateway,
            criticalContactPoint: 'kong-incidents',
            warningContactPoint: 'kong-slack',
            maintenanceWindows: ['kong-core-maintenance'],
          }],
          maintenanceWindows: [{
            name: 'kong-core-maintenance',
            weekdays: [Weekday.TUESDAY, Weekday.THURSDAY],
            startTime: '05:00',
            endTime: '06:00',
            location: 'Europe/Berlin',
          }],
          criticalRepeatInterval: Duration.minutes(30),
        },
      },
      // Alertmanager gets the same signals through the Prometheus Operator.
      prometheus: { namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' }, runbookBaseUrl: 'https://runbooks.example.com/kong' },
    });

    this.addOverride('terraform.required_providers.kubernetes.source', 'hashicorp/kubernetes');
    Aspects.of(this).add(new KongBestPractices());
  }
}

export function buildApp(app: App): void {
  new GrafanaPrometheusStack(app, 'kong-grafana-prometheus');
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}
