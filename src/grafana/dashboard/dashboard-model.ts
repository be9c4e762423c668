// Builds the Grafana dashboard model with the Grafana Foundation SDK (bundled; never in a
// public signature). Every query comes from the signal catalog or its dashboard views.
import * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as statetimeline from '@grafana/grafana-foundation-sdk/statetimeline';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { PanelDrawing } from '../../gateway/dashboard-vocabulary';
import { KongGateway } from '../../gateway/kong-gateway';
import { ThresholdDirection } from '../../gateway/signal-vocabulary';
import { dashboardLayout } from '../../signals/dashboard-layout';
import { PanelStates, SignalPanel } from '../../signals/panel-placement';
import { ResolvedSignal } from '../../signals/resolved-signal';
import { PromQueryScope } from '../../signals/selectors';
import { DatadogCollection } from '../../signals/signal-types';
import { DashboardView, dashboardVariableQueries } from '../../signals/views';
import { groupLegend } from '../legend';

/** Grafana's dashboard grid is 24 columns wide. */
export const GRID_COLUMNS = 24;
/** Height of a row header, in grid units. */
const ROW_HEIGHT = 1;
/** Height of a graph panel, in grid units. */
const PANEL_HEIGHT = 8;

export const VAR_DATASOURCE = 'datasource';
export const VAR_NAMESPACE = 'namespace';
export const VAR_POD = 'pod';
const DATASOURCE: common.DataSourceRef = { type: 'prometheus', uid: `$${VAR_DATASOURCE}` };

/** What the model builder needs to know. */
export interface DashboardModelOptions {
  readonly gateway: KongGateway;
  readonly uid: string;
  readonly title: string;
  readonly datasourceUid?: string;
  readonly refresh: string;
  readonly timeFrom: string;
  /** Label that names the cluster in a central store; undefined for the cluster's own Prometheus. */
  readonly clusterLabel?: string;
}

/** Natural width of a panel, in grid columns: a stat is narrow, the rest share a row two by two. */
const PANEL_WIDTH: Record<PanelDrawing, number> = {
  [PanelDrawing.STAT]: 6,
  [PanelDrawing.TIME_SERIES]: 12,
  [PanelDrawing.STATE_TIMELINE]: 12,
};

/** A panel waiting for its id and position. */
interface PendingPanel {
  readonly width: number;
  readonly build: (id: number, gridPos: dashboard.GridPos) => cog.Builder<dashboard.Panel>;
}

function target(refId: string, expr: string, legend: string, instant = false): prometheus.DataqueryBuilder {
  const q = new prometheus.DataqueryBuilder().refId(refId).expr(expr).legendFormat(legend).datasource(DATASOURCE);
  return instant ? q.instant() : q.range();
}

/** Threshold steps that colour the bad side of a signal's thresholds. */
function signalThresholds(signal: ResolvedSignal): dashboard.ThresholdsConfigBuilder {
  const steps: dashboard.Threshold[] = signal.direction === ThresholdDirection.ABOVE
    ? [
      { value: null, color: 'green' },
      ...(signal.warning !== undefined ? [{ value: signal.warning, color: 'orange' }] : []),
      { value: signal.critical, color: 'red' },
    ]
    : [
      { value: null, color: 'red' },
      ...(signal.warning !== undefined ? [{ value: signal.critical, color: 'orange' }] : []),
      { value: signal.warning ?? signal.critical, color: 'green' },
    ];
  return new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps(steps);
}

function stateMappings(states: PanelStates): dashboard.ValueMapping[] {
  return [{
    type: dashboard.MappingType.ValueToText,
    options: { 1: { text: states.healthy, color: 'green', index: 0 }, 0: { text: states.unhealthy, color: 'red', index: 1 } },
  }];
}

/** A signal's panel, drawn as the catalog says, with the signal's thresholds. */
function signalPanel(signal: ResolvedSignal, panel: SignalPanel, scope: PromQueryScope): PendingPanel['build'] {
  const query = () => target('A', signal._promql(scope), groupLegend(signal, panel.legend));
  return (id, gridPos) => {
    switch (panel.drawing) {
      case PanelDrawing.STATE_TIMELINE:
        return new statetimeline.PanelBuilder()
          .id(id).gridPos(gridPos).title(panel.title).description(signal.description).datasource(DATASOURCE)
          .mappings(panel.states ? stateMappings(panel.states) : []).thresholds(signalThresholds(signal))
          .showValue(common.VisibilityMode.Never).mergeValues(true)
          .withTarget(query());
      case PanelDrawing.STAT:
        return statPanel(id, gridPos, panel.title, signal.description).thresholds(signalThresholds(signal)).withTarget(query());
      default: {
        const graph = new timeseries.PanelBuilder()
          .id(id).gridPos(gridPos).title(panel.title).description(signal.description).datasource(DATASOURCE);
        if (panel.unit) graph.unit(panel.unit);
        return graph.thresholds(signalThresholds(signal))
          .thresholdsStyle(new common.GraphThresholdsStyleConfigBuilder().mode(common.GraphThresholdsStyleMode.Dashed))
          .withTarget(query());
      }
    }
  };
}

