// A gateway's custom signal as a catalog entry: from here on it takes the path of the
// catalog's own signals (resolution, every backend, both dashboards, lineage).
import { metricSource, metricsRead } from './metric-sources';
import { SignalPanel } from './panel-placement';
import { DatadogDefinition, KongAvailability, SignalDefinition } from './signal-definition';
import { SignalSource, TelemetryProducer } from './signal-source';
import { DatadogCollection, DatadogQueryKind } from './signal-types';
import { failValidation } from '../core/validation';
import { CustomSignal, DATADOG_GATEWAY_TAGS, DatadogTimeAggregation, PROMQL_GATEWAY_SELECTOR } from '../gateway/custom-signal';
import { DashboardSection, PanelDrawing } from '../gateway/dashboard-vocabulary';
import { DeploymentMode } from '../gateway/deployment-mode';
import { datadogGatewayTags } from '../gateway/gateway-identity';
import { NoDataPolicy, Severity, SignalPractice, SignalScope, SignalUnit, ThresholdDirection } from '../gateway/signal-vocabulary';

/** Custom panels come after every catalog panel of their section. */
const CUSTOM_PANEL_ORDER = 1000;

const SECTION_OF_SCOPE: Record<SignalScope, DashboardSection> = {
  [SignalScope.NODE]: DashboardSection.NODES,
  [SignalScope.CLUSTER]: DashboardSection.CLUSTER_HEALTH,
  [SignalScope.TRAFFIC]: DashboardSection.TRAFFIC,
  [SignalScope.UPSTREAM]: DashboardSection.UPSTREAMS,
  [SignalScope.RESOURCE]: DashboardSection.RESOURCES,
};

/** Per unit: what is measured in words, the thresholds' range, the values' bounds, Grafana's display unit. */
const UNITS: Record<SignalUnit, { quantity: string; range: [number, number]; bounds?: [number, number]; display?: string }> = {
  [SignalUnit.RATIO]: { quantity: 'ratio', range: [0, 1], bounds: [0, 1], display: 'percentunit' },
  [SignalUnit.MILLISECONDS]: { quantity: 'milliseconds', range: [0, 3_600_000], display: 'ms' },
  [SignalUnit.DAYS]: { quantity: 'days', range: [0, 3650], display: 'd' },
  [SignalUnit.COUNT]: { quantity: 'count', range: [0, Number.MAX_SAFE_INTEGER], display: 'short' },
  [SignalUnit.STATE]: { quantity: 'state (1 or 0)', range: [0, 1], bounds: [0, 1] },
};

