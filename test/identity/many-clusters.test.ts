// Many clusters, one Grafana, one Datadog: 3 clusters × 2 environments × 2 gateways of the same
// names, one stack per cluster plus the stack that owns the Grafana policy, all in one app.
// Grafana refuses a second folder, dashboard or alert rule with a UID its organization already
// has (grafana-provider-notes, "Operational facts"); Prometheus Operator keeps one
// PrometheusRule per name and namespace; Datadog monitors see whatever data matches their tag
// filter, so each must select exactly one cluster and environment.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DatadogDistributionPercentiles } from '../../src/datadog/distribution-percentiles';
import { KongMonitoring } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { GrafanaAlertRules } from '../../src/grafana';
import { GrafanaAlertingPolicy } from '../../src/grafana/alerting/grafana-alerting-policy';
import { GrafanaNotifier } from '../../src/grafana/alerting/notifier';
import { GrafanaProvider } from '../../src/grafana/provider/provider';
import { PrometheusScrapeMethod } from '../../src/kubernetes/scrape-method';
import { PrometheusRules } from '../../src/prometheus';

const CLUSTERS = ['eu-1', 'us-1', 'ap-1'];
const ENVIRONMENTS = ['production', 'staging'];
const NAMES = ['edge', 'internal'];
const GRAFANA_URL = 'https://grafana.example.com';
const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] };

function grafanaProvider(stack: TerraformStack): void {
  const auth = new TerraformVariable(stack, 'grafana_auth', { type: 'string', sensitive: true });
  new GrafanaProvider(stack, 'grafana', { url: GRAFANA_URL, auth: auth.stringValue });
}

function gatewaysOf(cluster: string): KongGateway[] {
  return ENVIRONMENTS.flatMap((environment) => NAMES.map((name) => KongGateway.dbLess({
    name, environment, cluster, namespace: environment === 'production' ? 'kong' : 'kong-staging', expectedNodes: 3,
  })));
}

type Json = { resource: { [type: string]: { [id: string]: any } } };

function buildApp(): Map<string, Json> {
  const app = Testing.app();
  const stacks: TerraformStack[] = [];
  CLUSTERS.forEach((cluster, i) => {
    const stack = new TerraformStack(app, `kong-${cluster}`);
    stacks.push(stack);
    new KubernetesProvider(stack, 'kubernetes', {});
    new DatadogProvider(stack, 'datadog', {});
    grafanaProvider(stack);
    // One Datadog account: the first cluster's stack owns the percentile settings.
    if (i > 0) new DatadogDistributionPercentiles(stack, 'percentiles', { manage: false });
    for (const gateway of gatewaysOf(cluster)) {
      new KongMonitoring(stack, `${gateway.name}-${gateway.environment}`, {
        gateway,
        datadog: { notify },
        grafana: { prometheusDatasourceUid: 'mimir', clusterLabel: 'cluster' },
        prometheus: { labels: { release: 'kps' } },
        kubernetes: { prometheusScrape: PrometheusScrapeMethod.POD_MONITOR, workloadManagedExternally: true, pluginsManagedExternally: true },
      });
    }
  });
  const policyStack = new TerraformStack(app, 'grafana-alerting');
  stacks.push(policyStack);
  grafanaProvider(policyStack);
  const policy = new GrafanaAlertingPolicy(policyStack, 'policy', {
    contactPoints: [{ name: 'kong', notifiers: [GrafanaNotifier.email({ addresses: ['kong@example.com'] })] }],
    defaultContactPoint: 'kong',
  });
  for (const cluster of CLUSTERS) for (const gateway of gatewaysOf(cluster)) policy.addGateway({ gateway });
  return new Map(stacks.map((s) => [s.node.id, JSON.parse(Testing.synth(s)) as Json]));
}

const all = (stacks: Map<string, Json>, type: string) => [...stacks.values()].flatMap((j) => Object.values(j.resource?.[type] ?? {}));

