import { PrometheusPluginFlag, SignalSource, TelemetryProducer } from './signal-source';

/** How far the library can see one component that telemetry depends on, in this stack. */
export enum SourceStatus {
  /** The library configures it in this stack. */
  LIVE = 'live',
  /** The user declared it configured elsewhere; the library trusts that. */
  DECLARED_EXTERNAL = 'declared external',
  /** A cluster component the library expects to be there (kube-state-metrics, the Datadog cluster checks). */
  ASSUMED = 'assumed',
  /** It may exist, but nothing in the stack shows it: confirm it. */
  UNVERIFIED = 'unverified',
  /** Nothing configures it: data that depends on it never arrives. */
  MISSING = 'missing',
}

/** One component as a stack provides it. */
export interface WiringFact {
  /** How far it is seen. */
  readonly status: SourceStatus;
  /** What provides it, e.g. `PodMonitor edge with labels release=kps`. */
  readonly how: string;
  /**
   * What to do when it is unverified or missing.
   * @default - nothing to do
   */
  readonly fix?: string;
}

/** What a stack provides for one gateway's telemetry, component by component. */
export interface TelemetryWiring {
  /** The library's settings on the Kong pods: the status listener on all addresses, annotations. */
  readonly kongWorkload: WiringFact;
  /** A Prometheus scrape of the status port that the user's Prometheus selects. */
  readonly prometheusScrape: WiringFact;
  /** An enabled Prometheus plugin instance. */
  readonly prometheusPlugin: WiringFact;
  /** The Prometheus plugin flags that are on. */
  readonly prometheusFlags: PrometheusPluginFlag[];
  /** The Datadog Agent's Kong and HTTP checks, from the library's autodiscovery annotations. */
  readonly datadogAgentChecks: WiringFact;
  /** Kong's Datadog plugin. */
  readonly datadogPlugin: WiringFact;
}

/** Whether one alert (or panel) has a live source, and what it needs. */
export interface SourceVerdict {
  /** The weakest status among what the source needs. */
  readonly status: SourceStatus;
  /** Each component it needs, in words, with its status. */
  readonly needs: string[];
  /** Missing components, with their fixes: the data never arrives. */
  readonly missing: string[];
  /** Components the stack cannot show, with what to confirm. */
  readonly unverified: string[];
}

const RANK: Record<SourceStatus, number> = {
  [SourceStatus.LIVE]: 0,
  [SourceStatus.ASSUMED]: 1,
  [SourceStatus.DECLARED_EXTERNAL]: 1,
  [SourceStatus.UNVERIFIED]: 2,
  [SourceStatus.MISSING]: 3,
};

const ASSUMED_CLUSTER_COMPONENT: { [producer: string]: string } = {
  [TelemetryProducer.KUBE_STATE_METRICS]: 'kube-state-metrics, scraped by the Prometheus the rules run on',
  [TelemetryProducer.DATADOG_KUBERNETES_STATE]: "the Datadog Cluster Agent's Kubernetes state check",
};

/** Who reads the data: an alert can be switched off, a dashboard panel cannot. */
export enum SourceReader {
  ALERT = 'alert',
  PANEL = 'panel',
}

