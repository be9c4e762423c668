import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { buildApp, CLUSTERS, FleetCluster, KongClusterStack, stackName } from '../../examples/fleet/main';
import { KongFleet } from '../../src/facade/kong-fleet';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { GrafanaNotifier } from '../../src/grafana/alerting/notifier';
import { GrafanaProvider } from '../../src/grafana/provider/provider';
import { logicalIds, resourceCounts, StackJson, synthApp } from '../support/synth';

type Resources = { [name: string]: { [key: string]: unknown } };

function resourcesOf(json: StackJson, type: string): Resources {
  return json.resource?.[type] ?? {};
}

/** The gateway a logical ID belongs to: fleet id 'kong', then the gateway name. */
function gatewayOf(logicalId: string, names: string[]): string | undefined {
  const name = logicalId.split('.')[1];
  return names.find((n) => name.startsWith(`kong_${n}_`));
}

describe('examples/fleet', () => {
  const stacks = synthApp(buildApp);

  test('one stack per cluster and environment, plus the Grafana alerting and Datadog account stacks', () => {
    expect([...stacks.keys()].sort()).toEqual([...CLUSTERS.map(stackName), 'kong-datadog-account', 'kong-grafana-alerting'].sort());
  });

  test.each(CLUSTERS.map((c) => [stackName(c), c] as [string, FleetCluster]))('%s holds exactly the sum of its gateways, each under its own name', (name, cluster) => {
    const json = stacks.get(name)!;
    const names = cluster.gateways.map((g) => g.name);
    // Every resource belongs to one gateway of this cluster.
    const ids = logicalIds(json);
    expect(ids.filter((id) => gatewayOf(id, names) === undefined)).toEqual([]);
    for (const g of names) expect(ids.some((id) => gatewayOf(id, names) === g)).toBe(true);

    // Linear: the stack is the sum of the same gateways synthesized one per stack.
    const expected: { [type: string]: number } = {};
    for (const g of cluster.gateways) {
      const alone = synthApp((app) => new KongClusterStack(app, { ...cluster, gateways: [g] })).get(name)!;
      for (const [type, n] of Object.entries(resourceCounts(alone))) expected[type] = (expected[type] ?? 0) + n;
    }
    expect(resourceCounts(json)).toEqual(expected);
  });

  test('shared defaults reach every gateway of an environment', () => {
    for (const c of CLUSTERS) {
      const json = stacks.get(stackName(c))!;
      const monitors = Object.values(resourcesOf(json, 'datadog_monitor'));
      expect(monitors.length).toBeGreaterThan(0);
      for (const m of monitors) {
        const message = m.message as string;
        if (c.environment === 'production') {
          expect(message).toMatch(/@pagerduty-kong|@slack-kong-alerts/);
          expect(message).not.toContain('@slack-kong-staging');
        } else {
          expect(message).toContain('@slack-kong-staging');
          expect(message).not.toContain('@pagerduty-kong');
        }
      }
      const folders = Object.values(resourcesOf(json, 'grafana_folder'));
      expect(folders).toHaveLength(c.gateways.length);
      // Titles tell gateways, environments and clusters apart.
      expect(folders.map((f) => f.title).sort()).toEqual(c.gateways.map((g) => `Kong ${g.name} (${c.environment}, ${c.cluster})`).sort());

      const manifests = Object.values(resourcesOf(json, 'kubernetes_manifest')).map((r) => r.manifest as { kind: string; metadata: { name: string; labels: { [k: string]: string } } });
      const podMonitors = manifests.filter((m) => m.kind === 'PodMonitor');
      expect(podMonitors.map((m) => m.metadata.name).sort()).toEqual(c.gateways.map((g) => g.name).sort());
      const rules = manifests.filter((m) => m.kind === 'PrometheusRule');
      expect(rules.length).toBeGreaterThanOrEqual(c.gateways.length);
      for (const r of rules) expect(r.metadata.labels.release).toBe('kube-prometheus-stack');
    }
  });

  test('a backend given for one gateway replaces the defaults for it only: synthetics where a public URL is given', () => {
    for (const c of CLUSTERS) {
      const json = stacks.get(stackName(c))!;
      const tests = Object.entries(resourcesOf(json, 'datadog_synthetics_test'));
      const withUrl = c.gateways.filter((g) => g.publicUrl);
      expect(tests.map(([id]) => gatewayOf(`t.${id}`, c.gateways.map((g) => g.name))).sort()).toEqual(withUrl.map((g) => g.name).sort());
      for (const [, t] of tests) {
        const url = (t.request_definition as { url: string }).url;
        expect(withUrl.map((g) => g.publicUrl)).toContain(url);
        expect(t.message).toContain('@pagerduty-kong');
      }
    }
  });

  test('one stack can be synthesized alone (one CI job per stack), with the same logical IDs', () => {
    const alone = synthApp((app) => buildApp(app, ['kong-staging-eu-1']));
    expect([...alone.keys()]).toEqual(['kong-staging-eu-1']);
    expect(logicalIds(alone.get('kong-staging-eu-1')!)).toEqual(logicalIds(stacks.get('kong-staging-eu-1')!));
  });

  test('the notification policy is in the Grafana alerting stack only', () => {
    for (const [name, json] of stacks) {
      const policies = Object.keys(resourcesOf(json, 'grafana_notification_policy'));
      expect(policies).toHaveLength(name === 'kong-grafana-alerting' ? 1 : 0);
    }
  });
});

