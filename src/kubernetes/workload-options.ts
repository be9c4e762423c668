import { KongDeclarativeConfig } from './declarative-config';
import { KongGateway } from '../gateway/kong-gateway';
import { KongPluginOptions } from './plugins/plugin-options';
import { KongPortOptions, StatusTlsOptions } from './ports';
import { KongProbe } from './probe';
import { PrometheusScrapeMethod } from './scrape-method';
import { KongSecretKeyRef } from './secret-sources';

/** What the library sets on a Kong workload: status listener, probes, plugins and scrape wiring. */
export interface KongWorkloadOptions {
  /** The gateway the workload runs. */
  readonly gateway: KongGateway;

  /**
   * Readiness probe.
   * @default KongProbe.statusReady()
   */
  readonly readinessProbe?: KongProbe;

  /**
   * Liveness probe.
   * @default KongProbe.statusLive()
   */
  readonly livenessProbe?: KongProbe;

  /**
   * Startup probe.
   * @default KongProbe.startup({ window: gateway.startupWindow })
   */
  readonly startupProbe?: KongProbe;

  /**
   * Kong's other listener ports, checked against the status port.
   * @default - proxy 8000/8443, admin 8001/8444
   */
  readonly ports?: KongPortOptions;

  /**
   * A TLS status listener in addition to the plain one.
   * @default - plain HTTP status listener only
   */
  readonly statusTls?: StatusTlsOptions;

  /**
   * Observability plugins.
   * @default - the Prometheus plugin with its four metric groups on
   */
  readonly plugins?: KongPluginOptions;

  /**
   * How Prometheus scrapes the status port. Only `ANNOTATIONS` changes the pod itself;
   * the monitors are created by `PrometheusScrape` (and by `KongDeployment`).
   * @default PrometheusScrapeMethod.POD_MONITOR
   */
  readonly prometheusScrape?: PrometheusScrapeMethod;

  /**
   * The plugins are configured outside this library (decK, the Admin API, Konnect, your own
   * declarative file...). The library then writes no plugin configuration anywhere and trusts
   * that `plugins` describes what is configured; the plugins' env (e.g. the Datadog Agent host)
   * is still set on the workload.
   * @default false
   */
  readonly pluginsManagedExternally?: boolean;

  /**
   * Your DB-less declarative configuration (services, routes, consumers, scoped plugins), into
   * which the library merges its global plugins. A global plugin the library also configures
   * is a conflict and fails synth. DB-less gateways only.
   * @default - the library's plugins alone (Kong then answers 404 to every request)
   */
  readonly declarativeConfig?: KongDeclarativeConfig;

  /**
   * Labels of the PodMonitor / ServiceMonitor (and the Kong Helm chart's
   * `serviceMonitor.labels`), matched by the Prometheus Operator's selector; kube-prometheus-stack
   * selects `release: <its release name>`.
   * @default {}
   */
  readonly monitorLabels?: { [key: string]: string };

  /**
   * Datadog Agent autodiscovery annotations (`kong` check, per-pod `http_check` on
   * `/status/ready`, `tolerate-unready`).
   * @default true
   */
  readonly datadogAutodiscovery?: boolean;
}

/** An environment variable of the Kong container. */
export interface KongEnvVariable {
  /** Variable name. */
  readonly name: string;
  /**
   * Literal value. Exactly one of `value`, `valueFromFieldPath` and `valueFromSecret` is set.
   * @default - none
   */
  readonly value?: string;
  /**
   * Downward API field the value comes from, e.g. `status.hostIP`.
   * @default - none
   */
  readonly valueFromFieldPath?: string;
  /**
   * Secret key the value comes from.
   * @default - none
   */
  readonly valueFromSecret?: KongSecretKeyRef;
}

/** A named container port. */
export interface KongContainerPort {
  /** Port name (`status`, `status-tls`, `proxy`, `proxy-tls`). */
  readonly name: string;
  /** Port number. */
  readonly containerPort: number;
}
