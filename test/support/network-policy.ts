// Kubernetes NetworkPolicy ingress semantics (kubernetes.io, "Network Policies"), on the
// kubernetes provider's JSON: a pod selected by any policy admits only what some ingress rule
// of some selecting policy admits. A rule without `ports` admits every port; a rule without
// `from` admits every source; `from` peers are alternatives; within one peer, a
// namespaceSelector and a podSelector both have to match; a podSelector alone means the
// policy's own namespace; an ipBlock matches source IPs in its CIDR outside its `except`.

/** Where a connection comes from: a pod (namespace and labels) or an address outside the cluster. */
export interface Source {
  readonly namespace?: string;
  readonly podLabels?: { [key: string]: string };
  readonly ip?: string;
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToNumber(base) / size) * size;
  const n = ipToNumber(ip);
  return n >= start && n < start + size;
}

function labelsMatch(selector: any, labels: { [key: string]: string }): boolean {
  const wanted = selector?.match_labels ?? {};
  return Object.entries(wanted).every(([k, v]) => labels[k] === v);
}

function peerMatches(peer: any, source: Source, policyNamespace: string): boolean {
  if (peer.ip_block) {
    const block = peer.ip_block;
    return source.ip !== undefined && inCidr(source.ip, block.cidr) && !(block.except ?? []).some((c: string) => inCidr(source.ip!, c));
  }
  if (source.namespace === undefined) return false;
  const namespaceLabels = { 'kubernetes.io/metadata.name': source.namespace };
  if (peer.namespace_selector && !labelsMatch(peer.namespace_selector, namespaceLabels)) return false;
  if (!peer.namespace_selector && source.namespace !== policyNamespace) return false;
  if (peer.pod_selector && !labelsMatch(peer.pod_selector, source.podLabels ?? {})) return false;
  return true;
}

/** True when the policies selecting a pod admit `source` on `port` (TCP). */
export function admits(policies: any[], source: Source, port: number): boolean {
  return policies.some((policy) => (policy.spec.ingress ?? []).some((rule: any) => {
    const portOk = !rule.ports || rule.ports.length === 0 || rule.ports.some((p: any) => Number(p.port) === port && (p.protocol ?? 'TCP') === 'TCP');
    const fromOk = !rule.from || rule.from.length === 0 || rule.from.some((peer: any) => peerMatches(peer, source, policy.metadata.namespace));
    return portOk && fromOk;
  }));
}

/** The NetworkPolicies of a synthesized stack that select pods with `podLabels` in `namespace`. */
export function policiesSelecting(json: any, namespace: string, podLabels: { [key: string]: string }): any[] {
  return (Object.values(json.resource?.kubernetes_network_policy_v1 ?? {}) as any[])
    .filter((p) => p.metadata.namespace === namespace && labelsMatch(p.spec.pod_selector, podLabels));
}
