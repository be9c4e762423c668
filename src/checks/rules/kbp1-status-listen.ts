import { analysisOf } from '../internal/analysis';
import { statusListenerContradictions } from '../internal/kong-listeners';
import { RuleDefinition, RuleFinding, compliant, describe, notApplicable, violation } from '../internal/rule';
import { JsonObject, isReference } from '../internal/terraform-json';
import { KongWorkload, kongOlderThan, parseListen, statusListenEnv } from '../internal/workloads';
import { ComplianceStatus, FindingLevel } from '../types';

/** The verdict on the value of KONG_STATUS_LISTEN itself: set, not off, not loopback only. */
function statusListenVerdict(w: KongWorkload, where: string): RuleFinding {
  const rule = KBP1_STATUS_LISTEN;
  const env = statusListenEnv(w.container);
  if (!env) {
    if (w.container.hasEnvFrom) {
      return violation(rule, w.resource, `${where} does not set KONG_STATUS_LISTEN; it may come from env_from, which the checker cannot read.`, {
        level: FindingLevel.WARNING,
        fix: "Set KONG_STATUS_LISTEN explicitly on the container (e.g. '0.0.0.0:8100') so it can be checked.",
      });
    }
    const defaultNote = kongOlderThan(w, 3, 6)
      ? 'this Kong version leaves the Status API off'
      : 'Kong 3.6+ then binds the Status API to 127.0.0.1:8007, unreachable by kubelet and Prometheus (older versions leave it off)';
    return violation(rule, w.resource, `${where} does not set KONG_STATUS_LISTEN: ${defaultNote}.`);
  }
  if (env.value === undefined) return compliant(rule, w.resource, `${where} takes KONG_STATUS_LISTEN from a secret or config map (not checked).`);
  if (isReference(env.value)) return compliant(rule, w.resource, `${where} sets KONG_STATUS_LISTEN from a Terraform reference (not checked).`);
  const value = env.value.trim();
  if (value.toLowerCase() === 'off' || value === '') {
    return violation(rule, w.resource, `${where} sets KONG_STATUS_LISTEN to '${env.value}': the Status API is disabled.`);
  }
  if (parseListen(value).every((e) => e.loopback)) {
    return violation(rule, w.resource, `${where} sets KONG_STATUS_LISTEN to '${value}', loopback only: kubelet and Prometheus cannot reach it.`);
  }
  return compliant(rule, w.resource, `${where} serves the Status API on '${value}'.`);
}

/** KBP1: every Kong container sets `KONG_STATUS_LISTEN` to an address kubelet and Prometheus can reach. */
export const KBP1_STATUS_LISTEN: RuleDefinition = {
  ruleId: 'KBP1',
  name: 'status-listen',
  info: 'Enable status_listen on an address kubelet and Prometheus can reach.',
  explanation: 'Probes, load balancer health checks and /metrics all need the Status API. Kong 3.5 and older leave it off; '
    + 'Kong 3.6+ binds it to 127.0.0.1:8007, which kubelet (it probes the pod IP) and Prometheus cannot reach. The listener '
    + 'must also agree with the rest of the container: set once, on a socket no other Kong listener binds, and on the port named status.',
  fix: "Set KONG_STATUS_LISTEN on the Kong container to a routable address, e.g. '0.0.0.0:8100' (StatusListener does this).",
  level: FindingLevel.ERROR,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP1_STATUS_LISTEN;
    const kong = analysisOf(config).kongWorkloads;
    if (kong.length === 0) return [notApplicable(rule, 'No Kong workload in the stack.')];
    return kong.flatMap((w) => {
      const where = describe(w.resource, w.container.name);
      if (w.opaque) return [compliant(rule, w.resource, `${where} takes its settings from Helm values the checker cannot read (not checked).`)];
      const contradictions = statusListenerContradictions(w.container).map((problem) => violation(rule, w.resource, `${where}: ${problem}.`, {
        fix: 'Set KONG_STATUS_LISTEN once, on addresses and ports no other Kong listener uses, and name that port `status` on the container.',
      }));
      const verdict = statusListenVerdict(w, where);
      if (verdict.status === ComplianceStatus.NON_COMPLIANT || contradictions.length === 0) return [verdict, ...contradictions];
      return contradictions;
    });
  },
};
