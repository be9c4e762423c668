import { Monitor } from '@cdktf/provider-datadog/lib/monitor';
import { Testing, TerraformStack } from 'cdktf';
import {
  ALLOWED_METRICS,
  KONG_CHECK_DISTRIBUTIONS_FIXTURE,
  ALLOWED_SERVICE_CHECKS,
  BASE,
  KUBE_STATE_METRICS,
  NOTIFY,
  gatewaysOfAllModes,
  handlesOf,
  monitorOf,
  resourceCounts,
  resources,
  section,
  synth,
} from './helpers';
import { Duration } from '../../src/core/duration';
import { DatadogMonitors } from '../../src/datadog/monitors';
import { WorkloadKind } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { AllNodesMonitored, AllNodesMonitoredProps } from '../../src/practices/all-nodes-monitored';
import { signalsOf } from '../../src/signals/gateway-signals';
import { DatadogCollection } from '../../src/signals/signal-types';
import { parseMetricMonitorQuery, parseServiceCheckQuery } from '../support/datadog-query';
import { annotationsOf } from '../support/synth';

const COLLECTIONS = [DatadogCollection.AGENT_INTEGRATION, DatadogCollection.KONG_PLUGIN];

function monitorsFor(gateway: KongGateway, collection = DatadogCollection.AGENT_INTEGRATION, extra: Partial<ConstructorParameters<typeof DatadogMonitors>[2]> = {}) {
  let construct!: DatadogMonitors;
  const s = synth((stack) => {
    construct = new DatadogMonitors(stack, 'monitors', { gateway, collection, notify: NOTIFY, ...extra });
  });
  return { s, construct };
}

