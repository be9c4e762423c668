// What the rendered monitors notify in the two situations that matter for per-node alerts:
// a rolling update of three pods must notify nobody, and one unready pod must alert for its
// own group. Datadog's evaluation is modelled in test/support/datadog-monitor-model.ts from
// its documented rules; the scenarios follow what KongDeployment renders (RollingUpdate with
// max_surge 1 and max_unavailable 0, `kong quit --wait=15` on stop) and what the Agent does
// with the library's annotations (tolerate-unready: an unready pod's checks keep running
// and report CRITICAL; a deleted pod's checks stop).
import { BASE, NOTIFY, monitorOf, synth } from './helpers';
import { DatadogMonitors } from '../../src/datadog/monitors';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { CheckStatus, Notification, Sample, evaluateMonitor } from '../support/datadog-monitor-model';

const CHECK_SECONDS = 15;
const MINUTE = 60;

/** A pod's life: created at `from`, ready at `readyAt`, draining from `drainFrom`, gone at `to`. */
interface Pod {
  readonly name: string;
  readonly ip: string;
  readonly from: number;
  readonly readyAt: number;
  readonly drainFrom?: number;
  readonly to: number;
  /** Unready (503) from this moment while it keeps running. */
  readonly unreadyFrom?: number;
  /** The data plane loses its control plane from this moment. */
  readonly disconnectedFrom?: number;
}

function every(from: number, to: number, f: (at: number) => Sample | undefined): Sample[] {
  const out: Sample[] = [];
  for (let at = from; at < to; at += CHECK_SECONDS) {
    const s = f(at);
    if (s) out.push(s);
  }
  return out;
}

/** http_check on /status/ready, one instance per pod (named after it). */
function readinessChecks(pods: Pod[]): Sample[] {
  return pods.flatMap((p) => every(p.from, p.to, (at) => {
    const ready = at >= p.readyAt && (p.drainFrom === undefined || at < p.drainFrom) && (p.unreadyFrom === undefined || at < p.unreadyFrom);
    return { at, group: `instance:kong-ready-${p.name}`, status: (ready ? 'OK' : 'CRITICAL') as CheckStatus };
  }));
}

/** The Kong check's health of each pod's metrics endpoint (the status listener answers from start). */
function metricsEndpointChecks(pods: Pod[]): Sample[] {
  return pods.flatMap((p) => every(p.from + CHECK_SECONDS, p.to, (at) => ({ at, group: `endpoint:http://${p.ip}:8100/metrics`, status: 'OK' as CheckStatus })));
}

/** kong_control_plane_connected through the Kong check, per endpoint. */
function connectedGauges(pods: Pod[]): Sample[] {
  return pods.flatMap((p) => every(p.from + CHECK_SECONDS, p.to, (at) => ({
    at,
    group: `endpoint:http://${p.ip}:8100/metrics`,
    value: at < p.from + 30 || (p.disconnectedFrom !== undefined && at >= p.disconnectedFrom) ? 0 : 1,
  })));
}

/** kube-state ready replicas over the expected count (one group). */
function readyRatio(pods: Pod[], expected: number, until: number): Sample[] {
  return every(0, until, (at) => ({
    at,
    group: '*',
    value: pods.filter((p) => at >= p.readyAt && at < (p.drainFrom ?? p.to) && (p.unreadyFrom === undefined || at < p.unreadyFrom)).length / expected,
  }));
}

const START = 10 * MINUTE;
const END = START + 4 * 60 * MINUTE;
const steady = (name: string, ip: string, extra: Partial<Pod> = {}): Pod => ({ name, ip, from: -30 * MINUTE, readyAt: -29 * MINUTE, to: END, ...extra });

/**
 * A rolling update of three pods, one surge pod at a time: each new pod starts unready for a
 * minute (loading its configuration), and once it is ready an old pod drains for 15 s and
 * goes away. Nothing else happens.
 */
function rollout(): Pod[] {
  const pods: Pod[] = [];
  let t = START;
  for (const [old, replacement] of [['edge-7d9f-aaaaa', 'edge-5c8b-ddddd'], ['edge-7d9f-bbbbb', 'edge-5c8b-eeeee'], ['edge-7d9f-ccccc', 'edge-5c8b-fffff']]) {
    const readyAt = t + MINUTE;
    pods.push({ name: replacement, ip: `10.0.1.${pods.length}`, from: t, readyAt, to: END });
    pods.push(steady(old, `10.0.0.${pods.length}`, { drainFrom: readyAt, to: readyAt + 30 }));
    t = readyAt + MINUTE;
  }
  return pods;
}

