/** How a gateway's observability plugins reach Kong. */
export enum KongPluginDelivery {
  /** In the DB-less declarative configuration the library writes (ConfigMap, or the Helm chart's `dblessConfig`). */
  DECLARATIVE_CONFIG = 'declarative-config',
  /** Global `KongClusterPlugin`s, applied by the Kong Ingress Controller. */
  KONG_CLUSTER_PLUGIN = 'kong-cluster-plugin',
  /**
   * Upserted into the database by an init container (`kong config db_import`) before Kong
   * starts: traditional gateways and hybrid control planes without a controller.
   */
  DATABASE_IMPORT = 'database-import',
  /** A hybrid data plane: its control plane, deployed in this app, imports them. */
  CONTROL_PLANE = 'control-plane',
  /** Configured outside the library (`pluginsManagedExternally`); the library trusts the options. */
  EXTERNAL = 'external',
  /** Nothing the library knows of configures them. */
  NONE = 'none',
}

/** The Prometheus plugin's metric flags as configured. */
export interface KongPrometheusFlags {
  /** `status_code_metrics`. */
  readonly statusCodeMetrics: boolean;
  /** `latency_metrics`. */
  readonly latencyMetrics: boolean;
  /** `bandwidth_metrics`. */
  readonly bandwidthMetrics: boolean;
  /** `upstream_health_metrics`. */
  readonly upstreamHealthMetrics: boolean;
  /** `per_consumer`. */
  readonly perConsumer: boolean;
}

/** Which observability plugins are configured for a gateway, and how they get there. */
export interface KongPluginConfiguration {
  /** How the plugins reach Kong. */
  readonly delivery: KongPluginDelivery;
  /** Names of the plugins configured (`prometheus`, `datadog`, `statsd`, `opentelemetry`); empty for NONE. */
  readonly plugins: string[];
  /**
   * The Prometheus plugin's flags, when that plugin is configured.
   * @default - the Prometheus plugin is not configured
   */
  readonly prometheus?: KongPrometheusFlags;
}
