import { KONG_STATUS_READY_PATH } from '../../gateway/kong-facts';
import { analysisOf } from '../internal/analysis';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { IngressModel, ServiceModel } from '../internal/services';
import { JsonObject, TfResource, TfStack, asObject, isObject, isReference, manifestOf, portNumber, text } from '../internal/terraform-json';
import { KongWorkload, statusPortsOf } from '../internal/workloads';
import { FindingLevel } from '../types';

const AWS = 'service.beta.kubernetes.io/aws-load-balancer';
export const AWS_HEALTHCHECK_PATH = `${AWS}-healthcheck-path`;
export const AWS_HEALTHCHECK_PORT = `${AWS}-healthcheck-port`;
export const AWS_HEALTHCHECK_PROTOCOL = `${AWS}-healthcheck-protocol`;
const AWS_NLB_TARGET_TYPE = `${AWS}-nlb-target-type`;
export const AZURE_PROBE_PATH = 'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path';
const AZURE_PROBE_PROTOCOL = 'service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol';
const AZURE_PORT_ANNOTATION = /^service\.beta\.kubernetes\.io\/port_(\d+)_health-probe_(request-path|protocol)$/;
export const GKE_BACKEND_CONFIG = 'cloud.google.com/backend-config';
const ALB = 'alb.ingress.kubernetes.io';
const READY = KONG_STATUS_READY_PATH;

/** Ingress classes whose load balancer health-checks the backends itself; every other controller sends only to ready endpoints. */
const ALB_CLASSES = ['alb'];
const GCE_CLASSES = ['gce', 'gce-internal', 'gce-regional-external'];

/** The status ports of the Kong workloads a Service or Ingress reaches. */
interface StatusPorts {
  readonly numbers: number[];
  readonly names: string[];
}

function statusPorts(targets: KongWorkload[]): StatusPorts {
  const all = targets.map(statusPortsOf);
  return { numbers: [...new Set(all.flatMap((s) => s.numbers))], names: [...new Set(all.flatMap((s) => s.names))] };
}

function isStatusPort(port: string, status: StatusPorts): boolean {
  const n = portNumber(port);
  return n !== undefined ? status.numbers.includes(n) : status.names.includes(port);
}

function selects(service: ServiceModel, w: KongWorkload): boolean {
  if (service.workload) return service.workload === w.resource;
  const entries = Object.entries(service.selector);
  if (entries.length === 0) return false;
  if (service.namespace && w.namespace && service.namespace !== w.namespace) return false;
  return entries.every(([k, v]) => w.podLabels[k] === v);
}

/** The GKE BackendConfig a `cloud.google.com/backend-config` annotation names, if the stack holds it. */
function backendConfig(stack: TfStack, namespace: string | undefined, value: string): { found: boolean; name: string; path?: string; port?: string } {
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
      if (text(metadata.name) !== name || (ns && namespace && ns !== namespace)) continue;
      const health = asObject(asObject(m.manifest.spec).healthCheck);
      return { found: true, name, path: text(health.requestPath), port: text(health.port) };
    }
  }
  return { found: false, name: names.join(', ') || value };
}

/** One health check a load balancer is told to run, as far as its annotations say. */
interface HealthCheck {
  readonly source: string;
  readonly path?: string;
  /** `tcp`, `http`, `https`... as written, lower-cased. */
  readonly protocol?: string;
  /** A port number or name, or `traffic-port`. */
  readonly port?: string;
  /** What the load balancer checks when no port is given. */
  readonly defaultPortMeaning?: string;
}

/** Problems of one health check against Kong's readiness contract: HTTP(S), /status/ready, on the status port. */
function checkProblems(check: HealthCheck, status: StatusPorts): string[] {
  const problems: string[] = [];
  if (check.protocol !== undefined && !['http', 'https', 'http2'].includes(check.protocol)) {
    problems.push(`the ${check.source} health check uses ${check.protocol.toUpperCase()}, which ignores any path: it sees an open port, not readiness`);
  }
  if (check.path === undefined || (!isReference(check.path) && check.path !== READY)) {
    problems.push(`the ${check.source} health check uses '${check.path ?? '(none)'}', not ${READY}`);
  }
  if (check.port === undefined || check.port.toLowerCase() === 'traffic-port') {
    if (check.defaultPortMeaning) problems.push(`the ${check.source} health check runs on ${check.defaultPortMeaning}, where Kong's proxy answers ${READY} with 404 (no route), not on the status port`);
  } else if (!isReference(check.port) && status.numbers.length > 0 && !isStatusPort(check.port, status)) {
    problems.push(`the ${check.source} health check runs on port ${check.port}, not the Kong status port (${status.numbers.join(', ')})`);
  }
  return problems;
}

