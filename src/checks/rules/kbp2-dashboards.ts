import { analysisOf } from '../internal/analysis';
import { dashboardsOf } from '../internal/monitoring';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { JsonObject } from '../internal/terraform-json';
import { FindingLevel } from '../types';

/** KBP2: every gateway has a health dashboard. */
export const KBP2_DASHBOARDS: RuleDefinition = {
  ruleId: 'KBP2',
  name: 'health-dashboards',
  info: 'Track each gateway\'s health in a dashboard (Datadog or Grafana).',
  explanation: 'Health checks answer "is this node ready now"; a dashboard shows the history across nodes, which an on-call '
    + 'engineer needs to tell one bad node from a cluster-wide problem. A dashboard counts for a gateway when it carries '
    + 'the gateway\'s kong_gateway tag or label, or, when the stack holds a single gateway, when it is about Kong.',
  fix: 'Add HealthDashboards (datadog_dashboard or grafana_dashboard) for the gateway, tagged kong_gateway:<name>.',
  level: FindingLevel.WARNING,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP2_DASHBOARDS;
    const analysis = analysisOf(config);
    const stack = analysis.stack;
    const kong = analysis.kongWorkloads;
    if (kong.length === 0) return [notApplicable(rule, 'No Kong workload in the stack.')];
    const dashboards = dashboardsOf(stack);
    return kong.map((w) => {
      const linked = analysis.linkedTo(dashboards, w);
      if (linked.length > 0) {
        return compliant(rule, w.resource, `Gateway '${w.gateway}' has dashboards: ${linked.map((d) => d.address).join(', ')}.`);
      }
      const hint = dashboards.length > 0 ? ` (${dashboards.length} dashboard(s) in the stack, none tagged kong_gateway:${w.gateway})` : '';
      return violation(rule, w.resource, `Gateway '${w.gateway}' (${w.resource.address}) has no health dashboard${hint}.`);
    });
  },
};
