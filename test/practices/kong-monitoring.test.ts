import { Testing, TerraformStack } from 'cdktf';
import { KongMonitoring, KongMonitoringProps } from '../../src/facade/kong-monitoring';
import { KongEdition, KongGateway, KongGatewayOptions, SignalId, SignalPractice } from '../../src/gateway';
import { GrafanaNotifier } from '../../src/grafana/alerting/notifier';
import { PrometheusScrapeMethod } from '../../src/kubernetes/scrape-method';
import { AllNodesMonitored } from '../../src/practices/all-nodes-monitored';
import { HealthAlerting } from '../../src/practices/health-alerting';
import { HealthDashboards } from '../../src/practices/health-dashboards';
import { allNodesSignals, healthAlertingSignals } from '../../src/practices/signal-split';
import { DatadogCollection } from '../../src/signals';
import { signalsOf } from '../../src/signals/gateway-signals';
import { annotationsOf } from '../support/synth';

type Synth = { resource: Record<string, Record<string, any>> };

function synth(build: (stack: TerraformStack) => void): Synth {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack)) as Synth;
}

function counts(json: Synth): Record<string, number> {
  return Object.fromEntries(Object.entries(json.resource ?? {}).map(([type, byName]) => [type, Object.keys(byName).length]));
}

const edge: KongGatewayOptions = { name: 'edge', namespace: 'kong', expectedNodes: 6 };
const designProps = (): KongMonitoringProps => ({
  gateway: KongGateway.hybridDataPlane(edge),
  datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] } },
  grafana: { prometheusDatasourceUid: 'prom', folderTitle: 'Kong' },
});

describe('KongMonitoring, the program from the design', () => {
  const json = synth((stack) => new KongMonitoring(stack, 'kong', designProps()));
  const c = counts(json);

  test('gets dashboards and alerts in both backends and nothing on Kubernetes', () => {
    expect(c).toEqual({
      datadog_dashboard_json: 1,
      datadog_metric_tag_configuration: 3,
      datadog_monitor: 10,
      grafana_folder: 1,
      grafana_dashboard: 1,
      grafana_rule_group: 2,
    });
  });

  test('the two rule groups share one folder and have distinct names', () => {
    const groups = Object.values(json.resource.grafana_rule_group);
    expect(groups.map((g) => g.name).sort()).toEqual(['Kong edge (production)', 'Kong edge (production) nodes']);
    const folder = Object.keys(json.resource.grafana_folder)[0];
    for (const g of groups) expect(g.folder_uid).toBe(`\${grafana_folder.${folder}.uid}`);
    expect(json.resource.grafana_dashboard[Object.keys(json.resource.grafana_dashboard)[0]].folder).toBe(`\${grafana_folder.${folder}.uid}`);
  });

  test('every Grafana rule uid is unique across the two groups', () => {
    const uids = Object.values(json.resource.grafana_rule_group).flatMap((g: any) => g.rule.map((r: any) => r.uid));
    expect(new Set(uids).size).toBe(uids.length);
  });

  test('per-node readiness, the expected count and every node\'s metrics endpoint are monitored in Datadog', () => {
    const names = Object.values(json.resource.datadog_monitor).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining([
      '[Kong edge production] Kong node not ready',
      '[Kong edge production] Fewer Kong nodes ready than expected',
      '[Kong edge production] Kong node metrics endpoint down',
    ]));
  });

  test('open-source Kong 3.9 has no control-plane gauge: no alert on it, and synth says what covers it instead', () => {
    // kong_control_plane_connected is in no open-source release (3.9.3 is the newest OSS tag;
    // the gauge ships in Kong Gateway Enterprise 3.10.0.0) — kong-facts §9 #2.
    const names = Object.values(json.resource.datadog_monitor).map((m) => m.name);
    expect(names).not.toContain('[Kong edge production] Kong data plane disconnected from its control plane');
    const rules = Object.values(json.resource.grafana_rule_group).flatMap((g: any) => g.rule.map((r: any) => r.labels.signal));
    expect(rules).not.toContain(SignalId.CONTROL_PLANE_CONNECTED);
    const app = Testing.app();
    const stack = new TerraformStack(app, 'warned');
    const monitoring = new KongMonitoring(stack, 'kong', designProps());
    expect(annotationsOf(monitoring, 'warn')).toEqual([expect.stringMatching(
      /KongGateway 'edge' runs open-source Kong 3\.9, which does not export the data of signal 'control-plane-connected' \(it exists in Kong Gateway Enterprise 3\.10\+\).*watch it from the control plane: 'data-planes-seen-below-expected'/,
    )]);
  });

  test('on Kong Gateway Enterprise 3.10 the data plane alerts on its control-plane connection in both backends, without a warning', () => {
    const enterprise = synth((stack) => new KongMonitoring(stack, 'kong', {
      ...designProps(), gateway: KongGateway.hybridDataPlane({ ...edge, edition: KongEdition.ENTERPRISE, kongVersion: '3.10.0.1' }),
    }));
    const names = Object.values(enterprise.resource.datadog_monitor).map((m) => m.name);
    expect(names).toContain('[Kong edge production] Kong data plane disconnected from its control plane');
    const rules = Object.values(enterprise.resource.grafana_rule_group).flatMap((g: any) => g.rule.map((r: any) => r.labels.signal));
    expect(rules).toContain(SignalId.CONTROL_PLANE_CONNECTED);
  });

  test('scaling the gateway from 3 to 300 nodes changes no resource count', () => {
    const at = (expectedNodes: number) => counts(synth((stack) => new KongMonitoring(stack, 'kong', {
      ...designProps(), gateway: KongGateway.hybridDataPlane({ ...edge, expectedNodes }),
    })));
    expect(at(300)).toEqual(at(3));
  });
});

