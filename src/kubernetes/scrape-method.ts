/** How Prometheus finds the status port's `/metrics`. */
export enum PrometheusScrapeMethod {
  /**
   * A Prometheus Operator `PodMonitor` selecting the Kong pods. Its targets carry the
   * `namespace` and `pod` labels the signal catalog's PromQL selects on.
   */
  POD_MONITOR = 'PodMonitor',
  /** A Prometheus Operator `ServiceMonitor` on the status Service (targets also carry `namespace` and `pod`). */
  SERVICE_MONITOR = 'ServiceMonitor',
  /**
   * `prometheus.io/scrape|port|path` pod annotations, for a Prometheus whose kubernetes-pods
   * job relabels them; that job must map the pod's namespace and name to `namespace` and `pod`.
   */
  ANNOTATIONS = 'annotations',
  /** No scrape wiring. */
  NONE = 'none',
}
