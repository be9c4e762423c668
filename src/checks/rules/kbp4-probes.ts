import { KONG_STATUS_PATH, KONG_STATUS_READY_PATH } from '../../gateway/kong-facts';
import { runsKongHealthCli } from '../../gateway/kong-health-cli';
import { analysisOf } from '../internal/analysis';
import { RuleDefinition, RuleFinding, compliant, describe, notApplicable, violation } from '../internal/rule';
import { JsonObject, isReference } from '../internal/terraform-json';
import { ProbeKind, ProbeModel, kongOlderThan, resolvePort, statusPortsOf } from '../internal/workloads';
import { FindingLevel } from '../types';

const READY = KONG_STATUS_READY_PATH;
const LIVE = KONG_STATUS_PATH;

function probeShape(p: ProbeModel): string {
  if (p.httpPath !== undefined) return `httpGet ${p.httpPath}`;
  if (p.exec) return `exec '${p.exec.join(' ')}'`;
  return p.other ?? 'an unknown handler';
}


/** KBP4: readiness on `/status/ready`, liveness on `/status`, both on the status port. */
export const KBP4_PROBES: RuleDefinition = {
  ruleId: 'KBP4',
  name: 'kubernetes-probes',
  info: 'Give every Kong container a readiness probe on /status/ready and a liveness probe on /status.',
  explanation: 'Readiness on /status/ready removes a node from Service endpoints until it has a configuration and its database; '
    + '/status answers 200 even then. Liveness must not use /status/ready: a database blip would fail it on every node and '
    + 'kubelet would restart the whole cluster. Both must target the status port.',
  fix: `Set readinessProbe httpGet ${READY} and livenessProbe httpGet ${LIVE} on the status port (KubernetesProbes does this).`,
  level: FindingLevel.ERROR,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP4_PROBES;
    const kong = analysisOf(config).kongWorkloads;
    if (kong.length === 0) return [notApplicable(rule, 'No Kong workload in the stack.')];
    const out: RuleFinding[] = [];
    for (const w of kong) {
      const where = describe(w.resource, w.container.name);
      if (w.opaque) {
        out.push(compliant(rule, w.resource, `${where} takes its probes from Helm values the checker cannot read (not checked).`));
        continue;
      }
      // Kong before 3.3 has no /status/ready (404): readiness must use /status there.
      const readyPath = kongOlderThan(w, 3, 3) ? LIVE : READY;
      const problems: RuleFinding[] = [];
      const status = statusPortsOf(w);
      const checkPort = (p: ProbeModel) => {
        if (p.httpPath === undefined) return;
        const port = resolvePort(w.container, p.httpPort);
        if (port === undefined && p.httpPort !== undefined && !/^\d+$/.test(p.httpPort) && !isReference(p.httpPort)) {
          problems.push(violation(rule, w.resource, `${where}: the ${p.kind} probe targets port '${p.httpPort}', which the container does not declare; kubelet fails the probe.`, {
            fix: 'Point the probe at the container port named `status` (declare it with the status listener\'s port).',
          }));
          return;
        }
        if (port !== undefined && status.numbers.length > 0 && !status.numbers.includes(port)) {
          problems.push(violation(rule, w.resource, `${where}: the ${p.kind} probe targets port ${p.httpPort}, not the status port (${status.numbers.join(', ')}).`));
        }
      };

      const readiness = w.container.probes.find((p) => p.kind === ProbeKind.READINESS);
      if (!readiness) {
        problems.push(violation(rule, w.resource, `${where} has no readiness probe: Kubernetes sends traffic before Kong has loaded its configuration.`));
      } else if (readiness.httpPath !== readyPath) {
        const why = readiness.httpPath === LIVE
          ? `${LIVE} answers 200 without configuration or database`
          : readiness.httpPath === READY ? `Kong ${w.version?.join('.')} has no ${READY} (added in 3.3), so the pod never becomes ready`
            : `it does not use ${readyPath}`;
        problems.push(violation(rule, w.resource, `${where}: the readiness probe is ${probeShape(readiness)}; ${why}.`, {
          fix: `Use readinessProbe httpGet ${readyPath} on the status port.`,
        }));
      } else {
        checkPort(readiness);
      }

      const liveness = w.container.probes.find((p) => p.kind === ProbeKind.LIVENESS);
      if (!liveness) {
        problems.push(violation(rule, w.resource, `${where} has no liveness probe: a hung Kong process is never restarted.`));
      } else if (liveness.httpPath === READY) {
        problems.push(violation(rule, w.resource,
          `${where}: the liveness probe uses ${READY}; a database or control plane blip fails it on every node and restarts the whole cluster.`,
          { fix: `Use livenessProbe httpGet ${LIVE}; keep ${READY} for readiness.` }));
      } else if (liveness.httpPath !== undefined && liveness.httpPath !== LIVE) {
        problems.push(violation(rule, w.resource, `${where}: the liveness probe is ${probeShape(liveness)}, not httpGet ${LIVE}.`, {
          fix: `Use livenessProbe httpGet ${LIVE} on the status port.`,
        }));
      } else if (liveness.httpPath === undefined) {
        // A command or TCP check can keep a hung node alive; `kong health` itself is KBP6's error.
        const kongHealth = liveness.exec !== undefined && runsKongHealthCli(liveness.exec);
        problems.push(violation(rule, w.resource, `${where}: the liveness probe is ${probeShape(liveness)}, not httpGet ${LIVE}${kongHealth ? ' (see KBP6)' : ''}.`, {
          level: FindingLevel.WARNING,
          fix: `Use livenessProbe httpGet ${LIVE} on the status port.`,
        }));
      } else {
        checkPort(liveness);
      }
      out.push(...(problems.length > 0 ? problems : [compliant(rule, w.resource, `${where} probes readiness on ${readyPath} and liveness on ${LIVE}.`)]));
    }
    return out;
  },
};
