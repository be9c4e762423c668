// Percentiles of a distribution exist in Datadog only once enabled for the metric
// (docs.datadoghq.com/metrics/distributions: "percentile aggregations" are an opt-in per
// metric; the provider's datadog_metric_tag_configuration with include_percentiles and
// metric_type "distribution"). That resource's `tags` becomes the list of queryable tag keys
// (provider docs, DataDog/datadog 3.82.0 metric_tag_configuration: "A list of tag keys that
// will be queryable for your metric"): a query that filters or groups on a key left out
// breaks. It exists once per metric per Datadog account.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { Construct } from 'constructs';
import { BASE, KONG_CHECK_DISTRIBUTIONS_FIXTURE, NOTIFY, gatewaysOfAllModes, resources, synth } from './helpers';
import { DatadogDashboard } from '../../src/datadog/dashboard';
import { DatadogDistributionPercentiles } from '../../src/datadog/distribution-percentiles';
import { DatadogMonitors } from '../../src/datadog/monitors';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { App, TerraformStack, Testing } from '../../src/internal/cdktf';
import { KongPluginSet } from '../../src/kubernetes/internal/plugin-set';
import { DatadogCollection } from '../../src/signals/signal-types';
import { MetricTerm, parseMetricExpression, parseMetricMonitorQuery } from '../support/datadog-query';

const COLLECTIONS = [DatadogCollection.AGENT_INTEGRATION, DatadogCollection.KONG_PLUGIN];
const PERCENTILE = /^p\d+$/;
/** The dashboards' template variables stand for these tag keys (their prefixes). */
const TEMPLATE_VARIABLE_KEYS: Record<string, string> = { $kong_gateway: 'kong_gateway', $kong_environment: 'kong_environment', $kube_namespace: 'kube_namespace', $kong_cluster: 'kong_cluster' };

/** Tag keys a term filters or groups on. */
function keysOf(term: MetricTerm): string[] {
  const filterKeys = term.filter.filter((f) => f !== '*').map((f) => TEMPLATE_VARIABLE_KEYS[f] ?? f.replace(/^!/, '').split(':')[0]);
  return [...filterKeys, ...term.groupBy];
}

/** Every metric term of every monitor and dashboard query in a synthesized stack. */
function termsOf(parsed: any): MetricTerm[] {
  const terms: MetricTerm[] = [];
  for (const m of Object.values(parsed.resource?.datadog_monitor ?? {}) as any[]) {
    if (m.type === 'query alert') terms.push(...parseMetricMonitorQuery(m.query).terms);
  }
  for (const d of Object.values(parsed.resource?.datadog_dashboard_json ?? {}) as any[]) {
    const walk = (node: any): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        if (typeof node.q === 'string') terms.push(...parseMetricExpression(node.q).terms);
        Object.values(node).forEach(walk);
      }
    };
    walk(JSON.parse(d.dashboard));
  }
  return terms;
}

/** Distributions by the source that sends them: the Kong check (fixture) and the library's Datadog plugin config. */
function knownDistributions(gateway: KongGateway): Set<string> {
  const plugin = new KongPluginSet('test', gateway, { datadog: {} }).plugins().find((p) => p.name === 'datadog')!;
  const prefix = plugin.config.prefix as string;
  const metricName: Record<string, string> = { latency: 'latency', kong_latency: 'kong_latency', upstream_latency: 'upstream_latency', request_size: 'request.size', response_size: 'response.size' };
  const fromPlugin = (plugin.config.metrics as any[]).filter((m) => m.stat_type === 'distribution').map((m) => `${prefix}.${metricName[m.name]}`);
  return new Set([...Object.keys(KONG_CHECK_DISTRIBUTIONS_FIXTURE.distributions), ...fromPlugin]);
}

function configurations(parsed: any): Map<string, any> {
  return new Map(Object.values(parsed.resource?.datadog_metric_tag_configuration ?? {}).map((c: any) => [c.metric_name, c]));
}

function stackWith(build: (stack: Construct) => void) {
  return synth((stack) => {
    new DatadogProvider(stack, 'datadog', {});
    build(stack);
  }).parsed;
}

