import { DeploymentV1, DeploymentV1SpecTemplateSpecContainer } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { Construct } from 'constructs';
import { onlyResource, synthJson } from './synth-helpers';
import { Duration } from '../../src/core/duration';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongWorkloadSettings } from '../../src/kubernetes/kong-workload-settings';
import { KongProbe } from '../../src/kubernetes/probe';
import { PrometheusScrapeMethod } from '../../src/kubernetes/scrape-method';

const gateway = KongGateway.hybridDataPlane({ name: 'edge', containerName: 'kong' });

function userDeployment(scope: Construct, container: Partial<DeploymentV1SpecTemplateSpecContainer> = {}, annotations?: { [key: string]: string }): DeploymentV1 {
  return new DeploymentV1(scope, 'kong', {
    metadata: { name: 'edge', namespace: 'kong' },
    spec: {
      selector: { matchLabels: { app: 'kong' } },
      template: {
        metadata: { labels: { app: 'kong' }, ...(annotations ? { annotations } : {}) },
        spec: {
          container: [
            { name: 'sidecar', image: 'busybox' },
            { name: 'kong', image: 'kong:3.9', env: [{ name: 'KONG_ROLE', value: 'data_plane' }], port: [{ name: 'proxy', containerPort: 8000 }], ...container },
          ],
        },
      },
    },
  });
}

describe('KongWorkloadSettings.applyTo', () => {
  const json = synthJson((scope) => new KongWorkloadSettings({ gateway }).applyTo(userDeployment(scope, {}, { team: 'edge' })));
  const deployment = onlyResource(json, 'kubernetes_deployment_v1');
  const [sidecar, kong] = deployment.spec.template.spec.container;

  test('adds env, the status port and the three probes to the named container only', () => {
    expect(sidecar).toEqual({ name: 'sidecar', image: 'busybox' });
    expect(kong.env).toEqual([
      { name: 'KONG_ROLE', value: 'data_plane' },
      { name: 'KONG_STATUS_LISTEN', value: '0.0.0.0:8100, [::]:8100' },
    ]);
    expect(kong.port).toEqual([
      { name: 'proxy', container_port: 8000 },
      { name: 'status', container_port: 8100, protocol: 'TCP' },
    ]);
    expect(kong.readiness_probe.http_get).toEqual({ path: '/status/ready', port: 'status', scheme: 'HTTP' });
    expect(kong.liveness_probe.http_get).toEqual({ path: '/status', port: 'status', scheme: 'HTTP' });
    expect(kong.startup_probe).toMatchObject({ http_get: { path: '/status' }, period_seconds: 5, failure_threshold: 24 });
  });

  test('merges pod annotations with the ones already declared', () => {
    const annotations = deployment.spec.template.metadata.annotations;
    expect(annotations.team).toBe('edge');
    expect(annotations['ad.datadoghq.com/tolerate-unready']).toBe('true');
    expect(JSON.parse(annotations['ad.datadoghq.com/kong.checks']).http_check.instances[0].name).toBe('kong-ready-%%kube_pod_name%%');
  });

  test('applying twice changes nothing', () => {
    const once = synthJson((scope) => new KongWorkloadSettings({ gateway }).applyTo(userDeployment(scope)));
    const twice = synthJson((scope) => {
      const d = userDeployment(scope);
      const settings = new KongWorkloadSettings({ gateway });
      settings.applyTo(d);
      settings.applyTo(d);
    });
    expect(onlyResource(twice, 'kubernetes_deployment_v1').spec.template.spec.container[1].env).toHaveLength(2);
    expect(onlyResource(twice, 'kubernetes_deployment_v1')).toEqual(onlyResource(once, 'kubernetes_deployment_v1'));
  });

  test('a container that already has a different probe is refused', () => {
    expect(() => synthJson((scope) => new KongWorkloadSettings({ gateway }).applyTo(
      userDeployment(scope, { livenessProbe: { httpGet: { path: '/status/ready', port: '8100' } } }),
    ))).toThrow(
      "KongWorkloadSettings 'edge': container 'kong' of Deployment 'kong' already has a livenessProbe (GET /status/ready on port 8100) that conflicts with the library's. Fix: remove livenessProbe from the container and pass your probe as the 'livenessProbe' option",
    );
  });

  test('a container whose probe runs kong health is refused', () => {
    expect(() => synthJson((scope) => new KongWorkloadSettings({ gateway }).applyTo(
      userDeployment(scope, { readinessProbe: { exec: { command: ['kong', 'health'] } } }),
    ))).toThrow(/already has a readinessProbe \(exec 'kong health'\) that conflicts/);
  });

  test('a port clashing with the status port is refused', () => {
    expect(() => synthJson((scope) => new KongWorkloadSettings({ gateway }).applyTo(
      userDeployment(scope, { port: [{ name: 'metrics', containerPort: 8100 }] }),
    ))).toThrow("KongWorkloadSettings 'edge': container 'kong' of Deployment 'kong' declares port metrics:8100, which clashes with the status port status:8100. Fix:");
  });

  test('a conflicting env value is refused', () => {
    expect(() => synthJson((scope) => new KongWorkloadSettings({ gateway }).applyTo(
      userDeployment(scope, { env: [{ name: 'KONG_STATUS_LISTEN', value: '127.0.0.1:8007' }] }),
    ))).toThrow("KongWorkloadSettings 'edge': container 'kong' of Deployment 'kong' already sets KONG_STATUS_LISTEN to another value. Fix:");
  });

  test('a missing container is named in the error', () => {
    const other = KongGateway.hybridDataPlane({ name: 'edge', containerName: 'gateway' });
    expect(() => synthJson((scope) => new KongWorkloadSettings({ gateway: other }).applyTo(userDeployment(scope)))).toThrow(
      "KongWorkloadSettings 'edge': Deployment 'kong' has no container named 'gateway' (it has 'sidecar', 'kong'). Fix: set the gateway's containerName",
    );
  });

  test('probe rules hold here too', () => {
    expect(() => new KongWorkloadSettings({ gateway, readinessProbe: KongProbe.fromCommand(['kong', 'health']) })).toThrow(/readiness probe runs exec 'kong health'/);
  });
});

