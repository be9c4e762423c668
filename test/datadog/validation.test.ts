import { BASE, NOTIFY, synth } from './helpers';
import { Duration } from '../../src/core/duration';
import { checkMonitorConsistency } from '../../src/datadog/internal/consistency';
import { DatadogMonitors, DatadogMonitorsProps } from '../../src/datadog/monitors';
import { DatadogSlo, DatadogSloProps, DatadogSloSource, DatadogSloTimeframe } from '../../src/datadog/slo';
import { DatadogSynthetics, DatadogSyntheticsProps } from '../../src/datadog/synthetics';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { SignalThreshold } from '../../src/gateway/signal-threshold';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { DatadogQueryKind } from '../../src/signals/signal-types';

const dataPlane = KongGateway.hybridDataPlane(BASE);

function monitors(props: Partial<DatadogMonitorsProps>): () => void {
  return () => synth((stack) => new DatadogMonitors(stack, 'alerts', { gateway: dataPlane, notify: NOTIFY, ...props }));
}

function synthetics(props: Partial<DatadogSyntheticsProps>): () => void {
  return () => synth((stack) => new DatadogSynthetics(stack, 'probes', { gateway: dataPlane, notify: NOTIFY, ...props }));
}

function slo(props: Partial<DatadogSloProps>): () => void {
  return () => synth((stack) => new DatadogSlo(stack, 'availability', { gateway: dataPlane, ...props }));
}

