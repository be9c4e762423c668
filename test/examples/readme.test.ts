// The README's tables and workflow are held to the code: the checker's rule table to
// KongBestPractices.rules(), the facade's defaults to the JSDoc @default of the built jsii
// assembly, the examples table to examples/, and the CI workflow to the steps it promises.
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { KongBestPractices } from '../../src/checks';
import { Duration } from '../../src/core/duration';
import { DeploymentMode, KongEdition, KongGateway } from '../../src/gateway';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { SIGNAL_CATALOG } from '../../src/signals/catalog';
import { signalsOf } from '../../src/signals/gateway-signals';
import { formatNumber } from '../../src/signals/resolved-signal';
import { requireFreshLib } from '../support/compiled';
import { layoutTableRows } from '../support/layout-table';
import { sourceTableRows } from '../support/source-table';
import { ROOT, exampleNames } from '../support/synth';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The lines of the section under a heading, up to the next heading of the same or a higher level. */
function section(heading: string): string {
  const lines = README.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`README has no heading '${heading}'`);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Rows of the first Markdown table in a text, as cells (header and separator left out). */
function tableRows(text: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  const rows = lines.slice(start, end < 0 ? undefined : end).map((l) => l.slice(1, -1).split(' | ').map((c) => c.trim()));
  return rows.slice(2);
}

const unquote = (s: string) => s.replace(/`/g, '');

/** How the README writes a signal's row: every column from the catalog, for a default gateway of a mode that has it. */
function catalogRow(id: SignalId): string {
  const definition = SIGNAL_CATALOG.find((d) => d.id === id)!;
  const mode = definition.modes[0];
  const gateway = new KongGateway({
    name: 'edge',
    mode,
    expectedDataPlanes: mode === DeploymentMode.HYBRID_CONTROL_PLANE ? 2 : undefined,
    edition: KongEdition.ENTERPRISE,
    kongVersion: '3.10',
  });
  const signal = signalsOf(gateway).find((x) => x.id === id)!;
  const modes = definition.modes.length === Object.values(DeploymentMode).length ? 'all' : definition.modes.join(', ');
  const window = definition.window({ ...gateway, startupWindow: Duration.hours(7) }).toSeconds() === 7 * 3600
    ? `startupWindow (${gateway.startupWindow.toPrometheus()})` : signal.window.toPrometheus();
  return [id, definition.title, definition.scope, modes, definition.direction, signal.quantity,
    signal.warning === undefined ? '—' : formatNumber(signal.warning), formatNumber(signal.critical), window, definition.severity].join(' | ');
}

describe('README', () => {
  test("the data-source table lists every signal's producers per backend, from the catalog", () => {
    const rows = section("## Where each alert's data comes from").split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toEqual(sourceTableRows());
  });

  test('the dashboard table lists every panel of the layout, in order, with the practice that alerts on it', () => {
    const rows = section('### Dashboards and practices').split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| section |'));
    expect(rows).toEqual(layoutTableRows());
  });

  test('the signal catalog table lists every signal of the catalog, in order, with its defaults', () => {
    const rows = tableRows(section('## The signal catalog'));
    expect(rows.map((r) => r.map(unquote).join(' | ').replace(' — ', ' | '))).toEqual(SIGNAL_CATALOG.map((d) => catalogRow(d.id as SignalId)));
  });

  test("the checker's rule table lists exactly KongBestPractices.rules(), with names, levels and info", () => {
    const rows = tableRows(section('## The best-practice checker'));
    expect(rows.map((r) => unquote(r[0]))).toEqual(KongBestPractices.rules().map((r) => r.ruleId));
    expect(rows.map((r) => r.map(unquote).join(' | '))).toEqual(
      KongBestPractices.rules().map((r) => [r.ruleId, r.name, r.level.toLowerCase(), unquote(r.info)].join(' | ')),
    );
  });

  test("the KongMonitoring props table lists every prop of the facade's structs with its JSDoc @default", () => {
    requireFreshLib();
    const assembly = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf8'));
    const struct = (fqn: string): any => assembly.types[fqn];
    const propsOf = (fqn: string): any[] => [...(struct(fqn).interfaces ?? []).flatMap(propsOf), ...(struct(fqn).properties ?? [])];
    const defaultOf = (p: any) => (p.optional ? unquote(p.docs.default ?? '(no @default)').replace(/^- /, '') : 'required');

    const documented = new Map<string, string>();
    for (const p of propsOf('cdktf-kong-monitoring.KongMonitoringProps')) {
      documented.set(p.name, defaultOf(p));
      const fqn: string | undefined = p.type.fqn;
      if (p.name !== 'gateway' && fqn && struct(fqn)?.datatype) {
        for (const q of propsOf(fqn)) documented.set(`${p.name}.${q.name}`, defaultOf(q));
      }
    }
    const rows = tableRows(section('## `KongMonitoring` props and defaults'));
    const inReadme = new Map(rows.map((r) => [unquote(r[0]), unquote(r[1])]));
    expect(rows).toHaveLength(inReadme.size);
    expect([...inReadme.keys()].sort()).toEqual([...documented.keys()].sort());
    for (const [prop, value] of inReadme) expect([prop, value]).toEqual([prop, documented.get(prop)]);
  });

  test('the examples table lists every example app', () => {
    const rows = tableRows(section('## Examples'));
    expect(rows.map((r) => unquote(r[0]).replace(/^\[(.*)\]\(.*\)$/, '$1')).sort()).toEqual(exampleNames().sort());
    for (const r of rows) {
      const link = /\]\((examples\/[^)]+)\)/.exec(r[0]);
      expect(link && fs.existsSync(path.join(ROOT, link[1]))).toBe(true);
    }
  });

  test('the Development table documents packaging, and the Examples how to run one', () => {
    const commands = tableRows(section('## Development')).map((r) => unquote(r[0]));
    expect(commands).toEqual(expect.arrayContaining(['npm run synth', 'npm test', 'npx projen package:js', 'npm run bench']));
    const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8')).tasks;
    expect(tasks['package:js']).toBeDefined();
  });

  test('the Plan in CI workflow parses and runs checkout, Node 20, npm ci, synth, the audit, terraform init and plan in the stack folder', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(section('## Plan in CI'));
    expect(block).not.toBeNull();
    const workflow = yaml.load(block![1]) as any;
    const steps: any[] = Object.values(workflow.jobs as object)[0].steps;
    const uses = steps.filter((s) => s.uses).map((s) => s.uses.split('@')[0]);
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'hashicorp/setup-terraform']);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node')).with['node-version']).toBe(20);
    const runs = steps.filter((s) => s.run).map((s) => s.run as string);
    const order = ['npm ci', 'cdktf synth', 'kong-monitoring-audit', 'terraform init', 'terraform plan'].map((cmd) => runs.findIndex((r) => r.includes(cmd)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const plan = steps.find((s) => (s.run ?? '').includes('terraform plan'));
    expect(plan['working-directory']).toBe('cdktf.out/stacks/${{ env.STACK }}');
    // Secrets come from the CI's secret store, never literal values.
    const secrets = Object.entries(plan.env as object).filter(([name]) => /KEY|AUTH|URL|KUBECONFIG_CONTENT/.test(name));
    expect(secrets.length).toBeGreaterThan(0);
    for (const [name, value] of secrets) expect([name, value]).toEqual([name, expect.stringMatching(/^\$\{\{ secrets\.\w+ \}\}$/)]);
  });
});
