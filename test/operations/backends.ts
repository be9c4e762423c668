// Runs a scenario's series through the rules a user would apply, in promtool, and reads back
// which alerts fire when. Two backends, each where its rules really run:
//
// - `prometheus`: the PrometheusRule objects the facade synthesizes, evaluated inside the
//   cluster — series carry no external labels there.
// - `grafana`: the facade's grafana_rule_group resources (behaviour-equivalent rule file, see
//   test/support/grafana-rule-emulation.ts) on a central store whose series carry a `cluster`
//   label, with `clusterLabel: 'cluster'`.
//
// The firing timeline comes from promtool itself: at every evaluation step a PromQL test on
// `ALERTS{alertstate="firing"}` expects nothing, and promtool prints what it got instead.
import { InputSeries, HORIZON, STEP } from './world';
import { KongMonitoring } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { TerraformStack, Testing } from '../../src/internal/cdktf';
import { grafanaRuleFile } from '../support/grafana-rule-emulation';
import { PromtoolWorkspace, checkRules, testRules } from '../support/promtool';

export enum Backend {
  PROMETHEUS = 'PrometheusRule (in-cluster)',
  GRAFANA = 'Grafana rules (central store)',
}

/** Labels a series carries in the backend's store. */
export function externalLabelsOf(backend: Backend): { [k: string]: string } {
  return backend === Backend.GRAFANA ? { cluster: 'eu-1' } : {};
}

/** One firing alert at one time, by the labels that identify it. */
export interface Firing {
  readonly t: number;
  readonly labels: { [k: string]: string };
}

const IDENTITY = ['signal', 'severity', 'pod', 'hostname', 'node_id', 'upstream', 'target', 'shared_dict', 'grafana_state'];
const TIMELINE_EXPR = `count by (${IDENTITY.join(', ')}) (ALERTS{alertstate="firing"})`;

/** The rule file the user would apply for these gateways on this backend. */
export function ruleFileFor(backend: Backend, gateways: KongGateway[]): string {
  const stack = new TerraformStack(Testing.app(), 'operations');
  for (const gateway of gateways) {
    new KongMonitoring(stack, gateway.name, backend === Backend.PROMETHEUS
      ? { gateway, prometheus: {} }
      : { gateway, grafana: { prometheusDatasourceUid: 'prom', clusterLabel: 'cluster', dashboard: false } });
  }
  const json = JSON.parse(Testing.synth(stack));
  if (backend === Backend.PROMETHEUS) {
    const manifests = Object.values(json.resource.kubernetes_manifest ?? {}) as any[];
    const groups = manifests.filter((m) => m.manifest.kind === 'PrometheusRule').flatMap((m) => m.manifest.spec.groups);
    return JSON.stringify({ groups }, null, 2);
  }
  return grafanaRuleFile(Object.values(json.resource.grafana_rule_group) as any[]);
}

function seconds(text: string): number {
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(h|m|s)/g)) total += Number(n) * ({ h: 3600, m: 60, s: 1 } as const)[unit as 'h' | 'm' | 's'];
  return total;
}

/** Runs the rules over the series and returns every firing alert at every evaluation step. */
export function firingTimeline(ruleFile: string, series: InputSeries[]): Firing[] {
  const ws = new PromtoolWorkspace();
  try {
    const rules = ws.write('rules.yml', ruleFile);
    const check = checkRules(rules);
    if (check.status !== 0) throw new Error(`promtool check rules failed:\n${check.stdout}${check.stderr}`);
    const steps = Array.from({ length: HORIZON / STEP + 1 }, (_, i) => i * STEP);
    const test = ws.write('rules.test.yml', JSON.stringify({
      rule_files: ['rules.yml'],
      evaluation_interval: `${STEP}s`,
      tests: [{
        interval: `${STEP}s`,
        input_series: series,
        promql_expr_test: steps.map((t) => ({ expr: TIMELINE_EXPR, eval_time: `${t}s`, exp_samples: [] })),
      }],
    }));
    const run = testRules(test);
    const output = run.stdout + run.stderr;
    if (run.status === 0) return [];
    const firing: Firing[] = [];
    const blocks = output.split(/\n\s*expr: /).slice(1);
    if (blocks.length === 0) throw new Error(`promtool failed without a timeline:\n${output}`);
    for (const block of blocks) {
      const time = /time: ([0-9hms]+),/.exec(block);
      const got = /got: (.*)/.exec(block);
      if (!time || !got) throw new Error(`cannot read promtool output:\n${block}`);
      for (const [, labels] of got[1].matchAll(/\{([^}]*)\} [-+0-9.Ee]+/g)) {
        const parsed = Object.fromEntries([...labels.matchAll(/([a-z_]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
        firing.push({ t: seconds(time[1]), labels: parsed });
      }
    }
    return firing;
  } finally {
    ws.cleanup();
  }
}