/** The series selectors (`name{…}`, `{…}`) of a PromQL text, in order. */
const PROMQL_SELECTOR = /([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*\{([^}]*)\}/g;
/** Datadog metric queries: `aggr:metric{filter}`. */
const DATADOG_SELECTOR = /([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\{([^}]*)\}/g;

/** Datadog producers whose data carries the gateway's tags (the library's check instances and plugin config). */
const TAGGED_PRODUCERS: Record<DatadogCollection, TelemetryProducer> = {
  [DatadogCollection.AGENT_INTEGRATION]: TelemetryProducer.DATADOG_KONG_CHECK,
  [DatadogCollection.KONG_PLUGIN]: TelemetryProducer.KONG_DATADOG_PLUGIN,
};

/**
 * The catalog entry of one custom signal of a gateway. Fails, naming the gateway and the
 * signal, on what would make an alert that cannot fire or watches the wrong gateway: a
 * selector without the gateway's placeholder, a metric the library cannot trace to what
 * emits it, Datadog data that does not carry the gateway's tags, thresholds in two units.
 */
export function customDefinition(subject: string, custom: CustomSignal, index: number): SignalDefinition {
  const where = `customSignals '${custom.id}'`;
  const unit = custom.critical.unit;
  if (custom.warning !== undefined && custom.warning.unit !== unit) {
    failValidation(subject, `${where} warning threshold ${custom.warning.text} is in ${custom.warning.unit}, but critical ${custom.critical.text} is in ${unit}`, 'give both thresholds in one unit');
  }
  const facts = UNITS[unit];
  const metrics = promqlMetrics(subject, where, custom.promql);
  const prometheusSources = metrics.map((metric) => traced(subject, `${where} promql`, metric));
  const availability = metrics.map((metric) => metricSource(metric)?.availability).find((a): a is KongAvailability => a !== undefined);
  const datadogForms = new Map<DatadogCollection, string>();
  if (custom.datadog?.agentIntegration !== undefined) datadogForms.set(DatadogCollection.AGENT_INTEGRATION, custom.datadog.agentIntegration);
  if (custom.datadog?.kongPlugin !== undefined) datadogForms.set(DatadogCollection.KONG_PLUGIN, custom.datadog.kongPlugin);
  for (const [collection, query] of datadogForms) checkDatadogQuery(subject, where, collection, query);
  const timeAggregation = custom.datadog?.timeAggregation
    ?? (custom.direction === ThresholdDirection.ABOVE ? DatadogTimeAggregation.MIN : DatadogTimeAggregation.MAX);
  const panel: SignalPanel = {
    section: custom.dashboardSection ?? SECTION_OF_SCOPE[custom.scope],
    order: CUSTOM_PANEL_ORDER + index,
    drawing: unit === SignalUnit.STATE ? PanelDrawing.STATE_TIMELINE : PanelDrawing.TIME_SERIES,
    title: custom.title,
    ...(unit === SignalUnit.STATE ? { states: { healthy: 'OK', unhealthy: 'Failing' } } : { unit: facts.display, legend: custom.title }),
  };
  return {
    id: custom.id,
    title: custom.title,
    description: custom.description,
    scope: custom.scope,
    modes: Object.values(DeploymentMode),
    severity: custom.severity ?? Severity.WARNING,
    direction: custom.direction,
    unit,
    quantity: facts.quantity,
    range: facts.range,
    bounds: facts.bounds,
    warning: custom.warning?.value,
    critical: custom.critical.value,
    window: () => custom.window,
    runbook: custom.runbook,
    noData: custom.noData ?? NoDataPolicy.OK,
    practice: custom.practice ?? SignalPractice.HEALTH_ALERTING,
    dashboard: panel,
    availability,
    promql: (q) => custom.promql.split(PROMQL_GATEWAY_SELECTOR).join(q.podMatchers().join(',')),
    promqlGroupBy: [...(custom.promqlGroupBy ?? [])],
    prometheusSources,
    datadog: (d, collection): DatadogDefinition | undefined => {
      const query = datadogForms.get(collection);
      if (query === undefined) return undefined;
      return {
        kind: DatadogQueryKind.METRIC,
        timeAggregation,
        expression: query.split(DATADOG_GATEWAY_TAGS).join(d.gatewayFilter()),
        groupBy: [...(custom.datadog?.groupBy ?? [])],
        sources: metricsRead('datadog', query).map((metric) => ({ ...traced(subject, `${where} datadog`, metric), attachedTags: datadogGatewayTags(d.gateway) })),
      };
    },
    datadogGap: datadogForms.size === 0 ? `custom signal '${custom.id}' gives no Datadog query` : undefined,
  };
}

/** The metrics a custom PromQL reads; each selector must carry the gateway's placeholder. */
function promqlMetrics(subject: string, where: string, promql: string): string[] {
  const selectors = [...promql.matchAll(PROMQL_SELECTOR)];
  const fix = `put ${PROMQL_GATEWAY_SELECTOR} in every selector, e.g. kong_http_requests_total{${PROMQL_GATEWAY_SELECTOR},code="429"}`;
  if (selectors.length === 0) {
    failValidation(subject, `${where} promql '${promql}' selects no series`, fix);
  }
  for (const [text, name, matchers] of selectors) {
    if (!matchers.includes(PROMQL_GATEWAY_SELECTOR)) {
      failValidation(subject, `${where} promql selector '${text.trim()}' does not carry ${PROMQL_GATEWAY_SELECTOR}, so it would read every gateway's series${name ? '' : ' (and every metric)'}`, fix);
    }
    if (!name) failValidation(subject, `${where} promql selector '${text.trim()}' names no metric`, 'name the metric before the braces, e.g. kong_http_requests_total{$KONG_SELECTOR}');
  }
  // A Kong metric read without braces would escape the gateway's matchers.
  for (const metric of metricsRead('promql', promql)) {
    if (new RegExp(`\\b${metric}\\b(?!\\s*\\{)`).test(promql)) {
      failValidation(subject, `${where} promql reads ${metric} without a selector, so it would read every gateway's series`, fix);
    }
  }
  return [...new Set(selectors.map(([, name]) => name))];
}

function checkDatadogQuery(subject: string, where: string, collection: DatadogCollection, query: string): void {
  const field = collection === DatadogCollection.AGENT_INTEGRATION ? 'agentIntegration' : 'kongPlugin';
  const fix = `put ${DATADOG_GATEWAY_TAGS} in every filter, e.g. sum:kong.http.requests.count{${DATADOG_GATEWAY_TAGS},code:429}.as_count()`;
  const selectors = [...query.matchAll(DATADOG_SELECTOR)];
  if (selectors.length === 0) failValidation(subject, `${where} datadog.${field} '${query}' reads no metric`, fix);
  for (const [text, metric, filter] of selectors) {
    if (!filter.split(',').map((t) => t.trim()).includes(DATADOG_GATEWAY_TAGS)) {
      failValidation(subject, `${where} datadog.${field} filter '${text}' does not carry ${DATADOG_GATEWAY_TAGS}, so it would read every gateway's data`, fix);
    }
    const source = traced(subject, `${where} datadog.${field}`, metric);
    // The gateway's tags are on the data of the library's Kong check instances and plugin config only.
    if (source.producer !== TAGGED_PRODUCERS[collection]) {
      failValidation(
        subject,
        `${where} datadog.${field} reads ${metric}, which ${source.producer} sends, not ${TAGGED_PRODUCERS[collection]}: it never carries the gateway's tags on this path, so the monitor would never have data`,
        collection === DatadogCollection.AGENT_INTEGRATION
          ? 'read the Kong check\'s metrics (kong.http.requests.count, kong.request.latency.ms, …) in agentIntegration, and the plugin\'s in kongPlugin'
          : 'read the Datadog plugin\'s metrics (kong.request.count, kong.latency, …) in kongPlugin, and the Kong check\'s in agentIntegration',
      );
    }
  }
}

/** The producer of a metric a custom query reads; a metric the library cannot trace is refused. */
function traced(subject: string, where: string, metric: string): SignalSource {
  const source = metricSource(metric);
  if (!source) {
    failValidation(
      subject,
      `${where} reads ${metric}, which the library cannot trace to a component that emits it, so it cannot tell whether the alert would ever have data`,
      'read metrics of Kong\'s exporter, the Datadog Kong check or plugin, kube-state-metrics or Prometheus\'s up (the README lists them under "Where each alert\'s data comes from")',
    );
  }
  return {
    producer: source.producer,
    metrics: [metric],
    ...(source.origin ? { origin: source.origin } : {}),
    ...(source.pluginFlag ? { pluginFlag: source.pluginFlag } : {}),
  };
}
