import { analysisOf } from '../internal/analysis';
import { alertConditions, alertResourcesOf, countsNodes, perNode, pinnedNode } from '../internal/monitoring';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { JsonObject } from '../internal/terraform-json';
import { FindingLevel } from '../types';

/** KBP7: alerts see every node, and notice nodes that disappear. */
export const KBP7_EVERY_NODE_MONITORED: RuleDefinition = {
  ruleId: 'KBP7',
  name: 'every-node-monitored',
  info: 'Alert per node (grouped by pod, host or instance) and on the number of nodes (expected count or no data).',
  explanation: 'An alert on an aggregate (one data plane, or the sum of all) hides a single bad node. Per-node grouping covers '
    + 'new nodes with no new resources; an expected-count or no-data alert catches nodes that vanish, which per-node '
    + 'alerts cannot see. PromQL is per node when no aggregation drops the pod/instance label; a Datadog monitor when it '
    + 'is a multi-alert grouped by a node tag.',
  fix: 'Add AllNodesMonitored: per-node alerts grouped by pod/instance, an expected-node-count alert, and notify on no data.',
  level: FindingLevel.WARNING,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP7_EVERY_NODE_MONITORED;
    const analysis = analysisOf(config);
    const stack = analysis.stack;
    const kong = analysis.kongWorkloads;
    if (kong.length === 0) return [notApplicable(rule, 'No Kong workload in the stack.')];
    const alerts = alertResourcesOf(stack);
    const out: RuleFinding[] = [];
    for (const w of kong) {
      const conditions = analysis.linkedTo(alerts, w).flatMap(alertConditions);
      const perNodeAlerts = [...new Set(conditions.filter(perNode).map((c) => c.resource.address))];
      const countAlerts = [...new Set(conditions.filter(countsNodes).map((c) => c.resource.address))];
      const problems: RuleFinding[] = [];
      if (perNodeAlerts.length === 0) {
        const pinned = conditions.map((c) => ({ c, matcher: pinnedNode(c) })).filter((p) => p.matcher !== undefined);
        const why = conditions.length === 0 ? 'no alert rules watch it'
          : pinned.length > 0 ? `${[...new Set(pinned.map((p) => `${p.c.resource.address} watches a single node (${p.matcher})`))].join(', ')}, and the others aggregate their nodes away`
            : 'every alert aggregates its nodes away';
        problems.push(violation(rule, w.resource,
          `Gateway '${w.gateway}' has no per-node alert: ${why}.`,
          { fix: 'Group node alerts by pod or instance (PromQL `by (pod)` or no aggregation; Datadog multi-alert `by {pod_name}` / `.by("instance")`).' }));
      }
      if (countAlerts.length === 0) {
        problems.push(violation(rule, w.resource,
          `Gateway '${w.gateway}' has no expected-node-count or no-data alert: a node that disappears goes unnoticed.`,
          { fix: 'Alert when ready nodes fall below the expected count, and notify on no data (notify_no_data, no_data_state Alerting, absent()).' }));
      }
      out.push(...(problems.length > 0 ? problems : [compliant(rule, w.resource,
        `Gateway '${w.gateway}': per-node alerts ${perNodeAlerts.join(', ')}; node-count alerts ${countAlerts.join(', ')}.`)]));
    }
    return out;
  },
};