describe('3 clusters × 2 environments × 2 gateways in one app, one Grafana, one Datadog', () => {
  const stacks = buildApp();

  test('every Grafana UID is unique across the app: folders, dashboards, alert rules', () => {
    const uids = [
      ...all(stacks, 'grafana_folder').map((f) => f.uid),
      ...all(stacks, 'grafana_dashboard').map((d) => JSON.parse(d.config_json).uid),
      ...all(stacks, 'grafana_rule_group').flatMap((g) => g.rule.map((r: any) => r.uid)),
    ];
    // 12 folders, 12 dashboards, and each gateway's rules.
    expect(all(stacks, 'grafana_folder')).toHaveLength(12);
    expect(uids.length).toBeGreaterThan(24 + 12 * 10);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid.length).toBeLessThanOrEqual(40);
  });

  test('folder titles tell clusters and environments apart', () => {
    const titles = all(stacks, 'grafana_folder').map((f) => f.title);
    expect(new Set(titles).size).toBe(12);
    expect(titles).toContain('Kong edge (production, eu-1)');
    expect(titles).toContain('Kong edge (production, us-1)');
  });

  test('PrometheusRule names are unique per cluster and namespace, and at most 63 characters', () => {
    for (const [id, json] of stacks) {
      const rules = Object.values(json.resource?.kubernetes_manifest ?? {}).map((m: any) => m.manifest).filter((m) => m.kind === 'PrometheusRule');
      const keys = rules.map((r) => `${r.metadata.namespace}/${r.metadata.name}`);
      if (id === 'grafana-alerting') continue;
      expect(rules).toHaveLength(8);
      expect(new Set(keys).size).toBe(keys.length);
      for (const r of rules) expect(r.metadata.name.length).toBeLessThanOrEqual(63);
    }
  });

  test("every Datadog monitor's query is scoped to exactly one cluster and environment", () => {
    const monitors = all(stacks, 'datadog_monitor');
    expect(monitors.length).toBeGreaterThan(12 * 8);
    for (const m of monitors) {
      const q = m.query as string;
      const clusters = new Set([...q.matchAll(/(?:kong_cluster|kube_cluster_name):([a-z0-9-]+)/g)].map((x) => x[1]));
      expect([m.name, [...clusters].length]).toEqual([m.name, 1]);
      const environments = new Set([...q.matchAll(/kong_environment:([a-z0-9-]+)/g)].map((x) => x[1]));
      if (environments.size > 0) {
        expect([m.name, environments.size]).toEqual([m.name, 1]);
      } else {
        // kube-state series of the workload: its cluster, namespace and name are one environment's.
        expect(q).toMatch(/kube_cluster_name:[a-z0-9-]+,kube_namespace:(kong|kong-staging),kube_deployment:(edge|internal)/);
      }
    }
    // Two clusters' monitors of the same gateway never share a query.
    const queries = monitors.map((m) => m.query);
    expect(new Set(queries).size).toBe(queries.length);
  });

  test('the one policy routes each gateway of each cluster apart, by cluster label too', () => {
    const policy = all(stacks, 'grafana_notification_policy')[0];
    const routes = policy.policy.filter((p: any) => p.matcher.some((m: any) => m.label === 'kong_cluster'));
    expect(routes).toHaveLength(12);
    const rules = all(stacks, 'grafana_rule_group').flatMap((g) => g.rule);
    for (const r of rules) expect(CLUSTERS).toContain(r.labels.kong_cluster);
  });
});

