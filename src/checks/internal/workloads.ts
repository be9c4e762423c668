// Kubernetes workloads in Terraform JSON, reduced to what the rules read. Two spellings
// reach the same model: the kubernetes provider's resources (snake_case, blocks) and
// `kubernetes_manifest` (the Kubernetes API's camelCase object).
import {
  JsonObject,
  TfResource,
  TfStack,
  asObject,
  block,
  blocks,
  isObject,
  isReference,
  manifestOf,
  objectList,
  portNumber,
  stringMap,
  text,
  texts,
} from './terraform-json';

export enum ProbeKind {
  READINESS = 'readiness',
  LIVENESS = 'liveness',
  STARTUP = 'startup',
}

export interface ProbeModel {
  readonly kind: ProbeKind;
  /** `httpGet.path`, when the probe is an HTTP GET. */
  readonly httpPath?: string;
  /** `httpGet.port` as written (number or port name). */
  readonly httpPort?: string;
  /** `exec.command`, when the probe runs a command. */
  readonly exec?: string[];
  /** `tcpSocket` or `grpc`. */
  readonly other?: string;
}

export interface EnvModel {
  readonly name: string;
  /** The literal value; undefined when it comes from `valueFrom`. */
  readonly value?: string;
  readonly fromSource: boolean;
}

export interface PortModel {
  readonly name?: string;
  readonly containerPort?: number;
}

export interface ContainerModel {
  readonly name: string;
  readonly image?: string;
  readonly env: EnvModel[];
  readonly hasEnvFrom: boolean;
  readonly ports: PortModel[];
  readonly probes: ProbeModel[];
}

export interface WorkloadModel {
  readonly resource: TfResource;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly labels: { [key: string]: string };
  readonly podLabels: { [key: string]: string };
  /** Pod template annotations (Datadog autodiscovery, prometheus.io scrape). */
  readonly podAnnotations: { [key: string]: string };
  readonly containers: ContainerModel[];
  /** Some settings come from values the checker cannot read (a Helm release's `${file(...)}` values). */
  readonly opaque?: boolean;
}

export interface KongWorkload extends WorkloadModel {
  readonly container: ContainerModel;
  /** `kong_gateway` label, else `app.kubernetes.io/instance`, else the workload name. */
  readonly gateway: string;
  /** Kong major.minor from the image tag, when the tag says. */
  readonly version?: [number, number];
}

export const PROVIDER_WORKLOADS: { [type: string]: string } = {
  kubernetes_deployment_v1: 'Deployment',
  kubernetes_deployment: 'Deployment',
  kubernetes_daemonset_v1: 'DaemonSet',
  kubernetes_daemon_set_v1: 'DaemonSet',
  kubernetes_daemonset: 'DaemonSet',
  kubernetes_stateful_set_v1: 'StatefulSet',
  kubernetes_stateful_set: 'StatefulSet',
  kubernetes_pod_v1: 'Pod',
  kubernetes_pod: 'Pod',
};
export const MANIFEST_WORKLOADS = ['Deployment', 'DaemonSet', 'StatefulSet'];

/** Image repositories (last path segment) of Kong Gateway itself, not its ingress controller. */
const KONG_IMAGE_NAMES = ['kong', 'kong-gateway'];

/** Splits `registry/path/name:tag@digest` into name and tag. */
export function parseImage(image: string): { repository: string; name: string; tag?: string } {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const repository = hasTag ? noDigest.slice(0, colon) : noDigest;
  return { repository, name: repository.slice(repository.lastIndexOf('/') + 1), tag: hasTag ? noDigest.slice(colon + 1) : undefined };
}

export function isKongImage(image: string | undefined): boolean {
  if (!image || isReference(image)) return false;
  return KONG_IMAGE_NAMES.includes(parseImage(image).name.toLowerCase());
}

