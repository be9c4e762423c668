import { KBP1_STATUS_LISTEN } from './kbp1-status-listen';
import { KBP2_DASHBOARDS } from './kbp2-dashboards';
import { KBP3_LOAD_BALANCER_READINESS } from './kbp3-load-balancer-readiness';
import { KBP4_PROBES } from './kbp4-probes';
import { KBP5_ALERTING } from './kbp5-alerting';
import { KBP6_NO_KONG_HEALTH } from './kbp6-no-kong-health';
import { KBP7_EVERY_NODE_MONITORED } from './kbp7-every-node-monitored';
import { KBP8_LIVE_SOURCES } from './kbp8-live-sources';
import { KBPS1_LITERAL_SECRETS } from './kbps1-literal-secrets';
import { KBPX1_SUPPRESSION_REASON } from './kbpx1-suppression-reason';
import { RULE_IDS } from './rule-ids';
import { RuleDefinition } from '../internal/rule';

/**
 * The rule table. KBP1..KBP7 follow Kong's seven monitoring recommendations in the order
 * of Kong's monitoring overview. IDs are API: KBP8 is reserved (every alert has a live
 * source); a new rule takes the next free ID after it.
 *
 * | ID | rule | level | wants |
 * |---|---|---|---|
 * | KBP1 | status-listen | error | KONG_STATUS_LISTEN set once, not `off`, not loopback-only, on no other listener's socket, on the port named status |
 * | KBP2 | health-dashboards | warning | a Datadog or Grafana dashboard per gateway |
 * | KBP3 | load-balancer-readiness | error | LB and ALB/GKE Ingress health checks HTTP on /status/ready at the status port; status port never on a LoadBalancer/NodePort |
 * | KBP4 | kubernetes-probes | error | readiness httpGet /status/ready, liveness httpGet /status, on the status port (a port the container declares) |
 * | KBP5 | health-alerting | warning | alerts on the gateway's health checks that notify someone and are not muted for good |
 * | KBP6 | no-kong-health-cli | error | no probe runs `kong health` / `kong-health`, in any shell form |
 * | KBP7 | every-node-monitored | warning | per-node alerts (not pinned to one pod) and an expected-count/no-data alert |
 * | KBP8 | every-alert-has-a-live-source | error | the data each alert reads is produced and collected in the stack |
 * | KBPS1 | no-literal-secrets | error | no literal secret anywhere: contact points, providers, integrations, env, Helm values, Secrets, locals, variable defaults, headers, URLs |
 * | KBPX1 | suppression-reason | error | suppressions name a known rule and give a reason |
 */
export const RULES: readonly RuleDefinition[] = [
  KBP1_STATUS_LISTEN,
  KBP2_DASHBOARDS,
  KBP3_LOAD_BALANCER_READINESS,
  KBP4_PROBES,
  KBP5_ALERTING,
  KBP6_NO_KONG_HEALTH,
  KBP7_EVERY_NODE_MONITORED,
  KBP8_LIVE_SOURCES,
  KBPS1_LITERAL_SECRETS,
  KBPX1_SUPPRESSION_REASON,
];

if (RULES.map((r) => r.ruleId).join() !== RULE_IDS.join()) {
  throw new Error(`The rule table (${RULES.map((r) => r.ruleId).join(', ')}) and RULE_IDS (${RULE_IDS.join(', ')}) disagree.`);
}

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.ruleId === id);
}

export { RULE_IDS };
export {
  KBP1_STATUS_LISTEN,
  KBP2_DASHBOARDS,
  KBP3_LOAD_BALANCER_READINESS,
  KBP4_PROBES,
  KBP5_ALERTING,
  KBP6_NO_KONG_HEALTH,
  KBP7_EVERY_NODE_MONITORED,
  KBP8_LIVE_SOURCES,
  KBPS1_LITERAL_SECRETS,
  KBPX1_SUPPRESSION_REASON,
};
