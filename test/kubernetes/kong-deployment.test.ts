import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { Testing } from 'cdktf';
import { manifestErrors } from './manifest-schemas';
import { manifestsOfKind, onlyResource, resourcesOf, synthJson } from './synth-helpers';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongConfigurationSource } from '../../src/kubernetes/configuration-source';
import { KongDeployment, KongDeploymentProps } from '../../src/kubernetes/kong-deployment';
import { LoadBalancerCloud } from '../../src/kubernetes/load-balancer-readiness';
import { KongProbe } from '../../src/kubernetes/probe';
import { PrometheusScrapeMethod } from '../../src/kubernetes/scrape-method';

Testing.setupJest();

const gateway = KongGateway.dbLess({ name: 'edge', expectedNodes: 3 });

function synth(props: Partial<KongDeploymentProps> = {}): any {
  return synthJson((scope) => new KongDeployment(scope, 'kong', { gateway, plugins: { datadog: {} }, ...props }));
}

describe('KongDeployment', () => {
  const json = synth();
  const deployment = onlyResource(json, 'kubernetes_deployment_v1');
  const container = deployment.spec.template.spec.container[0];
  const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.value ?? e.value_from]));

  test('a Kong container named after the gateway, image kong:3.9, replicas from expectedNodes', () => {
    expect(container.name).toBe('proxy');
    expect(container.image).toBe('kong:3.9');
    expect(deployment.spec.replicas).toBe('3');
    expect(deployment.metadata).toEqual({ name: 'edge', namespace: 'kong', labels: { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge' } });
  });

  test('env: status listener on all addresses, DB-less with the mounted declarative config, Datadog host from the node', () => {
    expect(env.KONG_STATUS_LISTEN).toBe('0.0.0.0:8100, [::]:8100');
    expect(env.KONG_DATABASE).toBe('off');
    expect(env.KONG_DECLARATIVE_CONFIG).toBe('/kong_dbless/kong.yml');
    expect(env.KONG_PROXY_LISTEN).toBe('0.0.0.0:8000, [::]:8000, 0.0.0.0:8443 ssl, [::]:8443 ssl');
    expect(env.KONG_ADMIN_LISTEN).toBe('127.0.0.1:8001, 127.0.0.1:8444 ssl');
    expect(env.KONG_DATADOG_AGENT_HOST).toEqual({ field_ref: { field_path: 'status.hostIP' } });
  });

  test('the named status port next to the proxy ports', () => {
    expect(container.port).toEqual([
      { name: 'proxy', container_port: 8000, protocol: 'TCP' },
      { name: 'proxy-tls', container_port: 8443, protocol: 'TCP' },
      { name: 'status', container_port: 8100, protocol: 'TCP' },
    ]);
  });

  test('readiness /status/ready, liveness /status, startup /status sized to the startup window', () => {
    expect(container.readiness_probe).toEqual({
      http_get: { path: '/status/ready', port: 'status', scheme: 'HTTP' },
      initial_delay_seconds: 5,
      timeout_seconds: 5,
      period_seconds: 10,
      success_threshold: 1,
      failure_threshold: 3,
    });
    expect(container.liveness_probe).toEqual({
      http_get: { path: '/status', port: 'status', scheme: 'HTTP' },
      initial_delay_seconds: 5,
      timeout_seconds: 5,
      period_seconds: 10,
      success_threshold: 1,
      failure_threshold: 3,
    });
    expect(container.startup_probe).toEqual({
      http_get: { path: '/status', port: 'status', scheme: 'HTTP' },
      initial_delay_seconds: 0,
      timeout_seconds: 3,
      period_seconds: 5,
      success_threshold: 1,
      failure_threshold: 24,
    });
  });

  test('rolling update never lowers the ready count; Kong drains on stop', () => {
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rolling_update: { max_unavailable: '0', max_surge: '1' } });
    expect(container.lifecycle.pre_stop).toEqual([{ exec: { command: ['kong', 'quit', '--wait=15'] } }]);
    expect(deployment.spec.template.spec.termination_grace_period_seconds).toBe(30);
  });

  test('pod annotations: Datadog kong check and per-pod readiness http_check with the gateway tags, tolerate-unready', () => {
    const annotations = deployment.spec.template.metadata.annotations;
    expect(annotations['ad.datadoghq.com/tolerate-unready']).toBe('true');
    const checks = JSON.parse(annotations['ad.datadoghq.com/proxy.checks']);
    expect(checks.kong).toEqual({
      init_config: {},
      instances: [{
        openmetrics_endpoint: 'http://%%host%%:8100/metrics',
        extra_metrics: [
          { kong_control_plane_connected: { name: 'control_plane.connected', type: 'gauge' } },
          { kong_data_plane_version_compatible: { name: 'data_plane.version_compatible', type: 'gauge' } },
          { kong_nginx_metric_errors: { name: 'nginx.metric_errors', type: 'counter' } },
          { kong_data_plane_cluster_cert_expiry_timestamp: { name: 'data_plane.cluster_cert.seconds_since_expiry', type: 'time_elapsed' } },
          { kong_data_plane_last_seen: { name: 'data_plane.seconds_since_last_seen', type: 'time_elapsed' } },
        ],
        collect_histogram_buckets: true,
        histogram_buckets_as_distributions: true,
        collect_counters_with_distributions: true,
        tags: ['kong_gateway:edge', 'kong_environment:production'],
      }],
    });
    expect(checks.http_check).toEqual({
      init_config: {},
      instances: [{
        name: 'kong-ready-%%kube_pod_name%%',
        url: 'http://%%host%%:8100/status/ready',
        timeout: 5,
        tags: ['kong_gateway:edge', 'kong_environment:production', 'kong_probe:ready'],
      }],
    });
  });

  test('DB-less gets a declarative ConfigMap with the plugins, mounted read-only, and pods roll when it changes', () => {
    const configMap = onlyResource(json, 'kubernetes_config_map_v1');
    const declarative = JSON.parse(configMap.data['kong.yml']);
    expect(declarative._format_version).toBe('3.0');
    expect(declarative.plugins.map((p: any) => p.name)).toEqual(['prometheus', 'datadog']);
    expect(declarative.plugins[0].config).toMatchObject({ status_code_metrics: true, latency_metrics: true, bandwidth_metrics: true, upstream_health_metrics: true });
    expect(container.volume_mount).toEqual([{ name: 'declarative-config', mount_path: '/kong_dbless', read_only: true }]);
    expect(deployment.spec.template.spec.volume[0].config_map.name).toMatch(/^\$\{kubernetes_config_map_v1\.kong_declarative-config_[0-9A-F]+\.metadata\[0\]\.name\}$/);
    const checksum = deployment.spec.template.metadata.annotations['checksum/declarative-config'];
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    const other = onlyResource(synth({ plugins: {} }), 'kubernetes_deployment_v1').spec.template.metadata.annotations['checksum/declarative-config'];
    expect(other).not.toBe(checksum);
  });

  test('proxy Service (LoadBalancer, Local) and ClusterIP status Service, plus a valid PodMonitor', () => {
    const services = Object.values(resourcesOf(json, 'kubernetes_service_v1')) as any[];
    expect(services.map((s) => [s.metadata.name, s.spec.type]).sort()).toEqual([['edge-proxy', 'LoadBalancer'], ['edge-status', 'ClusterIP']]);
    const [podMonitor] = manifestsOfKind(json, 'PodMonitor');
    expect(manifestErrors(podMonitor)).toEqual([]);
  });

  test('the cdktf matchers see the deployment and its ConfigMap', () => {
    const synthesized = Testing.synthScope((scope) => new KongDeployment(scope, 'kong', { gateway }));
    expect(synthesized).toHaveResource(DeploymentV1);
    expect(synthesized).toHaveResourceWithProperties(ConfigMapV1, {
      metadata: { name: 'edge-declarative-config', namespace: 'kong', labels: { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge' } },
    });
  });

  test('with an ingress controller the plugins become KongClusterPlugins and no ConfigMap is mounted', () => {
    const kic = synth({ configurationSource: KongConfigurationSource.INGRESS_CONTROLLER, ingressClass: 'kong' });
    expect(resourcesOf(kic, 'kubernetes_config_map_v1')).toEqual({});
    const plugins = manifestsOfKind(kic, 'KongClusterPlugin');
    expect(plugins.map((p) => p.plugin).sort()).toEqual(['datadog', 'prometheus']);
    for (const p of plugins) expect(manifestErrors(p)).toEqual([]);
    const kicContainer = onlyResource(kic, 'kubernetes_deployment_v1').spec.template.spec.container[0];
    expect(kicContainer.env.map((e: any) => e.name)).not.toContain('KONG_DECLARATIVE_CONFIG');
  });

  test('hybrid data planes take configuration from the control plane', () => {
    const dp = synthJson((scope) => new KongDeployment(scope, 'kong', {
      gateway: KongGateway.hybridDataPlane({ name: 'edge' }),
      cluster: { controlPlaneEndpoint: 'cp.kong:8005', certificateSecretName: 'kong-cluster-cert' },
      pluginsManagedExternally: true,
    }));
    const dpEnv = Object.fromEntries(onlyResource(dp, 'kubernetes_deployment_v1').spec.template.spec.container[0].env.map((e: any) => [e.name, e.value]));
    expect(dpEnv.KONG_ROLE).toBe('data_plane');
    expect(dpEnv.KONG_DATABASE).toBe('off');
    expect(dpEnv.KONG_CLUSTER_CONTROL_PLANE).toBe('cp.kong:8005');
    expect(resourcesOf(dp, 'kubernetes_config_map_v1')).toEqual({});
  });

  test('a hybrid control plane gets no proxy Service: its proxy listener is off', () => {
    const cp = synthJson((scope) => new KongDeployment(scope, 'kong', {
      gateway: KongGateway.hybridControlPlane({ name: 'mesh-cp' }),
      loadBalancerCloud: LoadBalancerCloud.AWS,
      database: { host: 'postgres', passwordSecret: { secretName: 'kong-postgres', key: 'password' } },
      cluster: { certificateSecretName: 'kong-cluster-cert' },
    }));
    const cpContainer = onlyResource(cp, 'kubernetes_deployment_v1').spec.template.spec.container[0];
    expect(cpContainer.env.find((e: any) => e.name === 'KONG_PROXY_LISTEN').value).toBe('off');
    expect(cpContainer.port.map((p: any) => p.name)).toEqual(['cluster', 'status']);
    expect((Object.values(resourcesOf(cp, 'kubernetes_service_v1')) as any[]).map((s) => `${s.metadata.name} ${s.spec.type}`).sort()).toEqual(['mesh-cp-cluster ClusterIP', 'mesh-cp-status ClusterIP']);
  });

  test('cloud health checks reach the proxy Service', () => {
    const aws = synth({ loadBalancerCloud: LoadBalancerCloud.AWS });
    const proxy = (Object.values(resourcesOf(aws, 'kubernetes_service_v1')) as any[]).find((s) => s.metadata.name === 'edge-proxy');
    expect(proxy.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-healthcheck-path']).toBe('/status/ready');
  });

  test('a ServiceMonitor, when chosen, selects the status Service by its labels', () => {
    const monitored = synth({ prometheusScrape: PrometheusScrapeMethod.SERVICE_MONITOR });
    const [serviceMonitor] = manifestsOfKind(monitored, 'ServiceMonitor');
    const status = (Object.values(resourcesOf(monitored, 'kubernetes_service_v1')) as any[]).find((s) => s.metadata.name === 'edge-status');
    expect(serviceMonitor.spec.selector.matchLabels).toEqual(status.metadata.labels);
    expect(serviceMonitor.spec.endpoints.map((e: any) => e.port)).toEqual(status.spec.port.map((p: any) => p.name));
  });

  test('Prometheus annotations instead of a PodMonitor when chosen', () => {
    const annotated = synth({ prometheusScrape: PrometheusScrapeMethod.ANNOTATIONS });
    expect(manifestsOfKind(annotated, 'PodMonitor')).toEqual([]);
    expect(onlyResource(annotated, 'kubernetes_deployment_v1').spec.template.metadata.annotations['prometheus.io/port']).toBe('8100');
  });

  test('an empty declarative configuration is refused: DB-less Kong would stay 503', () => {
    expect(() => synth({ plugins: { prometheus: { enabled: false } } })).toThrow(
      "KongDeployment 'kong': the declarative configuration would be empty, and DB-less Kong answers 503 on /status/ready until it has a non-empty configuration. Fix: enable at least one plugin",
    );
  });

  test('a configuration source that does not fit the mode is refused', () => {
    expect(() => synth({ configurationSource: KongConfigurationSource.CONTROL_PLANE })).toThrow(
      "KongDeployment 'kong': configurationSource 'control-plane' does not fit a db-less gateway. Fix: use one of: declarative-config-map, ingress-controller.",
    );
  });

  test('user env may not redefine what the library sets', () => {
    expect(() => synth({ env: { KONG_STATUS_LISTEN: '127.0.0.1:8007' } })).toThrow("KongDeployment 'kong': env KONG_STATUS_LISTEN is set by the library. Fix:");
  });

  test('probe rules apply to KongDeployment too', () => {
    expect(() => synth({ livenessProbe: KongProbe.statusReady() })).toThrow(/KongWorkloadSettings 'edge': liveness probe is GET \/status\/ready/);
  });
});
