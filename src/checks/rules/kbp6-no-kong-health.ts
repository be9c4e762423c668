import { runsKongHealthCli } from '../../gateway/kong-health-cli';
import { analysisOf } from '../internal/analysis';
import { RuleDefinition, RuleFinding, compliant, describe, notApplicable, violation } from '../internal/rule';
import { JsonObject } from '../internal/terraform-json';
import { MANIFEST_WORKLOADS, PROVIDER_WORKLOADS } from '../internal/workloads';
import { FindingLevel } from '../types';


/** KBP6: no probe runs `kong health`. */
export const KBP6_NO_KONG_HEALTH: RuleDefinition = {
  ruleId: 'KBP6',
  name: 'no-kong-health-cli',
  info: 'Never use the `kong health` CLI as a health check.',
  explanation: '`kong health` (and the image\'s `kong-health` script) only checks that the nginx master process is alive. '
    + 'It does not look at the configuration, the router, the database or any listener, so a node that cannot proxy passes it.',
  fix: 'Replace the exec probe with httpGet on the status port: /status/ready for readiness, /status for liveness (KubernetesProbes).',
  level: FindingLevel.ERROR,
  // Probes live on workloads: the provider's, manifests of workload kinds, and Kong's chart.
  reads: [...Object.keys(PROVIDER_WORKLOADS), ...MANIFEST_WORKLOADS.map((kind) => `kubernetes_manifest:${kind}`), 'helm_release'],
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP6_NO_KONG_HEALTH;
    const analysis = analysisOf(config);
    const kong = new Set(analysis.kongWorkloads.map((w) => w.resource.address));
    const out: RuleFinding[] = [];
    for (const w of analysis.workloads) {
      const offending = w.containers.flatMap((c) => c.probes
        .filter((p) => p.exec && runsKongHealthCli(p.exec))
        .map((p) => ({ container: c.name, probe: p })));
      for (const o of offending) {
        out.push(violation(rule, w.resource,
          `${describe(w.resource, o.container)}: the ${o.probe.kind} probe runs '${o.probe.exec!.join(' ')}', which only checks that the Kong process exists.`));
      }
      if (offending.length === 0 && kong.has(w.resource.address)) {
        out.push(compliant(rule, w.resource, `${w.resource.address} runs no \`kong health\` probe.`));
      }
    }
    return out.length > 0 ? out : [notApplicable(rule, 'No Kong workload and no probe running `kong health` in the stack.')];
  },
};
