import { Construct } from 'constructs';
import {
  blockList,
  grafanaResourceConfig,
  mapStruct,
} from './internal/blocks';
import { checkConstructArguments } from '../../core/input-shape';
import {
  IResolvable,
  TerraformMetaArguments,
  TerraformResource,
  booleanToTerraform,
  listMapper,
  stringToTerraform,
} from '../../internal/cdktf';

/** A time-of-day range of a mute interval (`intervals.times`). */
export interface MuteTimingIntervalsTimes {
  /** Start, `hh:mm`, inclusive. */
  readonly start: string;
  /** End, `hh:mm`, exclusive. */
  readonly end: string;
}

/**
 * One interval of a mute timing (`intervals`). Fields combine with AND; an interval with
 * no field set mutes all the time.
 */
export interface MuteTimingIntervals {
  /**
   * Time-of-day ranges.
   * @default - the whole day
   */
  readonly times?: MuteTimingIntervalsTimes[] | IResolvable;
  /**
   * Weekdays or ranges, e.g. `saturday`, `monday:friday`.
   * @default - every day of the week
   */
  readonly weekdays?: string[];
  /**
   * Days of the month or ranges, e.g. `1`, `14:16`, `-1` (last day).
   * @default - every day of the month
   */
  readonly daysOfMonth?: string[];
  /**
   * Months or ranges, e.g. `december`, `1:3`.
   * @default - every month
   */
  readonly months?: string[];
  /**
   * Years or ranges, e.g. `2030`, `2025:2026`.
   * @default - every year
   */
  readonly years?: string[];
  /**
   * IANA time zone of `times`, e.g. `Europe/Berlin`.
   * @default "UTC"
   */
  readonly location?: string;
}

/** Configuration of a `grafana_mute_timing`. */
export interface MuteTimingConfig extends TerraformMetaArguments {
  /** The name policies refer to in `muteTimings`; changing it replaces the resource. */
  readonly name: string;
  /**
   * The muted intervals (any one of them mutes).
   * @default - none
   */
  readonly intervals?: MuteTimingIntervals[] | IResolvable;
  /**
   * Allow editing the mute timing in the Grafana UI.
   * @default false
   */
  readonly disableProvenance?: boolean | IResolvable;
  /**
   * Organization id, as a string (`"1"`).
   * @default - the provider's organization
   */
  readonly orgId?: string;
}

function timesToTerraform(s: MuteTimingIntervalsTimes): unknown {
  return mapStruct(s, (v) => ({
    end: stringToTerraform(v.end),
    start: stringToTerraform(v.start),
  }));
}

function intervalsToTerraform(s: MuteTimingIntervals): unknown {
  return mapStruct(s, (v) => ({
    days_of_month: listMapper(stringToTerraform, false)(v.daysOfMonth),
    location: stringToTerraform(v.location),
    months: listMapper(stringToTerraform, false)(v.months),
    times: blockList(v.times, timesToTerraform),
    weekdays: listMapper(stringToTerraform, false)(v.weekdays),
    years: listMapper(stringToTerraform, false)(v.years),
  }));
}

/** A named set of intervals during which notifications are muted (`grafana_mute_timing`). */
export class MuteTiming extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_mute_timing';

  private readonly config: MuteTimingConfig;

  constructor(scope: Construct, id: string, config: MuteTimingConfig) {
    super(scope, checkConstructArguments('grafana.MuteTiming', scope, id, config), grafanaResourceConfig('grafana_mute_timing', config));
    this.config = config;
  }

  /** Terraform id, `{orgId}:{name}`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The mute timing's name, for policies' `muteTimings`. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      disable_provenance: booleanToTerraform(c.disableProvenance),
      intervals: blockList(c.intervals, intervalsToTerraform),
      name: stringToTerraform(c.name),
      org_id: stringToTerraform(c.orgId),
    };
  }
}
