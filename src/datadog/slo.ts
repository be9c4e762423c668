import type { ServiceLevelObjective, ServiceLevelObjectiveConfig } from '@cdktf/provider-datadog/lib/service-level-objective';
import { Construct } from 'constructs';
import { DatadogGatewayProps } from './common';
import { namePrefix, requireExtraTags, resourceTags } from './internal/tags';
import { DatadogMonitors } from './monitors';
import { DatadogSynthetics } from './synthetics';
import { checkConstructArguments } from '../core/input-shape';
import { failValidation } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';
import { SignalId } from '../gateway/signal-vocabulary';
import { Token } from '../internal/cdktf';
import { datadogResources } from '../internal/provider-resources';
import { signalsOf } from '../signals/gateway-signals';
import { DatadogCollection } from '../signals/signal-types';
import { datadogRequestCounts } from '../signals/views';

/** What an availability SLO counts. */
export enum DatadogSloSource {
  /**
   * Share of requests not answered with 5xx (a count-based SLO on the catalog's request
   * counts). Needs a gateway that proxies traffic.
   */
  ERROR_RATIO = 'error-ratio',
  /**
   * Uptime of the per-node readiness monitor: any unready node counts as downtime
   * (strict; suits small gateways).
   */
  READINESS_MONITOR = 'readiness-monitor',
  /** Uptime of the synthetic test through the load balancer (what clients see). */
  SYNTHETIC_TEST = 'synthetic-test',
}

/** SLO time windows Datadog offers. */
export enum DatadogSloTimeframe {
  /** Rolling 7 days. */
  SEVEN_DAYS = '7d',
  /** Rolling 30 days. */
  THIRTY_DAYS = '30d',
  /** Rolling 90 days. */
  NINETY_DAYS = '90d',
}

/** Props of {@link DatadogSlo}. */
export interface DatadogSloProps extends DatadogGatewayProps {
  /**
   * What the SLO counts.
   * @default DatadogSloSource.ERROR_RATIO
   */
  readonly source?: DatadogSloSource;

  /**
   * The monitors whose readiness monitor the SLO tracks (required for READINESS_MONITOR).
   * @default - none
   */
  readonly monitors?: DatadogMonitors;

  /**
   * The synthetics whose endpoint test the SLO tracks (required for SYNTHETIC_TEST).
   * @default - none
   */
  readonly synthetics?: DatadogSynthetics;

  /**
   * Target, in percent: above 1 and below 100 (a fraction such as 0.999 is refused: write 99.9).
   * @default 99.9
   */
  readonly targetPercent?: number;

  /**
   * Warning level, in percent: above the target, below 100.
   * @default - no warning level
   */
  readonly warningPercent?: number;

  /**
   * Windows the target applies to; the first is the one the SLO shows by default.
   * @default [DatadogSloTimeframe.THIRTY_DAYS]
   */
  readonly timeframes?: DatadogSloTimeframe[];

  /**
   * Extra tags.
   * @default {}
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An availability SLO for a gateway: count-based on the 5xx ratio's request counts, or
 * monitor-based on the readiness monitor or the synthetic endpoint test.
 */
export class DatadogSlo extends Construct {
  /** The SLO resource. */
  public readonly slo: ServiceLevelObjective;
  /** What the SLO counts. */
  public readonly source: DatadogSloSource;

