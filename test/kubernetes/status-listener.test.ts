import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Testing } from 'cdktf';
import { onlyResource, resourcesOf, synthJson } from './synth-helpers';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KubernetesServiceType } from '../../src/kubernetes/service-types';
import { StatusListener, StatusListenerProps } from '../../src/kubernetes/status-listener';

Testing.setupJest();

const gateway = KongGateway.dbLess({ name: 'edge', namespace: 'gateways' });

function listener(props: Partial<StatusListenerProps> = {}): StatusListener {
  let built: StatusListener | undefined;
  Testing.synthScope((scope) => {
    built = new StatusListener(scope, 'status', { gateway, ...props });
  });
  return built!;
}

describe('StatusListener', () => {
  test('binds all IPv4 and IPv6 addresses on the status port', () => {
    const l = listener();
    expect(l.statusListen).toBe('0.0.0.0:8100, [::]:8100');
    expect(l.env()).toEqual([{ name: 'KONG_STATUS_LISTEN', value: '0.0.0.0:8100, [::]:8100' }]);
    expect(l.containerPorts()).toEqual([{ name: 'status', containerPort: 8100 }]);
  });

  test('TLS variant adds ssl entries, the status-tls port and certificate env', () => {
    const l = listener({ tls: { certificatePath: '/certs/tls.crt', certificateKeyPath: '/certs/tls.key' } });
    expect(l.statusListen).toBe('0.0.0.0:8100, [::]:8100, 0.0.0.0:8543 ssl, [::]:8543 ssl');
    expect(l.containerPorts()).toEqual([
      { name: 'status', containerPort: 8100 },
      { name: 'status-tls', containerPort: 8543 },
    ]);
    expect(l.env()).toEqual([
      { name: 'KONG_STATUS_LISTEN', value: '0.0.0.0:8100, [::]:8100, 0.0.0.0:8543 ssl, [::]:8543 ssl' },
      { name: 'KONG_STATUS_SSL_CERT', value: '/certs/tls.crt' },
      { name: 'KONG_STATUS_SSL_CERT_KEY', value: '/certs/tls.key' },
    ]);
  });

  test('creates a ClusterIP Service for the status port and no NetworkPolicy by default', () => {
    const synthesized = Testing.synthScope((scope) => new StatusListener(scope, 'status', { gateway }));
    expect(synthesized).toHaveResourceWithProperties(ServiceV1, {
      metadata: { name: 'edge-status', namespace: 'gateways', labels: { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge', 'app.kubernetes.io/component': 'status' } },
      spec: {
        type: 'ClusterIP',
        selector: { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge' },
        port: [{ name: 'status', port: 8100, target_port: 'status', protocol: 'TCP' }],
      },
    });
    expect(synthesized).not.toHaveResource(NetworkPolicyV1);
  });

  test('NetworkPolicy admits the status port only from the named namespaces and keeps other ports open', () => {
    const json = synthJson((scope) => new StatusListener(scope, 'status', { gateway, allowedNamespaces: ['monitoring', 'datadog'] }));
    const policy = onlyResource(json, 'kubernetes_network_policy_v1');
    expect(policy.metadata).toMatchObject({ name: 'edge-status', namespace: 'gateways' });
    expect(policy.spec.pod_selector.match_labels).toEqual({ 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge' });
    expect(policy.spec.policy_types).toEqual(['Ingress']);
    expect(policy.spec.ingress).toHaveLength(2);
    const [statusRule, otherRule] = policy.spec.ingress;
    expect(statusRule.ports).toEqual([{ port: '8100', protocol: 'TCP' }]);
    expect(statusRule.from).toEqual([
      { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
      { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'datadog' } } },
    ]);
    expect(otherRule.from).toBeUndefined();
    expect(otherRule.ports.map((p: any) => p.port)).toEqual(['8000', '8443', '8001', '8444']);
    expect(otherRule.ports.map((p: any) => p.port)).not.toContain('8100');
  });

  test('an empty allowedNamespaces list is refused', () => {
    expect(() => listener({ allowedNamespaces: [] })).toThrow(/StatusListener 'status': allowedNamespaces is empty.*Fix: name the namespaces that scrape Kong/);
  });

  test('a TLS status port out of range is refused', () => {
    expect(() => listener({ tls: { port: 70000 } })).toThrow("StatusListener 'status': statusTls.port 70000 is out of range. Fix: use a whole port number between 1 and 65535.");
  });

  test('a status port out of range is refused where the gateway is declared', () => {
    expect(() => KongGateway.dbLess({ name: 'edge', statusPort: 0 })).toThrow("KongGateway 'edge': statusPort 0 is out of range. Fix:");
  });

  test.each([
    [8000, 'proxyHttpPort'],
    [8443, 'proxyTlsPort'],
    [8001, 'adminHttpPort'],
    [8444, 'adminTlsPort'],
  ])('a status port of %d clashes with %s', (port, field) => {
    const clashing = KongGateway.dbLess({ name: 'edge', statusPort: port });
    expect(() => new StatusListener(Testing.app(), 'status', { gateway: clashing })).toThrow(
      `StatusListener 'status': ${field} ${port} clashes with statusPort. Fix: give the status listener its own port (8100 is the Kong Helm chart's convention`,
    );
  });

  test('a status port clashing with another declared port is refused', () => {
    expect(() => listener({ ports: { additionalPorts: [8005, 8100] } })).toThrow("StatusListener 'status': additionalPorts[1] 8100 clashes with statusPort. Fix: give the status listener its own port");
  });

  test('a TLS status port clashing with the proxy is refused', () => {
    expect(() => listener({ tls: { port: 8443 } })).toThrow("StatusListener 'status': proxyTlsPort 8443 clashes with statusTls.port. Fix:");
  });

  test.each([KubernetesServiceType.LOAD_BALANCER, KubernetesServiceType.NODE_PORT])('exposing the status port through a %s Service is refused', (type) => {
    expect(() => listener({ serviceType: type })).toThrow(
      `StatusListener 'status': the status port 8100 would be exposed through a ${type} Service. Fix: keep the status Service ClusterIP`,
    );
  });

  test('only one Service per listener, named after the workload', () => {
    const json = synthJson((scope) => new StatusListener(scope, 'status', { gateway: KongGateway.dbLess({ name: 'edge', workloadName: 'kong-edge' }) }));
    const services = Object.values(resourcesOf(json, 'kubernetes_service_v1'));
    expect(services.map((s: any) => s.metadata.name)).toEqual(['kong-edge-status']);
  });
});
