import { AlertBackend } from './alert-source';
import { SourceStatus } from '../signals/lineage';

/** Where one dashboard panel's data comes from, and whether that source is live. */
export interface PanelSource {
  /** The dashboard's backend: `GRAFANA_DASHBOARD` or `DATADOG_DASHBOARD`. */
  readonly backend: AlertBackend;
  /** The panel (or widget) title, as the dashboard shows it. */
  readonly panel: string;
  /** The metrics or service checks its queries read. */
  readonly metrics: string[];
  /** The components that produce them, e.g. `kong-prometheus-plugin (latency_metrics)`. */
  readonly producers: string[];
  /** Each component the data passes through, with its status in this stack. */
  readonly path: string[];
  /** The weakest status along the path. */
  readonly status: SourceStatus;
  /** What is missing, with the fix: the panel stays empty. */
  readonly missing: string[];
  /** What the stack cannot show, with what to confirm. */
  readonly unverified: string[];
}