/**
 * Whether the load balancer checks nodes through kube-proxy's `healthCheckNodePort`, which
 * answers healthy only on nodes with a ready local endpoint (kubernetes-lb-facts #2): a
 * `externalTrafficPolicy: Local` Service whose load balancer targets nodes (GKE L4, Azure,
 * AWS instance targets). NLB IP targets are pods, checked directly (#3).
 */
function checksNodesThroughReadiness(service: ServiceModel): boolean {
  return service.externalTrafficPolicy === 'Local' && service.annotations[AWS_NLB_TARGET_TYPE]?.toLowerCase() !== 'ip';
}

/** The health checks a LoadBalancer Service's annotations configure, per cloud. */
function serviceHealthChecks(service: ServiceModel, stack: TfStack, problems: (message: string, level?: FindingLevel, fix?: string) => void): HealthCheck[] {
  const a = service.annotations;
  const checks: HealthCheck[] = [];
  const nodeProbe = checksNodesThroughReadiness(service);
  const aws = Object.keys(a).some((k) => k.startsWith(`${AWS}-`));
  if (aws && (a[AWS_HEALTHCHECK_PATH] !== undefined || a[AWS_HEALTHCHECK_PROTOCOL] !== undefined || a[AWS_HEALTHCHECK_PORT] !== undefined)) {
    // NLB target groups check TCP on the traffic port unless told otherwise (AWS ELB CreateTargetGroup).
    checks.push({
      source: 'AWS',
      path: a[AWS_HEALTHCHECK_PATH],
      protocol: (a[AWS_HEALTHCHECK_PROTOCOL] ?? 'tcp').toLowerCase(),
      port: a[AWS_HEALTHCHECK_PORT],
      defaultPortMeaning: 'the traffic (proxy) port',
    });
  }
  const azurePorts = new Map<string, { path?: string; protocol?: string }>();
  for (const [k, v] of Object.entries(a)) {
    const m = AZURE_PORT_ANNOTATION.exec(k);
    if (!m) continue;
    const entry = azurePorts.get(m[1]) ?? {};
    azurePorts.set(m[1], m[2] === 'protocol' ? { ...entry, protocol: v.toLowerCase() } : { ...entry, path: v });
  }
  // Ports an annotation names that the Service does not have configure nothing (#5).
  const servicePorts = new Set(service.ports.map((p) => String(p.port)));
  for (const port of azurePorts.keys()) {
    if (!servicePorts.has(port)) {
      problems(`annotates Azure health probe settings for port ${port}, which is not a port of this Service (${[...servicePorts].join(', ') || 'none'}); they configure nothing`, FindingLevel.WARNING,
        'Name a Service port in service.beta.kubernetes.io/port_<port>_health-probe_* annotations, or remove them.');
      azurePorts.delete(port);
    }
  }
  // With externalTrafficPolicy Local, cloud-provider-azure probes the health check node port
  // and lets that pod-presence probe take precedence over any annotated protocol or path
  // (cloud-provider-azure getExpectedLBRules): the annotations are not the check.
  if (nodeProbe) {
    // nothing to judge: the node probe follows readiness
  } else if (a[AZURE_PROBE_PATH] !== undefined || azurePorts.size > 0) {
    const globalPath = a[AZURE_PROBE_PATH];
    const globalProtocol = a[AZURE_PROBE_PROTOCOL]?.toLowerCase();
    const ports = azurePorts.size > 0 ? [...azurePorts.entries()] : [['*', {}] as [string, { path?: string; protocol?: string }]];
    for (const [port, entry] of ports) {
      // The request path applies to HTTP(S) probes; an explicit TCP probe ignores it.
      checks.push({ source: port === '*' ? 'Azure' : `Azure (port ${port})`, path: entry.path ?? globalPath, protocol: entry.protocol ?? globalProtocol });
    }
  }
  if (a[GKE_BACKEND_CONFIG] !== undefined) {
    // A BackendConfig configures GKE Ingress (NEG) backends; the pass-through L4 load balancer
    // of a LoadBalancer Service ignores it (kubernetes-lb-facts #4).
    const bc = backendConfig(stack, service.namespace, a[GKE_BACKEND_CONFIG]);
    problems(`references BackendConfig '${bc.name}', which a LoadBalancer Service's L4 load balancer ignores (BackendConfig configures GKE Ingress backends)`
      + (nodeProbe ? '; its node check already follows readiness through externalTrafficPolicy Local' : `, so nothing checks ${READY}`), FindingLevel.WARNING,
    nodeProbe
      ? 'Remove the annotation.'
      : `Set externalTrafficPolicy: Local (the L4 load balancer then checks each node's ready Kong pods), or put a ClusterIP Service behind a GKE Ingress with the BackendConfig on ${READY}.`);
  }
  return checks;
}