const gatewaysEverySignal = () => gatewaysOfAllModes({ ...BASE, edition: KongEdition.ENTERPRISE, kongVersion: '3.10' });

describe('every percentile the library queries is enabled, with every tag key its queries use', () => {
  const cases = gatewaysEverySignal().flatMap((g) => COLLECTIONS.map((c) => [g.mode, c, g] as const));

  test.each(cases)('%s / %s', (_mode, collection, gateway) => {
    const parsed = stackWith((stack) => {
      new DatadogMonitors(stack, 'monitors', { gateway, collection, notify: NOTIFY });
      new DatadogDashboard(stack, 'dashboard', { gateway, collection });
    });
    const terms = termsOf(parsed);
    const configs = configurations(parsed);
    const withPercentiles = new Set(terms.filter((t) => PERCENTILE.test(t.spaceAggregation)).map((t) => t.metric));
    // Exactly the metrics queried with a percentile: no more, no fewer.
    expect([...configs.keys()].sort()).toEqual([...withPercentiles].sort());
    for (const metric of withPercentiles) {
      expect([metric, knownDistributions(gateway).has(metric)]).toEqual([metric, true]);
      const config = configs.get(metric);
      expect(config).toMatchObject({ metric_type: 'distribution', include_percentiles: true });
      const used = new Set(terms.filter((t) => t.metric === metric).flatMap(keysOf));
      expect([metric, [...config.tags].sort()]).toEqual([metric, [...used].sort()]);
    }
  });

  test('a control plane, which proxies nothing, queries no percentile and gets no configuration', () => {
    const parsed = stackWith((stack) => {
      new DatadogMonitors(stack, 'monitors', { gateway: KongGateway.hybridControlPlane(BASE), notify: NOTIFY });
      new DatadogDashboard(stack, 'dashboard', { gateway: KongGateway.hybridControlPlane(BASE) });
    });
    expect(parsed.resource.datadog_metric_tag_configuration).toBeUndefined();
  });
});

