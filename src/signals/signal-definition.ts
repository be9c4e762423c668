import { GatewayIdentity } from './selectors';
import { DatadogCollection, DatadogQueryKind, Severity, SignalId, SignalScope, ThresholdDirection } from './signal-types';
import { Duration } from '../core/duration';
import { DeploymentMode } from '../gateway/deployment-mode';

/** How a signal reads in Datadog for one collection path (internal to the catalog). */
export interface DatadogDefinition {
  readonly kind: DatadogQueryKind;
  /** Metric monitors: time aggregation over the window (`min` for "above", `max` for "below": the condition held throughout). */
  readonly timeAggregation?: 'avg' | 'min' | 'max' | 'sum';
  /** Metric monitors: the expression after `time_aggr(window):`, without comparator. */
  readonly expression?: string;
  /** Service-check monitors: the check name. */
  readonly check?: string;
  /** Service-check monitors: the `.over(...)` tags. */
  readonly over?: string[];
  /** Tags each alert group is split by; empty for a single-group monitor. */
  readonly groupBy: string[];
  /** Title when the Datadog form measures something else than the catalog title says. */
  readonly title?: string;
  /** Description to go with such a title. */
  readonly description?: string;
  /** Default thresholds when the Datadog form has another unit or statistic (e.g. mean instead of p99). */
  readonly warning?: number;
  readonly critical?: number;
}

/** One health signal, defined once. Backends render it; nothing else spells its queries. */
export interface SignalDefinition {
  readonly id: SignalId;
  readonly title: string;
  readonly description: string;
  readonly scope: SignalScope;
  readonly modes: DeploymentMode[];
  readonly severity: Severity;
  readonly direction: ThresholdDirection;
  readonly unit: string;
  /** Allowed threshold range, inclusive, so a percentage typed as 5 instead of 0.05 fails. */
  readonly range: [number, number];
  readonly warning?: number;
  readonly critical: number;
  readonly window: (gateway: GatewayIdentity & { readonly startupWindow: Duration }) => Duration;
  readonly runbook: string;
  /** PromQL whose value is compared with the thresholds, one series per alert group. */
  readonly promql: (gateway: GatewayIdentity) => string;
  /** Labels that name an alert group in PromQL results (e.g. `pod` for per-node signals). */
  readonly promqlGroupBy: string[];
  /** Datadog forms per collection path; absent where Datadog has no such data. */
  readonly datadog: (gateway: GatewayIdentity, collection: DatadogCollection) => DatadogDefinition | undefined;
}
