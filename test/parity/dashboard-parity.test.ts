// Both dashboards are laid out from the catalog: every signal a backend can render is on that
// backend's dashboard, drawing the signal's own query, and the two dashboards show the same
// sections in the same order. Panels are found by the queries they render (read back from
// the dashboards' JSON), not by titles, so a panel that draws another query does not count.
import { TerraformStack, Testing } from 'cdktf';
import { DatadogDashboard } from '../../src/datadog/dashboard';
import { DeploymentMode } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { VAR_NAMESPACE, VAR_POD } from '../../src/grafana/dashboard/dashboard-model';
import { GrafanaDashboard } from '../../src/grafana/dashboard/grafana-dashboard';
import { LaidOutPanel, dashboardLayout, gatewayViews } from '../../src/signals/dashboard-layout';
import { signalsOf } from '../../src/signals/gateway-signals';
import { PromQueryScope } from '../../src/signals/selectors';
import { DatadogCollection, DatadogQueryKind } from '../../src/signals/signal-types';

/** One rendered panel: the section it sits in, and what it reads. */
interface Placed {
  readonly section: string;
  readonly title: string;
  readonly queries: string[];
  /** Datadog check_status widgets: the check and its grouping. */
  readonly check?: string;
}

function gatewayOf(mode: DeploymentMode): KongGateway {
  // Enterprise 3.10 has every signal of each mode.
  return new KongGateway({
    name: 'edge',
    namespace: 'kong',
    mode,
    expectedNodes: 3,
    edition: KongEdition.ENTERPRISE,
    kongVersion: '3.10',
    expectedDataPlanes: mode === DeploymentMode.HYBRID_CONTROL_PLANE ? 2 : undefined,
  });
}

/** Grafana panels under the row each sits below. */
function grafanaPlaced(gateway: KongGateway): { sections: string[]; panels: Placed[] } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const model = JSON.parse(new GrafanaDashboard(stack, 'dash', { gateway }).configJson);
  const sections: string[] = [];
  const panels: Placed[] = [];
  for (const p of model.panels) {
    if (p.type === 'row') {
      sections.push(p.title);
      continue;
    }
    panels.push({ section: sections[sections.length - 1], title: p.title, queries: (p.targets ?? []).map((t: any) => t.expr) });
  }
  return { sections, panels };
}

/** Datadog widgets under the group each sits in; groups the catalog does not lay out (the monitor summary) apart. */
function datadogPlaced(gateway: KongGateway, collection: DatadogCollection): { sections: string[]; panels: Placed[]; variableTagKeys: string[] } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const model = JSON.parse(new DatadogDashboard(stack, 'dash', { gateway, collection }).definition);
  const sections: string[] = [];
  const panels: Placed[] = [];
  for (const w of model.widgets) {
    if (w.definition.type !== 'group') continue;
    sections.push(w.definition.title);
    for (const inner of w.definition.widgets) {
      const d = inner.definition;
      panels.push({ section: w.definition.title, title: d.title, queries: (d.requests ?? []).map((r: any) => r.q), check: d.check });
    }
  }
  return { sections, panels, variableTagKeys: model.template_variables.map((v: any) => v.prefix) };
}

const GRAFANA_SCOPE: PromQueryScope = { namespaceVariable: `$${VAR_NAMESPACE}`, podVariable: `$${VAR_POD}` };
const MODES = Object.values(DeploymentMode);
const CASES = MODES.flatMap((mode) => Object.values(DatadogCollection).map((collection) => [mode, collection] as const));
/** The Datadog dashboard's own group, beside the catalog's sections. */
const MONITOR_SUMMARY = 'Monitors';

describe('every signal a backend can render is on its dashboard', () => {
  test.each(MODES)('Grafana, %s: a panel for every signal of the gateway, drawing its query', (mode) => {
    const gateway = gatewayOf(mode);
    const { panels } = grafanaPlaced(gateway);
    const missing = signalsOf(gateway)
      .filter((signal) => !panels.some((p) => p.queries.includes(signal._promql(GRAFANA_SCOPE))))
      .map((s) => s.id);
    expect(missing).toEqual([]);
  });

  test.each(CASES)('Datadog, %s, %s: a widget for every signal with a form on the path, drawing its query', (mode, collection) => {
    const gateway = gatewayOf(mode);
    const { panels, variableTagKeys } = datadogPlaced(gateway, collection);
    const missing = signalsOf(gateway).filter((signal) => {
      const form = signal._datadog(collection, { variableTagKeys });
      if (!form) return false;
      return form.kind === DatadogQueryKind.SERVICE_CHECK
        ? !panels.some((p) => p.check === form.expression)
        : !panels.some((p) => p.queries.includes(form.expression));
    }).map((s) => s.id);
    expect(missing).toEqual([]);
  });
});

