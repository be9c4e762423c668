// The facade's Kubernetes side: what KongDeployment needs is in its options, scrape monitors
// carry the labels the Prometheus Operator selects them by (kube-prometheus-stack:
// `release: <release>`, grafana-provider-notes), and the plugins' delivery path is readable
// for the signal side.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { KongMonitoring, KongMonitoringKubernetesOptions, KongMonitoringProps } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongDeclarativeConfig } from '../../src/kubernetes/declarative-config';
import { KongPluginDelivery } from '../../src/kubernetes/plugin-delivery';
import { PrometheusScrapeMethod } from '../../src/kubernetes/scrape-method';
import { DatadogCollection } from '../../src/signals/signal-types';

function facade(props: KongMonitoringProps): { monitoring: KongMonitoring; json: any } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new KubernetesProvider(stack, 'kubernetes', {});
  new DatadogProvider(stack, 'datadog', {});
  const monitoring = new KongMonitoring(stack, 'kong', props);
  return { monitoring, json: JSON.parse(Testing.synth(stack)) };
}

const manifests = (json: any, kind: string) => (Object.values(json.resource?.kubernetes_manifest ?? {}) as any[]).map((r) => r.manifest).filter((m) => m.kind === kind);
const edge = KongGateway.dbLess({ name: 'edge', expectedNodes: 3 });
const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] };

describe('scrape monitors carry the selector labels', () => {
  test('with deploy, the PodMonitor gets prometheus.labels, as the PrometheusRules do', () => {
    const { json } = facade({ gateway: edge, kubernetes: { deploy: true }, prometheus: { labels: { release: 'kube-prometheus-stack' } } });
    const [podMonitor] = manifests(json, 'PodMonitor');
    expect(podMonitor.metadata.labels).toEqual({ release: 'kube-prometheus-stack', kong_gateway: 'edge' });
    for (const rule of manifests(json, 'PrometheusRule')) expect(rule.metadata.labels.release).toBe('kube-prometheus-stack');
  });

  test('without deploy, the PodMonitor gets them too; monitorLabels add to them', () => {
    const { json } = facade({
      gateway: edge,
      kubernetes: { prometheusScrape: PrometheusScrapeMethod.POD_MONITOR, monitorLabels: { team: 'platform' } },
      prometheus: { labels: { release: 'kps' } },
    });
    expect(manifests(json, 'PodMonitor')[0].metadata.labels).toEqual({ release: 'kps', team: 'platform', kong_gateway: 'edge' });
  });

  test('Grafana alone (no PrometheusRules): monitorLabels are the way to be selected', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new KongMonitoring(stack, 'kong', { gateway: edge, kubernetes: { deploy: true, monitorLabels: { release: 'kps' } }, grafana: { prometheusDatasourceUid: 'prom' } });
    expect(manifests(JSON.parse(Testing.synth(stack)), 'PodMonitor')[0].metadata.labels.release).toBe('kps');
  });

  test("the Helm chart's ServiceMonitor gets them in serviceMonitor.labels", () => {
    const { monitoring } = facade({ gateway: edge, kubernetes: { prometheusScrape: PrometheusScrapeMethod.SERVICE_MONITOR }, prometheus: { labels: { release: 'kps' } } });
    expect(JSON.parse(monitoring.workloadSettings.toHelmValues()).serviceMonitor).toEqual({ enabled: true, interval: '30s', labels: { release: 'kps' } });
  });
});

describe('deployment options', () => {
  test('a traditional gateway deploys with its database from the facade', () => {
    const { json } = facade({
      gateway: KongGateway.traditional({ name: 'core', expectedNodes: 2 }),
      kubernetes: { deploy: true, database: { host: 'postgres.db.svc', passwordSecret: { secretName: 'kong-postgres', key: 'password' } } },
      datadog: { notify },
    });
    const container = (Object.values(json.resource.kubernetes_deployment_v1)[0] as any).spec.template.spec.container[0];
    expect(container.env.find((e: any) => e.name === 'KONG_PG_HOST').value).toBe('postgres.db.svc');
  });

  test('deployment options without deploy are refused, not ignored', () => {
    expect(() => facade({ gateway: edge, kubernetes: { image: 'kong:3.9' } })).toThrow(
      "KongMonitoring 'kong' (stack/kong): kubernetes.image describes a Kong deployed by this stack, and kubernetes.deploy is not set. Fix: set kubernetes.deploy: true, or remove kubernetes.image (configure the Kong deployed elsewhere there).",
    );
  });

  test('KongClusterPlugins with deploy are refused in favour of the configuration source', () => {
    expect(() => facade({ gateway: edge, kubernetes: { deploy: true, clusterPlugins: true } })).toThrow(
      "KongMonitoring 'kong' (stack/kong): kubernetes.clusterPlugins is for a Kong deployed elsewhere, and deploy is set. Fix: with deploy, set kubernetes.configurationSource: KongConfigurationSource.INGRESS_CONTROLLER",
    );
  });
});

describe('which plugins are configured, and by which path', () => {
  test.each<[string, KongMonitoringKubernetesOptions, KongPluginDelivery, string[]]>([
    ['deployed DB-less', { deploy: true }, KongPluginDelivery.DECLARATIVE_CONFIG, ['prometheus', 'datadog']],
    ['KongClusterPlugins for a Kong deployed elsewhere', { clusterPlugins: true }, KongPluginDelivery.KONG_CLUSTER_PLUGIN, ['prometheus', 'datadog']],
    ['configured elsewhere', { pluginsManagedExternally: true }, KongPluginDelivery.EXTERNAL, ['prometheus', 'datadog']],
    ['nothing delivers them', {}, KongPluginDelivery.NONE, []],
  ])('%s', (_label, kubernetes, delivery, plugins) => {
    const { monitoring } = facade({
      gateway: edge,
      kubernetes: { ...kubernetes, ...(kubernetes.deploy ? { declarativeConfig: KongDeclarativeConfig.fromString('_format_version: "3.0"\nservices: []') } : {}) },
      datadog: { notify, collection: DatadogCollection.KONG_PLUGIN },
    });
    expect(monitoring.configuredPlugins()).toMatchObject({ delivery, plugins });
    if (plugins.length > 0) {
      const flagsOn = { statusCodeMetrics: true, latencyMetrics: true, bandwidthMetrics: true, upstreamHealthMetrics: true };
      expect(monitoring.configuredPlugins().prometheus).toEqual({ ...flagsOn, perConsumer: false });
    }
  });
});
