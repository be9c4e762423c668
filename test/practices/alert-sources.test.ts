// Every alert has a live source: the facade traces each rendered alert to the component that
// produces its data (kong-facts §2.1–2.3: counters and histograms only with an enabled
// Prometheus plugin and its flag; node gauges without one; kube-state-metrics for readiness;
// the Datadog Agent's checks from pod annotations; Kong's Datadog plugin) and to what
// collects it (a PodMonitor the user's Prometheus selects: kube-prometheus-stack selects by
// `release`, grafana-provider-notes). Missing sources fail synth; sources the stack cannot
// show are warnings. Every example app has 0 dead alerts; their tables go to
// test-reports/alert-sources.md.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { App, TerraformStack, Testing } from 'cdktf';
import { AlertBackend } from '../../src/facade/alert-source';
import { KongMonitoring, KongMonitoringProps } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { PrometheusScrapeMethod } from '../../src/kubernetes/scrape-method';
import { SourceStatus } from '../../src/signals/lineage';
import { DatadogCollection } from '../../src/signals/signal-types';
import { ROOT, annotationsOf, exampleBuilder, exampleNames } from '../support/synth';

const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] };
const edge = KongGateway.dbLess({ name: 'edge', expectedNodes: 3 });
const grafana = { prometheusDatasourceUid: 'prom' };

/** Builds a stack and returns the facade and what synth says (errors thrown by validation). */
function build(props: KongMonitoringProps, extra?: (stack: TerraformStack, m: KongMonitoring) => void) {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const monitoring = new KongMonitoring(stack, 'kong', props);
  extra?.(stack, monitoring);
  const errors = monitoring.node.validate();
  return { monitoring, errors, warnings: annotationsOf(monitoring, 'warn') };
}

/** A user's own Kong Deployment, with the library's settings applied: the workload is visible. */
function userDeployment(stack: TerraformStack, m: KongMonitoring): void {
  const deployment = new DeploymentV1(stack, 'kong-deployment', {
    metadata: { name: 'edge', namespace: 'kong' },
    spec: {
      selector: { matchLabels: { app: 'kong' } },
      template: { metadata: { labels: { app: 'kong' } }, spec: { container: [{ name: 'proxy', image: 'kong:3.9' }] } },
    },
  });
  m.workloadSettings.applyTo(deployment);
}

