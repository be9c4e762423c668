import { manifestErrors } from './manifest-schemas';
import { manifestsOfKind, onlyResource, synthJson } from './synth-helpers';
import { Duration } from '../../src/core/duration';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { HealthCheckProtocol, LoadBalancerHealthCheck } from '../../src/kubernetes/health-check';
import { GkeLoadBalancing, LoadBalancerCloud, LoadBalancerReadiness, LoadBalancerReadinessProps } from '../../src/kubernetes/load-balancer-readiness';
import { ExternalTrafficPolicy, KubernetesServiceType } from '../../src/kubernetes/service-types';

const gateway = KongGateway.dbLess({ name: 'edge' });

function synth(props: Partial<LoadBalancerReadinessProps>): any {
  return synthJson((scope) => new LoadBalancerReadiness(scope, 'lb', { gateway, cloud: LoadBalancerCloud.OTHER, ...props }));
}

describe('LoadBalancerReadiness', () => {
  test('proxy Service: LoadBalancer, externalTrafficPolicy Local, proxy ports only', () => {
    const service = onlyResource(synth({}), 'kubernetes_service_v1');
    expect(service.metadata.name).toBe('edge-proxy');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.external_traffic_policy).toBe('Local');
    expect(service.spec.port).toEqual([
      { name: 'proxy', port: 80, target_port: '8000', protocol: 'TCP' },
      { name: 'proxy-tls', port: 443, target_port: '8443', protocol: 'TCP' },
    ]);
  });

  test('externalTrafficPolicy Cluster can be chosen', () => {
    const service = onlyResource(synth({ externalTrafficPolicy: ExternalTrafficPolicy.CLUSTER }), 'kubernetes_service_v1');
    expect(service.spec.external_traffic_policy).toBe('Cluster');
  });

  test('AWS: Load Balancer Controller health check on /status/ready at the status port, IP targets', () => {
    const annotations = onlyResource(synth({ cloud: LoadBalancerCloud.AWS }), 'kubernetes_service_v1').metadata.annotations;
    const aws = 'service.beta.kubernetes.io/aws-load-balancer';
    expect(annotations).toEqual({
      [`${aws}-type`]: 'external',
      [`${aws}-nlb-target-type`]: 'ip',
      [`${aws}-scheme`]: 'internet-facing',
      [`${aws}-healthcheck-protocol`]: 'http',
      [`${aws}-healthcheck-port`]: '8100',
      [`${aws}-healthcheck-path`]: '/status/ready',
      [`${aws}-healthcheck-interval`]: '10',
      [`${aws}-healthcheck-timeout`]: '5',
      [`${aws}-healthcheck-healthy-threshold`]: '2',
      [`${aws}-healthcheck-unhealthy-threshold`]: '2',
      [`${aws}-healthcheck-success-codes`]: '200',
    });
  });

  test('AWS: health-check numbers follow the health check value', () => {
    const healthCheck = LoadBalancerHealthCheck.kongReady(gateway, { interval: Duration.seconds(6), timeout: Duration.seconds(3), healthyThreshold: 3, unhealthyThreshold: 4 });
    const annotations = onlyResource(synth({ cloud: LoadBalancerCloud.AWS, healthCheck, internal: true }), 'kubernetes_service_v1').metadata.annotations;
    expect(annotations['service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval']).toBe('6');
    expect(annotations['service.beta.kubernetes.io/aws-load-balancer-healthcheck-timeout']).toBe('3');
    expect(annotations['service.beta.kubernetes.io/aws-load-balancer-healthcheck-healthy-threshold']).toBe('3');
    expect(annotations['service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold']).toBe('4');
    expect(annotations['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe('internal');
  });

  test('GCP needs the GKE path named: each honours a different health-check setting', () => {
    expect(() => synth({ cloud: LoadBalancerCloud.GCP })).toThrow(
      "LoadBalancerReadiness 'lb': cloud GCP needs gkeLoadBalancing to say what fronts the proxy: a BackendConfig applies only behind a GKE Ingress, a HealthCheckPolicy only behind a GKE Gateway, "
      + 'and an L4 LoadBalancer Service follows readiness through externalTrafficPolicy Local. Fix: set gkeLoadBalancing to GkeLoadBalancing.L4_SERVICE, GkeLoadBalancing.INGRESS or GkeLoadBalancing.GATEWAY.',
    );
    expect(() => synth({ cloud: LoadBalancerCloud.AWS, gkeLoadBalancing: GkeLoadBalancing.INGRESS })).toThrow(
      "LoadBalancerReadiness 'lb': gkeLoadBalancing is set, but cloud is aws. Fix: remove gkeLoadBalancing, or set cloud to LoadBalancerCloud.GCP.",
    );
  });

  // GKE L4 (cloud.google.com/kubernetes-engine/docs, LoadBalancer Service parameters): a pass-through
  // load balancer checks nodes; with externalTrafficPolicy Local its check is kube-proxy's
  // healthCheckNodePort, which passes only on a node with a ready Kong pod. A BackendConfig is ignored there.
  test('GKE L4: a LoadBalancer Service with externalTrafficPolicy Local, no BackendConfig, no Ingress annotations', () => {
    const json = synth({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.L4_SERVICE, internal: true });
    expect(manifestsOfKind(json, 'BackendConfig')).toEqual([]);
    const service = onlyResource(json, 'kubernetes_service_v1');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.external_traffic_policy).toBe('Local');
    expect(service.metadata.annotations).toEqual({ 'networking.gke.io/load-balancer-type': 'Internal' });
    expect(() => synth({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.L4_SERVICE, externalTrafficPolicy: ExternalTrafficPolicy.CLUSTER })).toThrow(
      "LoadBalancerReadiness 'lb': externalTrafficPolicy Cluster behind a GKE L4 load balancer: its node health check then passes on every node while any Kong pod anywhere is ready, so it never sees a node's Kong unready. "
      + "Fix: use ExternalTrafficPolicy.LOCAL (kube-proxy's health check node port then passes only on nodes with a ready Kong pod).",
    );
  });

  // GKE Ingress (Ingress configuration docs): BackendConfig, referenced by cloud.google.com/backend-config,
  // configures the backend service of an Ingress; with container-native load balancing
  // (cloud.google.com/neg {"ingress": true}) the check reaches each pod's status port.
  test('GKE Ingress: a ClusterIP Service with NEGs and a BackendConfig on /status/ready, valid for cloud.google.com/v1', () => {
    const json = synth({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.INGRESS });
    const [backendConfig] = manifestsOfKind(json, 'BackendConfig');
    expect(backendConfig).toEqual({
      apiVersion: 'cloud.google.com/v1',
      kind: 'BackendConfig',
      metadata: { name: 'edge-proxy-readiness', namespace: 'kong' },
      spec: {
        healthCheck: {
          type: 'HTTP',
          requestPath: '/status/ready',
          port: 8100,
          checkIntervalSec: 10,
          timeoutSec: 5,
          healthyThreshold: 2,
          unhealthyThreshold: 2,
        },
      },
    });
    expect(manifestErrors(backendConfig)).toEqual([]);
    const service = onlyResource(json, 'kubernetes_service_v1');
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.external_traffic_policy).toBeUndefined();
    expect(JSON.parse(service.metadata.annotations['cloud.google.com/backend-config'])).toEqual({ default: 'edge-proxy-readiness' });
    expect(JSON.parse(service.metadata.annotations['cloud.google.com/neg'])).toEqual({ ingress: true });
    expect(() => synth({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.INGRESS, serviceType: KubernetesServiceType.LOAD_BALANCER })).toThrow(
      "LoadBalancerReadiness 'lb': serviceType LoadBalancer behind a GKE Ingress would also create an L4 load balancer, which ignores the BackendConfig. "
      + 'Fix: leave serviceType unset (ClusterIP: container-native load balancing through NEGs) and route your GKE Ingress to the Service.',
    );
  });

  test('the BackendConfig schema catches a misspelt health-check field', () => {
    const [backendConfig] = manifestsOfKind(synth({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.INGRESS }), 'BackendConfig');
    const broken = { ...backendConfig, spec: { healthCheck: { ...backendConfig.spec.healthCheck, requestpath: '/status/ready' } } };
    expect(manifestErrors(broken).join('\n')).toMatch(/\/spec\/healthCheck must NOT have additional properties.*requestpath/);
  });

  // GKE Gateway API (configure gateway resources, HealthCheckPolicy): the policy targets the Service
  // and sets the health check of the backend service the Gateway creates (NEGs, pod targets).
  test('GKE Gateway: a ClusterIP Service and a HealthCheckPolicy on /status/ready at the status port, valid for networking.gke.io/v1', () => {
    const json = synth({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.GATEWAY });
    const [policy] = manifestsOfKind(json, 'HealthCheckPolicy');
    expect(policy).toEqual({
      apiVersion: 'networking.gke.io/v1',
      kind: 'HealthCheckPolicy',
      metadata: { name: 'edge-proxy-readiness', namespace: 'kong' },
      spec: {
        default: {
          checkIntervalSec: 10,
          timeoutSec: 5,
          healthyThreshold: 2,
          unhealthyThreshold: 2,
          config: { type: 'HTTP', httpHealthCheck: { portSpecification: 'USE_FIXED_PORT', port: 8100, requestPath: '/status/ready' } },
        },
        targetRef: { group: '', kind: 'Service', name: 'edge-proxy' },
      },
    });
    expect(manifestErrors(policy)).toEqual([]);
    const service = onlyResource(json, 'kubernetes_service_v1');
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.metadata.annotations).toEqual({});
    expect(manifestsOfKind(json, 'BackendConfig')).toEqual([]);
    expect(() => synth({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.GATEWAY, internal: true })).toThrow(
      "LoadBalancerReadiness 'lb': internal is set, but behind a GKE Gateway the load balancer's reach is the Gateway's class. Fix: leave internal unset and use an internal GatewayClass (e.g. gke-l7-rilb) on your Gateway.",
    );
  });

  // cloud-provider-azure, "Custom Load Balancer health probe": for externalTrafficPolicy Local the
  // probe is HTTP /healthz on the health check node port whatever the request-path annotation says;
  // interval and probe count apply to Local services since kubernetes-sigs/cloud-provider-azure#4207.
  // A port_{port}_health-probe_port that names no Service port is probed on the node as is.
  test('Azure: externalTrafficPolicy Local, only the probe timing it honours, no per-port probe on a port the Service lacks', () => {
    const service = onlyResource(synth({ cloud: LoadBalancerCloud.AZURE, internal: true }), 'kubernetes_service_v1');
    const az = 'service.beta.kubernetes.io';
    expect(service.spec.external_traffic_policy).toBe('Local');
    expect(service.metadata.annotations).toEqual({
      [`${az}/azure-load-balancer-health-probe-interval`]: '10',
      [`${az}/azure-load-balancer-health-probe-num-of-probe`]: '2',
      [`${az}/azure-load-balancer-internal`]: 'true',
    });
    const servicePorts = service.spec.port.map((p: any) => String(p.port));
    for (const key of Object.keys(service.metadata.annotations)) {
      const port = /port_(\d+)_/.exec(key)?.[1];
      if (port) expect(servicePorts).toContain(port);
    }
    expect(() => synth({ cloud: LoadBalancerCloud.AZURE, externalTrafficPolicy: ExternalTrafficPolicy.CLUSTER })).toThrow(
      "LoadBalancerReadiness 'lb': externalTrafficPolicy Cluster behind an Azure load balancer: its node health check then passes on every node while any Kong pod anywhere is ready, so it never sees a node's Kong unready. "
      + "Fix: use ExternalTrafficPolicy.LOCAL (kube-proxy's health check node port then passes only on nodes with a ready Kong pod).",
    );
  });

  test('which health checks reach the pods themselves (a NetworkPolicy on the status port must admit them)', () => {
    const targetsPods = (props: Partial<LoadBalancerReadinessProps>) => {
      let lb: LoadBalancerReadiness | undefined;
      synthJson((scope) => {
        lb = new LoadBalancerReadiness(scope, 'lb', { gateway, cloud: LoadBalancerCloud.OTHER, ...props });
      });
      return lb!.healthCheckTargetsPods;
    };
    expect(targetsPods({ cloud: LoadBalancerCloud.AWS })).toBe(true);
    expect(targetsPods({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.INGRESS })).toBe(true);
    expect(targetsPods({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.GATEWAY })).toBe(true);
    expect(targetsPods({ cloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.L4_SERVICE })).toBe(false);
    expect(targetsPods({ cloud: LoadBalancerCloud.AZURE })).toBe(false);
    expect(targetsPods({})).toBe(false);
  });

  test('the provider-neutral health check carries path, port, protocol, interval, timeout and thresholds', () => {
    let lb: LoadBalancerReadiness | undefined;
    synthJson((scope) => {
      lb = new LoadBalancerReadiness(scope, 'lb', { gateway: KongGateway.dbLess({ name: 'edge', statusPort: 9100 }), cloud: LoadBalancerCloud.OTHER });
    });
    const check = lb!.healthCheck;
    expect([check.path, check.port, check.protocol, check.interval.toSeconds(), check.timeout.toSeconds(), check.healthyThreshold, check.unhealthyThreshold]).toEqual([
      '/status/ready', 9100, HealthCheckProtocol.HTTP, 10, 5, 2, 2,
    ]);
    expect(check.detectionTime.toSeconds()).toBe(20);
  });

  test('a health check on anything but /status/ready is refused', () => {
    expect(() => synth({ healthCheck: LoadBalancerHealthCheck.of('/status', 8100) })).toThrow(
      "LoadBalancerReadiness 'lb': the load balancer health check targets /status on port 8100, not /status/ready on the status port 8100. Fix: use LoadBalancerHealthCheck.kongReady(gateway)",
    );
  });

  test('a health check on another port is refused', () => {
    expect(() => synth({ healthCheck: LoadBalancerHealthCheck.of('/status/ready', 8000) })).toThrow(/targets \/status\/ready on port 8000, not \/status\/ready on the status port 8100/);
  });

  test('publishing the status port on the load balancer is refused', () => {
    expect(() => synth({ servicePorts: [{ name: 'status', port: 8100, targetPort: 8100 }] })).toThrow(
      "LoadBalancerReadiness 'lb': service port 'status' would expose the status port 8100 through a LoadBalancer Service. Fix: publish only proxy ports",
    );
    expect(() => synth({ serviceType: KubernetesServiceType.NODE_PORT, servicePorts: [{ name: 'metrics', port: 9000, targetPort: 8100 }] })).toThrow(
      /service port 'metrics' would expose the status port 8100 through a NodePort Service/,
    );
  });

  test('health check timings are checked', () => {
    expect(() => LoadBalancerHealthCheck.kongReady(gateway, { timeout: Duration.seconds(10), interval: Duration.seconds(10) })).toThrow(
      'LoadBalancerHealthCheck: timeout 10s must be at least 1s and shorter than interval 10s. Fix:',
    );
  });
});
