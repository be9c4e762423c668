// Tracing a signal's source through what a stack provides: each producer needs the
// components its data really passes through (kong-facts §2.3: counters and histograms are
// printed only while a Prometheus plugin instance is enabled, each group behind its flag;
// node-level gauges need no instance; the Datadog Agent's Kong check reads the same
// exporter; Kong's Datadog plugin sends DogStatsD itself).
import { KongGateway } from '../../src/gateway/kong-gateway';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { signalsOf } from '../../src/signals/gateway-signals';
import { SourceStatus, TelemetryWiring, WiringFact, traceSource, traceSources } from '../../src/signals/lineage';
import { PrometheusPluginFlag, SignalSource, TelemetryProducer } from '../../src/signals/signal-source';
import { DatadogCollection } from '../../src/signals/signal-types';

const live = (how: string): WiringFact => ({ status: SourceStatus.LIVE, how });
const missing = (how: string, fix: string): WiringFact => ({ status: SourceStatus.MISSING, how, fix });

const ALL_FLAGS = Object.values(PrometheusPluginFlag);
const wired: TelemetryWiring = {
  kongWorkload: live('KongDeployment edge'),
  prometheusScrape: live('PodMonitor edge'),
  prometheusPlugin: live('declarative configuration'),
  prometheusFlags: ALL_FLAGS,
  datadogAgentChecks: live('autodiscovery annotations on the pods'),
  datadogPlugin: missing('not configured', 'add plugins.datadog'),
};

const gateway = KongGateway.traditional({ name: 'edge' });
const signal = (id: SignalId) => signalsOf(gateway).find((s) => s.id === id)!;

describe('tracing a source', () => {
  test('a request counter needs the scrape, the plugin and its flag', () => {
    const [source] = signal(SignalId.ERROR_RATIO_5XX).prometheusSources;
    expect(traceSource(source, wired).status).toBe(SourceStatus.LIVE);
    const off = traceSource(source, { ...wired, prometheusFlags: [PrometheusPluginFlag.LATENCY_METRICS] });
    expect(off.status).toBe(SourceStatus.MISSING);
    expect(off.missing).toEqual(['Prometheus plugin flag status_code_metrics: status_code_metrics off. Fix: turn status_code_metrics on in the Prometheus plugin (plugins.prometheus), or switch the signal off with the gateway\'s signalOverrides']);
    expect(traceSource(source, { ...wired, prometheusPlugin: missing('no plugin', 'configure it') }).status).toBe(SourceStatus.MISSING);
    expect(traceSource(source, { ...wired, prometheusScrape: { status: SourceStatus.UNVERIFIED, how: 'no selector labels' } }).status).toBe(SourceStatus.UNVERIFIED);
  });

  test('a node gauge needs no plugin instance (kong_datastore_reachable is printed without one)', () => {
    const [source] = signal(SignalId.DATASTORE_REACHABLE).prometheusSources;
    expect(source.producer).toBe(TelemetryProducer.KONG_NODE_GAUGES);
    expect(traceSource(source, { ...wired, prometheusPlugin: missing('no plugin', 'configure it'), prometheusFlags: [] }).status).toBe(SourceStatus.LIVE);
    expect(traceSource(source, { ...wired, prometheusScrape: missing('nothing scrapes the status port', 'add a PodMonitor') }).status).toBe(SourceStatus.MISSING);
  });

  test('readiness comes from kube-state-metrics, a cluster component assumed present', () => {
    const [source] = signal(SignalId.NODE_READY).prometheusSources;
    const verdict = traceSource(source, { ...wired, kongWorkload: missing('x', 'y'), prometheusScrape: missing('x', 'y') });
    expect(verdict.status).toBe(SourceStatus.ASSUMED);
    expect([verdict.missing, verdict.unverified]).toEqual([[], []]);
  });

  test("the Datadog Kong check reads Kong's exporter: plugin metrics need the plugin there too", () => {
    const agent = signal(SignalId.ERROR_RATIO_5XX).datadog(DatadogCollection.AGENT_INTEGRATION)!;
    const [source] = agent.sources;
    expect(source).toMatchObject({ producer: TelemetryProducer.DATADOG_KONG_CHECK, origin: TelemetryProducer.KONG_PROMETHEUS_PLUGIN });
    expect(traceSource(source, wired).status).toBe(SourceStatus.LIVE);
    expect(traceSource(source, { ...wired, prometheusFlags: [] }).status).toBe(SourceStatus.MISSING);
    expect(traceSource(source, { ...wired, datadogAgentChecks: { status: SourceStatus.UNVERIFIED, how: 'Helm values handed out', fix: 'apply them' } }).status).toBe(SourceStatus.UNVERIFIED);
    // The metrics library's error counter needs an instance though it has no flag.
    const errors = signal(SignalId.METRIC_ERRORS).datadog(DatadogCollection.AGENT_INTEGRATION)!.sources[0];
    expect(traceSource(errors, { ...wired, prometheusPlugin: missing('none', 'configure it') }).status).toBe(SourceStatus.MISSING);
  });

  test("Kong's Datadog plugin path needs the plugin, not the Agent's checks", () => {
    const plugin = signal(SignalId.ERROR_RATIO_5XX).datadog(DatadogCollection.KONG_PLUGIN)!.sources[0];
    expect(traceSource(plugin, wired).status).toBe(SourceStatus.MISSING);
    expect(traceSource(plugin, { ...wired, datadogPlugin: live('plugins.datadog'), datadogAgentChecks: missing('x', 'y') }).status).toBe(SourceStatus.LIVE);
  });

  test('an alert is as live as its weakest source', () => {
    const sources: SignalSource[] = [
      { producer: TelemetryProducer.KUBE_STATE_METRICS, metrics: ['kube_pod_container_status_ready'] },
      { producer: TelemetryProducer.PROMETHEUS_SCRAPE, metrics: ['up'] },
    ];
    expect(traceSources(sources, wired).status).toBe(SourceStatus.ASSUMED);
    expect(traceSources(sources, { ...wired, prometheusScrape: { status: SourceStatus.DECLARED_EXTERNAL, how: 'scraped elsewhere' } }).status).toBe(SourceStatus.ASSUMED);
    expect(traceSources(sources, { ...wired, prometheusScrape: missing('none', 'add one') }).status).toBe(SourceStatus.MISSING);
  });
});