function albCheck(ingress: IngressModel, service: ServiceModel): HealthCheck {
  // The Service's annotations override the Ingress's; the ALB checks HTTP / on the traffic port by default.
  const get = (name: string) => service.annotations[`${ALB}/${name}`] ?? ingress.annotations[`${ALB}/${name}`];
  return {
    source: 'ALB',
    path: get('healthcheck-path') ?? '/',
    protocol: (get('healthcheck-protocol') ?? 'http').toLowerCase(),
    port: get('healthcheck-port'),
    defaultPortMeaning: 'the traffic (proxy) port',
  };
}

function ingressClass(ingress: IngressModel): string {
  const cls = (ingress.className ?? '').toLowerCase();
  if (cls === '' && Object.keys(ingress.annotations).some((k) => k.startsWith(`${ALB}/`))) return 'alb';
  return cls;
}

/** KBP3: load balancers in front of Kong check `/status/ready`; the status port is never public. */
export const KBP3_LOAD_BALANCER_READINESS: RuleDefinition = {
  ruleId: 'KBP3',
  name: 'load-balancer-readiness',
  info: 'Load balancers in front of Kong health-check /status/ready, and never expose the status port.',
  explanation: 'A load balancer that checks only TCP, /status, or the proxy port keeps sending traffic to nodes that have no '
    + 'configuration or lost their database (or marks every node down and fails open). The check must be HTTP on /status/ready '
    + 'at the status port, for LoadBalancer Services and for Ingress load balancers that check backends themselves (ALB, GKE). '
    + 'The status port serves /metrics and node internals and must stay inside the cluster.',
  fix: `Annotate LoadBalancer Services selecting Kong with the readiness check (AWS ${AWS_HEALTHCHECK_PATH} with protocol HTTP and `
    + `the status port, Azure ${AZURE_PROBE_PATH}, GKE ${GKE_BACKEND_CONFIG} with healthCheck.requestPath) set to ${READY} on the `
    + 'status port (LoadBalancerReadiness does this); give ALB and GKE Ingresses the same check; keep the status port on a ClusterIP Service.',
  level: FindingLevel.ERROR,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP3_LOAD_BALANCER_READINESS;
    const analysis = analysisOf(config);
    const stack = analysis.stack;
    const kong = analysis.kongWorkloads;
    if (kong.length === 0) return [notApplicable(rule, 'No Kong workload in the stack.')];
    const out: RuleFinding[] = [];
    const report = (subject: TfResource, where: string, problems: string[], warnings: Array<{ message: string; fix?: string }>, ok: string) => {
      for (const p of problems) out.push(violation(rule, subject, `${where}: ${p}.`));
      for (const w of warnings) out.push(violation(rule, subject, `${where} ${w.message}.`, { level: FindingLevel.WARNING, ...(w.fix ? { fix: w.fix } : {}) }));
      if (problems.length === 0 && warnings.length === 0) out.push(compliant(rule, subject, `${where} ${ok}`));
    };

    for (const service of analysis.services) {
      if (service.type !== 'LoadBalancer' && service.type !== 'NodePort') continue;
      const targets = kong.filter((w) => selects(service, w));
      if (targets.length === 0) continue;
      const where = `${service.type} Service ${service.name === service.resource.name ? service.resource.address : `${service.resource.address} ('${service.name}')`}`;
      if (service.opaque) {
        out.push(compliant(rule, service.resource, `${where} takes its settings from Helm values the checker cannot read (not checked).`));
        continue;
      }
      const problems: string[] = [];
      const warnings: Array<{ message: string; fix?: string }> = [];
      for (const w of targets) {
        const status = statusPortsOf(w);
        const exposed = service.ports.filter((p) => p.target !== undefined && isStatusPort(p.target, status));
        if (exposed.length > 0) problems.push(`exposes the status port of ${w.resource.address} (${exposed.map((p) => p.target).join(', ')}) outside the cluster`);
      }
      if (service.type === 'LoadBalancer') {
        const checks = serviceHealthChecks(service, stack, (message, _level, fix) => warnings.push({ message, fix }));
        const status = statusPorts(targets);
        for (const c of checks) problems.push(...checkProblems(c, status));
        if (checks.length === 0 && !checksNodesThroughReadiness(service)) {
          warnings.push({
            message: `selects Kong pods but sets no load balancer health check on ${READY}; the load balancer's default check does not see readiness`,
            fix: `Annotate the Service with the cloud's health check on ${READY} at the status port, or, for a load balancer that targets nodes (GKE L4, Azure), set externalTrafficPolicy: Local.`,
          });
        }
      }
      const ok = service.type === 'LoadBalancer' && checksNodesThroughReadiness(service)
        ? 'checks nodes through externalTrafficPolicy Local (kube-proxy\'s health check node port answers only on nodes with a ready Kong pod) and keeps the status port private.'
        : `health-checks ${READY} on the status port and keeps the status port private.`;
      report(service.resource, where, problems, warnings, ok);
    }

    for (const ingress of analysis.ingresses) {
      const backends = analysis.services.filter((s) => ingress.backends.some((b) => b.service === s.name)
        && (!ingress.namespace || !s.namespace || ingress.namespace === s.namespace));
      const reached = backends.map((s) => ({ service: s, targets: kong.filter((w) => selects(s, w)) })).filter((b) => b.targets.length > 0);
      if (reached.length === 0) continue;
      const cls = ingressClass(ingress);
      const where = `Ingress ${ingress.resource.address}${cls ? ` (class ${cls})` : ''}`;
      const problems: string[] = [];
      const warnings: Array<{ message: string; fix?: string }> = [];
      if (ALB_CLASSES.includes(cls)) {
        for (const { service, targets } of reached) problems.push(...checkProblems(albCheck(ingress, service), statusPorts(targets)));
      } else if (GCE_CLASSES.includes(cls)) {
        for (const { service, targets } of reached) {
          const value = service.annotations[GKE_BACKEND_CONFIG];
          if (value === undefined) {
            problems.push(`Service ${service.resource.address} has no BackendConfig, so the GKE load balancer checks / on the serving (proxy) port, not ${READY} on the status port`);
            continue;
          }
          const bc = backendConfig(stack, service.namespace, value);
          if (!bc.found) {
            warnings.push({ message: `uses BackendConfig '${bc.name}', which is not in this stack; its health check cannot be verified`, fix: `Define the BackendConfig in the same stack with spec.healthCheck.requestPath ${READY} on the status port.` });
          } else {
            problems.push(...checkProblems({ source: `GKE BackendConfig '${bc.name}'`, path: bc.path, port: bc.port, defaultPortMeaning: 'the serving (proxy) port' }, statusPorts(targets)));
          }
        }
      } else {
        out.push(compliant(rule, ingress.resource, `${where} sends traffic through the Service's endpoints, which follow the pods' readiness.`));
        continue;
      }
      report(ingress.resource, where, problems, warnings, `health-checks ${READY} on the status port.`);
    }
    return out.length > 0 ? out : [notApplicable(rule, 'No LoadBalancer or NodePort Service, or load-balancing Ingress, reaches the Kong pods.')];
  },
};
