import { SourceStatus } from '../signals/lineage';

/** Where an alert or panel is rendered. */
export enum AlertBackend {
  /** A Datadog monitor. */
  DATADOG = 'datadog',
  /** A Grafana-managed alert rule. */
  GRAFANA = 'grafana',
  /** A PrometheusRule (Prometheus Operator, Alertmanager). */
  PROMETHEUS = 'prometheus',
  /** A panel of the Grafana dashboard. */
  GRAFANA_DASHBOARD = 'grafana-dashboard',
  /** A widget of the Datadog dashboard. */
  DATADOG_DASHBOARD = 'datadog-dashboard',
}

/** Where one rendered alert's data comes from, and whether that source is live. */
export interface AlertSource {
  /** The signal alerted on (a `SignalId` value or a custom signal's id). */
  readonly signal: string;
  /**
   * Id of the backend the alert lives in: `datadog`, `grafana` or `prometheus` (the
   * `AlertBackend` values), or a custom `MonitoringBackend`'s id.
   */
  readonly backend: string;
  /** The components that produce its data, e.g. `kong-prometheus-plugin (status_code_metrics)`. */
  readonly producers: string[];
  /** The metrics or checks it reads. */
  readonly metrics: string[];
  /** Each component the data passes through, with its status in this stack. */
  readonly path: string[];
  /** The weakest status along the path. */
  readonly status: SourceStatus;
  /** What is missing, with the fix: the alert can never fire. */
  readonly missing: string[];
  /** What the stack cannot show, with what to confirm. */
  readonly unverified: string[];
}