describe('KongFleet', () => {
  const datadog = { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] } };

  test('gateways from props and from addGateway, in order, found by name', () => {
    const stack = new TerraformStack(Testing.app(), 'fleet');
    const fleet = new KongFleet(stack, 'kong', {
      gateways: [KongGateway.dbLess({ name: 'edge' }), KongGateway.traditional({ name: 'admin' })],
      defaults: { datadog },
    });
    const partner = fleet.addGateway(KongGateway.dbLess({ name: 'partner' }));
    expect(fleet.members.map((m) => m.gateway.name)).toEqual(['edge', 'admin', 'partner']);
    expect(fleet.monitoringOf('partner')).toBe(partner);
    expect(fleet.monitoringOf('missing')).toBeUndefined();
    expect(partner.node.path).toBe('fleet/kong/partner');
  });

  test('a duplicate gateway name in one fleet fails, naming the fleet, the gateway and the fix', () => {
    const stack = new TerraformStack(Testing.app(), 'fleet');
    const fleet = new KongFleet(stack, 'kong', { gateways: [KongGateway.dbLess({ name: 'edge', environment: 'production' })], defaults: { datadog } });
    expect(() => fleet.addGateway(KongGateway.dbLess({ name: 'edge', environment: 'staging' }))).toThrow(
      "KongFleet 'kong' (fleet/kong): gateway name 'edge' is used twice (environments 'production' and 'staging')",
    );
    expect(() => fleet.addGateway(KongGateway.dbLess({ name: 'edge' }))).toThrow(/Fix: give each gateway of a stack its own name .*or put the gateways in separate stacks, one per cluster or environment\./);
    expect(() => new KongFleet(new TerraformStack(Testing.app(), 'other'), 'kong', {
      gateways: [KongGateway.dbLess({ name: 'edge' }), KongGateway.hybridDataPlane({ name: 'edge' })],
    })).toThrow(/gateway name 'edge' is used twice/);
  });

  test('a Grafana policy in the defaults or for one gateway is refused: one policy tree per organization', () => {
    const policy = {
      contactPoints: [{ name: 'mail', notifiers: [GrafanaNotifier.email({ addresses: ['kong@example.com'] })] }],
      defaultContactPoint: 'mail',
    };
    const grafana = { prometheusDatasourceUid: 'prom', policy };
    expect(() => new KongFleet(new TerraformStack(Testing.app(), 'a'), 'kong', { defaults: { grafana } })).toThrow(
      /KongFleet 'kong' \(a\/kong\): grafana.policy is given in defaults, but Grafana has one notification policy tree per organization\. Fix: create one GrafanaAlertingPolicy/,
    );
    const fleet = new KongFleet(new TerraformStack(Testing.app(), 'b'), 'kong');
    expect(() => fleet.addGateway(KongGateway.dbLess({ name: 'edge' }), { grafana })).toThrow(/grafana.policy is given in gateway 'edge'/);
  });

  test('resources grow linearly: twelve gateways are twelve times one, type by type (account-wide settings once)', () => {
    const build = (n: number): StackJson => synthApp((app) => {
      const stack = new TerraformStack(app, 'fleet');
      new KongFleet(stack, 'kong', {
        gateways: Array.from({ length: n }, (_, i) => KongGateway.dbLess({ name: `gw-${i}`, expectedNodes: 3 })),
        defaults: { datadog, grafana: { prometheusDatasourceUid: 'prom' }, prometheus: {} },
      });
      // Providers, so the stack validates as `cdktf synth` would.
      new DatadogProvider(stack, 'datadog', {});
      new KubernetesProvider(stack, 'kubernetes', {});
      new GrafanaProvider(stack, 'grafana', {});
    }).get('fleet')!;
    const one = resourceCounts(build(1));
    const twelve = resourceCounts(build(12));
    expect(Object.keys(one).length).toBeGreaterThan(3);
    // Datadog keeps one percentile setting per metric per account: it does not grow with gateways.
    const perAccount = 'datadog_metric_tag_configuration';
    expect(twelve).toEqual(Object.fromEntries(Object.entries(one).map(([t, n]) => [t, t === perAccount ? n : 12 * n])));
  });
});
