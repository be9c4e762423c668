import { Construct } from 'constructs';
import type * as dashboardModel from './dashboard-model';
import { Duration } from '../../core/duration';
import { checkConstructArguments } from '../../core/input-shape';
import { failValidation, requireDurationAtMost } from '../../core/validation';
import { identityTitle } from '../../gateway/gateway-identity';
import { KongGateway } from '../../gateway/kong-gateway';
import { onFirstUse } from '../../internal/on-first-use';
import { claimFolder, claimGrafanaUid } from '../claims';
import { claimDataSourceCluster, validateClusterLabel } from '../cluster-label';
import { Dashboard } from '../provider/dashboard';
import { Folder } from '../provider/folder';
import { GRAFANA_UID_MAX_LENGTH, gatewayUid, isGrafanaUid, validateUidPrefix } from '../uid';

/**
 * The model builder brings the Grafana Foundation SDK: loaded with the first dashboard, so a
 * stack without one never pays for it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dashboardModelModule = onFirstUse(() => require('./dashboard-model') as typeof dashboardModel);

/** Props of {@link GrafanaDashboard}. */
export interface GrafanaDashboardProps {
  /** The gateway the dashboard shows. */
  readonly gateway: KongGateway;

  /**
   * UID of the Prometheus data source the dashboard's data source variable starts on.
   * @default - Grafana's default Prometheus data source
   */
  readonly datasourceUid?: string;

  /**
   * Folder to put the dashboard in (share one between gateways and alert rules).
   * @default - a folder of its own, titled `folderTitle`
   */
  readonly folder?: Folder;

  /**
   * Title of the folder created when `folder` is not given.
   * @default 'Kong <gateway> (<environment>[, <cluster>])'
   */
  readonly folderTitle?: string;

  /**
   * Dashboard title.
   * @default 'Kong <gateway> (<environment>[, <cluster>])'
   */
  readonly title?: string;

  /**
   * First part of every UID derived for the gateway. Give each cdktf app its own when several
   * apps write into one Grafana organization and could monitor gateways of the same name,
   * environment and cluster.
   * @default 'kong'
   */
  readonly uidPrefix?: string;


  /**
   * Dashboard UID (1-40 characters of letters, digits, `-` and `_`). It is the dashboard's
   * identity in Grafana: changing it replaces the dashboard and loses its history.
   * @default - derived from the gateway's name, environment and cluster, and `uidPrefix`
   */
  readonly uid?: string;

  /**
   * Label that names each cluster in the Prometheus data source, when it is a central store
   * holding many clusters (Mimir, Thanos, a remote-write target): queries then select the
   * gateway's `cluster` by it. Leave it out when the data source is the cluster's own
   * Prometheus, which never sees external labels such as `cluster`.
   * @default - none: the data source is the gateway's own cluster's Prometheus
   */
  readonly clusterLabel?: string;

  /**
   * Auto-refresh interval: 5 seconds to 1 day.
   * @default Duration.minutes(1)
   */
  readonly refresh?: Duration;

  /**
   * Default time range, back from now: 5 seconds to 365 days.
   * @default Duration.hours(6)
   */
  readonly timeRange?: Duration;
}

/**
 * Kong's health dashboard for one gateway (`grafana_dashboard` in a `grafana_folder`):
 * ready nodes against the expected count, readiness of every node over time, traffic,
 * 5xx ratio, p99 latencies, upstream target health, the datastore or hybrid-mode
 * connectivity that fits the deployment mode, memory and connections: a panel for every
 * signal of the gateway, in the catalog's sections and order, the same as the Datadog
 * dashboard's. Variables select the data source, the namespace and the nodes (pods).
 * Every query comes from the signal catalog.
 */
export class GrafanaDashboard extends Construct {
  /** The dashboard resource. */
  public readonly dashboard: Dashboard;
  /** The folder holding the dashboard (given or created). */
  public readonly folder: Folder;
  /** The dashboard UID. */
  public readonly dashboardUid: string;
  /** The dashboard model as the JSON text stored in `config_json`. */
  public readonly configJson: string;

  constructor(scope: Construct, id: string, props: GrafanaDashboardProps) {
    super(scope, checkConstructArguments('GrafanaDashboard', scope, id, props));
    const subject = `GrafanaDashboard '${id}'`;
    const { gateway } = props;
    const prefix = validateUidPrefix(subject, props.uidPrefix);
    this.dashboardUid = props.uid ?? gatewayUid(gateway, prefix, 'dashboard');
    if (!isGrafanaUid(this.dashboardUid)) {
      failValidation(subject, `uid '${this.dashboardUid}' is not a Grafana UID`, `use 1 to ${GRAFANA_UID_MAX_LENGTH} letters, digits, '-' or '_'`);
    }
    if (props.datasourceUid !== undefined && !isGrafanaUid(props.datasourceUid)) {
      failValidation(subject, `datasourceUid '${props.datasourceUid}' is not a Grafana UID`, "give the data source's UID (Connections > Data sources > the URL's last part), e.g. 'prometheus'");
    }
    validateClusterLabel(subject, gateway, props.clusterLabel);
    if (props.datasourceUid !== undefined) claimDataSourceCluster(this, subject, gateway, props.datasourceUid, props.clusterLabel);
    const refresh = props.refresh ?? Duration.minutes(1);
    const timeRange = props.timeRange ?? Duration.hours(6);
    for (const [field, value] of [['refresh', refresh], ['timeRange', timeRange]] as const) {
      if (value.toSeconds() < 5) {
        failValidation(subject, `${field} ${value.toPrometheus()} is shorter than 5s`, `set ${field} to 5s or more`);
      }
    }
    requireDurationAtMost(subject, 'refresh', refresh, Duration.days(1), 'give a refresh of at most 1d (default 1m)');
    this.folder = props.folder ?? new Folder(this, 'folder', {
      title: props.folderTitle ?? `Kong ${identityTitle(gateway)}`,
      uid: gatewayUid(gateway, prefix, 'folder'),
    });
    if (!props.folder) claimFolder(this, subject, this.folder);
    claimGrafanaUid(this, subject, 'dashboard', this.dashboardUid);
    const model = dashboardModelModule().buildDashboardModel({
      gateway,
      uid: this.dashboardUid,
      title: props.title ?? `Kong ${identityTitle(gateway)}`,
      datasourceUid: props.datasourceUid,
      refresh: refresh.toPrometheus(),
      timeFrom: `now-${timeRange.toPrometheus()}`,
      clusterLabel: props.clusterLabel,
    });
    this.configJson = escapeTerraformTemplate(JSON.stringify(model));
    this.dashboard = new Dashboard(this, 'dashboard', {
      configJson: this.configJson,
      folder: this.folder.uid,
      overwrite: true,
      message: 'Managed by cdktf-kong-monitoring',
    });
  }
}

/** Every Terraform string is a template: a literal `${` or `%{` must be doubled. */
export function escapeTerraformTemplate(text: string): string {
  return text.replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);
}
