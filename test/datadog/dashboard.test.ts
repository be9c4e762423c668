import { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { ALLOWED_METRICS, ALLOWED_SERVICE_CHECKS, BASE, gatewaysOfAllModes, resourceCounts, resources, synth } from './helpers';
import { DatadogDashboard } from '../../src/datadog/dashboard';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { signalsOf } from '../../src/signals/gateway-signals';
import { DatadogCollection } from '../../src/signals/signal-types';
import { dashboardViews } from '../../src/signals/views';
import { parseMetricExpression } from '../support/datadog-query';

function render(gateway: KongGateway, collection = DatadogCollection.AGENT_INTEGRATION) {
  let construct!: DatadogDashboard;
  const s = synth((stack) => {
    construct = new DatadogDashboard(stack, 'dashboard', { gateway, collection });
  });
  const [resource] = Object.values(resources(s, 'datadog_dashboard_json')) as any[];
  return { s, construct, model: JSON.parse(resource.dashboard) };
}

/** Every widget definition, groups flattened, in order. */
function widgets(model: any): any[] {
  const out: any[] = [];
  const walk = (list: any[]) => list.forEach((w) => {
    out.push(w.definition);
    if (w.definition.type === 'group') walk(w.definition.widgets);
  });
  walk(model.widgets);
  return out;
}

const queriesOf = (model: any): string[] => widgets(model).flatMap((d) => (d.requests ?? []).map((r: any) => r.q));
const groupTitles = (model: any): string[] => model.widgets.filter((w: any) => w.definition.type === 'group').map((w: any) => w.definition.title);
/** Puts the template variables' defaults back, giving the catalog's query. */
const withDefaults = (q: string, g: KongGateway) => q
  .replace(/\$kong_gateway/g, `kong_gateway:${g.name}`)
  .replace(/\$kong_environment/g, `kong_environment:${g.environment}`)
  .replace(/\$kube_namespace/g, `kube_namespace:${g.namespace}`);

describe('DatadogDashboard, traditional gateway, Agent integration', () => {
  const gateway = KongGateway.traditional(BASE);
  const { s, construct, model } = render(gateway);

  test('one dashboard_json resource with an ordered layout and the three template variables', () => {
    // Plus the percentile settings of the three latency distributions its widgets query.
    expect(resourceCounts(s)).toEqual({ datadog_dashboard_json: 1, datadog_metric_tag_configuration: 3 });
    expect(s.json).toHaveResourceWithProperties(DashboardJson, { dashboard: construct.definition });
    expect(model.title).toBe('Kong edge (production): health');
    expect(model.layout_type).toBe('ordered');
    expect(model.tags).toEqual(['team:platform']);
    expect(model.template_variables).toEqual([
      { name: 'kong_environment', prefix: 'kong_environment', available_values: [], defaults: ['production'] },
      { name: 'kube_namespace', prefix: 'kube_namespace', available_values: [], defaults: ['kong'] },
      { name: 'kong_gateway', prefix: 'kong_gateway', available_values: [], defaults: ['edge'] },
    ]);
  });

  test('sections in the catalog\'s order (the datastore in cluster health, as on the Grafana dashboard), the monitor summary last', () => {
    expect(groupTitles(model)).toEqual([
      'Nodes: readiness and expected count', 'Traffic: requests, errors, latency', 'Upstreams', 'Cluster health: datastore and hybrid mode',
      'Resources: memory and connections', 'Monitors',
    ]);
  });

  test('per-node readiness: check_status on http.can_connect per instance, filtered by the gateway tags', () => {
    const ready = widgets(model).find((d) => d.type === 'check_status' && d.check === 'http.can_connect');
    expect(ready).toEqual({
      type: 'check_status',
      title: 'Readiness per node: http.can_connect per instance',
      check: 'http.can_connect',
      grouping: 'cluster',
      group_by: ['instance'],
      tags: ['$kong_gateway', '$kong_environment', 'kong_probe:ready'],
    });
  });

  test('datastore, metrics endpoint and upstream health are check_status widgets', () => {
    const checks = widgets(model).filter((d) => d.type === 'check_status').map((d) => `${d.check} by ${d.group_by.join(',')}`);
    expect(checks).toEqual([
      'http.can_connect by instance',
      'kong.openmetrics.health by endpoint',
      'kong.upstream.target.health by upstream,target,endpoint',
      'kong.datastore.reachable by endpoint',
    ]);
  });

  test('ready vs expected: kube-state ready with a marker at the expected count; the ratio signal with its thresholds', () => {
    const vs = widgets(model).find((d) => d.title === 'Ready nodes vs expected');
    expect(vs.requests).toEqual([{
      q: 'sum:kubernetes_state.deployment.replicas_ready{$kube_namespace,kube_deployment:edge}',
      display_type: 'line',
      metadata: [{ expression: 'sum:kubernetes_state.deployment.replicas_ready{$kube_namespace,kube_deployment:edge}', alias_name: 'ready' }],
    }]);
    expect(vs.markers).toEqual([{ value: 'y = 6', display_type: 'error dashed', label: 'expected 6' }]);
    const ratio = widgets(model).find((d) => d.title === 'Ready nodes / expected');
    expect(ratio.markers).toEqual([
      { value: 'y = 0.5', display_type: 'error dashed', label: 'critical < 0.5' },
      { value: 'y = 1', display_type: 'warning dashed', label: 'warning < 1' },
    ]);
  });

  test('traffic, latency, shared dict and connections are graphed', () => {
    const titles = widgets(model).map((d) => d.title);
    expect(titles).toEqual(expect.arrayContaining([
      '5xx response ratio', 'Request latency p99', 'Kong added latency p99',
      'Requests per second by service', 'Requests per second by status code', 'Upstream latency p99 by service',
      'Shared dictionary memory used', 'Connections by state', 'Worker Lua VM memory by node', 'Bandwidth by direction',
    ]));
  });

  test('monitor summary filtered to the gateway monitor tags', () => {
    const summary = widgets(model).find((d) => d.type === 'manage_status');
    expect(summary).toMatchObject({
      query: 'tag:"kong_gateway:edge" tag:"kong_environment:production"',
      summary_type: 'monitors',
      display_format: 'countsAndList',
    });
  });

  test('every query is a catalog query, with template variables in place of the gateway tags', () => {
    const catalog = new Set<string>([
      ...signalsOf(gateway).map((sig) => sig.datadog(DatadogCollection.AGENT_INTEGRATION)?.expression).filter((e): e is string => !!e),
      ...dashboardViews(gateway, { collection: DatadogCollection.AGENT_INTEGRATION }).flatMap((v) => v.series.map((x) => x.datadog)).filter((e): e is string => !!e),
    ]);
    const queries = queriesOf(model);
    expect(queries.length).toBeGreaterThan(10);
    for (const q of queries) {
      expect(q).not.toContain('kong_gateway:edge');
      expect(catalog).toContain(withDefaults(q, gateway));
    }
  });
});

describe('dashboards of every mode and collection path', () => {
  const cases = gatewaysOfAllModes().flatMap((g) => [DatadogCollection.AGENT_INTEGRATION, DatadogCollection.KONG_PLUGIN].map((c) => [g.mode, c, g] as const));

  test.each(cases)('%s / %s: queries parse and use known metrics and checks only', (_mode, collection, gateway) => {
    const { model } = render(gateway, collection);
    expect(queriesOf(model).length).toBeGreaterThan(0);
    for (const q of queriesOf(model)) {
      const parsed = parseMetricExpression(q);
      for (const metric of parsed.metrics) expect(ALLOWED_METRICS).toContain(metric);
    }
    for (const d of widgets(model).filter((w) => w.type === 'check_status')) expect(ALLOWED_SERVICE_CHECKS).toContain(d.check);
  });

  test.each(cases)('%s / %s: a widget titled with percentiles plots those percentiles, and its legend says which', (_mode, collection, gateway) => {
    // The widget "Request latency p50 / p95 / p99" once plotted a mean on the Agent path.
    const { model } = render(gateway, collection);
    for (const d of widgets(model).filter((w) => w.type === 'timeseries' && /\bp\d\d\b/.test(w.title))) {
      const claimed = [...d.title.matchAll(/\bp(\d\d)\b/g)].map((m: RegExpMatchArray) => `p${m[1]}`);
      const plotted = d.requests.flatMap((r: any) => parseMetricExpression(r.q).terms.map((t) => t.spaceAggregation));
      expect([d.title, [...new Set(plotted)].sort()]).toEqual([d.title, [...new Set(claimed)].sort()]);
      for (const r of d.requests) {
        const alias = r.metadata?.[0]?.alias_name;
        if (alias) expect(parseMetricExpression(r.q).terms[0].spaceAggregation).toBe(alias);
      }
    }
  });

  test('control plane: no traffic section; datastore shown', () => {
    const { model } = render(KongGateway.hybridControlPlane(BASE));
    expect(groupTitles(model)).not.toContain('Traffic: requests, errors, latency');
    expect(widgets(model).some((d) => d.check === 'kong.datastore.reachable')).toBe(true);
  });

  test('DB-less and data plane: no datastore widget', () => {
    for (const g of [KongGateway.dbLess(BASE), KongGateway.hybridDataPlane(BASE)]) {
      expect(widgets(render(g).model).some((d) => d.check === 'kong.datastore.reachable')).toBe(false);
    }
  });

  test('Kong plugin path: p99 from distributions, skipped signals listed in a note and a property', () => {
    const { model, construct } = render(KongGateway.hybridDataPlane(BASE), DatadogCollection.KONG_PLUGIN);
    expect(queriesOf(model)).toEqual(expect.arrayContaining(['p99:kong.latency{$kong_gateway,$kong_environment}']));
    expect(construct.skippedSignals).toEqual([
      SignalId.NODE_METRICS_UP, SignalId.DATA_PLANE_CERT_EXPIRY, SignalId.UPSTREAM_TARGET_UNHEALTHY, SignalId.SHARED_DICT_MEMORY, SignalId.METRIC_ERRORS,
    ]);
    const note = model.widgets[0].definition;
    expect(note.type).toBe('note');
    expect(note.content).toContain('upstream-target-unhealthy');
  });

  test('no expected count: the desired replicas series instead of a marker', () => {
    const { model } = render(KongGateway.dbLess({ ...BASE, expectedNodes: undefined }));
    const vs = widgets(model).find((d) => d.title === 'Ready nodes vs expected');
    expect(vs.requests.map((r: any) => r.metadata[0].alias_name)).toEqual(['ready', 'desired']);
    expect(vs.markers).toBeUndefined();
  });

  test('scaling 3 to 300 nodes: same resources, only the expected marker moves', () => {
    const a = render(KongGateway.hybridDataPlane({ ...BASE, expectedNodes: 3 }));
    const b = render(KongGateway.hybridDataPlane({ ...BASE, expectedNodes: 300 }));
    expect(resourceCounts(b.s)).toEqual(resourceCounts(a.s));
    expect(widgets(b.model).length).toBe(widgets(a.model).length);
  });
});
