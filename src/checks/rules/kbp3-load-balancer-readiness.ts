import { analysisOf } from '../internal/analysis';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { JsonObject, TfResource, TfStack, asObject, block, blocks, isObject, isReference, manifestOf, objectList, portNumber, stringMap, text } from '../internal/terraform-json';
import { KongWorkload, statusPortsOf } from '../internal/workloads';
import { FindingLevel } from '../types';

export const AWS_HEALTHCHECK_PATH = 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path';
export const AWS_HEALTHCHECK_PORT = 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port';
export const AZURE_PROBE_PATH = 'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path';
export const GKE_BACKEND_CONFIG = 'cloud.google.com/backend-config';
const READY = '/status/ready';

interface ServicePort {
  readonly port?: number;
  readonly target?: string;
}

interface ServiceModel {
  readonly resource: TfResource;
  readonly name: string;
  readonly namespace?: string;
  readonly type: string;
  readonly selector: { [key: string]: string };
  readonly annotations: { [key: string]: string };
  readonly ports: ServicePort[];
}

function servicesOf(stack: TfStack): ServiceModel[] {
  const out: ServiceModel[] = [];
  for (const r of stack.resources) {
    if (r.type === 'kubernetes_service_v1' || r.type === 'kubernetes_service') {
      const metadata = block(r.body.metadata);
      const spec = block(r.body.spec);
      out.push({
        resource: r,
        name: text(metadata?.name) ?? r.name,
        namespace: text(metadata?.namespace),
        type: text(spec?.type) ?? 'ClusterIP',
        selector: stringMap(spec?.selector),
        annotations: stringMap(metadata?.annotations),
        ports: blocks(spec?.port).map((p) => ({ port: portNumber(p.port), target: text(p.target_port) ?? text(p.port) })),
      });
      continue;
    }
    const m = manifestOf(r);
    if (m && m.apiVersion === 'v1' && m.kind === 'Service') {
      const metadata = asObject(m.manifest.metadata);
      const spec = asObject(m.manifest.spec);
      out.push({
        resource: r,
        name: text(metadata.name) ?? r.name,
        namespace: text(metadata.namespace),
        type: text(spec.type) ?? 'ClusterIP',
        selector: stringMap(spec.selector),
        annotations: stringMap(metadata.annotations),
        ports: objectList(spec.ports).map((p) => ({ port: portNumber(p.port), target: text(p.targetPort) ?? text(p.port) })),
      });
    }
  }
  return out;
}

function selects(service: ServiceModel, w: KongWorkload): boolean {
  const entries = Object.entries(service.selector);
  if (entries.length === 0) return false;
  if (service.namespace && w.namespace && service.namespace !== w.namespace) return false;
  return entries.every(([k, v]) => w.podLabels[k] === v);
}

/** The `requestPath` of the GKE BackendConfig a Service references, if the stack holds it. */
function backendConfigPath(stack: TfStack, service: ServiceModel, value: string): { found: boolean; name: string; path?: string } {
  let names: string[] = [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (isObject(parsed)) {
      if (typeof parsed.default === 'string') names.push(parsed.default);
      if (isObject(parsed.ports)) names.push(...Object.values(parsed.ports).filter((v): v is string => typeof v === 'string'));
    }
  } catch {
    names = [];
  }
  for (const name of names) {
    for (const r of stack.resources) {
      const m = manifestOf(r);
      if (!m || m.kind !== 'BackendConfig') continue;
      const metadata = asObject(m.manifest.metadata);
      const ns = text(metadata.namespace);
      if (text(metadata.name) !== name || (ns && service.namespace && ns !== service.namespace)) continue;
      const spec = asObject(m.manifest.spec);
      const health = asObject(spec.healthCheck);
      return { found: true, name, path: text(health.requestPath) };
    }
  }
  return { found: false, name: names.join(', ') || value };
}

