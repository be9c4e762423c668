// Builds the Grafana dashboard model with the Grafana Foundation SDK (bundled; never in a
// public signature). Every query comes from the signal catalog or its dashboard views.
import * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as statetimeline from '@grafana/grafana-foundation-sdk/statetimeline';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { DeploymentMode } from '../../gateway/deployment-mode';
import { KongGateway } from '../../gateway/kong-gateway';
import { SignalId, ThresholdDirection } from '../../gateway/signal-vocabulary';
import { signalsOf } from '../../signals/gateway-signals';
import { ResolvedSignal } from '../../signals/resolved-signal';
import { PromQueryScope } from '../../signals/selectors';
import { DatadogCollection } from '../../signals/signal-types';
import { DashboardView, ViewId, dashboardVariableQueries, dashboardViews } from '../../signals/views';
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

/** A panel waiting for its id and position. */
interface PendingPanel {
  readonly width: number;
  readonly build: (id: number, gridPos: dashboard.GridPos) => cog.Builder<dashboard.Panel>;
}

interface Section {
  readonly title: string;
  readonly panels: PendingPanel[];
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

function upDownMappings(up: string, down: string): dashboard.ValueMapping[] {
  return [{
    type: dashboard.MappingType.ValueToText,
    options: { 1: { text: up, color: 'green', index: 0 }, 0: { text: down, color: 'red', index: 1 } },
  }];
}

/** Builds the whole dashboard model for one gateway. */
export function buildDashboardModel(options: DashboardModelOptions): dashboard.Dashboard {
  const { gateway } = options;
  const signals = new Map<SignalId, ResolvedSignal>(signalsOf(gateway).map((s) => [s.id, s]));
  // Queries select the pods through the dashboard's variables.
  const scope: PromQueryScope = { clusterLabel: options.clusterLabel, namespaceVariable: `$${VAR_NAMESPACE}`, podVariable: `$${VAR_POD}` };
  const views = new Map<ViewId, DashboardView>(dashboardViews(gateway, { collection: DatadogCollection.AGENT_INTEGRATION, prometheus: scope }).map((v) => [v.id, v]));

  const signalTimeseries = (signalId: SignalId, title: string, unit: string, width: number, ungroupedLegend?: string): PendingPanel[] => {
    const signal = signals.get(signalId);
    if (!signal) return [];
    return [{
      width,
      build: (id, gridPos) => new timeseries.PanelBuilder()
        .id(id).gridPos(gridPos).title(title).description(signal.description).datasource(DATASOURCE)
        .unit(unit).thresholds(signalThresholds(signal))
        .thresholdsStyle(new common.GraphThresholdsStyleConfigBuilder().mode(common.GraphThresholdsStyleMode.Dashed))
        .withTarget(target('A', signal._promql(scope), groupLegend(signal, ungroupedLegend))),
    }];
  };

  const signalStateTimeline = (signalId: SignalId, title: string, up: string, down: string, width: number): PendingPanel[] => {
    const signal = signals.get(signalId);
    if (!signal) return [];
    return [{
      width,
      build: (id, gridPos) => new statetimeline.PanelBuilder()
        .id(id).gridPos(gridPos).title(title).description(signal.description).datasource(DATASOURCE)
        .mappings(upDownMappings(up, down)).thresholds(signalThresholds(signal))
        .showValue(common.VisibilityMode.Never).mergeValues(true)
        .withTarget(target('A', signal._promql(scope), groupLegend(signal))),
    }];
  };

  const viewTimeseries = (viewId: ViewId, width: number, unit?: string): PendingPanel[] => {
    const view = views.get(viewId);
    if (!view) return [];
    return [{
      width,
      build: (id, gridPos) => {
        const panel = new timeseries.PanelBuilder()
          .id(id).gridPos(gridPos).title(view.title).datasource(DATASOURCE).unit(unit ?? view.unit);
        view.series.forEach((s, i) => {
          if (s.promql) panel.withTarget(target(String.fromCharCode(65 + i), s.promql, s.legend));
        });
        return panel;
      },
    }];
  };

  const readyNodes = views.get(ViewId.READY_NODES)!;
  const sections: Section[] = [
    {
      title: 'Nodes',
      panels: [
        {
          width: 6,
          build: (id, gridPos) => {
            const panel = new stat.PanelBuilder()
              .id(id).gridPos(gridPos).title(readyNodes.title).datasource(DATASOURCE)
              .description('Nodes whose readiness probe (/status/ready) passes, against the expected or desired count.')
              .graphMode(common.BigValueGraphMode.None).textMode(common.BigValueTextMode.ValueAndName)
              .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']));
            readyNodes.series.forEach((s, i) => panel.withTarget(target(String.fromCharCode(65 + i), s.promql!, s.legend, true)));
            return panel;
          },
        },
        ...signalStateTimeline(SignalId.NODE_READY, 'Readiness per node', 'Ready', 'Not ready', 18),
        ...signalStateTimeline(SignalId.NODE_METRICS_UP, 'Metrics endpoint per node', 'Up', 'Down', 24),
      ],
    },
  ];
  if (gateway.proxiesTraffic) {
    sections.push({
      title: 'Traffic',
      panels: [
        ...viewTimeseries(ViewId.REQUEST_RATE_BY_SERVICE, 12),
        ...signalTimeseries(SignalId.ERROR_RATIO_5XX, '5xx response ratio', 'percentunit', 12, '5xx ratio'),
        ...viewTimeseries(ViewId.REQUEST_LATENCY_P99_BY_SERVICE, 12),
        ...viewTimeseries(ViewId.KONG_LATENCY_P99_BY_SERVICE, 12),
      ],
    });
    sections.push({
      title: 'Upstreams',
      panels: [
        ...signalTimeseries(SignalId.UPSTREAM_TARGET_UNHEALTHY, 'Unhealthy upstream targets', 'short', 24),
      ],
    });
  }
  const health: PendingPanel[] = [];
  if (gateway.hasDatastore) {
    health.push(...signalStateTimeline(SignalId.DATASTORE_REACHABLE, 'Datastore reachable per node', 'Reachable', 'Unreachable', 24));
  }
  if (gateway.mode === DeploymentMode.HYBRID_DATA_PLANE) {
    health.push(
      ...signalStateTimeline(SignalId.CONTROL_PLANE_CONNECTED, 'Control plane connection per node', 'Connected', 'Disconnected', 12),
      ...signalTimeseries(SignalId.DATA_PLANE_CERT_EXPIRY, 'Cluster certificate: days until expiry', 'd', 12),
    );
  }
  if (gateway.mode === DeploymentMode.HYBRID_CONTROL_PLANE) {
    health.push(
      ...signalTimeseries(SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED, 'Data planes seen recently / expected', 'percentunit', 12, 'seen / expected'),
      ...signalTimeseries(SignalId.DATA_PLANE_CONFIG_DRIFT, 'Data planes: distinct configuration hashes', 'short', 12, 'configurations'),
      ...signalStateTimeline(SignalId.DATA_PLANE_VERSION_COMPATIBLE, 'Data planes: version compatible', 'Compatible', 'Incompatible', 24),
    );
  }
  if (health.length > 0) sections.push({ title: 'Cluster health', panels: health });
  sections.push({
    title: 'Resources',
    panels: [
      ...signalTimeseries(SignalId.SHARED_DICT_MEMORY, 'Shared dictionary memory used', 'percentunit', 12),
      ...viewTimeseries(ViewId.CONNECTIONS_BY_STATE, 12),
    ],
  });

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

  // Explicit ids from 1 and explicit positions on the 24-column grid, in a fixed order.
  let nextId = 1;
  let y = 0;
  for (const section of sections.filter((s) => s.panels.length > 0)) {
    builder.withRow(new dashboard.RowBuilder(section.title).id(nextId++).collapsed(false)
      .gridPos({ x: 0, y, w: GRID_COLUMNS, h: ROW_HEIGHT }));
    y += ROW_HEIGHT;
    let x = 0;
    for (const panel of section.panels) {
      if (x + panel.width > GRID_COLUMNS) {
        x = 0;
        y += PANEL_HEIGHT;
      }
      builder.withPanel(panel.build(nextId++, { x, y, w: panel.width, h: PANEL_HEIGHT }));
      x += panel.width;
    }
    y += PANEL_HEIGHT;
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
