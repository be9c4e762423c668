import { Construct } from 'constructs';
import { GrafanaAlertRules } from './alerting/grafana-alert-rules';
import { Folder } from './provider/folder';
import { checkCall } from '../core/input-shape';
import { UserPropPaths } from '../core/validation';
import { MonitoringBackend, RenderedSignalAlerting, SignalAlertingRequest, SignalQueryLanguage } from '../signals/monitoring-backend';

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

/** Grafana as a monitoring backend: Grafana-managed alert rules in one rule group (`GrafanaAlertRules`). */
export class GrafanaBackend extends MonitoringBackend {
  public readonly id = 'grafana';
  public readonly alertTitle = 'Grafana alert rule';
  /** The options the rules are made with. */
  public readonly options: GrafanaAlertingOptions;

  public constructor(options: GrafanaAlertingOptions) {
    super();
    checkCall('GrafanaBackend', options);
    this.options = options;
  }

  public renderAlerting(scope: Construct, request: SignalAlertingRequest): RenderedSignalAlerting {
    checkCall('GrafanaBackend.renderAlerting', scope, request);
    const options = this.options;
    const rules = new GrafanaAlertRules(scope, this.id, {
      gateway: request.gateway,
      datasourceUid: options.prometheusDatasourceUid,
      folder: options.folder,
      folderTitle: options.folderTitle,
      clusterLabel: options.clusterLabel,
      uidPrefix: options.uidPrefix,
      includeSignals: request.signals.map((s) => s.id),
      groupNameSuffix: request.nameSuffix,
    });
    return { construct: rules, alertedSignals: [...rules.alertedSignals], skippedSignals: [], reads: { language: SignalQueryLanguage.PROMQL } };
  }

  /** @internal how errors of the rules read in the options' terms, under `prefix` */
  public _propPaths(prefix: string): UserPropPaths {
    return { struct: 'GrafanaAlertRulesProps', prefix, renamed: { gateway: 'gateway', datasourceUid: `${prefix}prometheusDatasourceUid` } };
  }
}