describe('KongWorkloadSettings.toHelmValues', () => {
  test('the Kong Helm chart layout: status port, probes, pod annotations, env', () => {
    const values = JSON.parse(new KongWorkloadSettings({
      gateway: KongGateway.dbLess({ name: 'edge', startupWindow: Duration.minutes(3) }),
      plugins: { datadog: {}, openTelemetry: { tracesEndpoint: 'http://otel:4318/v1/traces' } },
      statusTls: { port: 8543 },
    }).toHelmValues());
    expect(values.status).toEqual({
      enabled: true,
      http: { enabled: true, containerPort: 8100, parameters: [] },
      tls: { enabled: true, containerPort: 8543, parameters: [] },
    });
    expect(values.readinessProbe).toEqual({
      httpGet: { path: '/status/ready', port: 'status', scheme: 'HTTP' },
      initialDelaySeconds: 5,
      timeoutSeconds: 5,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(values.livenessProbe.httpGet.path).toBe('/status');
    expect(values.startupProbe).toMatchObject({ httpGet: { path: '/status', port: 'status' }, periodSeconds: 5, failureThreshold: 36 });
    expect(values.podAnnotations['ad.datadoghq.com/tolerate-unready']).toBe('true');
    expect(JSON.parse(values.podAnnotations['ad.datadoghq.com/proxy.checks']).kong.instances[0].openmetrics_endpoint).toBe('http://%%host%%:8100/metrics');
    // The chart writes KONG_STATUS_LISTEN itself; env keys lose the KONG_ prefix.
    expect(values.env).toEqual({
      datadog_agent_host: { valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
      tracing_instrumentations: 'all',
      tracing_sampling_rate: '0.01',
    });
    expect(values.dblessConfig).toBeUndefined();
  });

  test('declarative config for DB-less releases without the controller, ServiceMonitor when chosen', () => {
    const settings = new KongWorkloadSettings({ gateway: KongGateway.dbLess({ name: 'edge' }), prometheusScrape: PrometheusScrapeMethod.SERVICE_MONITOR });
    const values = JSON.parse(settings.toHelmValues({ includeDeclarativeConfig: true }));
    expect(JSON.parse(values.dblessConfig.config).plugins[0].name).toBe('prometheus');
    expect(values.serviceMonitor).toEqual({ enabled: true, interval: '30s' });
  });
});
