import { Construct } from 'constructs';
import { checkConstructArguments } from '../core/input-shape';
import { failValidation, reportingAs } from '../core/validation';
import { DatadogDashboard } from '../datadog/dashboard';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaDashboard } from '../grafana/dashboard/grafana-dashboard';
import { Folder } from '../grafana/provider/folder';
import { DatadogCollection } from '../signals/signal-types';

/** The Datadog dashboard of {@link HealthDashboards}. */
export interface HealthDashboardsDatadogOptions {
  /**
   * How Datadog receives Kong's metrics.
   * @default DatadogCollection.AGENT_INTEGRATION
   */
  readonly collection?: DatadogCollection;

  /**
   * Dashboard title.
   * @default 'Kong <gateway> (<environment>): health'
   */
  readonly title?: string;
}

/** The Grafana dashboard of {@link HealthDashboards}. */
export interface HealthDashboardsGrafanaOptions {
  /**
   * UID of the Prometheus data source the panels query by default.
   * @default - Grafana's default data source (the dashboard's data source variable)
   */
  readonly prometheusDatasourceUid?: string;

  /**
   * Folder for the dashboard (share it with the alert rules).
   * @default - a folder titled `folderTitle`
   */
  readonly folder?: Folder;

  /**
   * Title of the folder created when `folder` is not given.
   * @default 'Kong'
   */
  readonly folderTitle?: string;

  /**
   * Dashboard title.
   * @default 'Kong <gateway> (<environment>)'
   */
  readonly title?: string;

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

/** Props of {@link HealthDashboards}. */
export interface HealthDashboardsProps {
  /** The gateway to show. */
  readonly gateway: KongGateway;

  /**
   * A Datadog dashboard.
   * @default - none
   */
  readonly datadog?: HealthDashboardsDatadogOptions;

  /**
   * A Grafana dashboard (Prometheus data source).
   * @default - none
   */
  readonly grafana?: HealthDashboardsGrafanaOptions;
}

/**
 * Recommendation 2: health-check Kong and track the health in dashboards. A Datadog and/or
 * a Grafana dashboard for one gateway, each showing readiness per node, ready against
 * expected nodes, traffic, errors, latency, upstreams and resources, from the signal catalog.
 */
export class HealthDashboards extends Construct {
  /** The Datadog dashboard, when asked for. */
  public readonly datadog?: DatadogDashboard;
  /** The Grafana dashboard, when asked for. */
  public readonly grafana?: GrafanaDashboard;

  public constructor(scope: Construct, id: string, props: HealthDashboardsProps) {
    super(scope, checkConstructArguments('HealthDashboards', scope, id, props));
    const subject = `HealthDashboards '${id}'`;
    if (!props.datadog && !props.grafana) {
      failValidation(subject, 'neither datadog nor grafana is set, so no dashboard would exist', 'set datadog: {} and/or grafana: { prometheusDatasourceUid }');
    }
    if (props.datadog) {
      const datadog = props.datadog;
      this.datadog = reportingAs(subject, { struct: 'DatadogDashboardProps', prefix: 'datadog.', renamed: { gateway: 'gateway' } }, () => new DatadogDashboard(this, 'datadog', {
        gateway: props.gateway,
        collection: datadog.collection,
        title: datadog.title,
      }));
    }
    if (props.grafana) {
      const grafana = props.grafana;
      this.grafana = reportingAs(subject, {
        struct: 'GrafanaDashboardProps',
        prefix: 'grafana.',
        renamed: { gateway: 'gateway', datasourceUid: 'grafana.prometheusDatasourceUid' },
      }, () => new GrafanaDashboard(this, 'grafana', {
        gateway: props.gateway,
        datasourceUid: grafana.prometheusDatasourceUid,
        folder: grafana.folder,
        folderTitle: grafana.folderTitle,
        title: grafana.title,
        clusterLabel: grafana.clusterLabel,
        uidPrefix: grafana.uidPrefix,
      }));
    }
  }
}
