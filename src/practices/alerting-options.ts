import { Duration } from '../core/duration';
import { DatadogNotifyProps, DatadogSignalOptions } from '../datadog/notify';
import { Folder } from '../grafana/provider/folder';
import { DatadogCollection } from '../signals/signal-types';

/** Datadog monitors of an alerting practice. */
export interface DatadogAlertingOptions {
  /** Where notifications go, per severity (`@pagerduty-...`, `@slack-...`, `@team-...`). */
  readonly notify: DatadogNotifyProps;

  /**
   * How Datadog receives Kong's metrics.
   * @default DatadogCollection.AGENT_INTEGRATION
   */
  readonly collection?: DatadogCollection;

  /**
   * Per-signal handles, recovery counts, or no monitor; entries for signals another
   * practice renders are passed to that practice.
   * @default - every signal, notified per `notify`
   */
  readonly signals?: DatadogSignalOptions[];

  /**
   * Re-notification interval of unresolved critical alerts.
   * @default Duration.minutes(60)
   */
  readonly renotifyInterval?: Duration;

  /**
   * Extra monitor tags.
   * @default {}
   */
  readonly tags?: { [key: string]: string };
}

/** Grafana-managed alert rules of an alerting practice. */
export interface GrafanaAlertingOptions {
  /** UID of the Prometheus data source the rules query. */
  readonly prometheusDatasourceUid: string;

  /**
   * Folder holding the rule groups (share it with the dashboard).
   * @default - a folder titled `folderTitle`
   */
  readonly folder?: Folder;

  /**
   * Title of the folder created when `folder` is not given.
   * @default 'Kong'
   */
  readonly folderTitle?: string;

  /**
   * Base URL of runbooks; rules link `<base>/<signal id>`.
   * @default - the catalog's runbook text as an annotation
   */
  readonly runbookBaseUrl?: string;
}

/** Prometheus Operator rules (PrometheusRule) of an alerting practice. */
export interface PrometheusAlertingOptions {
  /**
   * Namespace of the PrometheusRule object.
   * @default - the gateway's namespace
   */
  readonly namespace?: string;

  /**
   * Labels the Prometheus Operator's `ruleSelector` matches (kube-prometheus-stack: `release`).
   * @default {}
   */
  readonly labels?: { [key: string]: string };

  /**
   * Base URL of runbooks; alerts link `<base>/<signal id>`.
   * @default - the catalog's runbook text as an annotation
   */
  readonly runbookBaseUrl?: string;
}

/** Keeps the per-signal Datadog options that concern the given signals. */
export function datadogOptionsFor(options: DatadogSignalOptions[] | undefined, signals: string[]): DatadogSignalOptions[] {
  return (options ?? []).filter((o) => signals.includes(o.signal));
}
