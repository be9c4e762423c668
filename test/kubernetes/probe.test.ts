import { Duration } from '../../src/core/duration';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { toHelmProbe, toProviderProbe } from '../../src/kubernetes/internal/probe-rendering';
import { KongProbe, ProbeAction, ProbeScheme } from '../../src/kubernetes/probe';

describe('KongProbe', () => {
  test('statusReady uses the Kong Helm chart defaults on the named status port', () => {
    const probe = KongProbe.statusReady();
    expect(probe.action).toBe(ProbeAction.HTTP_GET);
    expect(probe.path).toBe('/status/ready');
    expect(toProviderProbe(probe)).toEqual({
      httpGet: { path: '/status/ready', port: 'status', scheme: 'HTTP' },
      initialDelaySeconds: 5,
      timeoutSeconds: 5,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  test('statusLive probes /status with the same numbers', () => {
    expect(toProviderProbe(KongProbe.statusLive())).toEqual({
      httpGet: { path: '/status', port: 'status', scheme: 'HTTP' },
      initialDelaySeconds: 5,
      timeoutSeconds: 5,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  test('every number is overridable and converted from Duration to seconds', () => {
    const probe = KongProbe.statusReady({
      port: 9100,
      scheme: ProbeScheme.HTTPS,
      initialDelay: Duration.seconds(15),
      timeout: Duration.seconds(2),
      period: Duration.seconds(4),
      successThreshold: 2,
      failureThreshold: 6,
    });
    expect(toProviderProbe(probe)).toEqual({
      httpGet: { path: '/status/ready', port: '9100', scheme: 'HTTPS' },
      initialDelaySeconds: 15,
      timeoutSeconds: 2,
      periodSeconds: 4,
      successThreshold: 2,
      failureThreshold: 6,
    });
    expect(toHelmProbe(probe).httpGet).toEqual({ path: '/status/ready', port: 9100, scheme: 'HTTPS' });
  });

  test('startup derives failureThreshold × period from the window', () => {
    const probe = KongProbe.startup({ window: Duration.minutes(2) });
    expect(probe.path).toBe('/status');
    expect(probe.period.toSeconds()).toBe(5);
    expect(probe.failureThreshold).toBe(24);
    expect(probe.failureThreshold * probe.period.toSeconds()).toBeGreaterThanOrEqual(120);

    const odd = KongProbe.startup({ window: Duration.seconds(61), period: Duration.seconds(10) });
    expect(odd.failureThreshold).toBe(7); // rounded up: 70s covers a 61s window
  });

  test('startup window comes from the gateway when the library builds it', () => {
    const gateway = KongGateway.dbLess({ name: 'edge', startupWindow: Duration.minutes(5) });
    const probe = KongProbe.startup({ window: gateway.startupWindow });
    expect(probe.failureThreshold * probe.period.toSeconds()).toBe(300);
  });

  test('fromCommand recognises kong health in its spellings', () => {
    expect(KongProbe.fromCommand(['kong', 'health']).runsKongHealthCli).toBe(true);
    expect(KongProbe.fromCommand(['/bin/sh', '-c', 'kong health']).runsKongHealthCli).toBe(true);
    expect(KongProbe.fromCommand(['kong-health']).runsKongHealthCli).toBe(true);
    expect(KongProbe.fromCommand(['/usr/local/bin/kong', 'health']).runsKongHealthCli).toBe(true);
    expect(KongProbe.fromCommand(['curl', '-f', 'http://localhost:8100/status']).runsKongHealthCli).toBe(false);
    expect(KongProbe.statusLive().runsKongHealthCli).toBe(false);
  });

  test('command probes render as exec blocks', () => {
    expect(toProviderProbe(KongProbe.fromCommand(['curl', '-f', 'http://localhost:8100/status'])).exec).toEqual({
      command: ['curl', '-f', 'http://localhost:8100/status'],
    });
  });

  test('raw factories refuse malformed input with a fix', () => {
    expect(() => KongProbe.fromHttpGet('status')).toThrow("KongProbe.fromHttpGet: path 'status' does not start with '/'. Fix: write it as an absolute path");
    expect(() => KongProbe.fromCommand([])).toThrow('KongProbe.fromCommand: the command is empty. Fix:');
  });
});
