import { SignalUnit } from './signal-vocabulary';
import { Duration } from '../core/duration';
import { checkCall } from '../core/input-shape';
import { failValidation } from '../core/validation';

/**
 * A threshold with its unit, so a latency is never read as a ratio nor a percentage as a
 * share: `SignalThreshold.percent(5)` and `SignalThreshold.ratio(0.05)` are the same
 * threshold, `SignalThreshold.milliseconds(500)` a latency. The catalog refuses a threshold
 * whose unit is not the signal's.
 */
export class SignalThreshold {
  /** A share between 0 and 1, e.g. 0.05 for 5 %. */
  public static ratio(value: number): SignalThreshold {
    checkCall('SignalThreshold.ratio', value);
    if (!(value >= 0 && value <= 1)) {
      failValidation('SignalThreshold.ratio', `${value} is not between 0 and 1`, value > 1 && value <= 100 ? `give a share, e.g. ${value / 100} for ${value} %, or use SignalThreshold.percent(${value})` : 'give a share between 0 and 1, e.g. 0.05 for 5 %');
    }
    return new SignalThreshold(SignalUnit.RATIO, value, `${value}`);
  }

  /** A percentage between 0 and 100, e.g. 5 for 5 % (the ratio 0.05). */
  public static percent(value: number): SignalThreshold {
    checkCall('SignalThreshold.percent', value);
    if (!(value >= 0 && value <= 100)) {
      failValidation('SignalThreshold.percent', `${value} is not between 0 and 100`, 'give a percentage between 0 and 100, e.g. 5 for 5 %');
    }
    // 5 % is the ratio 0.05, without floating-point noise (5 / 100 is exact, 0.7 / 100 is not).
    return new SignalThreshold(SignalUnit.RATIO, Number((value / 100).toPrecision(12)), `${value} %`);
  }

  /** A latency in milliseconds, e.g. 500. */
  public static milliseconds(value: number): SignalThreshold {
    checkCall('SignalThreshold.milliseconds', value);
    requireFinite('SignalThreshold.milliseconds', value, 'give a latency in milliseconds, e.g. 500');
    return new SignalThreshold(SignalUnit.MILLISECONDS, value, `${value} ms`);
  }

  /** A latency given as a duration, e.g. `Duration.seconds(2)` (2000 ms). */
  public static latency(duration: Duration): SignalThreshold {
    checkCall('SignalThreshold.latency', duration);
    return new SignalThreshold(SignalUnit.MILLISECONDS, duration.toSeconds() * 1000, duration.toPrometheus());
  }

  /** A number of days, e.g. 14. */
  public static days(value: number): SignalThreshold {
    checkCall('SignalThreshold.days', value);
    requireFinite('SignalThreshold.days', value, 'give a number of days, e.g. 14');
    return new SignalThreshold(SignalUnit.DAYS, value, `${value} days`);
  }

  /** A count of things (nodes, configurations, errors), e.g. 2. */
  public static count(value: number): SignalThreshold {
    checkCall('SignalThreshold.count', value);
    requireFinite('SignalThreshold.count', value, 'give a count, e.g. 2');
    return new SignalThreshold(SignalUnit.COUNT, value, `${value}`);
  }

  /** The unit. */
  public readonly unit: SignalUnit;
  /** The value in the unit (a ratio for percentages). */
  public readonly value: number;
  /** How it was written, for messages: `5 %`, `500 ms`, `2s`. */
  public readonly text: string;

  private constructor(unit: SignalUnit, value: number, text: string) {
    this.unit = unit;
    this.value = value;
    this.text = text;
  }
}

function requireFinite(call: string, value: number, fix: string): void {
  if (!Number.isFinite(value)) failValidation(call, `${value} is not a finite number`, fix);
}
