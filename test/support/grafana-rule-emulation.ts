// Grafana-managed alert rules as the synthesized `grafana_rule_group` holds them, turned into
// a Prometheus rule file with the same behaviour, so promtool can run them on test series:
//
// - stage A is an instant PromQL query; stage B reduces each series to its last value (an
//   instant vector's sample); stage C compares it with the threshold (`gt`/`lt` and a
//   parameter). An alert instance per series whose comparison holds — `(A) > p` in PromQL.
// - `for` is the pending period, evaluated at the group's interval, as in Prometheus.
// - `no_data_state` applies when the whole query returns nothing: `Alerting` fires the rule
//   itself (with the rule's labels only), `NoData` fires Grafana's separate DatasourceNoData
//   alert (marked here with `grafana_state="nodata"`), `OK` does nothing.
// Labels are the rule's labels; alert names are made valid for a rule file from the UID.

interface GrafanaRule {
  readonly name: string;
  readonly uid: string;
  readonly for: string;
  readonly no_data_state: string;
  readonly labels: { [k: string]: string };
  readonly data: Array<{ ref_id: string; model: string }>;
}

interface GrafanaRuleGroup {
  readonly name: string;
  readonly interval_seconds: number;
  readonly rule: GrafanaRule[];
}

const OPERATOR: { [type: string]: string } = { gt: '>', lt: '<' };

/** One Grafana rule as the PromQL rule(s) that behave like it. */
function emulate(rule: GrafanaRule): Array<{ [k: string]: unknown }> {
  const stage = (refId: string) => JSON.parse(rule.data.find((d) => d.ref_id === refId)!.model);
  const query = stage('A');
  const reduce = stage('B');
  const threshold = stage('C');
  if (reduce.type !== 'reduce' || reduce.reducer !== 'last' || reduce.expression !== 'A' || threshold.type !== 'threshold' || threshold.expression !== 'B') {
    throw new Error(`rule '${rule.name}' has stages this emulation does not model`);
  }
  const evaluator = threshold.conditions[0].evaluator;
  const op = OPERATOR[evaluator.type];
  if (!op || evaluator.params.length !== 1) throw new Error(`rule '${rule.name}': evaluator ${JSON.stringify(evaluator)} is not modelled`);
  const alert = `grafana_${rule.uid.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const out: Array<{ [k: string]: unknown }> = [{ alert, expr: `(${query.expr}) ${op} ${evaluator.params[0]}`, for: rule.for, labels: { ...rule.labels } }];
  const nothing = `vector(1) unless on () (${query.expr})`;
  if (rule.no_data_state === 'Alerting') {
    out.push({ alert: `${alert}_no_data`, expr: nothing, for: rule.for, labels: { ...rule.labels } });
  } else if (rule.no_data_state === 'NoData') {
    out.push({ alert: `${alert}_datasource_no_data`, expr: nothing, for: rule.for, labels: { ...rule.labels, grafana_state: 'nodata' } });
  } else if (rule.no_data_state !== 'OK') {
    throw new Error(`rule '${rule.name}': no_data_state '${rule.no_data_state}' is not modelled`);
  }
  return out;
}

/** A Prometheus rule file (as JSON, which YAML readers accept) with the groups' behaviour. */
export function grafanaRuleFile(groups: GrafanaRuleGroup[]): string {
  return JSON.stringify({
    groups: groups.map((g) => ({ name: g.name, interval: `${g.interval_seconds}s`, rules: g.rule.flatMap(emulate) })),
  }, null, 2);
}
