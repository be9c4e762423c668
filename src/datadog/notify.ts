import { SignalId } from '../gateway/signal-vocabulary';

/**
 * Where Datadog notifications go, per severity: `@`-handles such as `@pagerduty-kong`,
 * `@slack-kong-alerts`, `@team-platform` or `@oncall@example.com`.
 *
 * The critical level of a CRITICAL signal goes to `critical`; every other level (the
 * warning level of any signal, and the critical level of a WARNING signal) goes to
 * `warning`. A severity without a list of its own uses `fallback`.
 */
export interface DatadogNotifyProps {
  /**
   * Handles paged for critical alerts.
   * @default - `fallback`
   */
  readonly critical?: string[];

  /**
   * Handles told about warnings.
   * @default - `fallback`
   */
  readonly warning?: string[];

  /**
   * Handles for a severity that has no list of its own.
   * @default - none: every severity that occurs must then have its own list
   */
  readonly fallback?: string[];
}

/** Datadog-side settings for one signal of one gateway. */
export interface DatadogSignalOptions {
  /** The signal these settings apply to. */
  readonly signal: SignalId;

  /**
   * Set false to create no Datadog monitor for the signal (the other backends keep it;
   * to drop it everywhere use the gateway's `signalOverrides`).
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Handles for this signal only; a severity it leaves out falls back to its own `fallback`,
   * then to the monitors' `notify`.
   * @default - the monitors' `notify`
   */
  readonly notify?: DatadogNotifyProps;

  /**
   * Service-check monitors only: consecutive OK checks before an alert recovers
   * (Datadog's `ok` threshold), to stop a flapping node from paging twice. It must not exceed
   * the monitor's `.last(N)` count.
   * @default - Datadog's default (1)
   */
  readonly recoveryChecks?: number;
}
