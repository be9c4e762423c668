import type { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { Construct } from 'constructs';
import { DatadogGatewayProps } from './common';
import { DatadogDistributionPercentiles } from './distribution-percentiles';
import { identityTitle } from '../gateway/gateway-identity';
import {
  CheckStatusDefinition,
  DashboardModel,
  Marker,
  TemplateVariable,
  TimeseriesDefinition,
  Widget,
} from './internal/dashboard-model';
import { monitorSearchQuery } from './internal/tags';
import { checkConstructArguments } from '../core/input-shape';
import { KongGateway } from '../gateway/kong-gateway';
import { datadogResources } from '../internal/provider-resources';
import { dashboardLayout } from '../signals/dashboard-layout';
import { signalsOf } from '../signals/gateway-signals';
import { SignalPanel } from '../signals/panel-placement';
import { DatadogSignalQuery, formatNumber, ResolvedSignal } from '../signals/resolved-signal';
import { DatadogQueryScope } from '../signals/selectors';
import { DatadogCollection, DatadogQueryKind } from '../signals/signal-types';
import { DashboardView, ViewId } from '../signals/views';

/** Props of {@link DatadogDashboard}. */
export interface DatadogDashboardProps extends DatadogGatewayProps {
  /**
   * Dashboard title.
   * @default 'Kong <gateway> (<environment>): health'
   */
  readonly title?: string;
}

/** The group beside the catalog's sections: the gateway's monitors, last. */
const MONITOR_SUMMARY = 'Monitors';

/**
 * The gateway's health dashboard in Datadog (`datadog_dashboard_json`): per-node readiness
 * (check status of each pod's `/status/ready` check), ready vs expected nodes, requests, 5xx
 * ratio, latency, Kong latency, upstream health, datastore (modes with a database), shared
 * dictionaries, connections, and a summary of the gateway's monitors. Every query comes from
 * the signal catalog (the signals' Datadog forms and the dashboard views), laid out in the
 * catalog's sections and order, the same as the Grafana dashboard's.
 *
 * Template variables `kong_environment`, `kube_namespace` and `kong_gateway` default to this
 * gateway and stand in for those tags wherever a catalog query filters on them, so one
 * dashboard can be pointed at a sibling gateway without a change.
 */
export class DatadogDashboard extends Construct {
  /** The dashboard resource. */
  public readonly dashboard: DashboardJson;
  /** The dashboard JSON, as stored in Datadog. */
  public readonly definition: string;
  /** The collection path the queries are written for. */
  public readonly collection: DatadogCollection;
  /** Signals of the gateway that have no Datadog form on this collection path (not on the dashboard). */
  public readonly skippedSignals: string[];

  public constructor(scope: Construct, id: string, props: DatadogDashboardProps) {
    super(scope, checkConstructArguments('DatadogDashboard', scope, id, props));
    const gateway = props.gateway;
    this.collection = props.collection ?? DatadogCollection.AGENT_INTEGRATION;
    const variables = templateVariables(gateway);
    // Queries select the gateway through the template variables, which default to its tags.
    const queryScope: DatadogQueryScope = { variableTagKeys: variables.map((v) => v.prefix) };

    const widgets: Widget[] = [];
    // Signals with no form on this path, in catalog order: listed in a note, not drawn.
    const skipped = signalsOf(gateway).filter((signal) => !signal._datadog(this.collection, queryScope)).map((signal) => signal.id);
    if (skipped.length > 0) {
      widgets.push({
        definition: {
          type: 'note',
          content: `Signals with no Datadog data on the ${this.collection} collection path (see the Prometheus and Grafana side): ${skipped.join(', ')}.`,
          background_color: 'gray',
          font_size: '14',
          show_tick: false,
        },
      });
    }
    this.skippedSignals = skipped;
    for (const section of dashboardLayout(gateway, { collection: this.collection, datadog: queryScope })) {
      const members = section.panels.flatMap((p) => {
        if (p.kind === 'view') return viewWidget(p.view, gateway);
        const query = p.signal._datadog(this.collection, queryScope);
        return query ? [signalWidget(p.signal, p.panel, query)] : [];
      });
      // A section this path has no data for is left out; the others keep the layout's order.
      if (members.length > 0) widgets.push({ definition: { type: 'group', title: section.title, layout_type: 'ordered', widgets: members } });
    }
    widgets.push({
      definition: {
        type: 'group',
        title: MONITOR_SUMMARY,
        layout_type: 'ordered',
        widgets: [{
          definition: {
            type: 'manage_status',
            title: `Monitors of Kong ${identityTitle(gateway)}`,
            query: monitorSearchQuery(gateway),
            summary_type: 'monitors',
            display_format: 'countsAndList',
            color_preference: 'text',
            hide_zero_counts: true,
            show_last_triggered: true,
            sort: 'status,asc',
          },
        }],
      },
    });

    const model: DashboardModel = {
      title: props.title ?? `Kong ${identityTitle(gateway)}: health`,
      description: `Health of Kong gateway ${gateway.name} (${gateway.mode}) in ${gateway.environment}, namespace ${gateway.namespace}. Data: ${this.collection}. Managed by cdktf-kong-monitoring; edits in the UI are overwritten.`,
      layout_type: 'ordered',
      reflow_type: 'auto',
      template_variables: variables,
      widgets,
      // Datadog accepts only `team:` tags on dashboards.
      tags: gateway.team ? [`team:${gateway.team}`] : [],
      notify_list: [],
    };
    this.definition = JSON.stringify(model);
    this.dashboard = new datadogResources.DashboardJson(this, 'dashboard', { dashboard: this.definition });
    // Percentile widgets read percentiles, which exist only once enabled for the metric.
    DatadogDistributionPercentiles._register(
      this,
      widgetQueries(widgets),
      Object.fromEntries(model.template_variables.map((v) => [v.name, v.prefix])),
    );
  }
}

/** The metric queries of widgets, groups included. */
function widgetQueries(widgets: Widget[]): string[] {
  return widgets.flatMap((w) => {
    const d = w.definition;
    if (d.type === 'group') return widgetQueries(d.widgets);
    if (d.type === 'timeseries' || d.type === 'query_value') return d.requests.map((r) => r.q);
    return [];
  });
}

function templateVariables(gateway: KongGateway): TemplateVariable[] {
  return [
    { name: 'kong_environment', prefix: 'kong_environment', available_values: [], defaults: [gateway.environment] },
    { name: 'kube_namespace', prefix: 'kube_namespace', available_values: [], defaults: [gateway.namespace] },
    { name: 'kong_gateway', prefix: 'kong_gateway', available_values: [], defaults: [gateway.name] },
    ...(gateway.cluster ? [{ name: 'kong_cluster', prefix: 'kong_cluster', available_values: [], defaults: [gateway.cluster] }] : []),
  ];
}

function thresholdMarkers(signal: ResolvedSignal, query: DatadogSignalQuery): Marker[] {
  return [
    { value: `y = ${formatNumber(query.critical)}`, display_type: 'error dashed', label: `critical ${signal.comparator} ${formatNumber(query.critical)}` },
    ...(query.warning !== undefined
      ? [{ value: `y = ${formatNumber(query.warning)}`, display_type: 'warning dashed' as const, label: `warning ${signal.comparator} ${formatNumber(query.warning)}` }]
      : []),
  ];
}

/** A signal's widget: a check status per group for a service check, else its metric with threshold markers. */
function signalWidget(signal: ResolvedSignal, panel: SignalPanel, query: DatadogSignalQuery): Widget {
  if (query.kind === DatadogQueryKind.SERVICE_CHECK) {
    const definition: CheckStatusDefinition = {
      type: 'check_status',
      title: `${panel.title}: ${query.expression} per ${query.groupBy.join(', ')}`,
      check: query.expression,
      grouping: 'cluster',
      group_by: [...query.groupBy],
      tags: [...(query.overTags ?? [])],
    };
    return { definition };
  }
  const definition: TimeseriesDefinition = {
    type: 'timeseries',
    title: panel.title,
    show_legend: query.groupBy.length > 0,
    requests: [{ q: query.expression, display_type: 'line' }],
    markers: thresholdMarkers(signal, query),
    yaxis: { include_zero: true },
  };
  return { definition };
}

/** A view's widget, when this path has data for any of its series. */
function viewWidget(view: DashboardView, gateway: KongGateway): Widget[] {
  const series = view.series.filter((s) => s.datadog !== undefined);
  if (series.length === 0) return [];
  const markers: Marker[] = view.id === ViewId.READY_NODES && gateway.expectedNodes !== undefined
    ? [{ value: `y = ${gateway.expectedNodes}`, display_type: 'error dashed', label: `expected ${gateway.expectedNodes}` }]
    : [];
  return [{
    definition: {
      type: 'timeseries',
      title: view.title,
      show_legend: true,
      requests: series.map((s) => {
        const q = s.datadog!;
        // Grafana-style legends ({{service}}) mean "one line per group": Datadog names those itself.
        return s.legend.includes('{{')
          ? { q, display_type: 'line' as const }
          : { q, display_type: 'line' as const, metadata: [{ expression: q, alias_name: s.legend }] };
      }),
      ...(markers.length > 0 ? { markers } : {}),
      yaxis: { include_zero: true },
    },
  }];
}