describe('KongMonitoring options', () => {
  test('each practice can be switched off', () => {
    const base = counts(synth((stack) => new KongMonitoring(stack, 'kong', designProps())));
    const noDashboards = counts(synth((stack) => new KongMonitoring(stack, 'kong', { ...designProps(), practices: { healthDashboards: false } })));
    expect(noDashboards.datadog_dashboard_json).toBeUndefined();
    expect(noDashboards.grafana_dashboard).toBeUndefined();
    expect(noDashboards.datadog_monitor).toBe(base.datadog_monitor);

    const noNodes = counts(synth((stack) => new KongMonitoring(stack, 'kong', { ...designProps(), practices: { allNodesMonitored: false } })));
    expect(noNodes.grafana_rule_group).toBe(1);
    expect(noNodes.datadog_monitor).toBe(base.datadog_monitor - 2);

    const noAlerting = counts(synth((stack) => new KongMonitoring(stack, 'kong', { ...designProps(), practices: { healthAlerting: false } })));
    expect(noAlerting.grafana_rule_group).toBe(1);
    expect(noAlerting.datadog_monitor).toBe(2);
  });

  test('backends are independent: Datadog alone creates no Grafana resource, Grafana alone no Datadog resource', () => {
    const dd = counts(synth((stack) => new KongMonitoring(stack, 'kong', { gateway: KongGateway.dbLess(edge), datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] } } })));
    expect(Object.keys(dd).filter((t) => t.startsWith('grafana_'))).toEqual([]);
    const gf = counts(synth((stack) => new KongMonitoring(stack, 'kong', { gateway: KongGateway.dbLess(edge), grafana: { prometheusDatasourceUid: 'prom' } })));
    expect(Object.keys(gf).filter((t) => t.startsWith('datadog_'))).toEqual([]);
  });

  test('Prometheus rules come as two PrometheusRule objects with distinct names', () => {
    const json = synth((stack) => new KongMonitoring(stack, 'kong', { gateway: KongGateway.traditional(edge), prometheus: { labels: { release: 'kps' } } }));
    const manifests = Object.values(json.resource.kubernetes_manifest).map((m: any) => m.manifest);
    expect(manifests.map((m: any) => m.kind)).toEqual(['PrometheusRule', 'PrometheusRule']);
    expect(manifests.map((m: any) => m.metadata.name).sort()).toEqual(['kong.edge.production.alerts', 'kong.edge.production.nodes.alerts']);
    for (const m of manifests) expect(m.metadata.labels.release).toBe('kps');
  });

  test('deploying Kong with Datadog through the Kong plugin puts the plugin in the declarative configuration', () => {
    const json = synth((stack) => new KongMonitoring(stack, 'kong', {
      gateway: KongGateway.dbLess(edge),
      datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] }, collection: DatadogCollection.KONG_PLUGIN },
      kubernetes: { deploy: true },
    }));
    const configMap = Object.values(json.resource.kubernetes_config_map_v1)[0] as any;
    const declarative: string = configMap.data['kong.yml'];
    expect(declarative).toContain('datadog');
    expect(declarative).toContain('prometheus');
    expect(declarative).toContain('kong_gateway:edge');
    const deployment = Object.values(json.resource.kubernetes_deployment_v1)[0] as any;
    const annotations = deployment.spec.template.metadata.annotations;
    expect(annotations['ad.datadoghq.com/tolerate-unready']).toBe('true');
  });

  test('a Grafana policy routes the gateway even when the user did not list it', () => {
    const json = synth((stack) => new KongMonitoring(stack, 'kong', {
      gateway: KongGateway.dbLess(edge),
      grafana: {
        prometheusDatasourceUid: 'prom',
        policy: {
          contactPoints: [{ name: 'kong-email', notifiers: [GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }],
          defaultContactPoint: 'kong-email',
        },
      },
    }));
    const policy = Object.values(json.resource.grafana_notification_policy)[0] as any;
    // The first route is the gateway's own, matched on its labels, with severity routes below.
    expect(policy.policy[0].matcher).toEqual([
      { label: 'kong_gateway', match: '=', value: 'edge' },
      { label: 'kong_environment', match: '=', value: 'production' },
    ]);
    expect(policy.policy[0].policy.map((p: any) => p.matcher[0].value)).toEqual(['critical', 'warning|info']);
  });
});

