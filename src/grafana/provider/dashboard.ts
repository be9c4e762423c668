import { Construct } from 'constructs';
import {
  grafanaResourceConfig,
} from './internal/blocks';
import { checkConstructArguments } from '../../core/input-shape';
import {
  IResolvable,
  TerraformMetaArguments,
  TerraformResource,
  booleanToTerraform,
  stringToTerraform,
} from '../../internal/cdktf';

/** Configuration of a `grafana_dashboard`. */
export interface DashboardConfig extends TerraformMetaArguments {
  /**
   * The dashboard model as JSON TEXT (`JSON.stringify(model)` or `Fn.jsonencode`), not an
   * object. Its `uid` is the dashboard's UID; changing it replaces the dashboard.
   */
  readonly configJson: string;
  /**
   * UID of the folder holding the dashboard, usually `folder.uid`.
   * @default - the General folder
   */
  readonly folder?: string;
  /**
   * Overwrite a dashboard with the same UID or title made outside Terraform.
   * @default false
   */
  readonly overwrite?: boolean | IResolvable;
  /**
   * Commit message kept in the dashboard's version history.
   * @default - none
   */
  readonly message?: string;
  /**
   * Organization id, as a string (`"1"`).
   * @default - the provider's organization
   */
  readonly orgId?: string;
}

/** A Grafana dashboard (`grafana_dashboard`). */
export class Dashboard extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_dashboard';

  private readonly config: DashboardConfig;

  constructor(scope: Construct, id: string, config: DashboardConfig) {
    super(scope, checkConstructArguments('grafana.Dashboard', scope, id, config), grafanaResourceConfig('grafana_dashboard', config));
    this.config = config;
  }

  /** Terraform id, `{orgId}:{uid}`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The dashboard UID (read from `config_json`). */
  public get uid(): string {
    return this.getStringAttribute('uid');
  }

  /** The dashboard's URL in Grafana. */
  public get url(): string {
    return this.getStringAttribute('url');
  }

  /** Grafana's numeric dashboard id. */
  public get dashboardId(): number {
    return this.getNumberAttribute('dashboard_id');
  }

  /** The dashboard's version number in Grafana. */
  public get version(): number {
    return this.getNumberAttribute('version');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      config_json: stringToTerraform(c.configJson),
      folder: stringToTerraform(c.folder),
      message: stringToTerraform(c.message),
      org_id: stringToTerraform(c.orgId),
      overwrite: booleanToTerraform(c.overwrite),
    };
  }
}
