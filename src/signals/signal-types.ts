/** How Datadog receives Kong's metrics for a gateway. */
export enum DatadogCollection {
  /**
   * The Datadog Agent's Kong integration scrapes the Prometheus plugin's `/metrics` on the
   * status port (`kong.http.requests.count`, `kong.datastore.reachable`, ...).
   */
  AGENT_INTEGRATION = 'agent-integration',
  /** Kong's own Datadog plugin sends DogStatsD metrics (`kong.request.count`, `kong.latency`, ...). */
  KONG_PLUGIN = 'kong-plugin',
}

/** The kind of Datadog monitor a signal renders to. */
export enum DatadogQueryKind {
  /** A metric (query alert) monitor. */
  METRIC = 'query alert',
  /** A service check monitor (consecutive statuses). */
  SERVICE_CHECK = 'service check',
}
