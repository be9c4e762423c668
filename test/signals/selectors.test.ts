// Where a query runs is an argument of the query builders, never an edit of the finished
// query: a Datadog dashboard binds tag keys to its template variables, a Grafana dashboard
// binds the namespace and pod matchers to its variables. Datadog reads `$key` in a tag filter
// as the template variable named `key` (docs.datadoghq.com/dashboards/template_variables/),
// and Grafana's `label_values(<series selector>, <label>)` lists a label's values over the
// series the selector matches (grafana.com/docs/grafana/latest/datasources/prometheus/template-variables/).
import { KongGateway, KongGatewayOptions } from '../../src/gateway';
import { signalsOf } from '../../src/signals/gateway-signals';
import { DatadogSelectors, GATEWAY_TAG_VALUES, PromSelectors } from '../../src/signals/selectors';
import { DatadogCollection, DatadogQueryKind } from '../../src/signals/signal-types';
import { dashboardVariableQueries, dashboardViews } from '../../src/signals/views';
import { MetricTerm, parseMetricExpression } from '../support/datadog-query';
import { parsePromql } from '../support/promql';

const options: KongGatewayOptions = { name: 'edge', environment: 'prod', cluster: 'eu-1', namespace: 'kong', expectedNodes: 3 };
const DASHBOARD_KEYS = ['kong_environment', 'kube_namespace', 'kong_gateway', 'kong_cluster'];
const dashboard = { variableTagKeys: DASHBOARD_KEYS };

describe('Datadog tag filters from a scope', () => {
  const gateway = KongGateway.traditional(options);

  test('monitors select the gateway by its tag values', () => {
    const d = new DatadogSelectors(gateway, GATEWAY_TAG_VALUES);
    expect(d.gatewayFilter('code:5*')).toBe('kong_gateway:edge,kong_environment:prod,kong_cluster:eu-1,code:5*');
    expect(d.workloadFilter()).toBe('kube_cluster_name:eu-1,kube_namespace:kong,kube_deployment:edge');
  });

  test('a dashboard binds exactly the keys of its template variables; other tags stay literal', () => {
    const d = new DatadogSelectors(gateway, dashboard);
    expect(d.gatewayTags('kong_probe:ready')).toEqual(['$kong_gateway', '$kong_environment', '$kong_cluster', 'kong_probe:ready']);
    // kube_cluster_name is no template variable of the dashboard: it stays the gateway's value.
    expect(d.workloadFilter()).toBe('kube_cluster_name:eu-1,$kube_namespace,kube_deployment:edge');
  });

  /** A term's filter with each bound variable put back as the gateway's tag. */
  const unbound = (term: MetricTerm) => ({
    ...term,
    filter: term.filter.map((t) => {
      if (!t.startsWith('$')) return t;
      const key = t.slice(1);
      const value = { kong_environment: 'prod', kube_namespace: 'kong', kong_gateway: 'edge', kong_cluster: 'eu-1' }[key];
      return `${key}:${value}`;
    }),
  });

  test.each(Object.values(DatadogCollection))('every signal and view (%s): the dashboard query is the monitor query with the identity tags bound, term for term', (collection) => {
    const pairs: Array<[string, string]> = [];
    for (const gw of [KongGateway.traditional(options), KongGateway.hybridControlPlane(options), KongGateway.hybridDataPlane(options)]) {
      for (const signal of signalsOf(gw)) {
        const monitor = signal.datadog(collection);
        const board = signal._datadog(collection, dashboard);
        expect(board === undefined).toBe(monitor === undefined);
        if (!monitor || !board) continue;
        if (monitor.kind === DatadogQueryKind.SERVICE_CHECK) {
          expect(board.overTags).toEqual(monitor.overTags!.map((t) => (DASHBOARD_KEYS.some((k) => t.startsWith(`${k}:`)) ? `$${t.split(':')[0]}` : t)));
          continue;
        }
        pairs.push([monitor.expression, board.expression]);
      }
      const literal = dashboardViews(gw, { collection });
      const bound = dashboardViews(gw, { collection, datadog: dashboard });
      literal.forEach((view, i) => view.series.forEach((s, j) => {
        if (s.datadog) pairs.push([s.datadog, bound[i].series[j].datadog!]);
      }));
    }
    expect(pairs.length).toBeGreaterThan(10);
    for (const [monitor, board] of pairs) {
      const boardTerms = parseMetricExpression(board).terms;
      // Every identity tag is a variable on the dashboard, never a literal value.
      for (const term of boardTerms) {
        for (const key of DASHBOARD_KEYS) expect(term.filter.filter((t) => t.startsWith(`${key}:`))).toEqual([]);
      }
      expect(boardTerms.map(unbound)).toEqual(parseMetricExpression(monitor).terms);
    }
  });
});

describe('Grafana variable queries from a scope', () => {
  test('the namespace variable lists namespaces over every namespace; the pod variable only the chosen namespace, only the gateway\'s pods', () => {
    const gateway = KongGateway.traditional(options);
    const queries = dashboardVariableQueries(gateway, '$namespace');
    expect(queries.namespaceSeries).toBe('kube_pod_container_status_ready{pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}');
    expect(queries.podSeries).toBe('kube_pod_container_status_ready{namespace=~"$namespace",pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}');
    for (const series of [queries.namespaceSeries, queries.podSeries]) expect(parsePromql(series).errors).toEqual([]);
  });

  test('on a central store both select the gateway\'s cluster', () => {
    const gateway = KongGateway.traditional(options);
    const queries = dashboardVariableQueries(gateway, '$namespace', { clusterLabel: 'cluster' });
    expect(queries.namespaceSeries).toBe('kube_pod_container_status_ready{cluster="eu-1",pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"}');
    expect(queries.podSeries.startsWith('kube_pod_container_status_ready{cluster="eu-1",namespace=~"$namespace",')).toBe(true);
  });

  test('anyNamespace drops the namespace matcher and nothing else', () => {
    const gateway = KongGateway.traditional(options);
    expect(new PromSelectors(gateway, { anyNamespace: true }).pods('code="500"')).toBe('{pod=~"edge-[a-z0-9]+-[a-z0-9]+",code="500"}');
  });
});
