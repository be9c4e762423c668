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
