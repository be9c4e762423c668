import { DashboardSection } from './dashboard-vocabulary';
import { SignalThreshold } from './signal-threshold';
import { NoDataPolicy, Severity, SignalPractice, SignalScope, ThresholdDirection } from './signal-vocabulary';
import { Duration } from '../core/duration';

/** The placeholder a custom signal's PromQL puts inside each selector: the gateway's matchers go there. */
export const PROMQL_GATEWAY_SELECTOR = '$KONG_SELECTOR';

/** The placeholder a custom signal's Datadog query puts inside each filter: the gateway's tags go there. */
export const DATADOG_GATEWAY_TAGS = '$KONG_TAGS';

/** How a Datadog metric monitor reduces its query over the window. */
export enum DatadogTimeAggregation {
  /** The average over the window. */
  AVG = 'avg',
  /** The lowest value: with `ABOVE`, the condition held for the whole window. */
  MIN = 'min',
  /** The highest value: with `BELOW`, the condition held for the whole window. */
  MAX = 'max',
  /** The sum over the window: for ratios of counts (`.as_count()`). */
  SUM = 'sum',
}

/** A custom signal's Datadog metric query, per collection path. */
export interface CustomSignalDatadog {
  /**
   * Query over the metrics of the Datadog Agent's Kong integration, the part after
   * `time_aggr(window):` without comparator. Put `$KONG_TAGS` in every `{…}` filter: the
   * gateway's tags go there, e.g.
   * `sum:kong.http.requests.count{$KONG_TAGS,code:429}.as_count() / sum:kong.http.requests.count{$KONG_TAGS}.as_count()`.
   * @default - no monitor on the Agent's metrics (synth says which backend covers the signal)
   */
  readonly agentIntegration?: string;

  /**
   * The same over the metrics Kong's Datadog plugin sends (`kong.request.count`, `kong.latency`, …).
   * @default - no monitor on the plugin's metrics
   */
  readonly kongPlugin?: string;

  /**
   * How the monitor reduces the query over the window.
   * @default - the condition held throughout: `MIN` for `ABOVE`, `MAX` for `BELOW`
   */
  readonly timeAggregation?: DatadogTimeAggregation;

  /**
   * Tags each alert group is split by (a multi-alert), e.g. `['service']`.
   * @default - one group for the gateway
   */
  readonly groupBy?: string[];
}

/**
 * A signal of your own, declared with the gateway it watches: rendered by every backend and
 * on both dashboards through the same path as the catalog's signals. Give the query once per
 * language; the library binds it to the gateway (its pods, namespace and, on a central store,
 * cluster), traces its metrics to what emits them, and checks thresholds and window as it
 * checks its own.
 */
export interface CustomSignal {
  /** Id, lower-case words joined by `-` (e.g. `rate-limited-ratio`), unique on the gateway and not a catalog id. */
  readonly id: string;

  /** Alert title, e.g. `Kong 429 ratio high`. */
  readonly title: string;

  /** What the signal measures and why it matters; alert descriptions start with it. */
  readonly description: string;

  /** What to do when it fires; alerts carry it. */
  readonly runbook: string;

  /** What one value stands for: decides the dashboard section by default. */
  readonly scope: SignalScope;

  /** Whether the alert fires above or below the thresholds. */
  readonly direction: ThresholdDirection;

  /** Critical threshold; its unit is the signal's unit (`SignalThreshold.ratio`, `.milliseconds`, `.count`, `.days`). */
  readonly critical: SignalThreshold;

  /**
   * Warning threshold, in the critical threshold's unit.
   * @default - no warning level
   */
  readonly warning?: SignalThreshold;

  /** How long the condition must hold before the alert fires: 1 second to 7 days. */
  readonly window: Duration;

  /**
   * PromQL whose value is compared with the thresholds. Put `$KONG_SELECTOR` in every `{…}`
   * selector (the gateway's matchers go there), e.g.
   * `sum(rate(kong_http_requests_total{$KONG_SELECTOR,code="429"}[1m])) / sum(rate(kong_http_requests_total{$KONG_SELECTOR}[1m]))`.
   */
  readonly promql: string;

  /**
   * Labels that name one alert group in the PromQL result (`pod` for one alert per node).
   * @default - one group for the gateway
   */
  readonly promqlGroupBy?: string[];

  /**
   * The signal in Datadog.
   * @default - no Datadog monitor (synth says which backend covers the signal)
   */
  readonly datadog?: CustomSignalDatadog;

  /**
   * How urgent the alert is.
   * @default Severity.WARNING
   */
  readonly severity?: Severity;

  /**
   * What a rule does when the whole query returns nothing.
   * @default NoDataPolicy.OK
   */
  readonly noData?: NoDataPolicy;

  /**
   * The practice construct that renders its alerts.
   * @default SignalPractice.HEALTH_ALERTING
   */
  readonly practice?: SignalPractice;

  /**
   * Dashboard section of its panel; it comes after the section's catalog panels.
   * @default - by scope: nodes, traffic, upstreams, cluster health or resources
   */
  readonly dashboardSection?: DashboardSection;
}