describe('Datadog monitors in a roll-out and with one unready pod', () => {
  const gateway = KongGateway.hybridDataPlane({ ...BASE, expectedNodes: 3, edition: KongEdition.ENTERPRISE, kongVersion: '3.10' });
  const s = synth((stack) => new DatadogMonitors(stack, 'monitors', { gateway, notify: NOTIFY }));
  const readiness = monitorOf(s, SignalId.NODE_READY);
  const metricsUp = monitorOf(s, SignalId.NODE_METRICS_UP);
  const connected = monitorOf(s, SignalId.CONTROL_PLANE_CONNECTED);
  const readyNodes = monitorOf(s, SignalId.READY_NODES_BELOW_EXPECTED);

  function run(pods: Pod[]): { [signal: string]: Notification[] } {
    return {
      [SignalId.NODE_READY]: evaluateMonitor(readiness, readinessChecks(pods), END),
      [SignalId.NODE_METRICS_UP]: evaluateMonitor(metricsUp, metricsEndpointChecks(pods), END),
      [SignalId.CONTROL_PLANE_CONNECTED]: evaluateMonitor(connected, connectedGauges(pods), END),
      [SignalId.READY_NODES_BELOW_EXPECTED]: evaluateMonitor(readyNodes, readyRatio(pods, 3, END), END),
    };
  }

  test('per-node groups do not notify when their pod is gone; node loss stays with the expected-count monitor', () => {
    for (const m of [readiness, metricsUp, connected]) {
      expect([m.name, m.notify_no_data ?? false]).toEqual([m.name, false]);
      expect(m.message).not.toContain('{{#is_no_data}}');
    }
    // Metric monitors: a vanished group resolves, as a vanished series does in Prometheus and Grafana.
    expect(connected.on_missing_data).toBe('resolve');
    // Service checks have no on_missing_data: a group whose pod is gone while it alerts
    // resolves after an hour without data instead of paging forever.
    expect([readiness.timeout_h, metricsUp.timeout_h]).toEqual([1, 1]);
    expect(readyNodes.notify_no_data).toBe(true);
  });

  test('a roll-out of three pods notifies nothing', () => {
    expect(run(rollout())).toEqual({
      [SignalId.NODE_READY]: [],
      [SignalId.NODE_METRICS_UP]: [],
      [SignalId.CONTROL_PLANE_CONNECTED]: [],
      [SignalId.READY_NODES_BELOW_EXPECTED]: [],
    });
  });

  test('one unready pod alerts for its group, with the critical handles, after the window; the count monitor warns', () => {
    const unreadyAt = START;
    const pods = [steady('edge-7d9f-aaaaa', '10.0.0.1'), steady('edge-7d9f-bbbbb', '10.0.0.2', { unreadyFrom: unreadyAt }), steady('edge-7d9f-ccccc', '10.0.0.3')];
    const notified = run(pods);
    const [first, ...rest] = notified[SignalId.NODE_READY];
    // last(8) consecutive CRITICAL statuses, 15 s apart: two minutes.
    expect(first).toEqual({ at: unreadyAt + 7 * CHECK_SECONDS, group: 'instance:kong-ready-edge-7d9f-bbbbb', state: 'ALERT', renotify: false, handles: ['@pagerduty-kong'] });
    // Still unready: re-notified hourly, never resolved by timeout (it keeps reporting).
    expect(rest.every((n) => n.group === first.group && n.state === 'ALERT' && n.renotify)).toBe(true);
    expect(rest.length).toBeGreaterThan(0);
    expect(notified[SignalId.NODE_METRICS_UP]).toEqual([]);
    // Two of three ready: below the warning threshold (1), above the critical (0.5).
    expect(notified[SignalId.READY_NODES_BELOW_EXPECTED].map((n) => [n.state, n.handles])).toEqual([['WARN', ['@slack-kong-alerts']]]);
  });

  test('an unready pod that is deleted resolves within an hour of its last check instead of re-paging forever', () => {
    const deletedAt = START + 10 * MINUTE;
    const pods = [steady('edge-7d9f-aaaaa', '10.0.0.1', { unreadyFrom: START, to: deletedAt })];
    const notified = evaluateMonitor(readiness, readinessChecks(pods), END);
    const resolved = notified[notified.length - 1];
    expect([notified[0].state, resolved.state]).toEqual(['ALERT', 'OK']);
    expect(resolved.at - deletedAt).toBeLessThanOrEqual(60 * MINUTE);
    // At most the one hourly re-notification that falls before the timeout.
    expect(notified.filter((n) => n.renotify).length).toBeLessThanOrEqual(1);
  });

  test('a data plane that loses its control plane alerts for its endpoint only', () => {
    const pods = [steady('edge-7d9f-aaaaa', '10.0.0.1'), steady('edge-7d9f-bbbbb', '10.0.0.2', { disconnectedFrom: START })];
    const notified = run(pods)[SignalId.CONTROL_PLANE_CONNECTED].filter((n) => !n.renotify);
    expect(notified.map((n) => [n.group, n.state, n.handles])).toEqual([['endpoint:http://10.0.0.2:8100/metrics', 'ALERT', ['@pagerduty-kong']]]);
  });

  test('every node gone (or the pipeline broken): the expected-count monitor pages NO DATA', () => {
    const notified = evaluateMonitor(readyNodes, readyRatio([steady('edge-7d9f-aaaaa', '10.0.0.1')], 1, START), END);
    expect(notified.map((n) => [n.state, n.handles])).toEqual([['NO DATA', ['@pagerduty-kong']]]);
  });
});