describe('DatadogMonitors validation', () => {
  test('a handle without @ is named in the message', () => {
    expect(monitors({ notify: { critical: ['pagerduty-kong'], warning: ['@slack-kong'] } })).toThrow(
      "DatadogMonitors 'alerts': notify.critical has 'pagerduty-kong', which is not a Datadog handle. Fix: write it as an @-mention of letters, digits, '-', '_', '.', '+' and '@' (an email), e.g. '@pagerduty-kong'.",
    );
  });

  test('a handle with a space inside a per-signal list', () => {
    expect(monitors({ signals: [{ signal: SignalId.NODE_READY, notify: { critical: ['@slack kong'] } }] })).toThrow(
      "signals['node-ready'].notify.critical has '@slack kong', which is not a Datadog handle. Fix: write it as an @-mention of letters, digits, '-', '_', '.', '+' and '@' (an email), e.g. '@slack-kong'.",
    );
  });

  test('an empty critical list while critical signals exist', () => {
    expect(monitors({ notify: { critical: [], warning: ['@slack-kong'] } })).toThrow(
      "DatadogMonitors 'alerts': notify gives no critical notification target, but signal 'node-ready' raises critical alerts. Fix: add at least one handle to notify.critical (or notify.fallback), e.g. ['@pagerduty-kong'].",
    );
  });

  test('no warning target while warning notifications exist', () => {
    // A vanished pod notifies nobody, so the first warning-level notification is the metrics endpoint's.
    expect(monitors({ notify: { critical: ['@pagerduty-kong'] } })).toThrow(
      "DatadogMonitors 'alerts': notify gives no warning notification target, but signal 'node-metrics-up' raises warning alerts. Fix: add at least one handle to notify.warning (or notify.fallback), e.g. ['@slack-kong-alerts'].",
    );
  });

  test('an empty per-signal list names the signal block', () => {
    expect(monitors({ signals: [{ signal: SignalId.NODE_READY, notify: { critical: [] } }] })).toThrow(
      "signals['node-ready'].notify gives no critical notification target, but signal 'node-ready' raises critical alerts. Fix: add at least one handle to signals['node-ready'].notify.critical",
    );
  });

  test('a signal listed twice', () => {
    expect(monitors({ signals: [{ signal: SignalId.NODE_READY }, { signal: SignalId.NODE_READY, enabled: false }] })).toThrow(
      "DatadogMonitors 'alerts': signals lists 'node-ready' twice. Fix: merge the two entries into one.",
    );
  });

  test('a signal the gateway does not have', () => {
    expect(monitors({ signals: [{ signal: SignalId.DATASTORE_REACHABLE, enabled: false }] })).toThrow(
      "DatadogMonitors 'alerts': signals configures 'datastore-reachable', which this gateway does not have (its mode, Kong version or signalOverrides leave it out). Fix: remove the entry;",
    );
  });

  test('recoveryChecks must be a whole number', () => {
    expect(monitors({ signals: [{ signal: SignalId.NODE_READY, recoveryChecks: 1.5 }] })).toThrow(
      "signals['node-ready'].recoveryChecks 1.5 must be a whole number of 1 or more. Fix: set it to 1 or more, or leave it out.",
    );
  });

  test('recoveryChecks on a metric monitor', () => {
    expect(monitors({ signals: [{ signal: SignalId.ERROR_RATIO_5XX, recoveryChecks: 2 }] })).toThrow(
      "signals['error-ratio-5xx'].recoveryChecks is set, but 'error-ratio-5xx' is a metric monitor (recovery counts exist for service checks only). Fix: remove recoveryChecks from that entry.",
    );
  });

  test('last(N) smaller than the largest service-check threshold', () => {
    expect(monitors({ signals: [{ signal: SignalId.NODE_READY, recoveryChecks: 9 }] })).toThrow(
      "DatadogMonitors 'alerts': monitor '[Kong edge production] Kong node not ready' counts the last 8 checks but its ok threshold is 9; Datadog needs last(N) >= every threshold. Fix: lower the ok threshold to 8 or less, or lengthen the signal's window so it spans more checks.",
    );
  });

  test('a critical threshold the query cannot carry (exponent notation)', () => {
    const tiny = KongGateway.hybridDataPlane({
      ...BASE,
      signalOverrides: [
        { signal: SignalId.ERROR_RATIO_5XX, critical: SignalThreshold.ratio(0.0000001), warning: SignalThreshold.ratio(0.00000001) },
      ],
    });
    expect(() => synth((stack) => new DatadogMonitors(stack, 'alerts', { gateway: tiny, notify: NOTIFY }))).toThrow(
      "DatadogMonitors 'alerts': monitor '[Kong edge production] Kong 5xx response ratio high' query ends with '1e-7', which Datadog does not read as the critical threshold 1e-7. Fix: give the threshold as a plain decimal number",
    );
  });

  test('a critical threshold that differs from the number in the query', () => {
    expect(() => checkMonitorConsistency('DatadogMonitors \'alerts\'', 'm', DatadogQueryKind.METRIC, 'avg(last_5m):avg:a.b{*} > 0.05', { critical: '0.5' })).toThrow(
      "DatadogMonitors 'alerts': monitor 'm' has critical threshold 0.5 but its query compares with 0.05; Datadog rejects such a monitor. Fix:",
    );
    // Same value, other spelling: the API compares text too.
    expect(() => checkMonitorConsistency('x', 'm', DatadogQueryKind.METRIC, 'avg(last_5m):avg:a.b{*} > 0.50', { critical: '0.5' })).toThrow('has critical threshold 0.5 but its query compares with 0.50');
    expect(() => checkMonitorConsistency('x', 'm', DatadogQueryKind.METRIC, 'avg(last_5m):avg:a.b{*} > 0.5', { critical: '0.5' })).not.toThrow();
  });

  test('a service-check query without its last(N) ending', () => {
    expect(() => checkMonitorConsistency('x', 'm', DatadogQueryKind.SERVICE_CHECK, '"a.b".over("*")', { critical: '1' })).toThrow(
      "x: monitor 'm' service-check query has no .last(N).count_by_status() ending. Fix: render service checks from the signal catalog.",
    );
  });

  test('a renotify interval Datadog does not offer', () => {
    expect(monitors({ renotifyInterval: Duration.minutes(45) })).toThrow(
      "DatadogMonitors 'alerts': renotifyInterval 45m is not an interval Datadog offers. Fix: use one of 0m, 10m, 20m, 30m, 40m, 50m, 60m, 90m, 120m, 180m, 240m, 300m, 360m, 720m, 1440m (0 turns re-notification off).",
    );
  });

  test('asking for a disabled readiness monitor', () => {
    let construct!: DatadogMonitors;
    synth((stack) => {
      construct = new DatadogMonitors(stack, 'alerts', { gateway: dataPlane, notify: NOTIFY, signals: [{ signal: SignalId.NODE_READY, enabled: false }] });
    });
    expect(() => construct.readinessMonitor).toThrow(
      "DatadogMonitors 'alerts': the readiness monitor ('node-ready') is disabled. Fix: enable 'node-ready' again, or build on another monitor.",
    );
  });
});

