// Hybrid mode: one control plane and its data planes in one stack, both deployed here
// (KongDeployment) and both monitored in Datadog and Grafana.
//
// A data plane keeps answering 200 on /status/ready after it loses its control plane, so
// readiness alone misses the failure. The control plane sees it: it reports
// kong_data_plane_last_seen, the configuration hash, the version compatibility and the
// certificate expiry of every data plane it knows (alerts on the CP gateway: fewer data planes
// heard from in the last 120 s than expected, data planes running different configurations, an
// incompatible one, a certificate near expiry). These open-source 3.9 data planes do not report
// kong_control_plane_connected: only Kong Gateway Enterprise 3.10+ exports it, so the per-node
// alert on it is rendered for data planes declared with `edition: KongEdition.ENTERPRISE` and
// `kongVersion: '3.10'` or later, and synth warns that it is left out here.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  GrafanaNotifier,
  KongBestPractices,
  KongDeployment,
  KongGateway,
  KongMonitoring,
  LoadBalancerCloud,
  grafana,
} from 'cdktf-kong-monitoring';

export class HybridStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubernetesProvider(this, 'kubernetes', {});
    new DatadogProvider(this, 'datadog', {});
    const secret = (name: string, description: string) => new TerraformVariable(this, name, { type: 'string', sensitive: true, description }).stringValue;
    new grafana.GrafanaProvider(this, 'grafana', { url: 'https://grafana.example.com', auth: secret('grafana_auth', 'Grafana service account token') });

    const dataPlane = KongGateway.hybridDataPlane({ name: 'mesh-dp', namespace: 'kong-dp', expectedNodes: 6, team: 'platform' });
    // The control plane counts the data planes it heard from recently against this number.
    const controlPlane = KongGateway.hybridControlPlane({
      name: 'mesh-cp', namespace: 'kong-cp', expectedNodes: 2, expectedDataPlanes: dataPlane.expectedNodes, team: 'platform',
    });

    // --- Kubernetes: both sides of the cluster ---------------------------------------------
    // Both mount the shared cluster certificate (a kubernetes.io/tls Secret). The control plane
    // proxies nothing: no proxy load balancer, its status Service and the ClusterIP cluster
    // Service data planes connect to; its database password comes from a Secret.
    const cp = new KongDeployment(this, 'control-plane', {
      gateway: controlPlane,
      database: { host: 'postgres.databases.svc.cluster.local', passwordSecret: { secretName: 'kong-postgres', key: 'password' } },
      cluster: { certificateSecretName: 'kong-cluster-cert', dataPlaneNamespaces: [dataPlane.namespace] },
      statusAllowedNamespaces: ['monitoring', 'datadog'],
      // kube-prometheus-stack selects PodMonitors by its release label.
      monitorLabels: { release: 'kube-prometheus-stack' },
    });
    // The data planes find the control plane through its cluster Service, and their plugins are
    // imported into the control plane's database, rendered with the data planes' tags.
    new KongDeployment(this, 'data-plane', {
      gateway: dataPlane,
      cluster: { controlPlane: cp },
      loadBalancerCloud: LoadBalancerCloud.AWS,
      statusAllowedNamespaces: ['monitoring', 'datadog'],
      // The NLB health-checks each pod's status port from the VPC's subnets.
      statusAllowedCidrs: ['10.0.0.0/16'],
      monitorLabels: { release: 'kube-prometheus-stack' },
    });

    // --- Monitoring: the same backends for both; Grafana's one policy tree routes both -----
    const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong-alerts'] };
    new KongMonitoring(this, 'control-plane-monitoring', {
      gateway: controlPlane,
      datadog: { notify },
      grafana: {
        prometheusDatasourceUid: 'prometheus',
        folderTitle: 'Kong hybrid',
        policy: {
          contactPoints: [
            { name: 'kong-pager', notifiers: [GrafanaNotifier.pagerDuty({ integrationKey: secret('pagerduty_integration_key', 'PagerDuty Events API v2 key') })] },
            { name: 'kong-slack', notifiers: [GrafanaNotifier.slack({ url: secret('slack_webhook_url', 'Slack incoming webhook URL') })] },
          ],
          defaultContactPoint: 'kong-slack',
          criticalContactPoint: 'kong-pager',
          gateways: [{ gateway: controlPlane }, { gateway: dataPlane }],
        },
      },
    });
    new KongMonitoring(this, 'data-plane-monitoring', {
      gateway: dataPlane,
      datadog: { notify },
      // A folder per gateway; the control plane's policy above already routes these alerts.
      grafana: { prometheusDatasourceUid: 'prometheus', folderTitle: 'Kong hybrid data planes' },
    });

    this.addOverride('terraform.required_providers.kubernetes.source', 'hashicorp/kubernetes');
    Aspects.of(this).add(new KongBestPractices());
  }
}

export function buildApp(app: App): void {
  new HybridStack(app, 'kong-hybrid');
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}
