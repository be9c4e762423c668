import { Testing, TerraformStack } from 'cdktf';
import { Duration } from '../../src/core/duration';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KubernetesProbes } from '../../src/kubernetes/kubernetes-probes';
import { KongProbe } from '../../src/kubernetes/probe';

const gateway = KongGateway.traditional({ name: 'edge' });

function probes(props: Partial<ConstructorParameters<typeof KubernetesProbes>[2]>): KubernetesProbes {
  return new KubernetesProbes(new TerraformStack(Testing.app(), 'test'), 'probes', { gateway, ...props });
}

describe('KubernetesProbes', () => {
  test('defaults: readiness /status/ready, liveness /status, startup sized from the gateway', () => {
    const p = probes({});
    expect(p.readiness.path).toBe('/status/ready');
    expect(p.liveness.path).toBe('/status');
    expect(p.startup.path).toBe('/status');
    expect(p.startup.failureThreshold * p.startup.period.toSeconds()).toBe(gateway.startupWindow.toSeconds());
  });

  test('the default startup probe follows a gateway startup window other than the 2 minutes KongProbe.startup assumes', () => {
    const slow = KongGateway.traditional({ name: 'edge', startupWindow: Duration.minutes(5) });
    const p = new KubernetesProbes(new TerraformStack(Testing.app(), 'test'), 'probes', { gateway: slow });
    expect(p.startup.failureThreshold).toBe(60);
    expect(p.startup.period.toSeconds()).toBe(5);
  });

  test('renders Kong Helm chart probe values', () => {
    const values = JSON.parse(probes({}).toHelmValues());
    expect(values.readinessProbe).toEqual({
      httpGet: { path: '/status/ready', port: 'status', scheme: 'HTTP' },
      initialDelaySeconds: 5,
      timeoutSeconds: 5,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(values.livenessProbe.httpGet.path).toBe('/status');
    expect(values.startupProbe).toEqual({
      httpGet: { path: '/status', port: 'status', scheme: 'HTTP' },
      initialDelaySeconds: 0,
      timeoutSeconds: 3,
      periodSeconds: 5,
      successThreshold: 1,
      failureThreshold: 24,
    });
  });

  test('a readiness probe on /status is refused', () => {
    expect(() => probes({ readiness: KongProbe.statusLive() })).toThrow(
      "KubernetesProbes 'probes': readiness probe is GET /status on port status, which answers 200 before Kong has a configuration (pods take traffic they cannot route). Fix: use KongProbe.statusReady() (GET /status/ready)",
    );
  });

  test('a readiness probe on /status built by hand is refused too', () => {
    expect(() => probes({ readiness: KongProbe.fromHttpGet('/status', { port: 8100 }) })).toThrow(/readiness probe is GET \/status on port 8100.*Fix: use KongProbe.statusReady\(\)/);
  });

  test('a liveness probe on /status/ready is refused: a database blip would restart every node', () => {
    expect(() => probes({ liveness: KongProbe.statusReady() })).toThrow(
      "KubernetesProbes 'probes': liveness probe is GET /status/ready on port status: a database blip fails /status/ready on every node at once and Kubernetes restarts them all. Fix: use KongProbe.statusLive() (GET /status) for liveness",
    );
  });

  test('an exec probe running kong health is refused, whichever probe it is', () => {
    expect(() => probes({ liveness: KongProbe.fromCommand(['kong', 'health']) })).toThrow(
      "KubernetesProbes 'probes': liveness probe runs exec 'kong health', which only checks that the nginx PID is alive, not that Kong has a valid configuration. Fix: use KongProbe.statusLive() on the status listener instead of 'kong health'.",
    );
    expect(() => probes({ readiness: KongProbe.fromCommand(['/bin/sh', '-c', 'kong health']) })).toThrow(/readiness probe runs exec '\/bin\/sh -c kong health'.*Fix: use KongProbe.statusReady\(\)/);
  });

  test('a timeout not shorter than the period is refused', () => {
    expect(() => probes({ readiness: KongProbe.statusReady({ timeout: Duration.seconds(10), period: Duration.seconds(10) }) })).toThrow(
      "KubernetesProbes 'probes': readiness probe timeout 10s is not shorter than its period 10s. Fix: make the timeout shorter than the period",
    );
    expect(() => probes({ liveness: KongProbe.statusLive({ timeout: Duration.seconds(30) }) })).toThrow(/liveness probe timeout 30s is not shorter than its period 10s/);
  });

  test('a status endpoint probed on another port is refused', () => {
    expect(() => probes({ readiness: KongProbe.statusReady({ port: 8000 }) })).toThrow(
      /readiness probe calls \/status\/ready on port 8000, but the status endpoints are served on the status port 8100\. Fix: leave the probe's port unset/,
    );
  });

  test('thresholds must be whole numbers of 1 or more', () => {
    expect(() => probes({ readiness: KongProbe.statusReady({ failureThreshold: 0 }) })).toThrow(
      "KubernetesProbes 'probes': readiness probe failureThreshold 0 must be a whole number of 1 or more. Fix: set readiness probe failureThreshold to 1 or more.",
    );
    expect(() => probes({ readiness: KongProbe.statusReady({ successThreshold: 1.5 }) })).toThrow(/readiness probe successThreshold 1\.5 must be a whole number of 1 or more/);
  });

  test('liveness successThreshold other than 1 is refused (Kubernetes rejects it)', () => {
    expect(() => probes({ liveness: KongProbe.statusLive({ successThreshold: 2 }) })).toThrow(/liveness probe successThreshold is 2\. Fix: set it to 1/);
  });

  test('a startup probe on /status/ready is refused (DB-less restart loop)', () => {
    expect(() => probes({ startup: KongProbe.fromHttpGet('/status/ready', { successThreshold: 1 }) })).toThrow(/startup probe is GET \/status\/ready on port status: a DB-less node without configuration never passes it/);
  });
});
