// What produces each metric an alert or a dashboard can read, taken from the signal catalog
// itself (one definition: the catalog's declared sources, and the dashboard views' own), so
// the constructs and the checker judge queries by the same facts the library renders from.
import { SIGNAL_CATALOG } from './catalog';
import { signalsOf } from './gateway-signals';
import { KongAvailability } from './signal-definition';
import { PrometheusPluginFlag, SignalSource, TelemetryProducer } from './signal-source';
import { DatadogCollection } from './signal-types';
import { VIEW_SOURCES } from './views';
import { DeploymentMode } from '../gateway/deployment-mode';
import { KongGateway } from '../gateway/kong-gateway';
import { KongEdition } from '../gateway/kong-version';

/** The producer of one metric (or service check), as the catalog declares it. */
export interface MetricSource {
  readonly metric: string;
  readonly producer: TelemetryProducer;
  readonly origin?: TelemetryProducer;
  readonly pluginFlag?: PrometheusPluginFlag;
  readonly availability?: KongAvailability;
  /** The signal that declares it; undefined for metrics only dashboards graph. */
  readonly signal?: string;
}

/** Kong histograms are read as `_bucket`, `_sum` and `_count`: all three come from one source. */
const HISTOGRAM_SUFFIX = /_(bucket|sum|count)$/;

let index: Map<string, MetricSource> | undefined;

function build(): Map<string, MetricSource> {
  const out = new Map<string, MetricSource>();
  const add = (source: SignalSource, signal?: string, availability?: KongAvailability) => {
    for (const metric of source.metrics) {
      if (out.has(metric)) continue;
      out.set(metric, { metric, producer: source.producer, origin: source.origin, pluginFlag: source.pluginFlag, availability, signal });
    }
  };
  for (const definition of SIGNAL_CATALOG) {
    for (const mode of definition.modes) {
      // An Enterprise 3.10 gateway has every signal of its mode; the availability travels along.
      const gateway = new KongGateway({
        name: 'catalog',
        mode,
        edition: KongEdition.ENTERPRISE,
        kongVersion: '3.10',
        expectedDataPlanes: mode === DeploymentMode.HYBRID_CONTROL_PLANE ? 1 : undefined,
      });
      const signal = signalsOf(gateway).find((s) => s.id === definition.id);
      if (!signal) continue;
      for (const source of signal.prometheusSources) add(source, signal.id, definition.availability);
      for (const collection of Object.values(DatadogCollection)) {
        for (const source of signal.datadog(collection)?.sources ?? []) add(source, signal.id, definition.availability);
      }
    }
  }
  for (const source of VIEW_SOURCES) add(source);
  for (const source of EXPORTER_EXTRAS) add(source);
  return out;
}

/**
 * Series Kong's exporter prints that no catalog signal or dashboard view reads, so the
 * queries users write (custom signals) can be traced too. Facts: Kong's exporter (node gauges
 * whenever the plugin is loaded; stream latency behind `latency_metrics`) and the Datadog Kong
 * check's metric map.
 */
const EXPORTER_EXTRAS: SignalSource[] = [
  { producer: TelemetryProducer.KONG_NODE_GAUGES, metrics: ['kong_nginx_requests_total', 'kong_nginx_timers', 'kong_node_info', 'kong_memory_workers_lua_vms_bytes'] },
  { producer: TelemetryProducer.KONG_PROMETHEUS_PLUGIN, pluginFlag: PrometheusPluginFlag.STATUS_CODE_METRICS, metrics: ['kong_stream_sessions_total'] },
  { producer: TelemetryProducer.KONG_PROMETHEUS_PLUGIN, pluginFlag: PrometheusPluginFlag.LATENCY_METRICS, metrics: ['kong_session_duration_ms_bucket'] },
  {
    producer: TelemetryProducer.DATADOG_KONG_CHECK,
    origin: TelemetryProducer.KONG_NODE_GAUGES,
    metrics: ['kong.nginx.requests.total', 'kong.nginx.timers', 'kong.memory.workers.lua.vms.bytes'],
  },
  { producer: TelemetryProducer.DATADOG_KONG_CHECK, origin: TelemetryProducer.KONG_PROMETHEUS_PLUGIN, pluginFlag: PrometheusPluginFlag.LATENCY_METRICS, metrics: ['kong.session.duration.ms'] },
];

/** The producer of a metric or service-check name, when the catalog knows it. */
export function metricSource(name: string): MetricSource | undefined {
  index ??= build();
  return index.get(name) ?? (HISTOGRAM_SUFFIX.test(name) ? index.get(name.replace(HISTOGRAM_SUFFIX, '_bucket')) : undefined);
}

const PROMQL_METRIC = /\b((?:kong|kube)_[a-z0-9_]+|up)\b(?=\s*(?:\{|\[|\)|$|\s[-+*/<>=!]|\s(?:and|or|unless|offset)\b))/g;
const DATADOG_METRIC = /\b(?:avg|sum|min|max|count|p\d+(?:\.\d+)?):([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\{/g;
const DATADOG_CHECK = /"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"\.over\(/g;

/** The metric (and service-check) names an alert condition reads. */
export function metricsRead(language: 'promql' | 'datadog', expression: string): string[] {
  const found = language === 'promql'
    ? [...expression.matchAll(PROMQL_METRIC)].map((m) => m[1])
    : [...[...expression.matchAll(DATADOG_METRIC)].map((m) => m[1]), ...[...expression.matchAll(DATADOG_CHECK)].map((m) => m[1])];
  return [...new Set(found)];
}
