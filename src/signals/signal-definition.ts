import { SignalPanel } from './panel-placement';
import { DatadogSelectors, GatewayIdentity, PromSelectors } from './selectors';
import { SignalSource } from './signal-source';
import { DatadogCollection, DatadogQueryKind } from './signal-types';
import { Duration } from '../core/duration';
import { DeploymentMode } from '../gateway/deployment-mode';
import { KongEdition, KongVersion } from '../gateway/kong-version';
import { NoDataPolicy, Severity, SignalPractice, SignalScope, SignalUnit, ThresholdDirection } from '../gateway/signal-vocabulary';

/**
 * How a signal reads in Datadog for one collection path (internal to the catalog). It
 * measures what the signal's title, unit and thresholds say, as every backend does: a form
 * that cannot is left out (`datadogGap` says why), never given a meaning of its own.
 */
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
  /** What produces the data this form reads, and how it reaches Datadog. */
  readonly sources: SignalSource[];
}

/** Which Kong releases export a signal's data; absent means every supported release. */
export interface KongAvailability {
  /** True when this Kong emits the data. */
  readonly emittedBy: (version: KongVersion, edition: KongEdition) => boolean;
  /** Where it exists, in words, e.g. `Kong Gateway Enterprise 3.10+`. */
  readonly where: string;
  /** What watches the same failure when this Kong lacks the data. */
  readonly alternative: string;
}

/** The gateway facts a signal's thresholds and windows may depend on. */
export type SignalGateway = GatewayIdentity & { readonly startupWindow: Duration; readonly runbookBaseUrl?: string };

/** One health signal, defined once. Backends render it; nothing else spells its queries. */
export interface SignalDefinition {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly scope: SignalScope;
  readonly modes: DeploymentMode[];
  readonly severity: Severity;
  readonly direction: ThresholdDirection;
  /** The unit the value and thresholds are in. */
  readonly unit: SignalUnit;
  /** What is measured, in words: `ratio of requests`, `milliseconds`, `days until expiry`. */
  readonly quantity: string;
  /** Allowed threshold range, inclusive, so a percentage typed as 5 instead of 0.05 fails. */
  readonly range: [number, number];
  /**
   * The values the signal can take, where it is bounded (a ratio lies in 0..1): a threshold at
   * or beyond a bound on the side the signal alerts can never fire.
   */
  readonly bounds?: [number, number];
  readonly warning?: number;
  readonly critical: number;
  readonly window: (gateway: SignalGateway) => Duration;
  readonly runbook: string;
  /** What a rule does when the whole query returns nothing. */
  readonly noData: NoDataPolicy;
  /** The practice whose construct renders the signal's alerts. */
  readonly practice: SignalPractice;
  /** The signal's panel on both dashboards: section, order, drawing, title. */
  readonly dashboard: SignalPanel;
  /** Kong releases and editions whose exporter emits the data; every release when absent. */
  readonly availability?: KongAvailability;
  /** PromQL whose value is compared with the thresholds, one series per alert group. */
  readonly promql: (q: PromSelectors) => string;
  /** Labels that name an alert group in PromQL results (e.g. `pod` for per-node signals). */
  readonly promqlGroupBy: string[];
  /** What produces the series the PromQL reads. */
  readonly prometheusSources: SignalSource[];
  /** Datadog forms per collection path; absent where Datadog has no such data. */
  readonly datadog: (d: DatadogSelectors, collection: DatadogCollection) => DatadogDefinition | undefined;
  /** Why Datadog has no form (shown at synth and in the README) where `datadog` gives none on every path. */
  readonly datadogGap?: string;
}