describe('the catalog split between the alerting practices', () => {
  const modes = [KongGateway.traditional, KongGateway.dbLess, KongGateway.hybridControlPlane, KongGateway.hybridDataPlane];
  const ofPractice = (gateway: KongGateway, practice: SignalPractice) => signalsOf(gateway).filter((s) => s.practice === practice).map((s) => s.id);

  test.each(modes)('every signal of mode %# is rendered by exactly one practice', (factory) => {
    const gateway = factory(edge);
    const health = healthAlertingSignals(gateway);
    const nodes = allNodesSignals(gateway);
    expect([...health, ...nodes].sort()).toEqual(signalsOf(gateway).map((s) => s.id).sort());
    expect(health.filter((id) => nodes.includes(id))).toEqual([]);
  });

  test.each(modes)('mode %#: each practice renders the rules of the signals the catalog gives it', (factory) => {
    const gateway = factory({ ...edge, edition: KongEdition.ENTERPRISE, kongVersion: '3.10' });
    const json = synth((stack) => new KongMonitoring(stack, 'kong', { gateway, grafana: { prometheusDatasourceUid: 'prom' } }));
    const signalsOfGroup = (suffix: string) => [...new Set(Object.values(json.resource.grafana_rule_group)
      .filter((g: any) => g.name === `Kong edge (production)${suffix}`)
      .flatMap((g: any) => g.rule.map((r: any) => r.labels.signal)))];
    expect(signalsOfGroup('')).toEqual(ofPractice(gateway, SignalPractice.HEALTH_ALERTING));
    expect(signalsOfGroup(' nodes')).toEqual(ofPractice(gateway, SignalPractice.ALL_NODES_MONITORED));
  });

  test('per-node readiness is alerted by HealthAlerting (it is the health check); the expected count and the metrics endpoint by AllNodesMonitored', () => {
    const practiceOf = (id: SignalId) => signalsOf(KongGateway.traditional(edge)).find((s) => s.id === id)!.practice;
    expect(practiceOf(SignalId.NODE_READY)).toBe(SignalPractice.HEALTH_ALERTING);
    expect(practiceOf(SignalId.READY_NODES_BELOW_EXPECTED)).toBe(SignalPractice.ALL_NODES_MONITORED);
    expect(practiceOf(SignalId.NODE_METRICS_UP)).toBe(SignalPractice.ALL_NODES_MONITORED);
  });
});