describe('one owner per metric per Datadog account', () => {
  const edge = KongGateway.dbLess(BASE);
  const partners = KongGateway.dbLess({ ...BASE, name: 'partners', namespace: 'kong-partners' });

  test('two gateways in one stack share one configuration per metric, with the union of their tag keys', () => {
    const parsed = stackWith((stack) => {
      new DatadogMonitors(stack, 'edge', { gateway: edge, notify: NOTIFY });
      new DatadogDashboard(stack, 'edge-dashboard', { gateway: edge });
      new DatadogMonitors(stack, 'partners', { gateway: partners, notify: NOTIFY });
      new DatadogMonitors(stack, 'partners-plugin', { gateway: partners, collection: DatadogCollection.KONG_PLUGIN, notify: NOTIFY });
    });
    const byMetric = Object.entries(parsed.resource.datadog_metric_tag_configuration).map(([id, c]: [string, any]) => [c.metric_name, id]);
    expect(byMetric.map(([metric]) => metric).sort()).toEqual([
      'kong.kong.latency.ms', 'kong.kong_latency', 'kong.latency', 'kong.request.latency.ms', 'kong.upstream.latency.ms',
    ]);
    // Construct ids are the metric names: stable whatever gateway came first.
    expect(Object.fromEntries(byMetric)['kong.request.latency.ms']).toMatch(/^kong-datadog-percentiles_kong-request-latency-ms_/);
    // The dashboard groups the Agent's distribution by service.
    expect(configurations(parsed).get('kong.request.latency.ms').tags).toEqual(['kong_environment', 'kong_gateway', 'service']);
  });

  function twoStacks(second: (stack: TerraformStack) => void): App {
    const app = Testing.app();
    const eu = new TerraformStack(app, 'kong-eu');
    new DatadogProvider(eu, 'datadog', {});
    new DatadogMonitors(eu, 'edge', { gateway: edge, notify: NOTIFY });
    const us = new TerraformStack(app, 'kong-us');
    new DatadogProvider(us, 'datadog', {});
    second(us);
    return app;
  }

  test('two stacks of one app enabling the same metrics in one account fail synth, naming both and the fix', () => {
    expect(() => twoStacks((us) => new DatadogMonitors(us, 'edge', { gateway: edge, notify: NOTIFY }))).toThrow(
      "DatadogDistributionPercentiles 'kong-datadog-percentiles': stack 'kong-us' writes to Datadog account 'default', whose distribution percentiles stack 'kong-eu' already manages, and Datadog keeps one setting per metric per account. "
      + "Fix: if both stacks write to the same Datadog account, let one own them: in the other, create new DatadogDistributionPercentiles(stack, 'percentiles', { manage: false }) before its monitors; "
      + "if they write to different accounts, name each one: new DatadogDistributionPercentiles(stack, 'percentiles', { account: '<account>' }).",
    );
  });

  test('manage: false leaves the settings to the owner, whose tag keys cover the other stack\'s queries too', () => {
    let owner!: DatadogDistributionPercentiles;
    let deferring!: DatadogDistributionPercentiles;
    const app = twoStacks((us) => {
      deferring = new DatadogDistributionPercentiles(us, 'percentiles', { manage: false });
      new DatadogMonitors(us, 'partners', { gateway: partners, collection: DatadogCollection.KONG_PLUGIN, notify: NOTIFY });
    });
    owner = DatadogDistributionPercentiles.of(app.node.findChild('kong-eu'));
    const eu = JSON.parse(Testing.synth(app.node.findChild('kong-eu') as TerraformStack));
    const us = JSON.parse(Testing.synth(app.node.findChild('kong-us') as TerraformStack, true));
    expect(us.resource?.datadog_metric_tag_configuration).toBeUndefined();
    // The plugin path's distributions are queried only in the other stack: the owner configures them.
    expect([...configurations(eu).keys()].sort()).toEqual(['kong.kong.latency.ms', 'kong.kong_latency', 'kong.latency', 'kong.request.latency.ms']);
    expect(owner.managed).toBe(true);
    expect(deferring.managed).toBe(false);
    // Synth tells the deferring stack who enables its percentiles.
    expect(deferring.node.metadata.map((m) => m.data)).toEqual([
      "Percentiles of kong.kong_latency, kong.latency are enabled by stack 'kong-eu' (Datadog account 'default'), with the tag keys this stack's queries use.",
    ]);
    expect(owner.tagKeys('kong.latency')).toEqual(['kong_environment', 'kong_gateway']);
    expect(owner.metrics).toEqual(['kong.kong.latency.ms', 'kong.kong_latency', 'kong.latency', 'kong.request.latency.ms']);
  });

  test('with no owner among the stacks synthesized, synth says what the outside owner must enable and keep queryable', () => {
    let deferring!: DatadogDistributionPercentiles;
    const parsed = stackWith((stack) => {
      deferring = new DatadogDistributionPercentiles(stack, 'percentiles', { manage: false });
      new DatadogMonitors(stack, 'edge', { gateway: edge, collection: DatadogCollection.KONG_PLUGIN, notify: NOTIFY });
      Testing.synth(stack as TerraformStack, true);
    });
    expect(parsed.resource.datadog_metric_tag_configuration).toBeUndefined();
    expect(deferring.node.metadata.map((m) => m.data)).toContain(
      "Percentiles of kong.kong_latency, kong.latency are managed outside the stacks synthesized here (Datadog account 'default'): their tag configurations must include percentiles "
      + 'and keep these tag keys queryable: kong.kong_latency (kong_environment, kong_gateway); kong.latency (kong_environment, kong_gateway).',
    );
  });

  test('stacks naming different accounts each own their settings', () => {
    const app = Testing.app();
    for (const [id, account] of [['kong-eu', 'eu'], ['kong-us', 'us']]) {
      const stack = new TerraformStack(app, id);
      new DatadogDistributionPercentiles(stack, 'percentiles', { account });
      new DatadogMonitors(stack, 'edge', { gateway: edge, notify: NOTIFY });
    }
    for (const id of ['kong-eu', 'kong-us']) {
      const parsed = JSON.parse(Testing.synth(app.node.findChild(id) as TerraformStack));
      expect([...configurations(parsed).keys()].sort()).toEqual(['kong.kong.latency.ms', 'kong.request.latency.ms']);
    }
  });

  test('an owner of its own can cover collection paths for stacks synthesized apart', () => {
    const parsed = stackWith((stack) => {
      new DatadogDistributionPercentiles(stack, 'percentiles', { collections: COLLECTIONS, additionalTagKeys: ['kube_cluster_name'] });
    });
    const configs = configurations(parsed);
    expect([...configs.keys()].sort()).toEqual([
      'kong.kong.latency.ms', 'kong.kong_latency', 'kong.latency', 'kong.request.latency.ms', 'kong.upstream.latency.ms', 'kong.upstream_latency',
    ]);
    expect(configs.get('kong.latency').tags).toEqual(['kong_environment', 'kong_gateway', 'kube_cluster_name', 'name']);
    expect(configs.get('kong.upstream.latency.ms').tags).toEqual(['kong_environment', 'kong_gateway', 'kube_cluster_name', 'service']);
  });

  test('the library\'s queries on a path are exactly what an owner covering that path configures', () => {
    for (const collection of COLLECTIONS) {
      const fromQueries = stackWith((stack) => {
        for (const gateway of gatewaysEverySignal()) {
          new DatadogMonitors(stack, `m-${gateway.mode}`, { gateway, collection, notify: NOTIFY });
          new DatadogDashboard(stack, `d-${gateway.mode}`, { gateway, collection });
        }
      });
      const declared = stackWith((stack) => new DatadogDistributionPercentiles(stack, 'percentiles', { collections: [collection] }));
      const tagsByMetric = (parsed: any) => Object.fromEntries([...configurations(parsed)].map(([m, c]) => [m, c.tags]));
      expect(tagsByMetric(declared)).toEqual(tagsByMetric(fromQueries));
    }
  });
});

