import { TerraformStack, Testing } from 'cdktf';
import { Duration } from '../../src/core/duration';
import { KongMonitoring } from '../../src/facade/kong-monitoring';
import { DeploymentMode, KongEdition, KongGateway, KongGatewayOptions, Severity, SignalId, SignalSetting, SignalThreshold, ThresholdDirection, WorkloadKind } from '../../src/gateway';
import { DatadogCollection, DatadogQueryKind } from '../../src/signals';
import { alertAnnotations } from '../../src/signals/alert-content';
import { signalsOf } from '../../src/signals/gateway-signals';
import { podNamePattern } from '../../src/signals/selectors';

const base: KongGatewayOptions = { name: 'edge', environment: 'prod', expectedNodes: 3 };
const ids = (gateway: KongGateway) => signalsOf(gateway).map((s) => s.id);

describe('signals per deployment mode', () => {
  test('traditional nodes: datastore yes, hybrid signals no', () => {
    expect(ids(KongGateway.traditional(base))).toEqual([
      SignalId.NODE_READY, SignalId.NODE_METRICS_UP, SignalId.DATASTORE_REACHABLE, SignalId.READY_NODES_BELOW_EXPECTED,
      SignalId.ERROR_RATIO_5XX, SignalId.REQUEST_LATENCY_P99, SignalId.KONG_LATENCY_P99, SignalId.UPSTREAM_TARGET_UNHEALTHY,
      SignalId.SHARED_DICT_MEMORY, SignalId.METRIC_ERRORS,
    ]);
  });

  test('DB-less nodes: no datastore signal (kong_datastore_reachable is always 1 there)', () => {
    expect(ids(KongGateway.dbLess(base))).not.toContain(SignalId.DATASTORE_REACHABLE);
    expect(ids(KongGateway.dbLess(base))).toContain(SignalId.ERROR_RATIO_5XX);
  });

  test('hybrid data planes on Enterprise 3.10+: control-plane connectivity, because readiness stays 200 without it', () => {
    const dp = ids(KongGateway.hybridDataPlane({ ...base, edition: KongEdition.ENTERPRISE, kongVersion: '3.10' }));
    expect(dp).toContain(SignalId.CONTROL_PLANE_CONNECTED);
    expect(dp).toContain(SignalId.DATA_PLANE_CERT_EXPIRY);
    expect(dp).not.toContain(SignalId.DATASTORE_REACHABLE);
    expect(dp).not.toContain(SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED);
  });

  test('hybrid control plane: its view of each data plane, no traffic signals', () => {
    const cp = ids(KongGateway.hybridControlPlane(base));
    expect(cp).toEqual(expect.arrayContaining([
      SignalId.DATASTORE_REACHABLE, SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED, SignalId.DATA_PLANE_CONFIG_DRIFT, SignalId.DATA_PLANE_VERSION_COMPATIBLE,
    ]));
    for (const traffic of [SignalId.ERROR_RATIO_5XX, SignalId.REQUEST_LATENCY_P99, SignalId.KONG_LATENCY_P99, SignalId.UPSTREAM_TARGET_UNHEALTHY]) {
      expect(cp).not.toContain(traffic);
    }
  });
});