describe('dead alerts fail synth with the fix', () => {
  test('a flag turned off under the alert that needs it (status_code_metrics: false)', () => {
    const { errors, monitoring } = build({
      gateway: edge,
      kubernetes: { deploy: true, plugins: { prometheus: { statusCodeMetrics: false } } },
      grafana,
    });
    expect(errors).toEqual([
      "KongMonitoring 'kong' (stack/kong): no data can reach error-ratio-5xx (grafana): Prometheus plugin flag status_code_metrics: status_code_metrics off. "
      + "Fix: turn status_code_metrics on in the Prometheus plugin (plugins.prometheus), or switch the signal off with the gateway's signalOverrides",
    ]);
    const ratio = monitoring.alertSources().find((s) => s.signal === SignalId.ERROR_RATIO_5XX)!;
    expect(ratio).toMatchObject({ backend: AlertBackend.GRAFANA, status: SourceStatus.MISSING, metrics: ['kong_http_requests_total'] });
  });

  test('switching the signal off, as the fix says, leaves no dead alert', () => {
    const quiet = KongGateway.dbLess({ name: 'edge', expectedNodes: 3, signalOverrides: [{ signal: SignalId.ERROR_RATIO_5XX, enabled: false }] });
    expect(build({ gateway: quiet, kubernetes: { deploy: true, plugins: { prometheus: { statusCodeMetrics: false } } }, grafana }).errors).toEqual([]);
  });

  test('the Prometheus plugin switched off: every plugin metric is dead, node gauges are not', () => {
    const core = KongGateway.traditional({ name: 'core', expectedNodes: 2 });
    const database = { host: 'postgres.db.svc', passwordSecret: { secretName: 'kong-postgres', key: 'password' } };
    const { errors, monitoring } = build({ gateway: core, kubernetes: { deploy: true, database, plugins: { prometheus: { enabled: false } } }, prometheus: { labels: { release: 'kps' } } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/no data can reach error-ratio-5xx \(prometheus\); request-latency-p99 \(prometheus\); kong-latency-p99 \(prometheus\); upstream-target-unhealthy \(prometheus\); metric-errors \(prometheus\): Prometheus plugin: the prometheus plugin is not configured/);
    expect(monitoring.alertSources().find((s) => s.signal === SignalId.SHARED_DICT_MEMORY)!.status).toBe(SourceStatus.LIVE);
  });

  test('a Kong the stack shows, with no plugin configuration reaching it', () => {
    const { errors } = build({ gateway: edge, kubernetes: { prometheusScrape: PrometheusScrapeMethod.POD_MONITOR }, prometheus: { labels: { release: 'kps' } } }, userDeployment);
    expect(errors).toEqual([expect.stringMatching(
      /^KongMonitoring 'kong' \(stack\/kong\): no data can reach error-ratio-5xx \(prometheus\);.*: Prometheus plugin: no plugin configuration reaches Kong\. Fix: .*addDeclarativeConfigMap\(\).*pluginsManagedExternally$/,
    )]);
  });

  test('a Kong the stack shows, that nothing scrapes', () => {
    const { errors } = build({ gateway: edge, kubernetes: { pluginsManagedExternally: true }, grafana }, userDeployment);
    expect(errors).toEqual([expect.stringMatching(
      /no data can reach .*node-metrics-up \(grafana\).*: Prometheus scrape: nothing in this app scrapes the gateway's status port\. Fix: set kubernetes\.prometheusScrape/,
    )]);
  });

  test("Datadog through Kong's plugin, with plugins that leave it out", () => {
    const { errors } = build({
      gateway: edge,
      datadog: { notify, collection: DatadogCollection.KONG_PLUGIN },
      kubernetes: { deploy: true, plugins: { prometheus: {} } },
    });
    expect(errors).toEqual([expect.stringMatching(/no data can reach error-ratio-5xx \(datadog\).*: Kong's Datadog plugin: the datadog plugin is not configured\. Fix: add plugins\.datadog/)]);
  });
});

describe('sources the stack cannot show are warnings naming what to confirm', () => {
  test('monitoring written apart from its Kong (the design program): no error, one warning per thing to confirm', () => {
    const { errors, warnings } = build({ gateway: KongGateway.hybridDataPlane({ name: 'edge', expectedNodes: 6 }), datadog: { notify }, grafana });
    expect(errors).toEqual([]);
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/confirm the source of .*data-plane-cert-expiry \([^)]*grafana\).*: Kong status listener: the library's workload settings .* are applied to no Kong workload in this app\. Fix: apply workloadSettings/),
      expect.stringMatching(/confirm the source of .*: Prometheus scrape: nothing in this app scrapes the gateway's status port/),
      expect.stringMatching(/confirm the source of .*error-ratio-5xx \(datadog, grafana\).*: Prometheus plugin: no plugin configuration reaches Kong/),
    ]));
  });

  test('a PodMonitor without selector labels', () => {
    const { errors, warnings } = build({ gateway: edge, kubernetes: { deploy: true }, grafana });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/PodMonitor .* has no selector labels\. Fix: give prometheus\.labels .* or monitorLabels: \{\} when it selects every monitor/)]);
    expect(build({ gateway: edge, kubernetes: { deploy: true, monitorLabels: {} }, grafana }).warnings).toEqual([]);
  });

  test('declared external sources are trusted', () => {
    const { errors, warnings, monitoring } = build({
      gateway: edge,
      grafana,
      datadog: { notify },
      kubernetes: { pluginsManagedExternally: true, workloadManagedExternally: true, prometheusScrape: PrometheusScrapeMethod.EXTERNAL },
    });
    expect([errors, warnings]).toEqual([[], []]);
    const statuses = new Set(monitoring.alertSources().map((s) => s.status));
    expect([...statuses].sort()).toEqual([SourceStatus.ASSUMED, SourceStatus.DECLARED_EXTERNAL].sort());
  });
});

describe('the example apps', () => {
  const rows: string[] = [];
  afterAll(() => {
    const dir = path.join(ROOT, 'test-reports');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'alert-sources.md'), ['| example | gateway | signal | backend | producers | status |', '|---|---|---|---|---|---|', ...rows].join('\n') + '\n');
  });

  test.each(exampleNames())('%s: every alert has a live, assumed or declared source (0 dead alerts)', (name) => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'sources-')) });
    exampleBuilder(name)(app);
    const monitorings = app.node.findAll().filter((c): c is KongMonitoring => c instanceof KongMonitoring);
    expect(monitorings.length).toBeGreaterThan(0);
    let alerts = 0;
    for (const m of monitorings) {
      for (const s of m.alertSources()) {
        alerts++;
        rows.push(`| ${name} | ${m.gateway.name} | ${s.signal} | ${s.backend} | ${s.producers.join(', ')} | ${s.status} |`);
        expect([m.node.path, s.signal, s.backend, s.missing]).toEqual([m.node.path, s.signal, s.backend, []]);
      }
    }
    expect(alerts).toBeGreaterThan(0);
  });
});
