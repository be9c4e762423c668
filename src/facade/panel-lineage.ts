// Dashboard lineage: reads the rendered dashboards' own queries (not the catalog's intent),
// so a panel is judged by what it will actually ask the backend for.
import { AlertBackend } from './alert-source';
import { PanelSource } from './panel-source';
import { SourceReader, SourceStatus, TelemetryWiring, traceSources } from '../signals/lineage';
import { metricSource, metricsRead } from '../signals/metric-sources';
import { SignalSource } from '../signals/signal-source';

/** One panel as rendered: its title and the queries (or checks) it reads. */
interface RenderedPanel {
  readonly title: string;
  readonly promql: string[];
  readonly datadog: string[];
  readonly checks: string[];
}

/** The panels of a rendered Grafana dashboard JSON model, rows' nested panels included. */
export function grafanaPanels(configJson: string): RenderedPanel[] {
  const walk = (panels: any[]): RenderedPanel[] => panels.flatMap((p) => [
    ...(Array.isArray(p.targets) && p.targets.length > 0
      ? [{ title: String(p.title ?? ''), promql: p.targets.map((t: any) => t.expr).filter((e: unknown) => typeof e === 'string'), datadog: [], checks: [] }]
      : []),
    ...(Array.isArray(p.panels) ? walk(p.panels) : []),
  ]);
  return walk(JSON.parse(configJson).panels ?? []);
}

/** The widgets of a rendered Datadog dashboard definition that read data, groups included. */
export function datadogPanels(definition: string): RenderedPanel[] {
  const walk = (widgets: any[]): RenderedPanel[] => widgets.flatMap((w) => {
    const d = w.definition ?? {};
    if (Array.isArray(d.widgets)) return walk(d.widgets);
    const queries = (d.requests ?? []).map((r: any) => r.q).filter((q: unknown) => typeof q === 'string');
    const checks = typeof d.check === 'string' ? [d.check] : [];
    return queries.length + checks.length > 0 ? [{ title: String(d.title ?? ''), promql: [], datadog: queries, checks }] : [];
  });
  return walk(JSON.parse(definition).widgets ?? []);
}

/** One rendered panel's lineage, from the metrics its queries read to the components that emit them. */
export function panelSource(backend: AlertBackend, panel: RenderedPanel, wiring: TelemetryWiring): PanelSource {
  const metrics = [...new Set([
    ...panel.promql.flatMap((q) => metricsRead('promql', q)),
    ...panel.datadog.flatMap((q) => metricsRead('datadog', q)),
    ...panel.checks,
  ])];
  const sources: SignalSource[] = [];
  const unknown: string[] = [];
  for (const metric of metrics) {
    const known = metricSource(metric);
    if (!known) {
      unknown.push(metric);
      continue;
    }
    sources.push({ producer: known.producer, metrics: [metric], origin: known.origin, pluginFlag: known.pluginFlag });
  }
  const verdict = traceSources(sources, wiring, SourceReader.PANEL);
  const unverified = [
    ...verdict.unverified,
    // A query the catalog cannot place is the library's own gap: say so rather than guess.
    ...(unknown.length > 0 ? [`no known producer for ${unknown.join(', ')}: report it to the library`] : []),
  ];
  return {
    backend,
    panel: panel.title,
    metrics,
    producers: [...new Set(sources.map((s) => `${s.producer}${s.pluginFlag ? ` (${s.pluginFlag})` : ''}`))],
    path: verdict.needs,
    status: unknown.length > 0 && verdict.status !== SourceStatus.MISSING ? SourceStatus.UNVERIFIED : verdict.status,
    missing: verdict.missing,
    unverified,
  };
}