describe('PromQL of the catalog', () => {
  const gateway = KongGateway.traditional(base);
  const signal = (id: SignalId) => signalsOf(gateway).find((s) => s.id === id)!;

  test('node readiness is per pod, from kube-state-metrics, for the Kong container', () => {
    const ready = signal(SignalId.NODE_READY);
    expect(ready.promql).toBe('kube_pod_container_status_ready{namespace="kong",pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}');
    expect(ready.promqlGroupBy).toEqual(['pod']);
    expect(ready.promqlCondition(Severity.CRITICAL)).toBe(`${ready.promql} < 1`);
    expect(ready.window.toSeconds()).toBe(gateway.startupWindow.toSeconds());
  });

  test('expected count divides ready pods by the given count, and counts zero when every pod is gone', () => {
    const ratio = signal(SignalId.READY_NODES_BELOW_EXPECTED);
    expect(ratio.promql).toBe('(sum(kube_pod_container_status_ready{namespace="kong",pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}) or vector(0)) / 3');
    expect(ratio.promqlCondition(Severity.WARNING)).toMatch(/ < 1$/);
    expect(ratio.promqlCondition(Severity.CRITICAL)).toMatch(/ < 0\.5$/);
  });

  test('without an expected count, the workload\'s desired replicas are the reference', () => {
    const gw = KongGateway.dbLess({ name: 'edge', workloadKind: WorkloadKind.STATEFUL_SET, cluster: 'eu-1' });
    const ratio = signalsOf(gw).find((s) => s.id === SignalId.READY_NODES_BELOW_EXPECTED)!;
    expect(ratio.promql).toContain('/ sum(kube_statefulset_replicas{namespace="kong",statefulset="edge"})');
    // On a central store the cluster is selected by the store's label, everywhere in the query.
    const central = ratio.promqlOnCentralStore('k8s_cluster');
    expect(central).toContain('/ sum(kube_statefulset_replicas{k8s_cluster="eu-1",namespace="kong",statefulset="edge"})');
    expect(central).toContain('k8s_cluster="eu-1",namespace="kong",pod=~"edge-[0-9]+"');
  });

  test('the 5xx ratio divides 5xx rate by all requests over the same selector', () => {
    expect(signal(SignalId.ERROR_RATIO_5XX).promql).toBe(
      'sum(rate(kong_http_requests_total{namespace="kong",pod=~"edge-[a-z0-9]+-[a-z0-9]+",code=~"5.."}[5m])) / sum(rate(kong_http_requests_total{namespace="kong",pod=~"edge-[a-z0-9]+-[a-z0-9]+"}[5m]))',
    );
  });

  test.each([
    [WorkloadKind.DEPLOYMENT, ['edge-7d9f8c6b5-x2x9z'], ['edge-cp-7d9f8c6b5-x2x9z', 'edge-7d9f8c6b5', 'edge2-7d9f8c6b5-x2x9z']],
    [WorkloadKind.DAEMON_SET, ['edge-x2x9z'], ['edge-cp-x2x9z', 'edge-7d9f8c6b5-x2x9z']],
    [WorkloadKind.STATEFUL_SET, ['edge-0', 'edge-12'], ['edge-cp-0', 'edge-a']],
  ])('pod pattern for %s selects its own pods only', (kind, matching, others) => {
    const pattern = new RegExp(`^${podNamePattern({ ...KongGateway.dbLess({ name: 'edge', workloadKind: kind }) })}$`);
    for (const pod of matching) expect(pod).toMatch(pattern);
    for (const pod of others) expect(pod).not.toMatch(pattern);
  });
});

