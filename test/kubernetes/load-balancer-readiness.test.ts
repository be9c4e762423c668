import { manifestErrors } from './manifest-schemas';
import { manifestsOfKind, onlyResource, synthJson } from './synth-helpers';
import { Duration } from '../../src/core/duration';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { HealthCheckProtocol, LoadBalancerHealthCheck } from '../../src/kubernetes/health-check';
import { ExternalTrafficPolicy, KubernetesServiceType } from '../../src/kubernetes/service-types';
import { LoadBalancerCloud, LoadBalancerReadiness, LoadBalancerReadinessProps } from '../../src/practices/load-balancer-readiness';

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

  test('GCP: a BackendConfig with the health check, referenced by the Service, valid for cloud.google.com/v1', () => {
    const json = synth({ cloud: LoadBalancerCloud.GCP });
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
    const annotations = onlyResource(json, 'kubernetes_service_v1').metadata.annotations;
    expect(JSON.parse(annotations['cloud.google.com/backend-config'])).toEqual({ default: 'edge-proxy-readiness' });
    expect(JSON.parse(annotations['cloud.google.com/neg'])).toEqual({ ingress: true });
  });

  test('the BackendConfig schema catches a misspelt health-check field', () => {
    const [backendConfig] = manifestsOfKind(synth({ cloud: LoadBalancerCloud.GCP }), 'BackendConfig');
    const broken = { ...backendConfig, spec: { healthCheck: { ...backendConfig.spec.healthCheck, requestpath: '/status/ready' } } };
    expect(manifestErrors(broken).join('\n')).toMatch(/\/spec\/healthCheck must NOT have additional properties.*requestpath/);
  });

  test('Azure: health-probe request path and per-port probe port/protocol on the status port', () => {
    const annotations = onlyResource(synth({ cloud: LoadBalancerCloud.AZURE }), 'kubernetes_service_v1').metadata.annotations;
    const az = 'service.beta.kubernetes.io';
    expect(annotations).toEqual({
      [`${az}/azure-load-balancer-health-probe-request-path`]: '/status/ready',
      [`${az}/azure-load-balancer-health-probe-interval`]: '10',
      [`${az}/azure-load-balancer-health-probe-num-of-probe`]: '2',
      [`${az}/port_80_health-probe_protocol`]: 'http',
      [`${az}/port_80_health-probe_port`]: '8100',
      [`${az}/port_80_health-probe_request-path`]: '/status/ready',
      [`${az}/port_443_health-probe_protocol`]: 'http',
      [`${az}/port_443_health-probe_port`]: '8100',
      [`${az}/port_443_health-probe_request-path`]: '/status/ready',
    });
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
