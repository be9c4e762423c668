/** Kong's Prometheus plugin. Its request metrics are off in Kong 3.x until these flags turn them on. */
export interface PrometheusPluginOptions {
  /**
   * Whether to enable the plugin. The signal catalog's traffic signals read its metrics.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * `status_code_metrics`: `kong_http_requests_total` (error-rate signals).
   * @default true
   */
  readonly statusCodeMetrics?: boolean;

  /**
   * `latency_metrics`: `kong_request_latency_ms`, `kong_kong_latency_ms`, `kong_upstream_latency_ms`.
   * @default true
   */
  readonly latencyMetrics?: boolean;

  /**
   * `bandwidth_metrics`: `kong_bandwidth_bytes`.
   * @default true
   */
  readonly bandwidthMetrics?: boolean;

  /**
   * `upstream_health_metrics`: `kong_upstream_target_health`.
   * @default true
   */
  readonly upstreamHealthMetrics?: boolean;

  /**
   * `per_consumer`: a `consumer` label on request and bandwidth metrics (cardinality grows with consumers).
   * @default false
   */
  readonly perConsumer?: boolean;
}

/** Kong's Datadog plugin (DogStatsD). Every metric carries the gateway's tags. */
export interface DatadogPluginOptions {
  /**
   * DogStatsD host. By default the plugin reads the env vault reference
   * `{vault://env/kong-datadog-agent-host}` and the workload gets `KONG_DATADOG_AGENT_HOST`
   * from the node IP (`status.hostIP`), where the Agent DaemonSet listens.
   * @default '{vault://env/kong-datadog-agent-host}'
   */
  readonly host?: string;

  /**
   * DogStatsD port.
   * @default 8125
   */
  readonly port?: number;

  /**
   * Metric name prefix. The signal catalog queries `kong.*`.
   * @default 'kong'
   */
  readonly prefix?: string;

  /**
   * Tags added to every metric after the gateway's own tags.
   * @default []
   */
  readonly extraTags?: string[];
}

/** Tag style of the StatsD plugin (`tag_style`, Kong 3.2+). */
export enum StatsdTagStyle {
  /** DogStatsD tags (`|#tag:value`). */
  DOGSTATSD = 'dogstatsd',
  /** InfluxDB tags. */
  INFLUXDB = 'influxdb',
  /** Librato tags. */
  LIBRATO = 'librato',
  /** SignalFx tags. */
  SIGNALFX = 'signalfx',
}

/** Kong's StatsD plugin, with Kong's default metric set. */
export interface StatsdPluginOptions {
  /** StatsD server host. */
  readonly host: string;

  /**
   * StatsD server port.
   * @default 8125
   */
  readonly port?: number;

  /**
   * Metric name prefix.
   * @default 'kong'
   */
  readonly prefix?: string;

  /**
   * Tag style; with a tag style metric names are flat (`kong.request.count`) and carry tags.
   * @default StatsdTagStyle.DOGSTATSD
   */
  readonly tagStyle?: StatsdTagStyle;
}

/** Trace context formats Kong reads and writes (`propagation`, Kong 3.7+). */
export enum TracePropagationFormat {
  W3C = 'w3c',
  B3 = 'b3',
  B3_SINGLE = 'b3-single',
  JAEGER = 'jaeger',
  OT = 'ot',
  AWS = 'aws',
  GCP = 'gcp',
  DATADOG = 'datadog',
}

/** Kong's OpenTelemetry plugin (traces over OTLP/HTTP). */
export interface OpenTelemetryPluginOptions {
  /** OTLP/HTTP traces endpoint, e.g. `http://otel-collector.observability:4318/v1/traces`. */
  readonly tracesEndpoint: string;

  /**
   * Share of requests traced, 0 to 1. Also set as `KONG_TRACING_SAMPLING_RATE`.
   * @default 0.01 (Kong's default)
   */
  readonly samplingRate?: number;

  /**
   * Trace context formats read from requests; the first is the default format written upstream.
   * @default [TracePropagationFormat.W3C]
   */
  readonly propagation?: TracePropagationFormat[];

  /**
   * OpenTelemetry resource attributes.
   * @default - `service.name: kong-<gateway>` and `deployment.environment: <environment>`
   */
  readonly resourceAttributes?: { [key: string]: string };
}

/** The observability plugins enabled on a gateway. */
export interface KongPluginOptions {
  /**
   * Prometheus plugin.
   * @default - enabled, with status-code, latency, bandwidth and upstream-health metrics on
   */
  readonly prometheus?: PrometheusPluginOptions;

  /**
   * Datadog plugin.
   * @default - not enabled
   */
  readonly datadog?: DatadogPluginOptions;

  /**
   * StatsD plugin.
   * @default - not enabled
   */
  readonly statsd?: StatsdPluginOptions;

  /**
   * OpenTelemetry plugin.
   * @default - not enabled
   */
  readonly openTelemetry?: OpenTelemetryPluginOptions;
}