/** The components a producer's data passes through before a backend can read it. */
function requirements(source: SignalSource, wiring: TelemetryWiring, reader: SourceReader): Array<[string, WiringFact]> {
  const plugin = (): Array<[string, WiringFact]> => {
    const out: Array<[string, WiringFact]> = [['Prometheus plugin', wiring.prometheusPlugin]];
    // A flag matters only once there is a plugin to carry it.
    if (source.pluginFlag !== undefined && wiring.prometheusPlugin.status !== SourceStatus.MISSING) {
      const on = wiring.prometheusFlags.includes(source.pluginFlag);
      out.push([`Prometheus plugin flag ${source.pluginFlag}`, on
        ? { status: SourceStatus.LIVE, how: `${source.pluginFlag} on` }
        : { status: SourceStatus.MISSING, how: `${source.pluginFlag} off`, fix: `turn ${source.pluginFlag} on in the Prometheus plugin (plugins.prometheus)${reader === SourceReader.ALERT ? ", or switch the signal off with the gateway's signalOverrides" : ''}` }]);
    }
    return out;
  };
  switch (source.producer) {
    case TelemetryProducer.KONG_NODE_GAUGES:
      return [['Kong status listener', wiring.kongWorkload], ['Prometheus scrape', wiring.prometheusScrape]];
    case TelemetryProducer.KONG_PROMETHEUS_PLUGIN:
      return [['Kong status listener', wiring.kongWorkload], ['Prometheus scrape', wiring.prometheusScrape], ...plugin()];
    case TelemetryProducer.PROMETHEUS_SCRAPE:
      return [['Prometheus scrape', wiring.prometheusScrape]];
    case TelemetryProducer.DATADOG_HTTP_CHECK:
      return [['Kong status listener', wiring.kongWorkload], ['Datadog Agent checks', wiring.datadogAgentChecks]];
    case TelemetryProducer.DATADOG_KONG_CHECK:
      // The Kong check scrapes the same exporter Prometheus would: plugin metrics need the plugin.
      return [
        ['Kong status listener', wiring.kongWorkload],
        ['Datadog Agent checks', wiring.datadogAgentChecks],
        ...(source.origin === TelemetryProducer.KONG_PROMETHEUS_PLUGIN ? plugin() : []),
      ];
    case TelemetryProducer.KONG_DATADOG_PLUGIN:
      return [['Kong status listener', wiring.kongWorkload], ["Kong's Datadog plugin", wiring.datadogPlugin]];
    default:
      return [[ASSUMED_CLUSTER_COMPONENT[source.producer] ?? source.producer, { status: SourceStatus.ASSUMED, how: 'a cluster component' }]];
  }
}

/** Traces one source through the stack's wiring. */
export function traceSource(source: SignalSource, wiring: TelemetryWiring, reader: SourceReader = SourceReader.ALERT): SourceVerdict {
  const needed = requirements(source, wiring, reader);
  let status = SourceStatus.LIVE;
  for (const [, fact] of needed) if (RANK[fact.status] > RANK[status]) status = fact.status;
  const problems = (wanted: SourceStatus) => needed
    .filter(([, fact]) => fact.status === wanted)
    .map(([what, fact]) => `${what}: ${fact.how}${fact.fix ? `. Fix: ${fact.fix}` : ''}`);
  return {
    status,
    needs: needed.map(([what, fact]) => `${what}: ${fact.status} (${fact.how})`),
    missing: problems(SourceStatus.MISSING),
    unverified: problems(SourceStatus.UNVERIFIED),
  };
}

/** Verdicts already traced through a wiring, by what they depend on (see `requirementKey`). */
const TRACED = new WeakMap<TelemetryWiring, Map<string, SourceVerdict>>();

/** What a source's requirements depend on: its producer, plugin flag and origin (never its metrics). */
function requirementKey(source: SignalSource): string {
  return `${source.producer}\u0000${source.pluginFlag ?? ''}\u0000${source.origin ?? ''}`;
}

/**
 * Traces every source of an alert: the alert is as live as its weakest source. A gateway's
 * alerts share few distinct sources, so each combination is traced once per wiring.
 */
export function traceSources(sources: SignalSource[], wiring: TelemetryWiring, reader: SourceReader = SourceReader.ALERT): SourceVerdict {
  let traced = TRACED.get(wiring);
  if (!traced) {
    traced = new Map();
    TRACED.set(wiring, traced);
  }
  const key = `${reader}\u0002${sources.map(requirementKey).join('\u0001')}`;
  let verdict = traced.get(key);
  if (!verdict) {
    verdict = mergeVerdicts(sources.map((s) => traceSource(s, wiring, reader)));
    traced.set(key, verdict);
  }
  return { status: verdict.status, needs: [...verdict.needs], missing: [...verdict.missing], unverified: [...verdict.unverified] };
}

function mergeVerdicts(verdicts: SourceVerdict[]): SourceVerdict {
  let status = SourceStatus.LIVE;
  for (const v of verdicts) if (RANK[v.status] > RANK[status]) status = v.status;
  return {
    status,
    needs: [...new Set(verdicts.flatMap((v) => v.needs))],
    missing: [...new Set(verdicts.flatMap((v) => v.missing))],
    unverified: [...new Set(verdicts.flatMap((v) => v.unverified))],
  };
}
