// The words a gateway's declaration and the signal catalog share: which signal, how urgent,
// what it is about, which side of a threshold is bad, what no data means. They sit below the
// catalog so a gateway can name signals (overrides, custom signals) without importing it.
/** Identifies a health signal of the catalog. Values are stable: they appear in IDs and names. */
export enum SignalId {
  /** A node answers 200 on `/status/ready` (Kubernetes readiness, per node). */
  NODE_READY = 'node-ready',
  /** A node's metrics endpoint (status port `/metrics`) is scraped successfully. */
  NODE_METRICS_UP = 'node-metrics-up',
  /** A node reaches its database (traditional mode and hybrid control plane). */
  DATASTORE_REACHABLE = 'datastore-reachable',
  /** A hybrid data plane is connected to its control plane (readiness stays 200 without it). */
  CONTROL_PLANE_CONNECTED = 'control-plane-connected',
  /** A hybrid data plane's cluster certificate is close to expiry (every data plane disconnects when it expires). */
  DATA_PLANE_CERT_EXPIRY = 'data-plane-cert-expiry',
  /** The control plane has heard recently from as many data planes as expected. */
  DATA_PLANES_SEEN_BELOW_EXPECTED = 'data-planes-seen-below-expected',
  /** All recently seen data planes run the same configuration (one configuration hash). */
  DATA_PLANE_CONFIG_DRIFT = 'data-plane-config-drift',
  /** Each recently seen data plane's version and plugins are compatible with the control plane. */
  DATA_PLANE_VERSION_COMPATIBLE = 'data-plane-version-compatible',
  /** Share of the expected nodes that are ready. */
  READY_NODES_BELOW_EXPECTED = 'ready-nodes-below-expected',
  /** Share of proxied requests answered with a 5xx status. */
  ERROR_RATIO_5XX = 'error-ratio-5xx',
  /** 99th percentile of total request latency (Kong plus upstream). */
  REQUEST_LATENCY_P99 = 'request-latency-p99',
  /** 99th percentile of the latency Kong itself adds. */
  KONG_LATENCY_P99 = 'kong-latency-p99',
  /** Upstream targets that Kong's health checker marks unhealthy or cannot resolve. */
  UPSTREAM_TARGET_UNHEALTHY = 'upstream-target-unhealthy',
  /** Use of a node's Lua shared dictionaries (share of capacity). */
  SHARED_DICT_MEMORY = 'shared-dict-memory',
  /** Errors inside Kong's metrics library (for example its shared dictionary is full). */
  METRIC_ERRORS = 'metric-errors',
}

/** What a signal is about; per-node signals alert once per node. */
export enum SignalScope {
  /** One value per Kong node. */
  NODE = 'node',
  /** One value for the gateway as a whole. */
  CLUSTER = 'cluster',
  /** Request traffic through the gateway. */
  TRAFFIC = 'traffic',
  /** Upstream services behind the gateway. */
  UPSTREAM = 'upstream',
  /** Resources inside a node (memory, internal errors). */
  RESOURCE = 'resource',
}

/**
 * How urgent an alert is; decides where its notification goes. Alerts carry it as their one
 * routing label, `severity`: the critical threshold of a critical signal is `critical`, its
 * warning threshold `warning`; the critical threshold of a warning signal is `warning`, its
 * warning threshold `info`.
 */
export enum Severity {
  /** Page someone now. */
  CRITICAL = 'critical',
  /** Look at it in working hours. */
  WARNING = 'warning',
  /** A heads-up (the lower threshold of a warning signal): routed with warnings, never paged. */
  INFO = 'info',
}

/** What an alert rule does when its whole query returns no series. */
export enum NoDataPolicy {
  /**
   * Alert: the series exist whenever the gateway and its monitoring exist, so no data means
   * every node is gone or the pipeline that watches them is broken.
   */
  ALERT = 'alert',
  /**
   * Report it apart from the condition (Grafana's NoData state): the data stops when its
   * collection stops, which the metrics-endpoint signal already alerts on per node.
   */
  REPORT = 'report',
  /** Treat as healthy: no data is normal (no traffic, an optional metric group). */
  OK = 'ok',
}

/**
 * Which of Kong's monitoring recommendations renders a signal's alerts: each signal belongs
 * to exactly one, so the two alerting constructs never alert twice on the same thing.
 */
export enum SignalPractice {
  /** Recommendation 5, alert on the health checks (`HealthAlerting`). */
  HEALTH_ALERTING = 'health-alerting',
  /**
   * Recommendation 7, monitor every node (`AllNodesMonitored`): each node scraped, the
   * expected node count, the control plane's view of each data plane.
   */
  ALL_NODES_MONITORED = 'all-nodes-monitored',
}

/** Which side of a threshold is bad. */
export enum ThresholdDirection {
  /** Alert when the value rises above the threshold. */
  ABOVE = 'above',
  /** Alert when the value falls below the threshold. */
  BELOW = 'below',
}

/** The unit a signal's value and thresholds are in. */
export enum SignalUnit {
  /** 1 while healthy, 0 while not (a node ready, a datastore reachable, a plane connected). */
  STATE = 'state',
  /** A share between 0 and 1 (0.05 is 5 %). */
  RATIO = 'ratio',
  /** A latency in milliseconds. */
  MILLISECONDS = 'milliseconds',
  /** A number of days. */
  DAYS = 'days',
  /** A number of things: nodes, configurations, errors. */
  COUNT = 'count',
}

/** A setting of a catalog signal that a gateway's `signalOverrides` can change. */
export enum SignalSetting {
  /** The critical threshold. */
  CRITICAL = 'critical',
  /** The warning threshold. */
  WARNING = 'warning',
  /** How long the condition must hold. */
  WINDOW = 'window',
}
