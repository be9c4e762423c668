import { expectValidAgainstSchema, only, resources, synth } from './helpers';
import { Duration } from '../../src/core/duration';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { GrafanaDashboard } from '../../src/grafana';
import { Folder } from '../../src/grafana/provider';
import { dbLessGateway, gatewaysOfEveryMode, hybridControlPlane, hybridDataPlane, traditionalGateway } from '../prometheus/helpers';

function model(gateway: KongGateway, extra: Partial<{ datasourceUid: string }> = {}): any {
  const s = synth((stack) => new GrafanaDashboard(stack, 'dash', { gateway, ...extra }));
  return JSON.parse(only(s, 'grafana_dashboard').config_json);
}

const titles = (m: any): string[] => m.panels.map((p: any) => p.title);

describe('GrafanaDashboard', () => {
  test('a dashboard in its folder, valid against the provider schema', () => {
    const s = synth((stack) => new GrafanaDashboard(stack, 'dash', { gateway: traditionalGateway(), datasourceUid: 'prom' }));
    expectValidAgainstSchema(s, 2);
    const folder = only(s, 'grafana_folder');
    expect(folder.title).toBe('Kong edge (production)');
    expect(folder.uid).toBe('kong_edge_production__folder');
    const dash = only(s, 'grafana_dashboard');
    expect(dash.folder).toMatch(/^\$\{grafana_folder\.[A-Za-z0-9_-]+\.uid\}$/);
    expect(dash.overwrite).toBe(true);
    expect(typeof dash.config_json).toBe('string');
  });

  test('uid is deterministic from gateway name and environment, and at most 40 characters', () => {
    expect(model(traditionalGateway()).uid).toBe('kong_edge_production__dashboard');
    expect(model(traditionalGateway()).uid).toBe(model(traditionalGateway()).uid);
    const long = KongGateway.traditional({ name: 'a-very-long-gateway-name-for-the-payments-platform', environment: 'production-eu-west' });
    const uid = model(long).uid;
    expect(uid.length).toBeLessThanOrEqual(40);
    expect(uid).toMatch(/^kong_a-very-long-gateway-name_[0-9a-f]{10}$/);
    const other = KongGateway.traditional({ name: 'a-very-long-gateway-name-for-the-payments-platform', environment: 'production-eu-east' });
    expect(model(other).uid).not.toBe(uid);
  });

  test('panel ids run from 1 without gaps, and panels sit on the 24-column grid without overlapping', () => {
    for (const gateway of gatewaysOfEveryMode()) {
      const m = model(gateway);
      expect(m.panels.map((p: any) => p.id)).toEqual(m.panels.map((_: any, i: number) => i + 1));
      const cells = new Set<string>();
      for (const p of m.panels) {
        expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
        expect(p.gridPos.w).toBeGreaterThan(0);
        for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++) {
          for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
            const cell = `${x},${y}`;
            expect(cells.has(cell)).toBe(false);
            cells.add(cell);
          }
        }
      }
    }
  });

  test('traditional: the catalog\'s sections in order, every signal and view of the mode; no hybrid panels', () => {
    const t = titles(model(traditionalGateway()));
    expect(t).toEqual([
      'Nodes: readiness and expected count', 'Ready nodes vs expected', 'Readiness per node', 'Metrics endpoint per node', 'Ready nodes / expected',
      'Traffic: requests, errors, latency', 'Requests per second by service', 'Requests per second by status code', '5xx response ratio',
      'Request latency p50 / p95 / p99', 'Request latency p99', 'Request latency p99 by service', 'Kong added latency p99', 'Kong added latency p99 by service',
      'Bandwidth by direction',
      'Upstreams', 'Unhealthy upstream targets', 'Upstream latency p99 by service',
      'Cluster health: datastore and hybrid mode', 'Datastore reachable per node',
      'Resources: memory and connections', 'Shared dictionary memory used', 'Metrics library errors', 'Connections by state', 'Worker Lua VM memory by node',
    ]);
  });

  test('panels keep their natural width and the last of each row widens to the row\'s end', () => {
    const m = model(traditionalGateway());
    const at = (title: string) => m.panels.find((p: any) => p.title === title).gridPos;
    // A stat is 6 wide, the readiness timeline beside it takes the rest of the row.
    expect([at('Ready nodes vs expected'), at('Readiness per node')]).toEqual([{ x: 0, y: 1, w: 6, h: 8 }, { x: 6, y: 1, w: 18, h: 8 }]);
    expect([at('Metrics endpoint per node').w, at('Ready nodes / expected').w]).toEqual([12, 12]);
    // Alone in its row: full width.
    expect(at('Datastore reachable per node')).toMatchObject({ x: 0, w: 24 });
  });

  test('hybrid data plane: control-plane connectivity, no datastore panel', () => {
    const t = titles(model(hybridDataPlane()));
    expect(t).toContain('Control plane connection per node');
    expect(t).not.toContain('Datastore reachable per node');
    expect(t).not.toContain('Data planes: seconds since last seen');
  });

  test('hybrid control plane: datastore, data planes seen recently and config drift; no traffic panels', () => {
    const t = titles(model(hybridControlPlane()));
    expect(t).toEqual(expect.arrayContaining(['Datastore reachable per node', 'Data planes seen recently / expected', 'Data planes: distinct configuration hashes']));
    expect(t).not.toContain('Traffic: requests, errors, latency');
    expect(t).not.toContain('5xx response ratio');
    expect(t).not.toContain('Requests per second by service');
    expect(t).not.toContain('Control plane connection per node');
  });

  test('db-less: no datastore or hybrid panels (kong_datastore_reachable is always 1 there)', () => {
    const t = titles(model(dbLessGateway()));
    expect(t).not.toContain('Datastore reachable per node');
    expect(t).not.toContain('Control plane connection per node');
    expect(t).toContain('5xx response ratio');
  });

  test('every query reads the data source variable and the namespace and pod variables', () => {
    const m = model(traditionalGateway(), { datasourceUid: 'prom' });
    const targets = m.panels.flatMap((p: any) => p.targets ?? []);
    expect(targets.length).toBeGreaterThanOrEqual(12);
    for (const p of m.panels.filter((x: any) => x.type !== 'row')) {
      expect(p.datasource).toEqual({ type: 'prometheus', uid: '$datasource' });
    }
    for (const t of targets) {
      expect(t.datasource).toEqual({ type: 'prometheus', uid: '$datasource' });
      if (t.expr.startsWith('vector(')) continue;
      expect(t.expr).toContain('namespace=~"$namespace"');
      expect(t.expr).toContain('pod=~"$pod"');
    }
    const readiness = m.panels.find((p: any) => p.title === 'Readiness per node');
    expect(readiness.type).toBe('state-timeline');
    expect(readiness.targets[0].expr).toBe('kube_pod_container_status_ready{namespace=~"$namespace",pod=~"$pod",container="proxy"}');
    expect(readiness.targets[0].legendFormat).toBe('{{pod}}');
    const ready = m.panels.find((p: any) => p.title === 'Ready nodes vs expected');
    expect(ready.targets.map((t: any) => [t.legendFormat, t.expr])).toEqual([
      ['ready', 'sum(kube_pod_container_status_ready{namespace=~"$namespace",pod=~"$pod",container="proxy"})'],
      ['expected', 'vector(3)'],
    ]);
  });

  test('template variables: data source (starting on the given uid), namespace, pod with an All that matches only the gateway', () => {
    const m = model(traditionalGateway(), { datasourceUid: 'prom' });
    const vars = m.templating.list;
    expect(vars.map((v: any) => [v.name, v.type])).toEqual([['datasource', 'datasource'], ['namespace', 'query'], ['pod', 'query']]);
    expect(vars[0].query).toBe('prometheus');
    expect(vars[0].current.value).toBe('prom');
    expect(vars[1].current.value).toBe('kong');
    expect(vars[1].query.query).toBe('label_values(kube_pod_container_status_ready{pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}, namespace)');
    expect(vars[2].multi).toBe(true);
    expect(vars[2].includeAll).toBe(true);
    expect(vars[2].allValue).toBe('edge-[a-z0-9]+-[a-z0-9]+');
    expect(vars[2].query.query).toBe('label_values(kube_pod_container_status_ready{namespace=~"$namespace",pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}, pod)');
  });

  test('signal panels draw the signal thresholds', () => {
    const m = model(traditionalGateway());
    const ratio = m.panels.find((p: any) => p.title === '5xx response ratio');
    expect(ratio.fieldConfig.defaults.unit).toBe('percentunit');
    expect(ratio.fieldConfig.defaults.thresholds.steps).toEqual([
      { value: null, color: 'green' }, { value: 0.01, color: 'orange' }, { value: 0.05, color: 'red' },
    ]);
    const readiness = m.panels.find((p: any) => p.title === 'Readiness per node');
    expect(readiness.fieldConfig.defaults.thresholds.steps).toEqual([{ value: null, color: 'red' }, { value: 1, color: 'green' }]);
  });

  test('a shared folder is used as given, and two gateways get distinct dashboards', () => {
    const s = synth((stack) => {
      const folder = new Folder(stack, 'kong', { title: 'Kong', uid: 'kong' });
      new GrafanaDashboard(stack, 'edge', { gateway: traditionalGateway(), folder });
      new GrafanaDashboard(stack, 'dp', { gateway: hybridDataPlane(), folder });
    });
    expectValidAgainstSchema(s, 3);
    const dashboards = Object.values(resources(s, 'grafana_dashboard'));
    expect(dashboards.map((d: any) => d.folder)).toEqual(['${grafana_folder.kong.uid}', '${grafana_folder.kong.uid}']);
    expect(new Set(dashboards.map((d: any) => JSON.parse(d.config_json).uid)).size).toBe(2);
  });

  test('refresh and time range are written in Grafana notation', () => {
    const s = synth((stack) => new GrafanaDashboard(stack, 'd', { gateway: traditionalGateway(), refresh: Duration.seconds(30), timeRange: Duration.hours(24) }));
    const m = JSON.parse(only(s, 'grafana_dashboard').config_json);
    expect(m.refresh).toBe('30s');
    expect(m.time).toEqual({ from: 'now-1d', to: 'now' });
  });

  test('config_json has no unescaped Terraform template sequences', () => {
    const s = synth((stack) => new GrafanaDashboard(stack, 'd', { gateway: traditionalGateway() }));
    expect(only(s, 'grafana_dashboard').config_json).not.toMatch(/(^|[^$])\$\{|(^|[^%])%\{/);
  });

  describe('validation', () => {
    const build = (props: any) => () => synth((stack) => new GrafanaDashboard(stack, 'dash', { gateway: traditionalGateway(), ...props }));
    test('uid', () => {
      expect(build({ uid: 'has space' })).toThrow("GrafanaDashboard 'dash': uid 'has space' is not a Grafana UID. Fix: use 1 to 40 letters, digits, '-' or '_'.");
      expect(build({ uid: 'x'.repeat(41) })).toThrow(/is not a Grafana UID/);
    });
    test('datasourceUid', () => {
      expect(build({ datasourceUid: 'my prom' })).toThrow("GrafanaDashboard 'dash': datasourceUid 'my prom' is not a Grafana UID. Fix: give the data source's UID");
    });
    test('refresh and timeRange', () => {
      expect(build({ refresh: Duration.seconds(1) })).toThrow("GrafanaDashboard 'dash': refresh 1s is shorter than 5s. Fix: set refresh to 5s or more.");
      expect(build({ timeRange: Duration.seconds(0) })).toThrow("GrafanaDashboard 'dash': timeRange 0s is shorter than 5s. Fix: set timeRange to 5s or more.");
    });
  });
});
