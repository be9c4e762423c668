// Facts about Kong itself, defined once: the constructs and the checker both read them, so
// the library never builds what its own checker would reject (or the other way round).
// The forms of `kong health` a probe may run are defined beside this file (kong-health-cli.ts).

/** Kong's liveness endpoint: 200 while nginx answers, even when the database is down. */
export const KONG_STATUS_PATH = '/status';
/** Kong's readiness endpoint (Kong 3.3+): 200 only once the node can proxy with a loaded configuration. */
export const KONG_STATUS_READY_PATH = '/status/ready';

/** The Kong Helm chart's status port; a convention, not Kong's default (3.6+ binds 127.0.0.1:8007). */
export const DEFAULT_STATUS_PORT = 8100;
/** The Kong Helm chart's TLS status port. */
export const DEFAULT_STATUS_TLS_PORT = 8543;

/** Kong's default listener ports (`kong.conf.default`). */
export const KONG_DEFAULT_PORTS = {
  /** `proxy_listen` plain HTTP. */
  proxyHttp: 8000,
  /** `proxy_listen` with `ssl`. */
  proxyTls: 8443,
  /** `admin_listen` plain HTTP. */
  adminHttp: 8001,
  /** `admin_listen` with `ssl`. */
  adminTls: 8444,
  /** `cluster_listen`: data planes connect to the control plane here (hybrid mode). */
  cluster: 8005,
  /** `cluster_telemetry_listen`: Kong Gateway Enterprise only. */
  clusterTelemetry: 8006,
} as const;

/** Kong's image repositories on Docker Hub, per edition. */
export const KONG_IMAGE_REPOSITORY = {
  /** Open-source Kong (`kong:3.9`); its last release line is 3.9. */
  openSource: 'kong',
  /** Kong Gateway Enterprise (`kong/kong-gateway:3.10.0.1`). */
  enterprise: 'kong/kong-gateway',
} as const;

/**
 * Plugin fields by the Kong release that first accepts them (`kong/plugins/<name>/schema.lua`
 * at each 3.x tag). Kong validates a DB-less file, a controller's `/config` push and an
 * Admin API write as a whole: one unknown field and the node refuses the configuration.
 */
export const KONG_PLUGIN_FIELD_SINCE = {
  /** opentelemetry `traces_endpoint` (3.8; `endpoint` before, kept as a deprecated alias). */
  openTelemetryTracesEndpoint: [3, 8],
  /** opentelemetry `propagation` (3.7; `header_type` before). */
  openTelemetryPropagation: [3, 7],
  /** opentelemetry `sampling_rate` (3.6; only the global `tracing_sampling_rate` before). */
  openTelemetrySamplingRate: [3, 6],
  /** datadog `host` as a vault reference (`referenceable`, 3.3). */
  datadogHostReference: [3, 3],
  /** statsd `tag_style` (3.2). */
  statsdTagStyle: [3, 2],
} as const;