describe('hybrid data plane, Agent integration: one monitor per signal with a Datadog form', () => {
  // Enterprise 3.10+: the exporter has kong_control_plane_connected.
  const gateway = KongGateway.hybridDataPlane({ ...BASE, edition: KongEdition.ENTERPRISE, kongVersion: '3.10.0.1' });
  const { s, construct } = monitorsFor(gateway);

  test('monitored and skipped signals', () => {
    expect(construct.monitoredSignals).toEqual([
      SignalId.NODE_READY, SignalId.NODE_METRICS_UP, SignalId.CONTROL_PLANE_CONNECTED, SignalId.DATA_PLANE_CERT_EXPIRY,
      SignalId.READY_NODES_BELOW_EXPECTED, SignalId.ERROR_RATIO_5XX, SignalId.REQUEST_LATENCY_P99, SignalId.KONG_LATENCY_P99,
      SignalId.UPSTREAM_TARGET_UNHEALTHY, SignalId.SHARED_DICT_MEMORY, SignalId.METRIC_ERRORS,
    ]);
    expect(construct.skippedSignals).toEqual([]);
    expect(Object.keys(resources(s, 'datadog_monitor'))).toHaveLength(11);
  });

  test('cluster certificate: days until expiry from the Agent\'s time_elapsed gauge, warning 30, critical 7, per node', () => {
    // The Kong check sends now - expiry (seconds, negative while valid): days until expiry is
    // its negation over 86400, the same quantity as the PromQL (expiry - time()) / 86400.
    const m = monitorOf(s, SignalId.DATA_PLANE_CERT_EXPIRY);
    expect(m.type).toBe('query alert');
    expect(m.query).toBe('max(last_10m):(0 - max:kong.data_plane.cluster_cert.seconds_since_expiry{kong_gateway:edge,kong_environment:production} by {endpoint}) / 86400 < 7');
    expect(m.monitor_thresholds).toEqual({ critical: '7', warning: '30' });
    expect(m.priority).toBe('1');
    const q = parseMetricMonitorQuery(m.query);
    expect(q.groupBy).toEqual(['endpoint']);
  });

  test('latency: the Agent path alerts on a real p99 (histogram buckets as distributions), with the catalog\'s thresholds', () => {
    const request = monitorOf(s, SignalId.REQUEST_LATENCY_P99);
    expect(request.name).toBe('[Kong edge production] Kong request latency p99 high');
    expect(request.query).toBe('min(last_10m):p99:kong.request.latency.ms{kong_gateway:edge,kong_environment:production} > 3000');
    expect(request.monitor_thresholds).toEqual({ critical: '3000', warning: '1000' });
    const kong = monitorOf(s, SignalId.KONG_LATENCY_P99);
    expect(kong.query).toBe('min(last_10m):p99:kong.kong.latency.ms{kong_gateway:edge,kong_environment:production} > 200');
    expect(kong.monitor_thresholds).toEqual({ critical: '200', warning: '50' });
    for (const m of [request, kong]) {
      expect(m.message).not.toMatch(/\bmean\b/i);
      expect(KONG_CHECK_DISTRIBUTIONS_FIXTURE.distributions).toHaveProperty([parseMetricMonitorQuery(m.query).metrics[0]]);
    }
  });

  test('upstream target health: one group per upstream, target and node, so each node\'s statuses count on their own', () => {
    // A check alert "tracks consecutive statuses submitted per check grouping"
    // (docs.datadoghq.com/monitors/types/custom_check): grouped by upstream and target only,
    // every node submits into one group, and one healthy node's OK breaks another's run of
    // CRITICALs. The Kong check tags each status with the scraping endpoint (one per pod).
    const m = monitorOf(s, SignalId.UPSTREAM_TARGET_UNHEALTHY);
    expect(parseServiceCheckQuery(m.query).groupBy).toEqual(['upstream', 'target', 'endpoint']);
    expect(m.message).toContain('endpoint {{endpoint.name}}');
  });

  test('a data plane that lost its control plane alerts per node, though its readiness stays 200', () => {
    // kong_control_plane_connected reaches Datadog through the Kong check's extra_metrics.
    const m = monitorOf(s, SignalId.CONTROL_PLANE_CONNECTED);
    expect(m.type).toBe('query alert');
    expect(m.query).toBe('max(last_2m):min:kong.control_plane.connected{kong_gateway:edge,kong_environment:production} by {endpoint} < 1');
    expect(m.monitor_thresholds).toEqual({ critical: '1' });
    expect(m.priority).toBe('1');
  });

  test('per-node readiness: service check grouped by the per-pod http_check instance', () => {
    const m = monitorOf(s, SignalId.NODE_READY);
    expect(m.name).toBe('[Kong edge production] Kong node not ready');
    expect(m.type).toBe('service check');
    expect(m.query).toBe('"http.can_connect".over("kong_gateway:edge","kong_environment:production","kong_probe:ready").by("instance").last(8).count_by_status()');
    expect(m.monitor_thresholds).toEqual({ critical: '8' });
    // A pod that goes away (roll-out, scale-down) is not a NO DATA page: see rollout.test.ts.
    expect(m.notify_no_data).toBe(false);
    expect(m.no_data_timeframe).toBeUndefined();
    expect(m.timeout_h).toBe(1);
    expect(m.new_group_delay).toBe(120);
    expect(m.priority).toBe('1');
    expect(m.renotify_interval).toBe(60);
    expect(m.renotify_statuses).toEqual(['alert']);
    expect(m.require_full_window).toBeUndefined();
    expect(m.tags).toEqual([
      'kong_gateway:edge', 'kong_environment:production', 'team:platform', 'managed-by:cdktf-kong-monitoring',
      'kong_signal:node-ready', 'severity:critical',
    ]);
    // No grouping by pod_name: that tag needs orchestrator cardinality on the Agent.
    expect(m.query).not.toContain('pod_name');
  });

  test('readiness message: sections, group identity, runbook, handles per section', () => {
    const message: string = monitorOf(s, SignalId.NODE_READY).message;
    expect(section(message, 'is_alert')).toContain('{{instance.name}}');
    expect(handlesOf(message, 'is_alert')).toEqual(['@pagerduty-kong']);
    expect(handlesOf(message, 'is_recovery')).toEqual(['@pagerduty-kong']);
    // A vanished pod group (rolling update) notifies nobody.
    expect(section(message, 'is_no_data')).toBe('');
    expect(section(message, 'is_warning')).toBe('');
    expect(message).toContain('Runbook: Read the 503 reason');
    expect(message).toContain('Gateway edge (hybrid-data-plane, production; namespace kong).');
  });

  test('metrics endpoint: a WARNING signal routes its critical level to warning handles, priority 3, no renotify', () => {
    const m = monitorOf(s, SignalId.NODE_METRICS_UP);
    expect(m.query).toBe('"kong.openmetrics.health".over("kong_gateway:edge","kong_environment:production").by("endpoint").last(8).count_by_status()');
    expect(m.priority).toBe('3');
    expect(m.renotify_interval).toBeUndefined();
    expect(m.message).toContain('{{endpoint.name}}');
    expect(m.message).toContain('@slack-kong-alerts');
    expect(m.message).not.toContain('@pagerduty-kong');
  });

  test('ready nodes below expected (recommendation 7): kube-state ready over the expected count, no-data pages', () => {
    const m = monitorOf(s, SignalId.READY_NODES_BELOW_EXPECTED);
    expect(m.type).toBe('query alert');
    expect(m.query).toBe('max(last_10m):sum:kubernetes_state.deployment.replicas_ready{kube_namespace:kong,kube_deployment:edge} / 6 < 0.5');
    expect(m.monitor_thresholds).toEqual({ critical: '0.5', warning: '1' });
    expect(m.notify_no_data).toBe(true);
    expect(m.no_data_timeframe).toBe(20);
    expect(m.new_group_delay).toBeUndefined();
    expect(m.require_full_window).toBe(true);
    expect(m.message).toMatch(/\{\{#is_no_data\}\}[\s\S]*@pagerduty-kong[\s\S]*\{\{\/is_no_data\}\}/);
    expect(m.message).toMatch(/\{\{#is_warning\}\}[\s\S]*@slack-kong-alerts[\s\S]*\{\{\/is_warning\}\}/);
  });

  test('5xx ratio: sparse as_count ratio evaluated on partial windows, no no-data alert', () => {
    const m = monitorOf(s, SignalId.ERROR_RATIO_5XX);
    expect(m.query).toBe('sum(last_5m):sum:kong.http.requests.count{kong_gateway:edge,kong_environment:production,code:5*}.as_count() / sum:kong.http.requests.count{kong_gateway:edge,kong_environment:production}.as_count() > 0.05');
    expect(m.require_full_window).toBe(false);
    // No traffic is no alert (catalog policy OK): missing data shows OK.
    expect(m.on_missing_data).toBe('resolve');
    expect(m.notify_no_data).toBeUndefined();
    expect(m.monitor_thresholds).toEqual({ critical: '0.05', warning: '0.01' });
    expect(m.priority).toBe('1');
  });

  test('shared dict: multi-alert per endpoint and dictionary, message names both', () => {
    const m = monitorOf(s, SignalId.SHARED_DICT_MEMORY);
    expect(parseMetricMonitorQuery(m.query).groupBy).toEqual(['endpoint', 'shared_dict']);
    expect(m.new_group_delay).toBe(120);
    expect(m.message).toContain('endpoint {{endpoint.name}}, shared_dict {{shared_dict.name}}');
  });

  test('cdktf matcher view of the readiness monitor', () => {
    expect(s.json).toHaveResourceWithProperties(Monitor, {
      name: '[Kong edge production] Kong node not ready',
      type: 'service check',
      notify_no_data: false,
      new_group_delay: 120,
    });
  });
});

describe('traditional gateway, Agent integration', () => {
  const { s, construct } = monitorsFor(KongGateway.traditional(BASE));

  test('adds the datastore monitor, per endpoint', () => {
    expect(construct.monitoredSignals).toContain(SignalId.DATASTORE_REACHABLE);
    const m = monitorOf(s, SignalId.DATASTORE_REACHABLE);
    expect(m.query).toBe('"kong.datastore.reachable".over("kong_gateway:edge","kong_environment:production").by("endpoint").last(8).count_by_status()');
    expect(m.priority).toBe('1');
    expect(m.notify_no_data).toBe(false);
  });
});

describe('hybrid control plane, Agent integration: its view of the data planes', () => {
  const { s, construct } = monitorsFor(KongGateway.hybridControlPlane({ ...BASE, name: 'edge-cp', expectedDataPlanes: 6 }));

  test('data planes seen recently: the ids with a last-seen age of at most 120 s, counted, over the expected number', () => {
    // The Kong check sends now - last_seen per row (time_elapsed); cutoff_max drops the rows
    // older than 120 s (replaced data planes keep their row for 14 days), count_not_null
    // counts the node ids left. Control-plane pods export every row: grouping by node_id
    // counts each data plane once.
    const m = monitorOf(s, SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED);
    expect(m.type).toBe('query alert');
    expect(m.query).toBe('max(last_2m):count_not_null(cutoff_max(min:kong.data_plane.seconds_since_last_seen{kong_gateway:edge-cp,kong_environment:production} by {node_id}, 120)) / 6 < 0.5');
    expect(m.monitor_thresholds).toEqual({ critical: '0.5', warning: '1' });
    // One group: no data at all means no data plane reports, which pages.
    expect(parseMetricMonitorQuery(m.query).groupBy).toEqual([]);
    expect(m.notify_no_data).toBe(true);
    expect(m.priority).toBe('1');
  });

  test('drift and version compatibility stay without a Datadog form, and say why', () => {
    expect(construct.skippedSignals).toEqual([SignalId.DATA_PLANE_CONFIG_DRIFT, SignalId.DATA_PLANE_VERSION_COMPATIBLE]);
    const cp = signalsOf(KongGateway.hybridControlPlane({ ...BASE, name: 'edge-cp' }));
    expect(cp.find((x) => x.id === SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED)!.datadogGap).toBeUndefined();
    // The gap says why; who covers the signal depends on the stack, and the practice says that.
    for (const id of construct.skippedSignals) expect(cp.find((x) => x.id === id)!.datadogGap).toMatch(/^Datadog monitor queries (can neither|cannot) .*[^.]$/);
  });

  test('synth says who covers them: another backend of the stack, or nothing', () => {
    const gateway = () => KongGateway.hybridControlPlane({ ...BASE, name: 'edge-cp', expectedDataPlanes: 6 });
    const messages = (props: Partial<AllNodesMonitoredProps>) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      const practice = new AllNodesMonitored(stack, 'nodes', { gateway: gateway(), datadog: { notify: { fallback: ['@slack-kong'] } }, ...props });
      return { warn: annotationsOf(practice, 'warn'), info: annotationsOf(practice, 'info') };
    };
    const alone = messages({});
    const drift = alone.warn.filter((w) => w.includes("'data-plane-config-drift'"));
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatch(/^Signal 'data-plane-config-drift' of KongGateway 'edge-cp' has no Datadog monitor: Datadog monitor queries can neither count .*\. Nothing watches it here: add a backend that reads PromQL/);
    // It never claims a backend the stack does not have.
    expect(alone.warn.join('\n')).not.toMatch(/cover it/);
    const beside = messages({ prometheus: {} });
    expect(beside.warn.filter((w) => w.includes('data-plane'))).toEqual([]);
    expect(beside.info.find((w) => w.includes("'data-plane-config-drift'"))).toMatch(/The gateway's Prometheus alerting rules cover it\.$/);
  });
});

describe('Kong plugin collection path', () => {
  const { s, construct } = monitorsFor(KongGateway.hybridDataPlane(BASE), DatadogCollection.KONG_PLUGIN);

  test('service checks of the Kong integration are skipped; readiness stays (http_check is the Agent, not the plugin)', () => {
    expect(construct.skippedSignals).toEqual([
      SignalId.NODE_METRICS_UP, SignalId.DATA_PLANE_CERT_EXPIRY, SignalId.UPSTREAM_TARGET_UNHEALTHY, SignalId.SHARED_DICT_MEMORY, SignalId.METRIC_ERRORS,
    ]);
    expect(monitorOf(s, SignalId.NODE_READY).type).toBe('service check');
  });

  test('latency is a real p99 of the plugin distribution', () => {
    expect(monitorOf(s, SignalId.REQUEST_LATENCY_P99).query).toBe('min(last_10m):p99:kong.latency{kong_gateway:edge,kong_environment:production} > 3000');
    expect(monitorOf(s, SignalId.ERROR_RATIO_5XX).query).toContain('sum:kong.request.count{kong_gateway:edge,kong_environment:production,status:5*}.as_count()');
  });
});

describe('every monitor of every mode and collection path', () => {
  const cases = gatewaysOfAllModes().flatMap((gateway) => COLLECTIONS.map((collection) => [gateway.mode, collection, gateway] as const));

  test.each(cases)('%s / %s: queries parse, use known metrics, thresholds agree with the query', (_mode, collection, gateway) => {
    const { s } = monitorsFor(gateway, collection);
    const monitors = Object.values(resources(s, 'datadog_monitor'));
    expect(monitors.length).toBeGreaterThan(0);
    for (const m of monitors as any[]) {
      if (m.type === 'service check') {
        const q = parseServiceCheckQuery(m.query);
        expect(ALLOWED_SERVICE_CHECKS).toContain(q.check);
        const thresholds = Object.values(m.monitor_thresholds).map(Number);
        expect(q.last).toBeGreaterThanOrEqual(Math.max(...thresholds));
        expect(m.no_data_timeframe === undefined || m.no_data_timeframe >= 2).toBe(true);
      } else {
        expect(m.type).toBe('query alert');
        const q = parseMetricMonitorQuery(m.query);
        for (const metric of q.metrics) expect(ALLOWED_METRICS).toContain(metric);
        expect(m.monitor_thresholds.critical).toBe(q.thresholdText);
        if (m.notify_no_data) expect(m.no_data_timeframe).toBeGreaterThanOrEqual(2 * q.windowMinutes);
      }
      expect(m.message).toMatch(/\{\{#is_alert\}\}[\s\S]+\{\{\/is_alert\}\}/);
      expect(m.message).toMatch(/\{\{#is_recovery\}\}[\s\S]+\{\{\/is_recovery\}\}/);
      expect(m.message).toContain('Runbook: ');
      expect(m.name).toMatch(/^\[Kong edge(-cp)? production\] /);
      expect(['1', '3']).toContain(m.priority);
    }
  });
});

describe('every workload kind', () => {
  test.each([WorkloadKind.DEPLOYMENT, WorkloadKind.DAEMON_SET, WorkloadKind.STATEFUL_SET])('%s: the expected-count monitor reads kube-state metrics that exist', (workloadKind) => {
    for (const expectedNodes of [6, undefined]) {
      const { s } = monitorsFor(KongGateway.dbLess({ ...BASE, workloadKind, expectedNodes }));
      const q = parseMetricMonitorQuery(monitorOf(s, SignalId.READY_NODES_BELOW_EXPECTED).query);
      expect(q.metrics.length).toBe(expectedNodes === undefined ? 2 : 1);
      for (const metric of q.metrics) expect(KUBE_STATE_METRICS).toContain(metric);
    }
  });
});

describe('stable ids and O(1) coverage', () => {
  test('scaling from 3 to 300 expected nodes changes no resource count and no logical id', () => {
    const three = monitorsFor(KongGateway.hybridDataPlane({ ...BASE, expectedNodes: 3 })).s;
    const many = monitorsFor(KongGateway.hybridDataPlane({ ...BASE, expectedNodes: 300 })).s;
    expect(resourceCounts(many)).toEqual(resourceCounts(three));
    expect(Object.keys(resources(many, 'datadog_monitor'))).toEqual(Object.keys(resources(three, 'datadog_monitor')));
    expect(monitorOf(many, SignalId.READY_NODES_BELOW_EXPECTED).query).toContain(' / 300 < 0.5');
  });

  test('disabling one signal or changing handles leaves the other monitors\' logical ids alone', () => {
    const before = Object.keys(resources(monitorsFor(KongGateway.hybridDataPlane(BASE)).s, 'datadog_monitor'));
    const after = Object.keys(resources(monitorsFor(KongGateway.hybridDataPlane(BASE), DatadogCollection.AGENT_INTEGRATION, {
      signals: [
        { signal: SignalId.SHARED_DICT_MEMORY, enabled: false },
        { signal: SignalId.NODE_READY, notify: { critical: ['@opsgenie-kong'] } },
      ],
    }).s, 'datadog_monitor'));
    expect(after).toEqual(before.filter((id) => !id.includes('shared-dict-memory')));
    expect(before.find((id) => id.includes('node-ready'))).toMatch(/^monitors_node-ready_/);
  });

  test('the same gateway in two stacks renders the same monitors', () => {
    const a = monitorsFor(KongGateway.traditional(BASE)).s.parsed.resource;
    const b = monitorsFor(KongGateway.traditional(BASE)).s.parsed.resource;
    expect(a).toEqual(b);
  });
});

describe('notification routing', () => {
  const gateway = KongGateway.hybridDataPlane(BASE);

  test('precedence: per-signal list, then per-severity, then fallback', () => {
    const { s } = monitorsFor(gateway, DatadogCollection.AGENT_INTEGRATION, {
      notify: { critical: ['@pagerduty-kong'], fallback: ['@team-platform'] },
      signals: [{ signal: SignalId.ERROR_RATIO_5XX, notify: { critical: ['@pagerduty-api'] } }],
    });
    const ratio: string = monitorOf(s, SignalId.ERROR_RATIO_5XX).message;
    expect(handlesOf(ratio, 'is_alert')).toEqual(['@pagerduty-api']);
    // The signal's own block has no warning list: its warning falls back to the monitors' notify.
    expect(handlesOf(ratio, 'is_warning')).toEqual(['@team-platform']);
    expect(handlesOf(ratio, 'is_recovery')).toEqual(['@pagerduty-api', '@team-platform']);
    const ready: string = monitorOf(s, SignalId.NODE_READY).message;
    expect(handlesOf(ready, 'is_alert')).toEqual(['@pagerduty-kong']);
    // WARNING-severity signal, no warning list: the fallback.
    expect(handlesOf(monitorOf(s, SignalId.NODE_METRICS_UP).message, 'is_alert')).toEqual(['@team-platform']);
  });

  test('renotify interval is configurable and can be turned off', () => {
    const tenMinutes = monitorsFor(gateway, DatadogCollection.AGENT_INTEGRATION, { renotifyInterval: Duration.minutes(10) }).s;
    expect(monitorOf(tenMinutes, SignalId.NODE_READY).renotify_interval).toBe(10);
    const off = monitorsFor(gateway, DatadogCollection.AGENT_INTEGRATION, { renotifyInterval: Duration.minutes(0) }).s;
    expect(monitorOf(off, SignalId.NODE_READY).renotify_interval).toBeUndefined();
  });

  test('recoveryChecks becomes the ok threshold of a service check', () => {
    const { s } = monitorsFor(gateway, DatadogCollection.AGENT_INTEGRATION, { signals: [{ signal: SignalId.NODE_READY, recoveryChecks: 3 }] });
    expect(monitorOf(s, SignalId.NODE_READY).monitor_thresholds).toEqual({ critical: '8', ok: '3' });
  });

  test('user tags and gateway tags are added to the monitor tags', () => {
    const tagged = KongGateway.hybridDataPlane({ ...BASE, tags: { cost_center: 'edge' } });
    const { s, construct } = monitorsFor(tagged, DatadogCollection.AGENT_INTEGRATION, { tags: { service: 'kong' } });
    expect(construct.monitorTags).toEqual([
      'kong_gateway:edge', 'kong_environment:production', 'team:platform', 'managed-by:cdktf-kong-monitoring', 'cost_center:edge', 'service:kong',
    ]);
    expect(monitorOf(s, SignalId.NODE_READY).tags).toEqual(expect.arrayContaining(['cost_center:edge', 'service:kong']));
  });

  test('a gateway startup window becomes new_group_delay on every multi-alert monitor', () => {
    const slow = KongGateway.traditional({ ...BASE, startupWindow: Duration.minutes(5) });
    const { s } = monitorsFor(slow);
    for (const m of Object.values(resources(s, 'datadog_monitor')) as any[]) {
      const grouped = m.type === 'service check' ? parseServiceCheckQuery(m.query).groupBy.length > 0 : parseMetricMonitorQuery(m.query).groupBy.length > 0;
      expect(m.new_group_delay).toBe(grouped ? 300 : undefined);
    }
  });
});

describe('escape hatches', () => {
  test('monitorFor and readinessMonitor give the resources', () => {
    const { construct } = monitorsFor(KongGateway.dbLess(BASE));
    expect(construct.monitorFor(SignalId.NODE_READY)).toBe(construct.readinessMonitor);
    expect(construct.monitorFor(SignalId.DATASTORE_REACHABLE)).toBeUndefined();
  });
});
