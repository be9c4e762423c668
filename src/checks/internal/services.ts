// Kubernetes Services and Ingresses in Terraform JSON, reduced to what KBP3 reads: the
// provider's resources (snake_case blocks) and `kubernetes_manifest` objects (camelCase).
import { TfResource, TfStack, asObject, block, blocks, manifestOf, objectList, portNumber, stringMap, text } from './terraform-json';

export interface ServicePortModel {
  readonly port?: number;
  /** The target port as written (number or container port name). */
  readonly target?: string;
}

export interface ServiceModel {
  readonly resource: TfResource;
  readonly name: string;
  readonly namespace?: string;
  readonly type: string;
  readonly selector: { [key: string]: string };
  readonly annotations: { [key: string]: string };
  readonly ports: ServicePortModel[];
  /** `spec.externalTrafficPolicy` as written (Kubernetes defaults it to `Cluster`). */
  readonly externalTrafficPolicy?: string;
  /** The workload this Service belongs to when it is not found by selector (a Helm release's own Service). */
  readonly workload?: TfResource;
  /** Its settings come from values the checker cannot read. */
  readonly opaque?: boolean;
}

export interface IngressBackend {
  readonly service: string;
  readonly port?: string;
}

export interface IngressModel {
  readonly resource: TfResource;
  readonly name: string;
  readonly namespace?: string;
  /** `spec.ingressClassName`, else the `kubernetes.io/ingress.class` annotation. */
  readonly className?: string;
  readonly annotations: { [key: string]: string };
  readonly backends: IngressBackend[];
}

const SERVICE_TYPES = ['kubernetes_service_v1', 'kubernetes_service'];
const INGRESS_TYPES = ['kubernetes_ingress_v1', 'kubernetes_ingress'];

/** Every Service in the stack. */
export function servicesOf(stack: TfStack): ServiceModel[] {
  const out: ServiceModel[] = [];
  for (const r of stack.resources) {
    if (SERVICE_TYPES.includes(r.type)) {
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
        externalTrafficPolicy: text(spec?.external_traffic_policy),
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
        externalTrafficPolicy: text(spec.externalTrafficPolicy),
      });
    }
  }
  return out;
}

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

function providerBackends(spec: ReturnType<typeof block>): IngressBackend[] {
  const out: IngressBackend[] = [];
  const add = (backend: ReturnType<typeof block>) => {
    if (!backend) return;
    const svc = block(backend.service);
    if (svc) {
      const port = block(svc.port);
      const name = text(svc.name);
      if (name) out.push({ service: name, port: text(port?.number) ?? text(port?.name) });
    } else if (text(backend.service_name)) {
      out.push({ service: text(backend.service_name)!, port: text(backend.service_port) });
    }
  };
  add(block(spec?.default_backend) ?? block(spec?.backend));
  for (const rule of blocks(spec?.rule)) {
    for (const path of blocks(block(rule.http)?.path)) add(block(path.backend));
  }
  return out;
}

function manifestBackends(spec: { [key: string]: unknown }): IngressBackend[] {
  const out: IngressBackend[] = [];
  const add = (backend: unknown) => {
    const svc = asObject(asObject(backend).service);
    const name = text(svc.name);
    const port = asObject(svc.port);
    if (name) out.push({ service: name, port: text(port.number) ?? text(port.name) });
  };
  if (spec.defaultBackend !== undefined) add(spec.defaultBackend);
  for (const rule of objectList(spec.rules)) {
    for (const path of objectList(asObject(rule.http).paths)) add(path.backend);
  }
  return out;
}

/** Every Ingress in the stack. */
export function ingressesOf(stack: TfStack): IngressModel[] {
  const out: IngressModel[] = [];
  for (const r of stack.resources) {
    if (INGRESS_TYPES.includes(r.type)) {
      const metadata = block(r.body.metadata);
      const spec = block(r.body.spec);
      const annotations = stringMap(metadata?.annotations);
      out.push({
        resource: r,
        name: text(metadata?.name) ?? r.name,
        namespace: text(metadata?.namespace),
        className: text(spec?.ingress_class_name) ?? annotations[CLASS_ANNOTATION],
        annotations,
        backends: providerBackends(spec),
      });
      continue;
    }
    const m = manifestOf(r);
    if (m && m.kind === 'Ingress' && m.apiVersion.startsWith('networking.k8s.io/')) {
      const metadata = asObject(m.manifest.metadata);
      const spec = asObject(m.manifest.spec);
      const annotations = stringMap(metadata.annotations);
      out.push({
        resource: r,
        name: text(metadata.name) ?? r.name,
        namespace: text(metadata.namespace),
        className: text(spec.ingressClassName) ?? annotations[CLASS_ANNOTATION],
        annotations,
        backends: manifestBackends(spec),
      });
    }
  }
  return out;
}
