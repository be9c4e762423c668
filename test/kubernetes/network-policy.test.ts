// The status NetworkPolicy, evaluated with Kubernetes' semantics (test/support/network-policy.ts):
// a data plane reaches its control plane's cluster port (and, on Kong Gateway Enterprise, the
// telemetry port: kong-facts §9.5), a load balancer that health-checks pods reaches the status
// port from the sources the user declares (kubernetes-lb-facts #3, #6), everything else stays closed.
import { synthJson } from './synth-helpers';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { KongDeployment, KongDeploymentProps } from '../../src/kubernetes/kong-deployment';
import { GkeLoadBalancing, LoadBalancerCloud } from '../../src/kubernetes/load-balancer-readiness';
import { admits, policiesSelecting } from '../support/network-policy';

const DATABASE = { host: 'postgres.databases.svc.cluster.local', passwordSecret: { secretName: 'kong-postgres', key: 'password' } };
const CP_LABELS = { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'mesh-cp' };

function controlPlane(edition: KongEdition, props: Partial<KongDeploymentProps> = {}): any {
  const gateway = edition === KongEdition.ENTERPRISE
    ? KongGateway.hybridControlPlane({ name: 'mesh-cp', namespace: 'kong-cp', kongVersion: '3.10', edition })
    : KongGateway.hybridControlPlane({ name: 'mesh-cp', namespace: 'kong-cp' });
  return synthJson((scope) => new KongDeployment(scope, 'cp', {
    gateway,
    database: DATABASE,
    cluster: { certificateSecretName: 'kong-cluster-cert', dataPlaneNamespaces: ['kong-dp'], dataPlaneCidrs: ['192.168.50.0/24'] },
    statusAllowedNamespaces: ['monitoring'],
    ...props,
  }));
}

describe('a control plane behind the status NetworkPolicy', () => {
  const oss = policiesSelecting(controlPlane(KongEdition.OPEN_SOURCE), 'kong-cp', CP_LABELS);
  const enterprise = policiesSelecting(controlPlane(KongEdition.ENTERPRISE), 'kong-cp', CP_LABELS);

  test('the policy selects the control plane pods', () => {
    expect(oss).toHaveLength(1);
  });

  test('data planes reach the cluster port from their namespace and their declared IP block', () => {
    expect(admits(oss, { namespace: 'kong-dp' }, 8005)).toBe(true);
    expect(admits(oss, { ip: '192.168.50.7' }, 8005)).toBe(true);
  });

  test('on Enterprise they reach the telemetry port too; open source has no such listener to open', () => {
    expect(admits(enterprise, { namespace: 'kong-dp' }, 8006)).toBe(true);
    expect(admits(oss, { namespace: 'kong-dp' }, 8006)).toBe(false);
  });

  test('everything else stays closed: other namespaces and addresses on the cluster port, data planes on the status port', () => {
    expect(admits(oss, { namespace: 'default' }, 8005)).toBe(false);
    expect(admits(oss, { ip: '10.1.2.3' }, 8005)).toBe(false);
    expect(admits(enterprise, { namespace: 'default' }, 8006)).toBe(false);
    expect(admits(oss, { namespace: 'kong-dp' }, 8100)).toBe(false);
    expect(admits(oss, { namespace: 'monitoring' }, 8100)).toBe(true);
  });

  test('a policy with no data-plane source is refused: no data plane would get configuration', () => {
    expect(() => controlPlane(KongEdition.OPEN_SOURCE, { cluster: { certificateSecretName: 'kong-cluster-cert' } })).toThrow(
      "KongDeployment 'cp': the NetworkPolicy would shut the data planes out of the control plane's cluster port 8005, so none would get configuration. "
      + "Fix: name the data planes' namespaces or IP blocks (cluster.dataPlaneNamespaces / cluster.dataPlaneCidrs on KongDeployment; clusterAllowedNamespaces / clusterAllowedCidrs on StatusListener).",
    );
  });

  test('a data plane linked to a control plane whose policy does not admit its namespace is refused', () => {
    expect(() => synthJson((scope) => {
      const cp = new KongDeployment(scope, 'cp', {
        gateway: KongGateway.hybridControlPlane({ name: 'mesh-cp', namespace: 'kong-cp' }),
        database: DATABASE,
        cluster: { certificateSecretName: 'kong-cluster-cert', dataPlaneNamespaces: ['kong-edge'] },
        statusAllowedNamespaces: ['monitoring'],
      });
      new KongDeployment(scope, 'dp', { gateway: KongGateway.hybridDataPlane({ name: 'mesh-dp', namespace: 'kong-dp' }), cluster: { controlPlane: cp } });
    })).toThrow(
      "KongDeployment 'dp': the control plane 'mesh-cp' admits data planes to its cluster port only from namespaces kong-edge (NetworkPolicy), and this data plane runs in kong-dp. "
      + "Fix: add 'kong-dp' to cluster.dataPlaneNamespaces of the control plane.",
    );
  });
});

