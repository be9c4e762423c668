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
  /**
   * Scraped by configuration outside the library (your Prometheus' own job, a monitor created
   * elsewhere): the library creates nothing and trusts that the targets carry `namespace` and
   * `pod` labels.
   */
  EXTERNAL = 'external',
  /** No scrape wiring. */
  NONE = 'none',
}
