/** Kubernetes Service types the constructs create. */
export enum KubernetesServiceType {
  /** Reachable inside the cluster only. The only type the status port may use. */
  CLUSTER_IP = 'ClusterIP',
  /** A port on every node. */
  NODE_PORT = 'NodePort',
  /** A cloud load balancer (and node ports behind it). */
  LOAD_BALANCER = 'LoadBalancer',
}

/** `spec.externalTrafficPolicy` of a LoadBalancer or NodePort Service. */
export enum ExternalTrafficPolicy {
  /**
   * Traffic stays on the node it reaches; nodes without a ready Kong pod fail the cloud load
   * balancer's node health check (kube-proxy's health check node port), client IPs are kept.
   */
  LOCAL = 'Local',
  /** Any node forwards to any ready pod: one more hop, client IPs replaced by node IPs. */
  CLUSTER = 'Cluster',
}
