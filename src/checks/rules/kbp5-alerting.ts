import { AlertDelivery } from '../internal/alert-delivery';
import { analysisOf } from '../internal/analysis';
import { alertResourcesOf, watchesHealth } from '../internal/monitoring';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { JsonObject } from '../internal/terraform-json';
import { FindingLevel } from '../types';

/** KBP5: every gateway has alerts on its health checks. */
export const KBP5_ALERTING: RuleDefinition = {
  ruleId: 'KBP5',
  name: 'health-alerting',
  info: 'Alert on each gateway\'s health checks (Datadog monitors or synthetics, Grafana rules, PrometheusRules).',
  explanation: 'Probes act on one pod; nobody hears about a node that stays unready or a cluster that loses capacity unless an '
    + 'alert watches the same signals. Alerts count for a gateway when they carry its kong_gateway tag or label, or, when the '
    + 'stack holds a single gateway, when they are about Kong. An alert that notifies nobody (no @handle, a contact point with '
    + 'no integration), is paused, or is muted with no end does not count. A warning, not an error: alerts often live in a separate '
    + 'monitoring stack the checker cannot see; raise it with the levels option where they must live together.',
  fix: 'Add HealthAlerting for the gateway (readiness, metrics-up and ready-count alerts), tagged kong_gateway:<name>.',
  level: FindingLevel.WARNING,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP5_ALERTING;
    const analysis = analysisOf(config);
    const stack = analysis.stack;
    const kong = analysis.kongWorkloads;
    if (kong.length === 0) return [notApplicable(rule, 'No Kong workload in the stack.')];
    const alerts = alertResourcesOf(stack);
    const delivery = new AlertDelivery(analysis);
    return kong.map((w) => {
      const linked = analysis.linkedTo(alerts, w);
      if (linked.length === 0) {
        return violation(rule, w.resource, `Gateway '${w.gateway}' (${w.resource.address}) has no alerts on its health checks.`);
      }
      const health = linked.filter((r) => watchesHealth(r, analysis));
      if (health.length === 0) {
        return violation(rule, w.resource,
          `Gateway '${w.gateway}' has alerts (${linked.map((r) => r.address).join(', ')}) but none watches a health check (readiness, /status/ready, scrape health, ready count).`);
      }
      const problems = health.map((r) => delivery.problem(r));
      if (problems.every((p) => p !== undefined)) {
        return violation(rule, w.resource, `Gateway '${w.gateway}' has health alerts, but none reaches anyone: ${problems.join('; ')}.`, {
          fix: 'Name a notification target in each Datadog monitor (@pagerduty-..., @slack-...), route Grafana rules to a contact point '
            + 'with an integration, and give downtimes and mute timings an end or a schedule.',
        });
      }
      return compliant(rule, w.resource, `Gateway '${w.gateway}' is alerted on by ${health.filter((_r, i) => problems[i] === undefined).map((r) => r.address).join(', ')}.`);
    });
  },
};
