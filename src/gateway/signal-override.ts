import { SignalThreshold } from './signal-threshold';
import { SignalId } from './signal-vocabulary';
import { Duration } from '../core/duration';

/** Changes one signal of the catalog for one gateway. */
export interface SignalOverride {
  /** The signal to change. */
  readonly signal: SignalId;

  /**
   * Set false to drop the signal from every backend for this gateway.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Warning threshold, in the signal's unit (see the catalog table in the README):
   * `SignalThreshold.ratio(0.02)` or `.percent(2)` for a ratio, `.milliseconds(300)` for a
   * latency, `.days(30)`, `.count(2)`. A threshold in another unit, or one a bounded signal can
   * never cross (a ratio alerting below 0 or above 1), is refused.
   * @default - the catalog's warning threshold
   */
  readonly warning?: SignalThreshold;

  /**
   * Critical threshold, in the signal's unit.
   * @default - the catalog's critical threshold
   */
  readonly critical?: SignalThreshold;

  /**
   * How long the condition must hold before the alert fires (Prometheus `for`,
   * Datadog evaluation window): at least 1 second, at most 7 days (Datadog's longest window).
   * @default - the catalog's window
   */
  readonly window?: Duration;
}
