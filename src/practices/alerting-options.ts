import { Construct } from 'constructs';
import { Duration } from '../core/duration';
import { DatadogMonitorsProps } from '../datadog/monitors';
import { DatadogNotifyProps, DatadogSignalOptions } from '../datadog/notify';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaAlertRulesProps } from '../grafana/alerting/grafana-alert-rules';
import { Folder } from '../grafana/provider/folder';
import { Annotations } from '../internal/cdktf';
import { PrometheusRulesProps } from '../prometheus/prometheus-rules';
import { DatadogCollection, SignalId } from '../signals/signal-types';

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

  /**
   * Label that names each cluster in the Prometheus data source, when it is a central store
   * holding many clusters (Mimir, Thanos, a remote-write target): queries then select the
   * gateway's `cluster` by it. Leave it out when the data source is the cluster's own
   * Prometheus, which never sees external labels such as `cluster`.
   * @default - none: the data source is the gateway's own cluster's Prometheus
   */
  readonly clusterLabel?: string;

  /**
   * First part of every Grafana UID derived for the gateway (see `KongMonitoringGrafanaOptions.uidPrefix`).
   * @default 'kong'
   */
  readonly uidPrefix?: string;
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

/**
 * Signals Datadog cannot express honestly: covered by Grafana or Prometheus rules when the
 * gateway has them (said as information), otherwise watched by nothing (said as a warning).
 */
function reportDatadogGaps(scope: Construct, gateway: KongGateway, signals: SignalId[], promqlBackend: boolean): void {
  for (const signal of gateway.signals().filter((s) => signals.includes(s.id) && s.datadogGap !== undefined)) {
    const what = `Signal '${signal.id}' of KongGateway '${gateway.name}' has no Datadog monitor: ${signal.datadogGap}.`;
    if (promqlBackend) {
      Annotations.of(scope).addInfo(`${what} The gateway's Grafana or Prometheus rules cover it.`);
    } else {
      Annotations.of(scope).addWarning(`${what} Nothing watches it here: add grafana or prometheus to this gateway's monitoring.`);
    }
  }
}

/**
 * Props of the backends that render a set of signals, for each backend asked for. The practice
 * creates them under fixed child ids (`datadog`: DatadogMonitors, `grafana`:
 * GrafanaAlertRules, `prometheus`: PrometheusRules) in its own constructor, so their resources
 * are built one call shallower: cdktf records a stack trace per output reference. `nameSuffix`
 * keeps a second practice's rule group and PrometheusRule apart from the first one's.
 */
export function signalAlertingProps(
  scope: Construct,
  gateway: KongGateway,
  signals: SignalId[],
  backends: { datadog?: DatadogAlertingOptions; grafana?: GrafanaAlertingOptions; prometheus?: PrometheusAlertingOptions },
  nameSuffix?: string,
): { datadog?: DatadogMonitorsProps; grafana?: GrafanaAlertRulesProps; prometheus?: PrometheusRulesProps } {
  const { datadog, grafana, prometheus } = backends;
  if (datadog) reportDatadogGaps(scope, gateway, signals, grafana !== undefined || prometheus !== undefined);
  return {
    datadog: datadog && {
      gateway,
      collection: datadog.collection,
      notify: datadog.notify,
      includeSignals: signals,
      // Per-signal entries for signals another practice renders go to that practice.
      signals: (datadog.signals ?? []).filter((o) => signals.includes(o.signal)),
      renotifyInterval: datadog.renotifyInterval,
      tags: datadog.tags,
    },
    grafana: grafana && {
      gateway,
      datasourceUid: grafana.prometheusDatasourceUid,
      folder: grafana.folder,
      folderTitle: grafana.folderTitle,
      runbookBaseUrl: grafana.runbookBaseUrl,
      clusterLabel: grafana.clusterLabel,
      uidPrefix: grafana.uidPrefix,
      includeSignals: signals,
      groupNameSuffix: nameSuffix,
    },
    prometheus: prometheus && {
      gateways: [gateway],
      namespace: prometheus.namespace,
      labels: prometheus.labels,
      runbookBaseUrl: prometheus.runbookBaseUrl,
      includeSignals: signals,
      nameSuffix,
    },
  };
}