describe('DatadogSynthetics validation', () => {
  test('nothing to test', () => {
    expect(synthetics({})).toThrow("DatadogSynthetics 'probes': neither endpoint nor readiness is given, so there is nothing to test. Fix:");
  });

  test('a URL that is not http(s)', () => {
    expect(synthetics({ endpoint: { url: 'api.example.com/health' } })).toThrow(
      "DatadogSynthetics 'probes': endpoint.url 'api.example.com/health' is not an http(s) URL. Fix: give a full URL such as 'https://api.example.com/health'.",
    );
  });

  test('the status port tested from managed locations', () => {
    expect(synthetics({ endpoint: { url: 'http://kong.example.com:8100/status/ready' } })).toThrow(
      "DatadogSynthetics 'probes': endpoint.url http://kong.example.com:8100/status/ready targets Kong's status listener, which managed locations (aws:eu-central-1, aws:us-east-2) cannot reach: it is never exposed publicly. Fix: test a proxied route through the load balancer here, and use readiness: { host, privateLocations } for /status/ready.",
    );
  });

  test('the readiness test on a managed location', () => {
    expect(synthetics({ readiness: { host: 'edge-status.kong.svc.cluster.local', privateLocations: ['pl:kong-eu', 'aws:eu-central-1'] } })).toThrow(
      "DatadogSynthetics 'probes': readiness.privateLocations has aws:eu-central-1, but managed locations cannot reach the status port 8100. Fix: give only private locations ('pl:<id>', from datadog_synthetics_private_location) running inside the cluster's network.",
    );
  });

  test('a readiness host with a scheme', () => {
    expect(synthetics({ readiness: { host: 'http://edge-status', privateLocations: ['pl:kong-eu'] } })).toThrow(
      "DatadogSynthetics 'probes': readiness.host 'http://edge-status' is not a host name. Fix:",
    );
  });

  test('no locations', () => {
    expect(synthetics({ endpoint: { url: 'https://api.example.com/', locations: [] } })).toThrow("DatadogSynthetics 'probes': endpoint.locations is empty. Fix:");
  });

  test('an interval outside 30s..7d', () => {
    expect(synthetics({ endpoint: { url: 'https://api.example.com/', interval: Duration.seconds(10) } })).toThrow(
      "DatadogSynthetics 'probes': endpoint.interval 10s is outside Datadog's 30s..7d. Fix: use an interval between 30s and 7d, e.g. Duration.minutes(1).",
    );
  });

  test('an expected status that is not HTTP', () => {
    expect(synthetics({ endpoint: { url: 'https://api.example.com/', expectedStatus: 700 } })).toThrow('endpoint.expectedStatus 700 is not an HTTP status');
  });

  test('no critical target for the endpoint test', () => {
    expect(synthetics({ notify: { warning: ['@slack-kong'] }, endpoint: { url: 'https://api.example.com/' } })).toThrow(
      "DatadogSynthetics 'probes': notify gives no critical notification target, but the endpoint test alerts at critical. Fix: add at least one handle to notify.critical (or notify.fallback).",
    );
  });

  test('a handle without @', () => {
    expect(synthetics({ notify: { fallback: ['oncall@example.com'] }, endpoint: { url: 'https://api.example.com/' } })).toThrow(
      "notify.fallback has 'oncall@example.com', which is not a Datadog handle",
    );
  });

  test('a renotify interval Datadog does not offer', () => {
    expect(synthetics({ endpoint: { url: 'https://api.example.com/' }, renotifyInterval: Duration.minutes(7) })).toThrow('renotifyInterval 7m is not an interval Datadog offers');
  });
});

