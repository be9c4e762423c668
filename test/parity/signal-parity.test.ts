// One meaning per signal across backends. Every signal is rendered by every backend that
// has a form of it (Prometheus rules, Grafana rules, Datadog through the Agent's Kong check
// and through Kong's Datadog plugin) for a gateway of the first mode that has it; what each
// rendered alert means is read back from the rendered output (./meaning.ts) and held to the
// parity table (test/fixtures/parity/signal-parity.json), which the README shows. Within a
// signal, backends may differ in a column only where the table says why.
//
// After an intentional, reviewed change of meaning, regenerate the table's rows and commit
// them with the change (the reasons are kept):
//
//   UPDATE_PARITY_FIXTURE=1 npx jest test/parity
import * as fs from 'fs';
import * as path from 'path';
import { BACKENDS, Backend, COLUMNS, Meaning, PARITY, datadogMeaning, grafanaMeaning, prometheusMeaning } from './meaning';
import { DatadogMonitors } from '../../src/datadog/monitors';
import { DeploymentMode } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { GrafanaAlertRules } from '../../src/grafana/alerting/grafana-alert-rules';
import { TerraformStack, Testing } from '../../src/internal/cdktf';
import { PrometheusRules } from '../../src/prometheus/prometheus-rules';
import { SIGNAL_CATALOG } from '../../src/signals/catalog';
import { DatadogCollection } from '../../src/signals/signal-types';
import { ROOT } from '../support/synth';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'parity', 'signal-parity.json');
const README = path.join(ROOT, 'README.md');
const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong-alerts'] };

function gatewayOf(mode: DeploymentMode): KongGateway {
  // Enterprise 3.10 has every signal; a control plane knows how many data planes to expect.
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

/** Every signal's meaning in every backend that renders it, in catalog order. */
function renderedMeanings(): Meaning[] {
  const rows: Meaning[] = [];
  for (const definition of SIGNAL_CATALOG) {
    const gateway = gatewayOf(definition.modes[0]);
    const app = Testing.app();
    const stack = new TerraformStack(app, 'parity');
    const prometheus = new PrometheusRules(stack, 'prometheus', { gateways: [gateway], includeSignals: [definition.id] });
    new GrafanaAlertRules(stack, 'grafana', { gateway, datasourceUid: 'prom', includeSignals: [definition.id] });
    for (const collection of [DatadogCollection.AGENT_INTEGRATION, DatadogCollection.KONG_PLUGIN]) {
      new DatadogMonitors(stack, `datadog-${collection}`, { gateway, collection, notify, includeSignals: [definition.id] });
    }
    const json = JSON.parse(Testing.synth(stack));
    rows.push(prometheusMeaning(definition.id, prometheus.ruleGroups[0].rules));
    const grafanaRules = (Object.values(json.resource.grafana_rule_group) as any[]).flatMap((g) => g.rule);
    rows.push(grafanaMeaning(definition.id, grafanaRules));
    for (const [collection, backend] of [[DatadogCollection.AGENT_INTEGRATION, 'datadog-agent'], [DatadogCollection.KONG_PLUGIN, 'datadog-plugin']] as const) {
      const monitors = Object.entries(json.resource.datadog_monitor ?? {}).filter(([id]) => id.startsWith(`datadog-${collection}_`));
      if (monitors.length > 0) rows.push(datadogMeaning(definition.id, backend, monitors[0][1]));
    }
  }
  return rows;
}

const rendered = renderedMeanings();
if (process.env.UPDATE_PARITY_FIXTURE === '1') {
  fs.writeFileSync(FIXTURE, JSON.stringify({ ...PARITY, rows: rendered }, null, 2) + '\n');
}

/** The README's parity table: one row per signal and backend. */
export function parityTable(rows: Meaning[]): string {
  const header = ['signal', 'backend', ...COLUMNS.map((c) => (c === 'noData' ? 'no data' : c))];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| \`${r.signal}\` | ${r.backend} | ${COLUMNS.map((c) => r[c]).join(' | ')} |`);
  return lines.join('\n');
}

describe('one meaning per signal across backends', () => {
  test('every backend renders what the parity table says, signal by signal', () => {
    expect(rendered).toEqual(PARITY.rows);
  });

  test('every signal is in the table, with the backends that have a form of it', () => {
    expect([...new Set(PARITY.rows.map((r) => r.signal))]).toEqual(SIGNAL_CATALOG.map((d) => d.id));
    for (const r of PARITY.rows) expect(BACKENDS).toContain(r.backend);
    for (const id of SIGNAL_CATALOG.map((d) => d.id)) {
      expect([id, PARITY.rows.filter((r) => r.signal === id && r.backend === 'prometheus').length]).toEqual([id, 1]);
      expect([id, PARITY.rows.filter((r) => r.signal === id && r.backend === 'grafana').length]).toEqual([id, 1]);
    }
  });

  test.each(COLUMNS.map((c) => [c]))('%s: backends of a signal agree, or the table says why they differ', (column) => {
    const undeclared: string[] = [];
    for (const id of new Set(rendered.map((r) => r.signal))) {
      const values = new Map<string, Backend[]>();
      for (const r of rendered.filter((x) => x.signal === id)) values.set(r[column], [...(values.get(r[column]) ?? []), r.backend]);
      const declared = PARITY.differences.some((d) => d.signal === id && d.column === column && PARITY.reasons[d.because] !== undefined);
      if (values.size > 1 && !declared) undeclared.push(`${id}: ${[...values].map(([v, b]) => `${b.join('+')} = ${v}`).join(' / ')}`);
    }
    expect(undeclared).toEqual([]);
  });

  test('every declared difference is a real one (no stale reasons)', () => {
    for (const d of PARITY.differences) {
      const values = new Set(PARITY.rows.filter((r) => r.signal === d.signal).map((r) => r[d.column]));
      expect([d.signal, d.column, values.size > 1]).toEqual([d.signal, d.column, true]);
    }
  });

  test('window and warning are the same everywhere; statistic, unit and critical differ only where Datadog has no metric', () => {
    const beyondGroupingAndNoData = PARITY.differences.filter((d) => !['grouping', 'noData'].includes(d.column));
    expect([...new Set(beyondGroupingAndNoData.map((d) => d.because))]).toEqual(['upstream-service-check']);
    expect(beyondGroupingAndNoData.map((d) => d.column).sort()).toEqual(['critical', 'statistic', 'unit']);
  });

  test('no backend notifies when one node\'s group vanishes (a roll-out is not an incident)', () => {
    for (const r of rendered) expect([r.signal, r.backend, r.noData]).toEqual([r.signal, r.backend, expect.not.stringMatching(/vanished group (notifies|keeps)/)]);
  });

  test('a gateway whose data stops alerts in every backend (by the signal itself or the expected-count signal)', () => {
    for (const backend of BACKENDS) {
      const count = rendered.find((r) => r.signal === 'ready-nodes-below-expected' && r.backend === backend);
      if (count) expect([backend, count.noData]).toEqual([backend, 'alert']);
    }
  });

  test('the README shows the parity table and the reasons', () => {
    const readme = fs.readFileSync(README, 'utf8');
    expect(readme).toContain(parityTable(PARITY.rows));
    for (const reason of Object.values(PARITY.reasons)) expect(readme).toContain(reason);
  });
});