describe('DatadogDistributionPercentiles validation', () => {
  test.each([
    ['an empty account', { account: ' ' }, "DatadogDistributionPercentiles 'percentiles' (test/percentiles): account is blank. Fix: give account a value, or leave it out."],
    ['a tag key Datadog cannot have', { additionalTagKeys: ['Kube Cluster'] }, "DatadogDistributionPercentiles 'percentiles': additionalTagKeys has 'Kube Cluster', which is not a Datadog tag key. Fix: use a lower-case key such as 'kube_cluster_name' (letters, digits, '_', '-', '.', '/'), without a value."],
    ['a tag key with a value', { additionalTagKeys: ['env:prod'] }, "DatadogDistributionPercentiles 'percentiles': additionalTagKeys has 'env:prod', which is not a Datadog tag key. Fix: use a lower-case key such as 'env' (letters, digits, '_', '-', '.', '/'), without a value."],
    ['an unknown collection path', { collections: ['statsd' as DatadogCollection] }, "DatadogDistributionPercentiles 'percentiles' (test/percentiles): collections[0] 'statsd' is not a DatadogCollection. Fix: use one of DatadogCollection.AGENT_INTEGRATION ('agent-integration'), DatadogCollection.KONG_PLUGIN ('kong-plugin')."],
  ])('%s', (_, props, message) => {
    expect(() => synth((stack) => new DatadogDistributionPercentiles(stack, 'percentiles', props))).toThrow(message);
  });

  test('a second one in a stack, or one created after the monitors made the default, fails with the fix', () => {
    expect(() => synth((stack) => {
      new DatadogMonitors(stack, 'edge', { gateway: KongGateway.dbLess(BASE), notify: NOTIFY });
      new DatadogDistributionPercentiles(stack, 'percentiles', { manage: false });
    })).toThrow(
      "DatadogDistributionPercentiles 'percentiles': stack 'test' already has DatadogDistributionPercentiles 'kong-datadog-percentiles'. "
      + 'Fix: create one per stack, before the monitors and dashboards, so they use it instead of making a default one.',
    );
  });

  test('the default one is made in the stack, not under the monitors (its ids do not depend on which gateway came first)', () => {
    const parsed = stackWith((stack) => new DatadogMonitors(stack, 'edge', { gateway: KongGateway.dbLess(BASE), notify: NOTIFY }));
    expect(Object.keys(resources({ parsed, json: '' }, 'datadog_metric_tag_configuration')).every((id) => id.startsWith('kong-datadog-percentiles_'))).toBe(true);
  });
});