function kongVersion(image: string | undefined): [number, number] | undefined {
  if (!image) return undefined;
  const match = /^(\d+)\.(\d+)/.exec(parseImage(image).tag ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function hasKongLabels(labels: { [key: string]: string }): boolean {
  return labels.kong_gateway !== undefined
    || ['kong', 'kong-gateway'].includes(labels['app.kubernetes.io/name'] ?? '')
    || labels.app === 'kong';
}

function providerProbe(kind: ProbeKind, value: unknown): ProbeModel | undefined {
  const probe = block(value);
  if (!probe) return undefined;
  const http = block(probe.http_get);
  const exec = block(probe.exec);
  return {
    kind,
    httpPath: http ? text(http.path) ?? '/' : undefined,
    httpPort: http ? text(http.port) : undefined,
    exec: exec ? texts(exec.command) : undefined,
    other: block(probe.tcp_socket) ? 'tcpSocket' : block(probe.grpc) ? 'grpc' : undefined,
  };
}

export function manifestProbe(kind: ProbeKind, value: unknown): ProbeModel | undefined {
  if (!isObject(value)) return undefined;
  const http = isObject(value.httpGet) ? value.httpGet : undefined;
  const exec = isObject(value.exec) ? value.exec : undefined;
  return {
    kind,
    httpPath: http ? text(http.path) ?? '/' : undefined,
    httpPort: http ? text(http.port) : undefined,
    exec: exec ? texts(exec.command) : undefined,
    other: isObject(value.tcpSocket) ? 'tcpSocket' : isObject(value.grpc) ? 'grpc' : undefined,
  };
}

function providerContainer(c: JsonObject): ContainerModel {
  return {
    name: text(c.name) ?? '',
    image: text(c.image),
    env: blocks(c.env).map((e) => ({ name: text(e.name) ?? '', value: text(e.value), fromSource: block(e.value_from) !== undefined })),
    hasEnvFrom: blocks(c.env_from).length > 0,
    ports: blocks(c.port).map((p) => ({ name: text(p.name), containerPort: portNumber(p.container_port) })),
    probes: [
      providerProbe(ProbeKind.READINESS, c.readiness_probe),
      providerProbe(ProbeKind.LIVENESS, c.liveness_probe),
      providerProbe(ProbeKind.STARTUP, c.startup_probe),
    ].filter((p): p is ProbeModel => p !== undefined),
  };
}

function manifestContainer(c: JsonObject): ContainerModel {
  return {
    name: text(c.name) ?? '',
    image: text(c.image),
    env: objectList(c.env).map((e) => ({ name: text(e.name) ?? '', value: text(e.value), fromSource: isObject(e.valueFrom) })),
    hasEnvFrom: objectList(c.envFrom).length > 0,
    ports: objectList(c.ports).map((p) => ({ name: text(p.name), containerPort: portNumber(p.containerPort) })),
    probes: [
      manifestProbe(ProbeKind.READINESS, c.readinessProbe),
      manifestProbe(ProbeKind.LIVENESS, c.livenessProbe),
      manifestProbe(ProbeKind.STARTUP, c.startupProbe),
    ].filter((p): p is ProbeModel => p !== undefined),
  };
}

function fromProvider(resource: TfResource, kind: string): WorkloadModel {
  const metadata = block(resource.body.metadata);
  const spec = block(resource.body.spec);
  // A Pod's spec is the pod spec; controllers nest it under spec.template.
  const template = kind === 'Pod' ? undefined : block(spec?.template);
  const podSpec = kind === 'Pod' ? spec : block(template?.spec);
  const labels = stringMap(metadata?.labels);
  return {
    resource,
    kind,
    name: text(metadata?.name) ?? resource.name,
    namespace: text(metadata?.namespace),
    labels,
    podLabels: kind === 'Pod' ? labels : stringMap(block(template?.metadata)?.labels),
    podAnnotations: stringMap(kind === 'Pod' ? metadata?.annotations : block(template?.metadata)?.annotations),
    containers: blocks(podSpec?.container).map(providerContainer),
  };
}

function fromManifest(resource: TfResource, kind: string, manifest: JsonObject): WorkloadModel {
  const metadata = asObject(manifest.metadata);
  const spec = asObject(manifest.spec);
  const template = asObject(spec.template);
  const templateMeta = asObject(template.metadata);
  const podSpec = asObject(template.spec);
  return {
    resource,
    kind,
    name: text(metadata.name) ?? resource.name,
    namespace: text(metadata.namespace),
    labels: stringMap(metadata.labels),
    podLabels: stringMap(templateMeta.labels),
    podAnnotations: stringMap(templateMeta.annotations),
    containers: objectList(podSpec.containers).map(manifestContainer),
  };
}

/** Every workload (Deployment, DaemonSet, StatefulSet, Pod) in the stack. */
export function workloadsOf(stack: TfStack): WorkloadModel[] {
  const out: WorkloadModel[] = [];
  for (const resource of stack.resources) {
    const providerKind = PROVIDER_WORKLOADS[resource.type];
    if (providerKind) {
      out.push(fromProvider(resource, providerKind));
      continue;
    }
    const m = manifestOf(resource);
    if (m && m.apiVersion === 'apps/v1' && MANIFEST_WORKLOADS.includes(m.kind)) {
      out.push(fromManifest(resource, m.kind, m.manifest));
    }
  }
  return out;
}

/** The Kong container of a workload, when the workload runs Kong Gateway. */
function kongContainer(w: WorkloadModel): ContainerModel | undefined {
  const byImage = w.containers.find((c) => isKongImage(c.image));
  if (byImage) return byImage;
  if (!hasKongLabels(w.labels) && !hasKongLabels(w.podLabels)) return undefined;
  return w.containers.find((c) => c.name === 'proxy' || c.name === 'kong')
    ?? w.containers.find((c) => c.env.some((e) => e.name.startsWith('KONG_')))
    ?? (w.containers.length === 1 ? w.containers[0] : undefined);
}

/** Workloads that run Kong Gateway (found by image, or by labels), with their Kong container. */
export function kongWorkloadsIn(workloads: WorkloadModel[]): KongWorkload[] {
  const out: KongWorkload[] = [];
  for (const w of workloads) {
    const container = kongContainer(w);
    if (!container) continue;
    const gateway = w.podLabels.kong_gateway ?? w.labels.kong_gateway
      ?? w.podLabels['app.kubernetes.io/instance'] ?? w.labels['app.kubernetes.io/instance'] ?? w.name;
    out.push({ ...w, container, gateway, version: kongVersion(container.image) });
  }
  return out;
}

/** True when the image tag names a Kong version older than `major.minor`; an unknown version is not older. */
export function kongOlderThan(w: KongWorkload, major: number, minor: number): boolean {
  return w.version !== undefined && (w.version[0] < major || (w.version[0] === major && w.version[1] < minor));
}

/** An env var as the container sees it: the last entry of that name wins, as in Kubernetes. */
export function envVar(c: ContainerModel, name: string): EnvModel | undefined {
  for (let i = c.env.length - 1; i >= 0; i--) if (c.env[i].name === name) return c.env[i];
  return undefined;
}

/** `KONG_STATUS_LISTEN` as the container sets it. */
export function statusListenEnv(c: ContainerModel): EnvModel | undefined {
  return envVar(c, 'KONG_STATUS_LISTEN');
}

export interface ListenEntry {
  readonly host: string;
  readonly port?: number;
  readonly loopback: boolean;
}

/** Parses a `status_listen` value: comma-separated `ADDRESS:PORT [flags]` entries. */
export function parseListen(value: string): ListenEntry[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map((entry) => {
    const address = entry.split(/\s+/)[0];
    const colon = address.lastIndexOf(':');
    const host = (colon > 0 && !address.endsWith(']') ? address.slice(0, colon) : address).toLowerCase();
    const port = colon > 0 && !address.endsWith(']') ? portNumber(address.slice(colon + 1)) : undefined;
    const loopback = host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
    return { host, port, loopback };
  });
}

/** Container port names Kong's Helm chart (and this library) give the status listener. */
export const STATUS_PORT_NAMES = ['status', 'status-tls'];

/**
 * The ports a Kong container serves its Status API on, by number and by name. Where
 * KONG_STATUS_LISTEN is a literal, it decides (Kong listens where it says, whatever a port
 * is named); otherwise the container ports named `status` stand in for it.
 */
export function statusPortsOf(w: KongWorkload): { numbers: number[]; names: string[] } {
  const numbers = new Set<number>();
  const env = statusListenEnv(w.container);
  if (env?.value !== undefined && !isReference(env.value)) {
    for (const entry of parseListen(env.value)) if (!entry.loopback && entry.port !== undefined) numbers.add(entry.port);
  } else {
    for (const p of w.container.ports) if (p.name && STATUS_PORT_NAMES.includes(p.name) && p.containerPort !== undefined) numbers.add(p.containerPort);
  }
  const names = w.container.ports.filter((p) => p.name && p.containerPort !== undefined && numbers.has(p.containerPort)).map((p) => p.name!);
  return { numbers: [...numbers], names };
}

/** A probe port (number or name) resolved to a number through the container's named ports. */
export function resolvePort(c: ContainerModel, port: string | undefined): number | undefined {
  if (port === undefined) return undefined;
  const n = portNumber(port);
  if (n !== undefined) return n;
  return c.ports.find((p) => p.name === port)?.containerPort;
}