describe('DatadogSlo validation', () => {
  test('a target outside (0, 100)', () => {
    expect(slo({ targetPercent: 100 })).toThrow("DatadogSlo 'availability': targetPercent 100 is outside (0, 100). Fix: give the target in percent, e.g. 99.9.");
    expect(slo({ targetPercent: 0.999 * 0 })).toThrow('targetPercent 0 is outside (0, 100)');
  });

  test('a warning not above the target', () => {
    expect(slo({ targetPercent: 99.9, warningPercent: 99.5 })).toThrow(
      "DatadogSlo 'availability': warningPercent 99.5 must lie above targetPercent 99.9 and below 100. Fix: use a warning between 99.9 and 100, e.g. 99.95.",
    );
  });

  test('no timeframes', () => {
    expect(slo({ timeframes: [] })).toThrow("DatadogSlo 'availability': timeframes is empty. Fix:");
  });

  test('a timeframe Datadog does not offer', () => {
    expect(slo({ timeframes: ['14d' as DatadogSloTimeframe] })).toThrow("DatadogSlo 'availability' (test/availability): timeframes[0] '14d' is not a DatadogSloTimeframe. Fix: use one of DatadogSloTimeframe.SEVEN_DAYS ('7d'), DatadogSloTimeframe.THIRTY_DAYS ('30d'), DatadogSloTimeframe.NINETY_DAYS ('90d').");
  });

  test('a timeframe twice', () => {
    expect(slo({ timeframes: [DatadogSloTimeframe.SEVEN_DAYS, DatadogSloTimeframe.SEVEN_DAYS] })).toThrow('timeframes lists a window twice (7d, 7d)');
  });

  test('a request-count SLO on a control plane', () => {
    const cp = KongGateway.hybridControlPlane({ ...BASE, name: 'edge-cp' });
    expect(slo({ gateway: cp })).toThrow(
      "DatadogSlo 'availability': source ERROR_RATIO needs the gateway's request counts, but gateway 'edge-cp' (hybrid-control-plane) has no 'error-ratio-5xx' signal in Datadog. Fix: use DatadogSloSource.READINESS_MONITOR or SYNTHETIC_TEST for this gateway.",
    );
  });

  test('a readiness SLO without monitors', () => {
    expect(slo({ source: DatadogSloSource.READINESS_MONITOR })).toThrow("DatadogSlo 'availability': source READINESS_MONITOR needs monitors. Fix:");
  });

  test('monitors of another gateway', () => {
    expect(() => synth((stack) => {
      const other = new DatadogMonitors(stack, 'other', { gateway: KongGateway.dbLess({ ...BASE, name: 'internal' }), notify: NOTIFY });
      new DatadogSlo(stack, 'availability', { gateway: dataPlane, source: DatadogSloSource.READINESS_MONITOR, monitors: other });
    })).toThrow("DatadogSlo 'availability': monitors belongs to gateway 'internal', not 'edge'. Fix: pass the monitors construct built for gateway 'edge'.");
  });

  test('monitors of the same gateway name in another environment', () => {
    expect(() => synth((stack) => {
      const staging = new DatadogMonitors(stack, 'staging', { gateway: KongGateway.hybridDataPlane({ ...BASE, environment: 'staging' }), notify: NOTIFY });
      new DatadogSlo(stack, 'availability', { gateway: dataPlane, source: DatadogSloSource.READINESS_MONITOR, monitors: staging });
    })).toThrow("DatadogSlo 'availability': monitors belongs to gateway 'edge' (staging), not 'edge' (production). Fix: pass the monitors construct built for gateway 'edge' (production).");
  });

  test('a synthetics SLO without an endpoint test', () => {
    expect(() => synth((stack) => {
      const probes = new DatadogSynthetics(stack, 'probes', { gateway: dataPlane, notify: NOTIFY, readiness: { host: 'edge-status', privateLocations: ['pl:kong'] } });
      new DatadogSlo(stack, 'availability', { gateway: dataPlane, source: DatadogSloSource.SYNTHETIC_TEST, synthetics: probes });
    })).toThrow("DatadogSlo 'availability': source SYNTHETIC_TEST needs synthetics with an endpoint test. Fix:");
  });
});
