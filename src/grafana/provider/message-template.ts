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

/** Configuration of a `grafana_message_template`. */
export interface MessageTemplateConfig extends TerraformMetaArguments {
  /** Name of the template group; changing it replaces the resource. */
  readonly name: string;
  /**
   * Go-template text, e.g. `{{ define "kong.title" }}...{{ end }}`. A literal `${` must be
   * written `$${` (every Terraform string is a template); `{{ }}` needs no escaping.
   */
  readonly template: string;
  /**
   * Allow editing the template in the Grafana UI.
   * @default false
   */
  readonly disableProvenance?: boolean | IResolvable;
  /**
   * Organization id, as a string (`"1"`).
   * @default - the provider's organization
   */
  readonly orgId?: string;
}

/** A notification message template (`grafana_message_template`). */
export class MessageTemplate extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_message_template';

  private readonly config: MessageTemplateConfig;

  constructor(scope: Construct, id: string, config: MessageTemplateConfig) {
    super(scope, checkConstructArguments('grafana.MessageTemplate', scope, id, config), grafanaResourceConfig('grafana_message_template', config));
    this.config = config;
  }

  /** Terraform id, `{orgId}:{name}` (computed only on this resource). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The template group's name. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    // No `id` here: on this plugin-framework resource it is computed only.
    return {
      disable_provenance: booleanToTerraform(c.disableProvenance),
      name: stringToTerraform(c.name),
      org_id: stringToTerraform(c.orgId),
      template: stringToTerraform(c.template),
    };
  }
}
