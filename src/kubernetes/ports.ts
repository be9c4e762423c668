/** Kong's listener ports other than the status port, so clashes are caught at synth. */
export interface KongPortOptions {
  /**
   * Proxy HTTP port (`proxy_listen`).
   * @default 8000
   */
  readonly proxyHttpPort?: number;

  /**
   * Proxy HTTPS port (`proxy_listen ... ssl`).
   * @default 8443
   */
  readonly proxyTlsPort?: number;

  /**
   * Admin API HTTP port (`admin_listen`).
   * @default 8001
   */
  readonly adminHttpPort?: number;

  /**
   * Admin API HTTPS port.
   * @default 8444
   */
  readonly adminTlsPort?: number;

  /**
   * Hybrid control planes: the cluster listener data planes connect to (`cluster_listen`).
   * @default 8005
   */
  readonly clusterPort?: number;

  /**
   * Hybrid control planes of Kong Gateway Enterprise: the telemetry listener
   * (`cluster_telemetry_listen`; open-source Kong has none).
   * @default 8006
   */
  readonly clusterTelemetryPort?: number;

  /**
   * Any other container ports the Kong pod declares (stream listeners...).
   * @default []
   */
  readonly additionalPorts?: number[];
}

/** A TLS status listener next to the plain one (plain HTTP stays on for kubelet probes and scrapers). */
export interface StatusTlsOptions {
  /**
   * Container port of the TLS status listener (the Kong Helm chart's `status.tls.containerPort`).
   * @default 8543
   */
  readonly port?: number;

  /**
   * Path of the certificate in the container (`status_ssl_cert`).
   * @default - Kong's self-signed default certificate
   */
  readonly certificatePath?: string;

  /**
   * Path of the certificate key in the container (`status_ssl_cert_key`).
   * @default - Kong's self-signed default key
   */
  readonly certificateKeyPath?: string;
}
