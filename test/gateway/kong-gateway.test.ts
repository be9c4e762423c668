import { Duration } from '../../src/core/duration';
import { DeploymentMode, KongEdition, KongGateway, KongGatewayOptions, KongVersion, WorkloadKind } from '../../src/gateway';

const base: KongGatewayOptions = { name: 'edge' };

describe('KongGateway defaults', () => {
  test('a DB-less gateway gets the Helm chart conventions', () => {
    const gateway = KongGateway.dbLess(base);
    expect(gateway.mode).toBe(DeploymentMode.DB_LESS);
    expect(gateway.environment).toBe('production');
    expect(gateway.namespace).toBe('kong');
    expect(gateway.workloadKind).toBe(WorkloadKind.DEPLOYMENT);
    expect(gateway.workloadName).toBe('edge');
    expect(gateway.containerName).toBe('proxy');
    expect(gateway.statusPort).toBe(8100);
    expect(gateway.expectedNodes).toBeUndefined();
    expect(gateway.startupWindow.toSeconds()).toBe(120);
    expect(gateway.scrapeInterval.toSeconds()).toBe(30);
    expect(gateway.podLabels).toEqual({ 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge' });
  });

  test.each([
    [KongGateway.traditional, DeploymentMode.TRADITIONAL, true, true],
    [KongGateway.dbLess, DeploymentMode.DB_LESS, false, true],
    [KongGateway.hybridControlPlane, DeploymentMode.HYBRID_CONTROL_PLANE, true, false],
    [KongGateway.hybridDataPlane, DeploymentMode.HYBRID_DATA_PLANE, false, true],
  ])('factory %# sets mode, datastore and proxy flags', (factory, mode, hasDatastore, proxies) => {
    const gateway = factory(base);
    expect(gateway.mode).toBe(mode);
    expect(gateway.hasDatastore).toBe(hasDatastore);
    expect(gateway.proxiesTraffic).toBe(proxies);
  });

  test('common tags carry gateway, environment, namespace, team and user tags', () => {
    const gateway = KongGateway.traditional({ ...base, environment: 'staging', team: 'platform', tags: { cost_center: 'api' } });
    expect(gateway.commonTags()).toEqual({
      kong_gateway: 'edge',
      kong_environment: 'staging',
      kube_namespace: 'kong',
      team: 'platform',
      cost_center: 'api',
    });
  });
});

describe('KongGateway validation', () => {
  const cases: Array<[string, Partial<KongGatewayOptions> & { mode?: DeploymentMode }, string]> = [
    ['name not DNS-1123', { name: 'Edge_GW' }, "KongGateway 'Edge_GW': name 'Edge_GW' is not a DNS-1123 label. Fix: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit."],
    ['name too long', { name: 'a'.repeat(64) }, 'is not a DNS-1123 label'],
    ['namespace', { namespace: 'Kong' }, "KongGateway 'edge': namespace 'Kong' is not a DNS-1123 label"],
    ['environment', { environment: 'prod eu' }, "KongGateway 'edge': environment 'prod eu' is not a DNS-1123 label"],
    ['workloadName', { workloadName: '-kong' }, "workloadName '-kong' is not a DNS-1123 label"],
    ['containerName', { containerName: 'Proxy' }, "containerName 'Proxy' is not a DNS-1123 label"],
    ['cluster', { cluster: 'EU_1' }, "cluster 'EU_1' is not a DNS-1123 label"],
    ['team', { team: 'Platform Team' }, "team 'Platform Team' is not a DNS-1123 label"],
    ['port zero', { statusPort: 0 }, "KongGateway 'edge': statusPort 0 is out of range. Fix: use a whole port number between 1 and 65535."],
    ['port too high', { statusPort: 70000 }, 'statusPort 70000 is out of range'],
    ['port fraction', { statusPort: 8100.5 }, 'statusPort 8100.5 is out of range'],
    ['expected nodes zero', { expectedNodes: 0 }, "KongGateway 'edge': expectedNodes 0 must be a whole number of 1 or more. Fix: set expectedNodes to 1 or more."],
    ['expected nodes fraction', { expectedNodes: 2.5 }, 'expectedNodes 2.5 must be a whole number of 1 or more'],
    ['empty pod labels', { podLabels: {} }, "KongGateway 'edge': podLabels is empty"],
    ['scrape interval zero', { scrapeInterval: Duration.seconds(0) }, 'scrapeInterval 0s is too short'],
  ];

  test.each(cases)('%s', (_name, props, message) => {
    expect(() => new KongGateway({ ...base, mode: DeploymentMode.DB_LESS, ...props } as any)).toThrow(message);
  });

  test('an unknown mode names the valid ones', () => {
    expect(() => new KongGateway({ ...base, mode: 'classic' as DeploymentMode })).toThrow(
      "KongGateway 'edge': mode 'classic' is not a DeploymentMode. Fix: use one of DeploymentMode.TRADITIONAL ('traditional'), DeploymentMode.DB_LESS ('db-less'), DeploymentMode.HYBRID_CONTROL_PLANE ('hybrid-control-plane'), DeploymentMode.HYBRID_DATA_PLANE ('hybrid-data-plane').",
    );
  });

  test('valid edge values pass', () => {
    expect(() => KongGateway.dbLess({ ...base, statusPort: 1, expectedNodes: 1, name: 'a'.repeat(63) })).not.toThrow();
    expect(() => KongGateway.dbLess({ ...base, statusPort: 65535 })).not.toThrow();
  });
});

describe('KongGateway Kong version and edition', () => {
  test('defaults to open-source Kong 3.9, the image the library deploys', () => {
    const gateway = KongGateway.dbLess(base);
    expect(gateway.edition).toBe(KongEdition.OPEN_SOURCE);
    expect(gateway.kongVersion.majorMinor).toBe('3.9');
    expect(gateway.kongVersion.atLeast(3, 9)).toBe(true);
    expect(gateway.kongVersion.atLeast(3, 10)).toBe(false);
  });

  test('an Enterprise release with four parts compares by major and minor', () => {
    const gateway = KongGateway.hybridDataPlane({ ...base, kongVersion: '3.10.0.1', edition: KongEdition.ENTERPRISE });
    expect(gateway.kongVersion.majorMinor).toBe('3.10');
    expect(gateway.kongVersion.atLeast(3, 10)).toBe(true);
    expect(gateway.kongVersion.atLeast(3, 9)).toBe(true);
    expect(gateway.kongVersion.atLeast(4, 0)).toBe(false);
  });

  test.each([
    ['3', "kongVersion '3' is not a Kong version"],
    ['latest', "kongVersion 'latest' is not a Kong version"],
    ['2.8', "kongVersion '2.8' is not a Kong 3.x release"],
    ['3.2', "kongVersion '3.2' has no /status/ready (added in Kong 3.3)"],
  ])('kongVersion %s fails with a message naming the field', (kongVersion, message) => {
    expect(() => KongGateway.dbLess({ ...base, kongVersion })).toThrow(`KongGateway 'edge': ${message}`);
  });

  test('open-source 3.10 does not exist: the message points at the Enterprise edition', () => {
    expect(() => KongGateway.dbLess({ ...base, kongVersion: '3.10' })).toThrow(
      /open-source Kong has no release after 3\.9\. Fix: set edition: KongEdition\.ENTERPRISE/,
    );
  });

  test('an edition outside the enum (from an untyped language) fails', () => {
    expect(() => KongGateway.dbLess({ ...base, edition: 'community' as KongEdition })).toThrow("KongGateway 'edge': edition 'community' is not a KongEdition. Fix: use one of KongEdition.OPEN_SOURCE ('open-source'), KongEdition.ENTERPRISE ('enterprise').");
  });

  test('KongVersion.of parses for users, with its own subject', () => {
    expect(KongVersion.of('3.8.1').atLeast(3, 8)).toBe(true);
    expect(() => KongVersion.of('x')).toThrow("KongVersion.of: version 'x' is not a Kong version");
  });
});