  public constructor(scope: Construct, id: string, props: DatadogSloProps) {
    super(scope, checkConstructArguments('DatadogSlo', scope, id, props));
    const subject = `DatadogSlo '${id}'`;
    const gateway = props.gateway;
    const collection = props.collection ?? DatadogCollection.AGENT_INTEGRATION;
    this.source = props.source ?? DatadogSloSource.ERROR_RATIO;
    const target = props.targetPercent ?? 99.9;
    const timeframes = props.timeframes ?? [DatadogSloTimeframe.THIRTY_DAYS];

    if (!Number.isFinite(target) || target <= 0 || target >= 100) {
      failValidation(subject, `targetPercent ${target} is outside (0, 100)`, 'give the target in percent, e.g. 99.9');
    }
    // No availability target is 1 % or less: such a number is a fraction typed where percent belongs.
    if (target <= 1) {
      failValidation(subject, `targetPercent ${target} is a fraction, but the target is in percent: this SLO would promise ${target} %`, `give the target in percent, e.g. ${asPercent(target)}`);
    }
    if (props.warningPercent !== undefined && props.warningPercent > 0 && props.warningPercent <= 1) {
      failValidation(subject, `warningPercent ${props.warningPercent} is a fraction, but the warning level is in percent`, `give it in percent, e.g. ${asPercent(props.warningPercent)}`);
    }
    requireExtraTags(subject, gateway, props.tags, { key: 'kong_slo', value: this.source });
    if (props.warningPercent !== undefined && (!(props.warningPercent > target) || props.warningPercent >= 100)) {
      failValidation(subject, `warningPercent ${props.warningPercent} must lie above targetPercent ${target} and below 100`, `use a warning between ${target} and 100, e.g. ${Math.min(99.99, Number((target + (100 - target) / 2).toFixed(3)))}`);
    }
    if (timeframes.length === 0) {
      failValidation(subject, 'timeframes is empty', 'give at least one of DatadogSloTimeframe.SEVEN_DAYS, THIRTY_DAYS, NINETY_DAYS');
    }
    if (new Set(timeframes).size !== timeframes.length) {
      failValidation(subject, `timeframes lists a window twice (${timeframes.join(', ')})`, 'list each window once');
    }

    const base: Omit<ServiceLevelObjectiveConfig, 'type'> = {
      name: `${namePrefix(gateway)} Kong availability (${this.source})`,
      description: `Availability of Kong gateway ${gateway.name} in ${gateway.environment}: ${describe(this.source)}. Managed by cdktf-kong-monitoring.`,
      thresholds: timeframes.map((timeframe) => ({
        timeframe,
        target,
        ...(props.warningPercent !== undefined ? { warning: props.warningPercent } : {}),
      })),
      timeframe: timeframes[0],
      targetThreshold: target,
      ...(props.warningPercent !== undefined ? { warningThreshold: props.warningPercent } : {}),
      tags: resourceTags(gateway, props.tags ?? {}, `kong_slo:${this.source}`),
    };

    switch (this.source) {
      case DatadogSloSource.ERROR_RATIO: {
        const fivexx = signalsOf(gateway).find((s) => s.id === SignalId.ERROR_RATIO_5XX);
        if (!gateway.proxiesTraffic || !fivexx || !fivexx.datadog(collection)) {
          failValidation(
            subject,
            `source ERROR_RATIO needs the gateway's request counts, but gateway '${gateway.name}' (${gateway.mode}) has no '${SignalId.ERROR_RATIO_5XX}' signal in Datadog`,
            'use DatadogSloSource.READINESS_MONITOR or SYNTHETIC_TEST for this gateway',
          );
        }
        const counts = datadogRequestCounts(gateway, collection);
        this.slo = new datadogResources.ServiceLevelObjective(this, 'slo', { ...base, type: 'metric', query: { numerator: counts.good, denominator: counts.total } });
        break;
      }
      case DatadogSloSource.READINESS_MONITOR: {
        if (!props.monitors) {
          failValidation(subject, 'source READINESS_MONITOR needs monitors', 'pass the DatadogMonitors construct of the same gateway as monitors');
        }
        requireSameGateway(subject, 'monitors', props.monitors.gateway, gateway);
        const monitorId = Token.asNumber(props.monitors.readinessMonitor.id);
        this.slo = new datadogResources.ServiceLevelObjective(this, 'slo', { ...base, type: 'monitor', monitorIds: [monitorId] });
        break;
      }
      default: {
        const monitorId = props.synthetics?.endpointMonitorId;
        if (monitorId === undefined) {
          failValidation(subject, 'source SYNTHETIC_TEST needs synthetics with an endpoint test', 'pass a DatadogSynthetics construct that has endpoint: { url } as synthetics');
        }
        this.slo = new datadogResources.ServiceLevelObjective(this, 'slo', { ...base, type: 'monitor', monitorIds: [monitorId] });
      }
    }
  }
}

function describe(source: DatadogSloSource): string {
  switch (source) {
    case DatadogSloSource.ERROR_RATIO: return 'share of proxied requests not answered with 5xx';
    case DatadogSloSource.READINESS_MONITOR: return 'time every node passes /status/ready';
    default: return 'time the endpoint test through the load balancer passes';
  }
}

/** A gateway is its name and environment: `edge` in staging is not `edge` in production. */
function requireSameGateway(subject: string, field: string, theirs: KongGateway, ours: KongGateway): void {
  if (theirs.name === ours.name && theirs.environment === ours.environment) return;
  const label = (g: KongGateway) => (theirs.name === ours.name ? `'${g.name}' (${g.environment})` : `'${g.name}'`);
  failValidation(subject, `${field} belongs to gateway ${label(theirs)}, not ${label(ours)}`, `pass the ${field} construct built for gateway ${label(ours)}`);
}

/** 0.999 as the percentage it was meant to be: 99.9. */
function asPercent(fraction: number): number {
  return Number((fraction * 100).toPrecision(12));
}