/** A view's panel: one query per series that has PromQL. */
function viewPanel(view: DashboardView): PendingPanel['build'] {
  const series = view.series.filter((s) => s.promql !== undefined);
  const refId = (i: number) => String.fromCharCode(65 + i);
  return (id, gridPos) => {
    if (view.drawing === PanelDrawing.STAT) {
      const panel = statPanel(id, gridPos, view.title, view.description);
      series.forEach((s, i) => panel.withTarget(target(refId(i), s.promql!, s.legend, true)));
      return panel;
    }
    const panel = new timeseries.PanelBuilder().id(id).gridPos(gridPos).title(view.title).datasource(DATASOURCE);
    if (view.description) panel.description(view.description);
    if (view.unit) panel.unit(view.unit);
    series.forEach((s, i) => panel.withTarget(target(refId(i), s.promql!, s.legend)));
    return panel;
  };
}

/** The current values, large, each named by its legend. */
function statPanel(id: number, gridPos: dashboard.GridPos, title: string, description?: string): stat.PanelBuilder {
  const panel = new stat.PanelBuilder().id(id).gridPos(gridPos).title(title).datasource(DATASOURCE);
  if (description) panel.description(description);
  return panel
    .graphMode(common.BigValueGraphMode.None).textMode(common.BigValueTextMode.ValueAndName)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']));
}

/**
 * Places each section's panels on the 24-column grid in order: each at its natural width,
 * wrapping when the row is full; the last panel of a row widens to the row's end, so no row
 * leaves a gap.
 */
function placePanels(panels: PendingPanel[], top: number): Array<{ panel: PendingPanel; gridPos: dashboard.GridPos }> {
  const rows: PendingPanel[][] = [];
  let used = GRID_COLUMNS;
  for (const panel of panels) {
    if (used + panel.width > GRID_COLUMNS) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(panel);
    used += panel.width;
  }
  return rows.flatMap((row, r) => {
    let x = 0;
    return row.map((panel, i) => {
      const w = i === row.length - 1 ? GRID_COLUMNS - x : panel.width;
      const gridPos = { x, y: top + r * PANEL_HEIGHT, w, h: PANEL_HEIGHT };
      x += w;
      return { panel, gridPos };
    });
  });
}

/** Builds the whole dashboard model for one gateway, from the catalog's dashboard layout. */
export function buildDashboardModel(options: DashboardModelOptions): dashboard.Dashboard {
  const { gateway } = options;
  // Queries select the pods through the dashboard's variables.
  const scope: PromQueryScope = { clusterLabel: options.clusterLabel, namespaceVariable: `$${VAR_NAMESPACE}`, podVariable: `$${VAR_POD}` };
  const layout = dashboardLayout(gateway, { collection: DatadogCollection.AGENT_INTEGRATION, prometheus: scope });

  const builder = new dashboard.DashboardBuilder(options.title)
    .uid(options.uid)
    .description(`Health of Kong gateway ${gateway.name} (${gateway.mode}, ${gateway.environment}), generated from the cdktf-kong-monitoring signal catalog.`)
    .tags(['kong', `kong-${gateway.name}`, gateway.environment])
    .editable()
    .timezone('browser')
    .refresh(options.refresh)
    .time({ from: options.timeFrom, to: 'now' })
    .tooltip(dashboard.DashboardCursorSync.Crosshair);
  for (const variable of variables(options)) builder.withVariable(variable);

  // Explicit ids from 1 and explicit positions on the 24-column grid, in layout order.
  let nextId = 1;
  let y = 0;
  for (const section of layout) {
    builder.withRow(new dashboard.RowBuilder(section.title).id(nextId++).collapsed(false)
      .gridPos({ x: 0, y, w: GRID_COLUMNS, h: ROW_HEIGHT }));
    y += ROW_HEIGHT;
    const pending: PendingPanel[] = section.panels.map((p) => ({
      width: PANEL_WIDTH[p.panel.drawing],
      build: p.kind === 'signal' ? signalPanel(p.signal, p.panel, scope) : viewPanel(p.view),
    }));
    const placed = placePanels(pending, y);
    for (const { panel, gridPos } of placed) builder.withPanel(panel.build(nextId++, gridPos));
    y = Math.max(y, ...placed.map((p) => p.gridPos.y + p.gridPos.h));
  }
  return builder.build();
}

function variables(options: DashboardModelOptions): cog.Builder<dashboard.VariableModel>[] {
  const { gateway } = options;
  const queries = dashboardVariableQueries(gateway, `$${VAR_NAMESPACE}`, { clusterLabel: options.clusterLabel });
  const datasource = new dashboard.DatasourceVariableBuilder(VAR_DATASOURCE).label('Data source').type('prometheus');
  if (options.datasourceUid !== undefined) {
    datasource.current({ text: options.datasourceUid, value: options.datasourceUid, selected: true });
  }
  const namespace = new dashboard.QueryVariableBuilder(VAR_NAMESPACE)
    .label('Namespace')
    .datasource(DATASOURCE)
    .query({ query: `label_values(${queries.namespaceSeries}, namespace)`, refId: 'namespace' })
    .definition(`label_values(${queries.namespaceSeries}, namespace)`)
    .current({ text: gateway.namespace, value: gateway.namespace, selected: true })
    .refresh(dashboard.VariableRefresh.OnDashboardLoad)
    .sort(dashboard.VariableSort.AlphabeticalAsc);
  const pod = new dashboard.QueryVariableBuilder(VAR_POD)
    .label('Node (pod)')
    .datasource(DATASOURCE)
    .query({ query: `label_values(${queries.podSeries}, pod)`, refId: 'pod' })
    .definition(`label_values(${queries.podSeries}, pod)`)
    .multi(true)
    .includeAll(true)
    .allValue(queries.allPods)
    .current({ text: 'All', value: '$__all', selected: true })
    .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
    .sort(dashboard.VariableSort.NaturalAsc);
  return [datasource, namespace, pod];
}
