/**
 * The component that emits a signal's data. Each alert and dashboard query of the library
 * names its producer, so a stack can be checked for alerts without a live source.
 */
export enum TelemetryProducer {
  /**
   * Kong's node-level gauges on the status listener's `/metrics` (datastore, memory,
   * hybrid-mode gauges): printed whenever the bundled prometheus plugin is loaded, even
   * with no plugin instance enabled.
   */
  KONG_NODE_GAUGES = 'kong-node-gauges',
  /**
   * Kong's Prometheus plugin: request counters, latency histograms, upstream health and the
   * metrics library's own error counter, printed only while a plugin instance is enabled
   * (and, in Kong 3.x, only with the plugin flag that turns the group on).
   */
  KONG_PROMETHEUS_PLUGIN = 'kong-prometheus-plugin',
  /** Prometheus itself: the `up` series of each scrape target. */
  PROMETHEUS_SCRAPE = 'prometheus-scrape',
  /** kube-state-metrics: pod readiness and workload replicas. */
  KUBE_STATE_METRICS = 'kube-state-metrics',
  /** The Datadog Agent's HTTP check, one instance per pod from the library's autodiscovery annotations. */
  DATADOG_HTTP_CHECK = 'datadog-http-check',
  /** The Datadog Agent's Kong check, scraping the status listener's `/metrics` (autodiscovery annotations). */
  DATADOG_KONG_CHECK = 'datadog-kong-check',
  /** Kong's Datadog plugin, sending DogStatsD metrics to the node's Agent. */
  KONG_DATADOG_PLUGIN = 'kong-datadog-plugin',
  /** The Datadog Agent's Kubernetes state check (kube-state-metrics core). */
  DATADOG_KUBERNETES_STATE = 'datadog-kubernetes-state',
}

/** A Prometheus plugin flag that turns a metric group on (Kong 3.x; all default false). */
export enum PrometheusPluginFlag {
  /** `status_code_metrics`: `kong_http_requests_total`. */
  STATUS_CODE_METRICS = 'status_code_metrics',
  /** `latency_metrics`: the request, Kong and upstream latency histograms. */
  LATENCY_METRICS = 'latency_metrics',
  /** `bandwidth_metrics`: `kong_bandwidth_bytes`. */
  BANDWIDTH_METRICS = 'bandwidth_metrics',
  /** `upstream_health_metrics`: `kong_upstream_target_health`. */
  UPSTREAM_HEALTH_METRICS = 'upstream_health_metrics',
}

/** Where one signal's data comes from on one backend. */
export interface SignalSource {
  /** The component that emits it. */
  readonly producer: TelemetryProducer;
  /** The metric (or service check) names as the backend stores them. */
  readonly metrics: string[];
  /**
   * The Prometheus plugin flag that turns the metrics on.
   * @default - no flag needed
   */
  readonly pluginFlag?: PrometheusPluginFlag;
  /**
   * For a collector that reads another component (the Datadog Agent's Kong check scrapes
   * Kong's exporter): the component the data comes from.
   * @default - the producer itself
   */
  readonly origin?: TelemetryProducer;
  /**
   * Tags or labels the query filters on that the library's own wiring attaches (Datadog
   * check-instance tags, plugin tags); they exist only where that wiring is applied.
   * @default - none
   */
  readonly attachedTags?: string[];
}
