// Every dashboard panel is traced to what emits its data, from the rendered dashboards' own
// queries (not the catalog's intent). Facts: counters and histograms come only from an enabled
// Prometheus plugin with the flag on (kong-facts §2.1–2.3: bandwidth_metrics gates
// kong_bandwidth_bytes, latency_metrics the *_latency_ms histograms); node gauges need no
// plugin; readiness comes from kube-state-metrics or the Cluster Agent's state check; the
// Agent's Kong check re-reads the same exporter (datadog-kong-integration). A panel that
// can never fill is a synth warning with the fix; a panel whose metric the library cannot
// place is the library's own gap, and no rendered panel may have one.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AlertBackend } from '../../src/facade/alert-source';
import { KongMonitoring, KongMonitoringProps } from '../../src/facade/kong-monitoring';
import { datadogPanels, grafanaPanels } from '../../src/facade/panel-lineage';
import { DeploymentMode } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { PrometheusScrapeMethod } from '../../src/kubernetes/scrape-method';
import { SourceStatus } from '../../src/signals/lineage';
import { DatadogCollection } from '../../src/signals/signal-types';
import { annotationsOf, exampleBuilder, exampleNames } from '../support/synth';

const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] };
const grafana = { prometheusDatasourceUid: 'prom' };

function build(props: KongMonitoringProps) {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const monitoring = new KongMonitoring(stack, 'kong', props);
  const errors = monitoring.node.validate();
  return { monitoring, errors, warnings: annotationsOf(monitoring, 'warn') };
}

function gatewayOf(mode: DeploymentMode, edition: KongEdition): KongGateway {
  const options = { name: 'edge', expectedNodes: 3, edition, kongVersion: edition === KongEdition.ENTERPRISE ? '3.10' : '3.9' };
  switch (mode) {
    case DeploymentMode.TRADITIONAL: return KongGateway.traditional(options);
    case DeploymentMode.DB_LESS: return KongGateway.dbLess(options);
    case DeploymentMode.HYBRID_CONTROL_PLANE: return KongGateway.hybridControlPlane({ ...options, expectedDataPlanes: 6 });
    default: return KongGateway.hybridDataPlane(options);
  }
}

describe('every rendered panel reads metrics the library can place', () => {
  const cases = Object.values(DeploymentMode).flatMap((mode) => Object.values(KongEdition).flatMap((edition) =>
    Object.values(DatadogCollection).map((collection) => [mode, edition, collection] as const)));

  test.each(cases)('%s, %s, Datadog via %s', (mode, edition, collection) => {
    const { monitoring } = build({
      gateway: gatewayOf(mode, edition),
      grafana,
      datadog: { notify, collection },
      kubernetes: { pluginsManagedExternally: true, workloadManagedExternally: true, prometheusScrape: PrometheusScrapeMethod.EXTERNAL },
    });
    const panels = monitoring.dashboardSources();
    const rendered = grafanaPanels(monitoring.dashboards!.grafana!.configJson).length + datadogPanels(monitoring.dashboards!.datadog!.definition).length;
    expect(panels).toHaveLength(rendered);
    expect(panels.filter((p) => p.backend === AlertBackend.GRAFANA_DASHBOARD).length).toBeGreaterThan(5);
    // A control plane proxies no traffic: its Datadog dashboard through Kong's plugin is nodes only.
    expect(panels.filter((p) => p.backend === AlertBackend.DATADOG_DASHBOARD).length).toBeGreaterThan(2);
    for (const panel of panels) {
      // Every panel reads something, and every metric it reads has a known producer.
      expect([panel.backend, panel.panel, panel.metrics.length > 0, panel.unverified]).toEqual([panel.backend, panel.panel, true, []]);
      expect(panel.producers.length).toBeGreaterThan(0);
    }
  });
});

describe('panels that stay empty are warnings with the fix', () => {
  test('bandwidth_metrics off: only the bandwidth panels are empty, on both dashboards (they share one layout)', () => {
    const { errors, warnings, monitoring } = build({
      gateway: KongGateway.dbLess({ name: 'edge', expectedNodes: 3 }),
      grafana,
      datadog: { notify },
      kubernetes: { deploy: true, monitorLabels: {}, plugins: { prometheus: { bandwidthMetrics: false } } },
    });
    // No alert reads bandwidth: synth passes, and says which panels stay empty and why.
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      "KongMonitoring 'kong' (stack/kong): dashboard panels stay empty: Bandwidth by direction (grafana-dashboard); Bandwidth by direction (datadog-dashboard): "
      + 'Prometheus plugin flag bandwidth_metrics: bandwidth_metrics off. Fix: turn bandwidth_metrics on in the Prometheus plugin (plugins.prometheus)',
    ]);
    const empty = monitoring.dashboardSources().filter((p) => p.status === SourceStatus.MISSING);
    expect(empty.map((p) => [p.backend, p.panel, p.metrics])).toEqual([
      [AlertBackend.GRAFANA_DASHBOARD, 'Bandwidth by direction', ['kong_bandwidth_bytes']],
      [AlertBackend.DATADOG_DASHBOARD, 'Bandwidth by direction', ['kong.bandwidth.bytes.count']],
    ]);
  });

  test('the same flag on: no empty panel, no warning', () => {
    const { errors, warnings, monitoring } = build({
      gateway: KongGateway.dbLess({ name: 'edge', expectedNodes: 3 }),
      grafana,
      datadog: { notify },
      kubernetes: { deploy: true, monitorLabels: {} },
    });
    expect([errors, warnings]).toEqual([[], []]);
    expect(monitoring.dashboardSources().filter((p) => p.status === SourceStatus.MISSING)).toEqual([]);
  });

  test('a problem that already kills an alert fails synth once and is not repeated as a panel warning', () => {
    const { errors, warnings, monitoring } = build({
      gateway: KongGateway.dbLess({ name: 'edge', expectedNodes: 3 }),
      grafana,
      kubernetes: { deploy: true, monitorLabels: {}, plugins: { prometheus: { latencyMetrics: false } } },
    });
    expect(errors).toEqual([expect.stringMatching(/no data can reach request-latency-p99 \(grafana\); kong-latency-p99 \(grafana\): Prometheus plugin flag latency_metrics/)]);
    expect(warnings).toEqual([]);
    // The panels are still reported empty through dashboardSources().
    expect(monitoring.dashboardSources().filter((p) => p.status === SourceStatus.MISSING).map((p) => p.panel)).toEqual(expect.arrayContaining([
      'Request latency p99 by service', 'Kong added latency p99 by service',
    ]));
  });
});

describe('the example apps', () => {
  test.each(exampleNames())('%s: no dashboard panel stays empty', (name) => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'panels-')) });
    exampleBuilder(name)(app);
    const monitorings = app.node.findAll().filter((c): c is KongMonitoring => c instanceof KongMonitoring);
    let panels = 0;
    for (const m of monitorings) {
      for (const p of m.dashboardSources()) {
        panels++;
        expect([m.node.path, p.backend, p.panel, p.missing, p.unverified.filter((u) => u.startsWith('no known producer'))])
          .toEqual([m.node.path, p.backend, p.panel, [], []]);
      }
    }
    if (monitorings.some((m) => m.dashboards)) expect(panels).toBeGreaterThan(0);
  });
});
