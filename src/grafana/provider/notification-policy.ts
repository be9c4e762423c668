import { Construct } from 'constructs';
import {
  blockList,
  grafanaResourceConfig,
  mapStruct,
  TerraformBody,
} from './internal/blocks';
import { checkConstructArguments } from '../../core/input-shape';
import {
  IResolvable,
  TerraformMetaArguments,
  TerraformResource,
  Token,
  booleanToTerraform,
  listMapper,
  stringToTerraform,
} from '../../internal/cdktf';

// How deep the provider's schema nests `policy` blocks under the root. The deepest level
// has no `policy` child and requires `group_by` (a quirk of the provider's recursive schema).
const MAX_DEPTH = 5;

/** One label matcher of a policy (`policy.matcher`); an alert must match all of them. */
export interface NotificationPolicyPolicyMatcher {
  /** The label name. */
  readonly label: string;
  /** The operator: `=`, `!=`, `=~` or `!~`. */
  readonly match: string;
  /** The value (a regular expression for `=~` and `!~`). */
  readonly value: string;
}

/** A specific routing policy under the root (`policy`), possibly with child policies. */
export interface NotificationPolicyPolicy {
  /**
   * Label matchers, all of which must match.
   * @default - matches every alert
   */
  readonly matcher?: NotificationPolicyPolicyMatcher[] | IResolvable;
  /**
   * Contact point NAME.
   * @default - inherited from the parent policy
   */
  readonly contactPoint?: string;
  /**
   * Keep matching sibling policies after this one matched.
   * @default false
   */
  readonly continue?: boolean | IResolvable;
  /**
   * Labels to group notifications by (`...` for all). Required at the deepest (5th) level.
   * @default - inherited from the parent policy
   */
  readonly groupBy?: string[];
  /**
   * Wait before the first notification of a group, a duration string such as `30s`.
   * @default - inherited from the parent policy
   */
  readonly groupWait?: string;
  /**
   * Wait before notifying about new alerts in a group, a duration string.
   * @default - inherited from the parent policy
   */
  readonly groupInterval?: string;
  /**
   * Wait before repeating a notification, a duration string.
   * @default - inherited from the parent policy
   */
  readonly repeatInterval?: string;
  /**
   * Mute timing names.
   * @default - none
   */
  readonly muteTimings?: string[];
  /**
   * Active time interval names (Grafana 12.1+).
   * @default - always active
   */
  readonly activeTimings?: string[];
  /**
   * Child policies, tried when this one matches. At most 5 levels under the root.
   * @default - none
   */
  readonly policy?: NotificationPolicyPolicy[] | IResolvable;
}

/** Configuration of the `grafana_notification_policy` (one per organization). */
export interface NotificationPolicyConfig extends TerraformMetaArguments {
  /** Default contact point NAME, for alerts no specific policy takes. */
  readonly contactPoint: string;
  /** Labels to group notifications by (`...` for all). */
  readonly groupBy: string[];
  /**
   * Wait before the first notification of a group, a duration string such as `30s`.
   * @default "30s" (Grafana)
   */
  readonly groupWait?: string;
  /**
   * Wait before notifying about new alerts in a group, a duration string.
   * @default "5m" (Grafana)
   */
  readonly groupInterval?: string;
  /**
   * Wait before repeating a notification, a duration string.
   * @default "4h" (Grafana)
   */
  readonly repeatInterval?: string;
  /**
   * Specific routing policies, tried in order.
   * @default - everything goes to `contactPoint`
   */
  readonly policy?: NotificationPolicyPolicy[] | IResolvable;
  /**
   * Allow editing the policy tree in the Grafana UI.
   * @default false
   */
  readonly disableProvenance?: boolean | IResolvable;
  /**
   * Organization id, as a string (`"1"`).
   * @default - the provider's organization
   */
  readonly orgId?: string;
}

function matcherToTerraform(s: NotificationPolicyPolicyMatcher): unknown {
  return mapStruct(s, (v) => ({
    label: stringToTerraform(v.label),
    match: stringToTerraform(v.match),
    value: stringToTerraform(v.value),
  }));
}

// The schema is five fixed levels, so depth is checked here rather than left to plan time.
function policyToTerraform(depth: number): (s: NotificationPolicyPolicy) => unknown {
  return (s) => mapStruct(s, (v) => {
    const deepest = depth === MAX_DEPTH;
    if (deepest && v.policy !== undefined) {
      throw new Error(`grafana_notification_policy: policies nest at most ${MAX_DEPTH} levels under the root; remove the child policies at level ${depth} or flatten the tree.`);
    }
    if (deepest && (v.groupBy === undefined || (!Token.isUnresolved(v.groupBy) && v.groupBy.length === 0))) {
      throw new Error(`grafana_notification_policy: the provider requires groupBy on a level-${MAX_DEPTH} policy; set it (e.g. ['...'] to keep every label).`);
    }
    const body: TerraformBody = {
      active_timings: listMapper(stringToTerraform, false)(v.activeTimings),
      contact_point: stringToTerraform(v.contactPoint),
      continue: booleanToTerraform(v.continue),
      group_by: listMapper(stringToTerraform, false)(v.groupBy),
      group_interval: stringToTerraform(v.groupInterval),
      group_wait: stringToTerraform(v.groupWait),
      matcher: blockList(v.matcher, matcherToTerraform),
      mute_timings: listMapper(stringToTerraform, false)(v.muteTimings),
      policy: blockList(v.policy, policyToTerraform(depth + 1)),
      repeat_interval: stringToTerraform(v.repeatInterval),
    };
    return body;
  });
}

/** The organization's notification policy tree (`grafana_notification_policy`). */
export class NotificationPolicy extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_notification_policy';

  /** How many `policy` levels the provider accepts under the root. */
  public static readonly maxPolicyDepth = MAX_DEPTH;

  private readonly config: NotificationPolicyConfig;

  constructor(scope: Construct, id: string, config: NotificationPolicyConfig) {
    super(scope, checkConstructArguments('grafana.NotificationPolicy', scope, id, config), grafanaResourceConfig('grafana_notification_policy', config));
    this.config = config;
  }

  /** Terraform id, `{orgId}:policy`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      contact_point: stringToTerraform(c.contactPoint),
      disable_provenance: booleanToTerraform(c.disableProvenance),
      group_by: listMapper(stringToTerraform, false)(c.groupBy),
      group_interval: stringToTerraform(c.groupInterval),
      group_wait: stringToTerraform(c.groupWait),
      org_id: stringToTerraform(c.orgId),
      policy: blockList(c.policy, policyToTerraform(1)),
      repeat_interval: stringToTerraform(c.repeatInterval),
    };
  }
}
