// Grafana and Prometheus only: a traditional-mode (PostgreSQL) gateway deployed by this app on
// GKE behind a GKE Ingress, scraped by the Prometheus Operator (PodMonitor), alerted on by
// Grafana-managed rules and by a
// PrometheusRule for Alertmanager, with one Grafana alerting policy: Slack, PagerDuty, email
// and webhook contact points, per-severity routes and a weekly maintenance window. Every secret
// enters as a sensitive Terraform variable (TF_VAR_...), never as a literal.
import { IngressV1 } from '@cdktf/provider-kubernetes/lib/ingress-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  Duration,
  GkeLoadBalancing,
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
      // Every backend's alerts link <base>/<signal id>.
      runbookBaseUrl: 'https://runbooks.example.com/kong',
    });

    // Kong itself, with the status listener, probes, the Prometheus plugin (imported into the
    // database by an init container) and a PodMonitor the kube-prometheus-stack selects. The
    // database password never appears here: the pod takes it from an existing Secret.
    const kong = new KongDeployment(this, 'kong-deployment', {
      gateway,
      image: 'kong:3.9',
      database: {
        host: 'postgres.databases.svc.cluster.local',
        passwordSecret: { secretName: 'kong-postgres', key: 'password' },
      },
      // Behind a GKE Ingress: a ClusterIP Service with NEGs and a BackendConfig on /status/ready.
      loadBalancerCloud: LoadBalancerCloud.GCP,
      gkeLoadBalancing: GkeLoadBalancing.INGRESS,
      statusAllowedNamespaces: ['monitoring'],
      // The NEG health checks come from Google's health-check ranges.
      statusAllowedCidrs: ['35.191.0.0/16', '130.211.0.0/22'],
      monitorLabels: { release: 'kube-prometheus-stack' },
    });
    // The GKE Ingress in front of the proxy Service (the BackendConfig applies to its backend).
    const proxy = kong.proxy!.service;
    new IngressV1(this, 'kong-ingress', {
      metadata: { name: 'core', namespace: gateway.namespace, annotations: { 'kubernetes.io/ingress.class': 'gce' } },
      spec: { defaultBackend: { service: { name: proxy.metadata.name, port: { name: 'proxy' } } } },
    });

    // Dashboards and alerts; the workload above is this gateway's, so no `deploy` here.
    new KongMonitoring(this, 'kong', {
      gateway,
      grafana: {
        prometheusDatasourceUid: 'prometheus',
        folderTitle: 'Kong core',
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
      prometheus: { namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' } },
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