describe('the two dashboards show the same sections in the same order', () => {
  test.each(MODES)('%s, Agent integration: the same sections; Datadog adds its monitor summary last', (mode) => {
    const gateway = gatewayOf(mode);
    const datadog = datadogPlaced(gateway, DatadogCollection.AGENT_INTEGRATION).sections;
    expect(datadog[datadog.length - 1]).toBe(MONITOR_SUMMARY);
    expect(datadog.slice(0, -1)).toEqual(grafanaPlaced(gateway).sections);
  });

  test.each(MODES)('%s, Kong plugin: Datadog leaves out sections it has no data for, and keeps the order', (mode) => {
    const gateway = gatewayOf(mode);
    const grafana = grafanaPlaced(gateway).sections;
    const datadog = datadogPlaced(gateway, DatadogCollection.KONG_PLUGIN).sections.filter((s) => s !== MONITOR_SUMMARY);
    expect(datadog.length).toBeGreaterThan(0);
    expect(datadog).toEqual(grafana.filter((s) => datadog.includes(s)));
  });
});

describe('each panel sits where the catalog places it', () => {
  const idOf = (p: LaidOutPanel) => (p.kind === 'signal' ? p.signal.id : p.view.id);
  const sameQueries = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);

  test.each(MODES)('the layout of %s holds every signal of the gateway and every view that applies, once', (mode) => {
    const gateway = gatewayOf(mode);
    const ids = dashboardLayout(gateway, { collection: DatadogCollection.AGENT_INTEGRATION }).flatMap((s) => s.panels.map(idOf));
    const expected = [...signalsOf(gateway).map((s) => s.id as string), ...gatewayViews(gateway, { collection: DatadogCollection.AGENT_INTEGRATION }).map((v) => v.id as string)];
    expect([...ids].sort()).toEqual(expected.sort());
  });

  test.each(MODES)('Grafana, %s: every signal and view in its catalog section, in the layout\'s order, and nothing else', (mode) => {
    const gateway = gatewayOf(mode);
    const { panels } = grafanaPlaced(gateway);
    const placed = dashboardLayout(gateway, { collection: DatadogCollection.AGENT_INTEGRATION, prometheus: GRAFANA_SCOPE }).flatMap((section) =>
      section.panels.map((p) => {
        const queries = p.kind === 'signal' ? [p.signal._promql(GRAFANA_SCOPE)] : p.view.series.map((s) => s.promql!);
        const index = panels.findIndex((panel) => sameQueries(panel.queries, queries));
        return { id: idOf(p), index, section: panels[index]?.section, expected: section.title };
      }));
    expect(placed.map((p) => [p.id, p.section])).toEqual(placed.map((p) => [p.id, p.expected]));
    expect(placed.map((p) => p.index)).toEqual(panels.map((_, i) => i));
  });

  test.each(CASES)('Datadog, %s, %s: every signal and view it has data for in its catalog section, in the layout\'s order, and nothing else', (mode, collection) => {
    const gateway = gatewayOf(mode);
    const { panels, variableTagKeys } = datadogPlaced(gateway, collection);
    const placed = dashboardLayout(gateway, { collection, datadog: { variableTagKeys } }).flatMap((section) =>
      section.panels.flatMap((p) => {
        let index: number;
        if (p.kind === 'signal') {
          const form = p.signal._datadog(collection, { variableTagKeys });
          if (!form) return [];
          index = panels.findIndex((panel) => (form.kind === DatadogQueryKind.SERVICE_CHECK ? panel.check === form.expression : sameQueries(panel.queries, [form.expression])));
        } else {
          const queries = p.view.series.filter((s) => s.datadog !== undefined).map((s) => s.datadog!);
          if (queries.length === 0) return [];
          index = panels.findIndex((panel) => sameQueries(panel.queries, queries));
        }
        return [{ id: idOf(p), index, section: panels[index]?.section, expected: section.title }];
      }));
    expect(placed.map((p) => [p.id, p.section])).toEqual(placed.map((p) => [p.id, p.expected]));
    // The monitor summary is Datadog's own, after the layout.
    expect(placed.map((p) => p.index)).toEqual(panels.filter((p) => p.section !== MONITOR_SUMMARY).map((_, i) => i));
  });

  test.each(MODES)('%s: no two panels of a section share a place in its order', (mode) => {
    for (const section of dashboardLayout(gatewayOf(mode), { collection: DatadogCollection.AGENT_INTEGRATION })) {
      const orders = section.panels.map((p) => p.panel.order);
      expect([section.title, new Set(orders).size]).toEqual([section.title, orders.length]);
    }
  });
});