describe('practice constructs refuse to create nothing', () => {
  const gateway = KongGateway.dbLess(edge);
  test.each([
    ['HealthDashboards', (s: TerraformStack) => new HealthDashboards(s, 'dash', { gateway }),
      "HealthDashboards 'dash': neither datadog nor grafana is set, so no dashboard would exist. Fix: set datadog: {} and/or grafana: { prometheusDatasourceUid }."],
    ['HealthAlerting', (s: TerraformStack) => new HealthAlerting(s, 'alerts', { gateway }),
      "HealthAlerting 'alerts': none of datadog, grafana, prometheus or backends is set, so no alert would exist. Fix: set at least one of them, e.g. prometheus: {} or backends: [new PrometheusBackend()]."],
    ['AllNodesMonitored', (s: TerraformStack) => new AllNodesMonitored(s, 'nodes', { gateway }),
      "AllNodesMonitored 'nodes': none of datadog, grafana, prometheus or backends is set, so no node would be watched. Fix: set at least one of them, e.g. prometheus: {} or backends: [new PrometheusBackend()]."],
  ])('%s', (_name, build, message) => {
    expect(() => synth(build as (s: TerraformStack) => void)).toThrow(message);
  });
});

describe('KongMonitoring scraping for a Kong deployed elsewhere', () => {
  const kinds = (json: Synth) => Object.values(json.resource.kubernetes_manifest ?? {}).map((m: any) => m.manifest.kind).sort();
  const grafanaOnly = (prometheusScrape?: PrometheusScrapeMethod) => {
    let monitoring: KongMonitoring | undefined;
    const json = synth((stack) => {
      monitoring = new KongMonitoring(stack, 'kong', {
        gateway: KongGateway.dbLess(edge),
        grafana: { prometheusDatasourceUid: 'prom' },
        kubernetes: prometheusScrape === undefined ? undefined : { prometheusScrape },
      });
    });
    return { json, helmValues: JSON.parse(monitoring!.workloadSettings.toHelmValues()) };
  };

  test('nothing is created unless asked: the Kong may be scraped already', () => {
    expect(kinds(grafanaOnly().json)).toEqual([]);
  });

  test('POD_MONITOR creates the PodMonitor here', () => {
    expect(kinds(grafanaOnly(PrometheusScrapeMethod.POD_MONITOR).json)).toEqual(['PodMonitor']);
  });

  test('SERVICE_MONITOR is left to the Helm chart values, never created twice', () => {
    const { json, helmValues } = grafanaOnly(PrometheusScrapeMethod.SERVICE_MONITOR);
    expect(kinds(json)).toEqual([]);
    expect(helmValues.serviceMonitor).toMatchObject({ enabled: true });
  });
});

describe('runbooks, set once on the gateway', () => {
  test('every backend links <base>/<signal id>', () => {
    const gateway = KongGateway.dbLess({ ...edge, runbookBaseUrl: 'https://runbooks.example.com/kong' });
    const json = synth((stack) => new KongMonitoring(stack, 'kong', { ...designProps(), gateway, prometheus: {} }));
    const url = 'https://runbooks.example.com/kong/node-ready';
    const monitor = Object.values(json.resource.datadog_monitor).find((m: any) => m.name.includes('not ready')) as any;
    expect(monitor.message).toContain('Runbook: Read the 503 reason');
    expect(monitor.message).toContain(url);
    const grafana = Object.values(json.resource.grafana_rule_group).flatMap((g: any) => g.rule).filter((r: any) => r.labels.signal === 'node-ready');
    expect(grafana.map((r: any) => r.annotations.runbook_url)).toEqual([url]);
    const rules = Object.values(json.resource.kubernetes_manifest).flatMap((m: any) => m.manifest.spec.groups.flatMap((g: any) => g.rules)).filter((r: any) => r.labels.signal === 'node-ready');
    expect(rules.map((r: any) => r.annotations.runbook_url)).toEqual([url]);
  });
});
