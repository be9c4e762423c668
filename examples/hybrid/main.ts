// Hybrid mode: one control plane and its data planes in one stack, both deployed here
// (KongDeployment) and both monitored in Datadog and Grafana.
//
// A data plane keeps answering 200 on /status/ready after it loses its control plane, so
// readiness alone misses the failure. The two sides see it from both ends:
//  - each data plane reports kong_control_plane_connected (per-node alert on the DP gateway);
//  - the control plane reports kong_data_plane_last_seen, the configuration hash and the
//    version compatibility of every data plane it knows (alerts on the CP gateway: a data plane
//    not seen for 90 s/180 s, data planes running different configurations, an incompatible one).
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
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

/** Where both sides mount the cluster certificate (a kubernetes.io/tls Secret). */
const CERT_DIR = '/etc/secrets/kong-cluster-cert';
const CLUSTER_PORT = 8005;
const TELEMETRY_PORT = 8006;

/** Mounts the cluster certificate Secret into the Kong container of a deployment. */
function mountClusterCertificate(kong: KongDeployment): void {
  kong.deployment.addOverride('spec.template.spec.volume', [{ name: 'cluster-cert', secret: { secret_name: 'kong-cluster-cert' } }]);
  kong.deployment.addOverride('spec.template.spec.container.0.volume_mount', [{ name: 'cluster-cert', mount_path: CERT_DIR, read_only: true }]);
}

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
    const cp = new KongDeployment(this, 'control-plane', {
      // The control plane proxies nothing: no proxy load balancer, only the status Service.
      gateway: controlPlane,
      statusAllowedNamespaces: ['monitoring', 'datadog'],
      env: {
        KONG_CLUSTER_LISTEN: `0.0.0.0:${CLUSTER_PORT}`,
        KONG_CLUSTER_TELEMETRY_LISTEN: `0.0.0.0:${TELEMETRY_PORT}`,
        KONG_CLUSTER_CERT: `${CERT_DIR}/tls.crt`,
        KONG_CLUSTER_CERT_KEY: `${CERT_DIR}/tls.key`,
        KONG_PG_HOST: 'postgres.databases.svc.cluster.local',
        KONG_PG_PASSWORD: '{vault://env/pg-password}',
      },
    });
    mountClusterCertificate(cp);
    cp.deployment.addOverride('spec.template.spec.container.0.env_from', [{ secret_ref: { name: 'kong-postgres' } }]);
    // Where data planes connect: the clustering and telemetry ports, ClusterIP only.
    const clusterService = new ServiceV1(this, 'control-plane-cluster', {
      metadata: { name: 'mesh-cp-cluster', namespace: controlPlane.namespace },
      spec: {
        type: 'ClusterIP',
        selector: { ...controlPlane.podLabels },
        port: [
          { name: 'cluster', port: CLUSTER_PORT, targetPort: String(CLUSTER_PORT) },
          { name: 'telemetry', port: TELEMETRY_PORT, targetPort: String(TELEMETRY_PORT) },
        ],
      },
    });
    const cpHost = `${clusterService.metadata.name}.${controlPlane.namespace}.svc`;

    const dp = new KongDeployment(this, 'data-plane', {
      gateway: dataPlane,
      loadBalancerCloud: LoadBalancerCloud.AWS,
      statusAllowedNamespaces: ['monitoring', 'datadog'],
      env: {
        KONG_CLUSTER_CONTROL_PLANE: `${cpHost}:${CLUSTER_PORT}`,
        KONG_CLUSTER_TELEMETRY_ENDPOINT: `${cpHost}:${TELEMETRY_PORT}`,
        KONG_CLUSTER_CERT: `${CERT_DIR}/tls.crt`,
        KONG_CLUSTER_CERT_KEY: `${CERT_DIR}/tls.key`,
        KONG_LUA_SSL_TRUSTED_CERTIFICATE: 'system',
      },
    });
    mountClusterCertificate(dp);

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