describe('Datadog forms of the catalog', () => {
  const gateway = KongGateway.traditional(base);
  const signal = (id: SignalId) => signalsOf(gateway).find((s) => s.id === id)!;

  test('per-node readiness is a service check per http_check instance, window as consecutive checks', () => {
    const query = signal(SignalId.NODE_READY).datadog(DatadogCollection.AGENT_INTEGRATION)!;
    expect(query.kind).toBe(DatadogQueryKind.SERVICE_CHECK);
    expect(query.query).toBe('"http.can_connect".over("kong_gateway:edge","kong_environment:prod","kong_probe:ready").by("instance").last(8).count_by_status()');
    expect(query.critical).toBe(8);
    expect(query.lastCount).toBeGreaterThanOrEqual(query.critical);
  });

  test('metric monitors end with the critical threshold they declare', () => {
    let checked = 0;
    for (const collection of [DatadogCollection.AGENT_INTEGRATION, DatadogCollection.KONG_PLUGIN]) {
      for (const s of signalsOf(gateway)) {
        const query = s.datadog(collection);
        if (!query || query.kind !== DatadogQueryKind.METRIC) continue;
        expect([s.id, query.query.endsWith(` ${s.comparator} ${query.critical}`)]).toEqual([s.id, true]);
        checked++;
      }
    }
    // Both paths have metric monitors: the loop must not pass by checking nothing.
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  test('expected nodes read kube-state replicas ready over the expected count, held for the whole window', () => {
    expect(signal(SignalId.READY_NODES_BELOW_EXPECTED).datadog(DatadogCollection.AGENT_INTEGRATION)!.query).toBe(
      'max(last_10m):sum:kubernetes_state.deployment.replicas_ready{kube_namespace:kong,kube_deployment:edge} / 3 < 0.5',
    );
  });

  test('both Datadog paths measure the p99 with the catalog\'s thresholds; overrides apply to both', () => {
    expect(signal(SignalId.REQUEST_LATENCY_P99).datadog(DatadogCollection.AGENT_INTEGRATION)).toMatchObject({ title: 'Kong request latency p99 high', critical: 3000, warning: 1000 });
    expect(signal(SignalId.REQUEST_LATENCY_P99).datadog(DatadogCollection.AGENT_INTEGRATION)!.query).toBe(
      'min(last_10m):p99:kong.request.latency.ms{kong_gateway:edge,kong_environment:prod} > 3000',
    );
    expect(signal(SignalId.REQUEST_LATENCY_P99).datadog(DatadogCollection.KONG_PLUGIN)!.query).toBe(
      'min(last_10m):p99:kong.latency{kong_gateway:edge,kong_environment:prod} > 3000',
    );
    const tuned = KongGateway.traditional({
      ...base,
      signalOverrides: [
        { signal: SignalId.REQUEST_LATENCY_P99, warning: SignalThreshold.milliseconds(300), critical: SignalThreshold.milliseconds(800) },
      ],
    });
    const q = signalsOf(tuned).find((s) => s.id === SignalId.REQUEST_LATENCY_P99)!.datadog(DatadogCollection.AGENT_INTEGRATION)!;
    expect([q.warning, q.critical]).toEqual([300, 800]);
    expect(q.query).toMatch(/ > 800$/);
  });

  test('signals without Datadog data are absent on that path', () => {
    const dp = KongGateway.hybridDataPlane({ ...base, edition: KongEdition.ENTERPRISE, kongVersion: '3.10' });
    // Kong's Datadog plugin sends request metrics only; node gauges need the Agent's Kong check.
    expect(signalsOf(dp).find((s) => s.id === SignalId.CONTROL_PLANE_CONNECTED)!.datadog(DatadogCollection.KONG_PLUGIN)).toBeUndefined();
    expect(signal(SignalId.DATASTORE_REACHABLE).datadog(DatadogCollection.KONG_PLUGIN)).toBeUndefined();
    // Datadog can neither count distinct hashes nor join a gauge with recently seen rows:
    // drift and version compatibility stay Prometheus-only (the recent count has a Datadog form).
    const cp = KongGateway.hybridControlPlane(base);
    for (const id of [SignalId.DATA_PLANE_CONFIG_DRIFT, SignalId.DATA_PLANE_VERSION_COMPATIBLE]) {
      expect(signalsOf(cp).find((s) => s.id === id)!.datadog(DatadogCollection.AGENT_INTEGRATION)).toBeUndefined();
    }
  });

  test('a data plane that lost its control plane shows in Datadog through the Kong check\'s extra metrics', () => {
    const dp = KongGateway.hybridDataPlane({ ...base, edition: KongEdition.ENTERPRISE, kongVersion: '3.10' });
    expect(signalsOf(dp).find((s) => s.id === SignalId.CONTROL_PLANE_CONNECTED)!.datadog(DatadogCollection.AGENT_INTEGRATION)!.query).toBe(
      'max(last_2m):min:kong.control_plane.connected{kong_gateway:edge,kong_environment:prod} by {endpoint} < 1',
    );
  });
});

describe('signal overrides', () => {
  // The catalog checks a gateway's overrides when its signals are first read.
  const make = (signalOverrides: KongGatewayOptions['signalOverrides'], mode = DeploymentMode.TRADITIONAL) => {
    const gateway = new KongGateway({ ...base, mode, signalOverrides });
    signalsOf(gateway);
    return gateway;
  };

  test('thresholds and window apply to the signal and its queries', () => {
    const gw = make([{ signal: SignalId.ERROR_RATIO_5XX, warning: SignalThreshold.ratio(0.02), critical: SignalThreshold.ratio(0.1), window: Duration.minutes(15) }]);
    const s = signalsOf(gw).find((x) => x.id === SignalId.ERROR_RATIO_5XX)!;
    expect([s.warning, s.critical, s.window.toPrometheus()]).toEqual([0.02, 0.1, '15m']);
    expect(s.promqlCondition(Severity.CRITICAL)).toMatch(/ > 0\.1$/);
    expect(s.datadog(DatadogCollection.AGENT_INTEGRATION)!.query).toMatch(/^sum\(last_15m\):.* > 0\.1$/);
  });

  test('enabled: false drops the signal', () => {
    expect(ids(make([{ signal: SignalId.METRIC_ERRORS, enabled: false }]))).not.toContain(SignalId.METRIC_ERRORS);
  });

  test('warning above critical for an "above" signal fails with the fix', () => {
    expect(() => make([{ signal: SignalId.ERROR_RATIO_5XX, warning: SignalThreshold.ratio(0.1), critical: SignalThreshold.ratio(0.05) }])).toThrow(
      "KongGateway 'edge': signal 'error-ratio-5xx' alerts when the value is above its threshold, but warning 0.1 is not below critical 0.05. Fix: set warning below critical, or drop the warning threshold.",
    );
  });

  test('warning below critical for a "below" signal fails', () => {
    expect(() => make([{ signal: SignalId.READY_NODES_BELOW_EXPECTED, warning: SignalThreshold.ratio(0.4), critical: SignalThreshold.ratio(0.5) }])).toThrow(
      "signal 'ready-nodes-below-expected' alerts when the value is below its threshold, but warning 0.4 is not above critical 0.5",
    );
  });

  test('equal thresholds are the wrong order too', () => {
    expect(() => make([{ signal: SignalId.KONG_LATENCY_P99, warning: SignalThreshold.milliseconds(200) }])).toThrow('warning 200 is not below critical 200');
  });

  test('a percentage written as a ratio fails where it is written, with the percent form', () => {
    expect(() => SignalThreshold.ratio(5)).toThrow(
      'SignalThreshold.ratio: 5 is not between 0 and 1. Fix: give a share, e.g. 0.05 for 5 %, or use SignalThreshold.percent(5).',
    );
    const s = signalsOf(make([{ signal: SignalId.ERROR_RATIO_5XX, critical: SignalThreshold.percent(5), warning: SignalThreshold.percent(0.7) }]))
      .find((x) => x.id === SignalId.ERROR_RATIO_5XX)!;
    expect([s.critical, s.warning]).toEqual([0.05, 0.007]);
  });

  test('a threshold in another unit fails with the unit the signal measures', () => {
    expect(() => make([{ signal: SignalId.ERROR_RATIO_5XX, critical: SignalThreshold.milliseconds(500) }])).toThrow(
      "KongGateway 'edge': signal 'error-ratio-5xx' critical threshold 500 ms is in milliseconds, but the signal measures ratio of requests (ratio). "
      + 'Fix: give the threshold as SignalThreshold.ratio(0.05) or SignalThreshold.percent(5).',
    );
    expect(() => make([{ signal: SignalId.REQUEST_LATENCY_P99, critical: SignalThreshold.ratio(0.5) }])).toThrow(
      'Fix: give the threshold as SignalThreshold.milliseconds(500) or SignalThreshold.latency(Duration.seconds(1)).',
    );
    const latency = signalsOf(make([{ signal: SignalId.REQUEST_LATENCY_P99, critical: SignalThreshold.latency(Duration.seconds(2)) }]))
      .find((x) => x.id === SignalId.REQUEST_LATENCY_P99)!;
    expect(latency.critical).toBe(2000);
  });

  test('the settings an override changed are carried as facts, not found by comparing values', () => {
    // The override repeats the catalog's critical threshold: it is still an override.
    const [ratio, latency] = [SignalId.ERROR_RATIO_5XX, SignalId.KONG_LATENCY_P99].map((id) => signalsOf(make([
      { signal: SignalId.ERROR_RATIO_5XX, critical: SignalThreshold.ratio(0.05) },
      { signal: SignalId.KONG_LATENCY_P99, window: Duration.minutes(10) },
    ])).find((x) => x.id === id)!);
    expect([ratio.critical, ratio.overridden, latency.overridden]).toEqual([0.05, [SignalSetting.CRITICAL], [SignalSetting.WINDOW]]);
    expect(signalsOf(make([])).every((x) => x.overridden.length === 0)).toBe(true);
  });

  test('an override for a signal the mode does not have fails', () => {
    expect(() => make([{ signal: SignalId.DATASTORE_REACHABLE, window: Duration.minutes(5) }], DeploymentMode.DB_LESS)).toThrow(
      "KongGateway 'edge': signalOverrides changes 'datastore-reachable', which does not apply to db-less mode. Fix: remove the override; 'datastore-reachable' applies to traditional, hybrid-control-plane.",
    );
  });

  test('unknown and duplicate signals fail', () => {
    expect(() => make([{ signal: 'node-health' as SignalId }])).toThrow("signalOverrides[0].signal 'node-health' is not a SignalId. Fix: use one of SignalId.NODE_READY ('node-ready'),");
    expect(() => make([{ signal: SignalId.NODE_READY }, { signal: SignalId.NODE_READY }])).toThrow("signalOverrides lists 'node-ready' twice. Fix: merge the two overrides into one.");
  });

  test('a readiness window shorter than the startup window would alert on every start, so it fails', () => {
    expect(() => make([{ signal: SignalId.NODE_READY, window: Duration.seconds(30) }])).toThrow(
      "KongGateway 'edge': signal 'node-ready' window 30s is shorter than startupWindow 2m, so every normal start would alert. Fix: lengthen the window to at least the startup window, or shorten startupWindow.",
    );
  });

  test('an empty window fails', () => {
    expect(() => make([{ signal: SignalId.ERROR_RATIO_5XX, window: Duration.seconds(0) }])).toThrow("signal 'error-ratio-5xx' window 0s is empty");
  });

  test('every catalog signal states its direction consistently with its default thresholds', () => {
    for (const mode of Object.values(DeploymentMode)) {
      for (const s of signalsOf(new KongGateway({ ...base, mode }))) {
        if (s.warning === undefined) continue;
        if (s.direction === ThresholdDirection.ABOVE) expect(s.warning).toBeLessThan(s.critical);
        else expect(s.warning).toBeGreaterThan(s.critical);
      }
    }
  });
});

describe('where a bad override is reported', () => {
  // The gateway declares its overrides; the catalog (a layer above it) checks them the first
  // time a construct reads the gateway's signals, under the gateway's name.
  test('by the first construct that reads the gateway, naming the gateway, the value and the fix', () => {
    const gateway = KongGateway.dbLess({ name: 'edge', signalOverrides: [{ signal: SignalId.ERROR_RATIO_5XX, critical: SignalThreshold.milliseconds(5) }] });
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(() => new KongMonitoring(stack, 'kong', { gateway, grafana: { prometheusDatasourceUid: 'prom' } })).toThrow(
      "KongGateway 'edge': signal 'error-ratio-5xx' critical threshold 5 ms is in milliseconds, but the signal measures ratio of requests (ratio). Fix: give the threshold as SignalThreshold.ratio(0.05) or SignalThreshold.percent(5).",
    );
  });
});

describe('alert texts say what the gateway changed', () => {
  // An on-call engineer reading an alert must see that its threshold is not the catalog's.
  test('the override note names each changed setting with the catalog value', () => {
    const gateway = new KongGateway({
      ...base,
      mode: DeploymentMode.TRADITIONAL,
      signalOverrides: [
        { signal: SignalId.ERROR_RATIO_5XX, critical: SignalThreshold.percent(10), window: Duration.minutes(15) },
      ],
    });
    const [ratio, latency] = [SignalId.ERROR_RATIO_5XX, SignalId.KONG_LATENCY_P99].map((id) => signalsOf(gateway).find((x) => x.id === id)!);
    expect(ratio.overrideNote()).toBe('Set for this gateway: critical 0.1 (catalog 0.05), window 15m (catalog 5m).');
    expect(latency.overrideNote()).toBe('');
    // Prometheus and Grafana rules carry it in their description.
    expect(alertAnnotations(gateway, ratio, Severity.CRITICAL, '{{ $value }}').description).toMatch(/for 15m\. Set for this gateway: critical 0\.1 \(catalog 0\.05\)/);
    expect(alertAnnotations(gateway, latency, Severity.CRITICAL, '{{ $value }}').description).not.toContain('Set for this gateway');
  });
});