describe('identities that separators or truncation used to confuse', () => {
  test("'edge-prod' in 'eu' and 'edge' in 'prod-eu' get distinct UIDs, rule names and groups", () => {
    const a = KongGateway.dbLess({ name: 'edge-prod', environment: 'eu' });
    const b = KongGateway.dbLess({ name: 'edge', environment: 'prod-eu' });
    const stack = new TerraformStack(Testing.app(), 'stack');
    const ra = new GrafanaAlertRules(stack, 'a', { gateway: a, datasourceUid: 'prom' });
    const rb = new GrafanaAlertRules(stack, 'b', { gateway: b, datasourceUid: 'prom' });
    expect(ra.ruleUids.filter((u) => rb.ruleUids.includes(u))).toEqual([]);
    const pa = new PrometheusRules(stack, 'pa', { gateways: [a] });
    const pb = new PrometheusRules(stack, 'pb', { gateways: [b] });
    expect([pa.ruleName, pb.ruleName]).toEqual(['kong.edge-prod.eu.alerts', 'kong.edge.prod-eu.alerts']);
  });

  test('two long names that share their first 63 characters get distinct PrometheusRule names', () => {
    const long = 'payments-platform-public-api-gateway-for-european-card-schemes';
    const stack = new TerraformStack(Testing.app(), 'stack');
    const names = ['a', 'b'].map((end) => new PrometheusRules(stack, end, { gateways: [KongGateway.dbLess({ name: `${long}${end}`.slice(0, 63).replace(/-$/, end), environment: 'production' })] }).ruleName);
    expect(names[0]).not.toBe(names[1]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(63);
    for (const n of names) expect(n).toMatch(/\.[0-9a-f]{10}$/);
  });
});

describe('duplicates anywhere in the app fail synth, naming both places', () => {
  const gateway = () => KongGateway.dbLess({ name: 'edge', environment: 'production', cluster: 'eu-1' });

  test('one gateway monitored twice in one stack', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new KongMonitoring(stack, 'first', { gateway: gateway(), datadog: { notify } });
    expect(() => new KongMonitoring(stack, 'second', { gateway: gateway(), datadog: { notify } })).toThrow(
      "KongMonitoring 'second' (stack/second): gateway edge (production, eu-1) is claimed twice in this app: by 'stack/first' and by 'stack/second'. "
      + 'Fix: monitor each gateway once (one KongMonitoring, or one KongFleet member); gateways in different clusters need their cluster set to be told apart.',
    );
  });

  test('one gateway monitored in two stacks of the app', () => {
    const app = new App();
    new KongMonitoring(new TerraformStack(app, 'a'), 'kong', { gateway: gateway(), datadog: { notify } });
    expect(() => new KongMonitoring(new TerraformStack(app, 'b'), 'kong', { gateway: gateway(), datadog: { notify } })).toThrow(/claimed twice in this app: by 'a\/kong' and by 'b\/kong'/);
    // The same name in another cluster is another gateway.
    const c = new TerraformStack(app, 'c');
    new DatadogDistributionPercentiles(c, 'percentiles', { manage: false });
    expect(() => new KongMonitoring(c, 'kong', { gateway: KongGateway.dbLess({ name: 'edge', cluster: 'us-1' }), datadog: { notify } })).not.toThrow();
  });

  test('two notification policies for one Grafana organization', () => {
    const app = new App();
    const policy = (stack: TerraformStack) => new GrafanaAlertingPolicy(stack, 'policy', {
      contactPoints: [{ name: 'kong', notifiers: [GrafanaNotifier.email({ addresses: ['kong@example.com'] })] }],
      defaultContactPoint: 'kong',
    });
    const a = new TerraformStack(app, 'a');
    grafanaProvider(a);
    const first = policy(a);
    const b = new TerraformStack(app, 'b');
    grafanaProvider(b);
    const second = policy(b);
    expect(first.node.validate()).toEqual([]);
    expect(second.node.validate()).toEqual([
      `GrafanaAlertingPolicy 'policy': the notification policy tree of Grafana ${GRAFANA_URL} (organization 1) is claimed twice in this app: by 'a/policy' and by 'b/policy'. `
      + 'Fix: create one GrafanaAlertingPolicy per Grafana organization and route every gateway in it (gateways, addGateway); leave grafana.policy out of the other gateways.',
    ]);
  });

  test('two folders with one title', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new KongMonitoring(stack, 'a', { gateway: KongGateway.dbLess({ name: 'edge' }), grafana: { prometheusDatasourceUid: 'prom', folderTitle: 'Kong' } });
    expect(() => new KongMonitoring(stack, 'b', { gateway: KongGateway.dbLess({ name: 'internal' }), grafana: { prometheusDatasourceUid: 'prom', folderTitle: 'Kong' } }))
      .toThrow("KongMonitoring 'b' (stack/b): Grafana folder title 'Kong' is claimed twice in this app: by 'stack/a' and by 'stack/b'. Fix: leave folderTitle out");
  });

  test('two apps writing into one Grafana keep their UIDs apart with uidPrefix', () => {
    const uid = (uidPrefix?: string) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      return new KongMonitoring(stack, 'kong', { gateway: gateway(), grafana: { prometheusDatasourceUid: 'prom', uidPrefix } }).grafanaFolder!.uidInput;
    };
    expect([uid(), uid('payments')]).toEqual(['kong_edge_production_eu-1_folder', 'payments_edge_production_eu-1_folder']);
    expect(() => uid('pay_ments')).toThrow("uidPrefix 'pay_ments' is not 1-12 letters, digits or '-'");
  });
});

describe('one Grafana data source for gateways of two clusters', () => {
  // A cluster's own Prometheus holds only its cluster's series; one data source queried for two
  // clusters is a central store, where a query without the cluster matcher reads both clusters'
  // same-named pods (a 5xx burst in us-1 would page for eu-1's gateway too).
  const build = (grafanaOf: (cluster: string) => { prometheusDatasourceUid: string; clusterLabel?: string }) => () => {
    const app = Testing.app();
    for (const cluster of ['eu-1', 'us-1']) {
      const stack = new TerraformStack(app, `kong-${cluster}`);
      new KongMonitoring(stack, 'kong', { gateway: KongGateway.dbLess({ name: 'edge', cluster }), grafana: grafanaOf(cluster) });
    }
  };

  test('without clusterLabel is refused, naming both places', () => {
    expect(build(() => ({ prometheusDatasourceUid: 'central' }))).toThrow(
      "KongMonitoring 'kong' (kong-us-1/kong): data source 'central' is queried for gateways of 'eu-1' and 'us-1' ('kong-eu-1/kong/dashboards/grafana' and 'kong-us-1/kong/dashboards/grafana') without clusterLabel, "
      + "so each cluster's queries would read the other's series of same-named pods. Fix: set grafana.clusterLabel to the label the central store puts on each cluster's series (e.g. 'cluster') "
      + 'and cluster on every gateway, or give each cluster its own data source.');
  });

  test('with clusterLabel, or one data source per cluster, is accepted', () => {
    expect(build(() => ({ prometheusDatasourceUid: 'central', clusterLabel: 'cluster' }))).not.toThrow();
    expect(build((cluster) => ({ prometheusDatasourceUid: `prometheus-${cluster}` }))).not.toThrow();
  });
});