describe('a load balancer that health-checks the pods', () => {
  const EDGE_LABELS = { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge' };
  const edge = KongGateway.dbLess({ name: 'edge' });

  test('AWS NLB with IP targets: the declared VPC block reaches the status port, other addresses do not', () => {
    const json = synthJson((scope) => new KongDeployment(scope, 'kong', {
      gateway: edge, loadBalancerCloud: LoadBalancerCloud.AWS, statusAllowedNamespaces: ['monitoring'], statusAllowedCidrs: ['10.0.0.0/16'],
    }));
    const policies = policiesSelecting(json, 'kong', EDGE_LABELS);
    expect(admits(policies, { ip: '10.0.33.4' }, 8100)).toBe(true);
    expect(admits(policies, { ip: '172.16.0.9' }, 8100)).toBe(false);
    expect(admits(policies, { namespace: 'monitoring' }, 8100)).toBe(true);
    expect(admits(policies, { namespace: 'default' }, 8100)).toBe(false);
    // The proxy stays as reachable as it was.
    expect(admits(policies, { ip: '172.16.0.9' }, 8000)).toBe(true);
  });

  test('AWS without a declared source is refused: every target would turn unhealthy', () => {
    expect(() => synthJson((scope) => new KongDeployment(scope, 'kong', { gateway: edge, loadBalancerCloud: LoadBalancerCloud.AWS, statusAllowedNamespaces: ['monitoring'] }))).toThrow(
      "KongDeployment 'kong': the AWS load balancer health-checks each pod's status port 8100 from its own subnets, and the NetworkPolicy admits the status port only from namespaces monitoring: "
      + 'every target would turn unhealthy (the NLB then fails open, and pod readiness gates never pass). '
      + "Fix: set statusAllowedCidrs to the VPC or load balancer subnet CIDRs, e.g. ['10.0.0.0/16'].",
    );
  });

  test('GKE NEGs without a declared source are refused, naming Google\'s health-check ranges', () => {
    expect(() => synthJson((scope) => new KongDeployment(scope, 'kong', {
      gateway: edge, loadBalancerCloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.INGRESS, statusAllowedNamespaces: ['monitoring'],
    }))).toThrow(
      "KongDeployment 'kong': the GKE Ingress load balancer health-checks each pod's status port 8100 from Google's health-check ranges, and the NetworkPolicy admits the status port only from namespaces monitoring: "
      + 'every backend would turn unhealthy. '
      + "Fix: set statusAllowedCidrs to Google's health-check ranges, ['35.191.0.0/16', '130.211.0.0/22'].",
    );
  });

  test('a node-level check (GKE L4, Azure) needs no source: kube-proxy answers it on the node', () => {
    for (const props of [{ loadBalancerCloud: LoadBalancerCloud.AZURE }, { loadBalancerCloud: LoadBalancerCloud.GCP, gkeLoadBalancing: GkeLoadBalancing.L4_SERVICE }]) {
      const json = synthJson((scope) => new KongDeployment(scope, 'kong', { gateway: edge, statusAllowedNamespaces: ['monitoring'], ...props }));
      expect(admits(policiesSelecting(json, 'kong', EDGE_LABELS), { ip: '10.0.33.4' }, 8100)).toBe(false);
    }
  });
});