/** KBP3: load balancers in front of Kong check `/status/ready`; the status port is never public. */
export const KBP3_LOAD_BALANCER_READINESS: RuleDefinition = {
  ruleId: 'KBP3',
  name: 'load-balancer-readiness',
  info: 'Load balancers in front of Kong health-check /status/ready, and never expose the status port.',
  explanation: 'A load balancer that checks only TCP or /status keeps sending traffic to nodes that have no configuration or '
    + 'lost their database. The status port serves /metrics and node internals and must stay inside the cluster.',
  fix: `Annotate LoadBalancer Services selecting Kong with the readiness check (AWS ${AWS_HEALTHCHECK_PATH}, Azure ${AZURE_PROBE_PATH}, `
    + `GKE ${GKE_BACKEND_CONFIG} with healthCheck.requestPath) set to ${READY} on the status port (LoadBalancerReadiness does this); `
    + 'keep the status port on a ClusterIP Service.',
  level: FindingLevel.ERROR,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP3_LOAD_BALANCER_READINESS;
    const analysis = analysisOf(config);
    const stack = analysis.stack;
    const kong = analysis.kongWorkloads;
    if (kong.length === 0) return [notApplicable(rule, 'No Kong workload in the stack.')];
    const out: RuleFinding[] = [];
    for (const service of servicesOf(stack)) {
      if (service.type !== 'LoadBalancer' && service.type !== 'NodePort') continue;
      const targets = kong.filter((w) => selects(service, w));
      if (targets.length === 0) continue;
      const problems: RuleFinding[] = [];
      const where = `${service.type} Service ${service.resource.address}`;

      for (const w of targets) {
        const status = statusPortsOf(w);
        const exposed = service.ports.filter((p) => {
          const n = portNumber(p.target);
          return n !== undefined ? status.numbers.includes(n) : p.target !== undefined && status.names.includes(p.target);
        });
        if (exposed.length > 0) {
          problems.push(violation(rule, service.resource,
            `${where} exposes the status port of ${w.resource.address} (${exposed.map((p) => p.target).join(', ')}) outside the cluster.`,
            { fix: 'Remove the status port from this Service; serve it on a ClusterIP Service reachable only from the monitoring namespace.' }));
        }
      }

      if (service.type === 'LoadBalancer') {
        const a = service.annotations;
        const statusNumbers = targets.flatMap((w) => statusPortsOf(w).numbers);
        const paths: { source: string; path?: string }[] = [];
        if (a[AWS_HEALTHCHECK_PATH] !== undefined) paths.push({ source: 'AWS', path: a[AWS_HEALTHCHECK_PATH] });
        if (a[AZURE_PROBE_PATH] !== undefined) paths.push({ source: 'Azure', path: a[AZURE_PROBE_PATH] });
        for (const [k, v] of Object.entries(a)) {
          if (/^service\.beta\.kubernetes\.io\/port_\d+_health-probe_request-path$/.test(k)) paths.push({ source: 'Azure', path: v });
        }
        if (a[GKE_BACKEND_CONFIG] !== undefined) {
          const bc = backendConfigPath(stack, service, a[GKE_BACKEND_CONFIG]);
          if (bc.found) {
            paths.push({ source: `GKE BackendConfig '${bc.name}'`, path: bc.path });
          } else {
            problems.push(violation(rule, service.resource, `${where} references BackendConfig '${bc.name}', which is not in this stack; its health check cannot be verified.`, {
              level: FindingLevel.WARNING,
              fix: `Define the BackendConfig in the same stack with spec.healthCheck.requestPath ${READY} on the status port.`,
            }));
          }
        }
        const awsPort = portNumber(a[AWS_HEALTHCHECK_PORT]);
        if (awsPort !== undefined && statusNumbers.length > 0 && !statusNumbers.includes(awsPort)) {
          problems.push(violation(rule, service.resource, `${where} health-checks port ${awsPort}, not the Kong status port (${statusNumbers.join(', ')}).`));
        }
        for (const p of paths) {
          if (p.path !== undefined && isReference(p.path)) continue;
          if (p.path !== READY) {
            problems.push(violation(rule, service.resource, `${where}: the ${p.source} health check uses '${p.path ?? '(none)'}', not ${READY}.`));
          }
        }
        if (paths.length === 0 && a[GKE_BACKEND_CONFIG] === undefined) {
          problems.push(violation(rule, service.resource,
            `${where} selects Kong pods but sets no load balancer health check on ${READY}; the load balancer's default check does not see readiness.`,
            { level: FindingLevel.WARNING }));
        }
      }
      out.push(...(problems.length > 0 ? problems : [compliant(rule, service.resource, `${where} health-checks ${READY} and keeps the status port private.`)]));
    }
    return out.length > 0 ? out : [notApplicable(rule, 'No LoadBalancer or NodePort Service selects the Kong pods.')];
  },
};
