import { checkCall } from './input-shape';
import { failValidation } from './validation';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * No setting of the library needs more than a year (the longest, an SLO window, is 90 days);
 * beyond it a value is a mistake that would render as `100000000d` or `1.44e+23m`.
 */
const MAX_DAYS = 365;
const MAX_SECONDS = MAX_DAYS * 86400;

/**
 * A span of time. Thresholds, windows and probe timings carry units in their type,
 * and are converted to seconds or to a backend's notation only where a resource is written.
 */
export class Duration {
  /** A duration of `amount` seconds: whole, 0 or more, at most 365 days. */
  public static seconds(amount: number): Duration {
    checkCall('Duration.seconds', amount);
    return Duration.of('Duration.seconds', amount, 'seconds', 1);
  }

  /** A duration of `amount` minutes (a fraction is fine when it makes whole seconds: `1.5`). */
  public static minutes(amount: number): Duration {
    checkCall('Duration.minutes', amount);
    return Duration.of('Duration.minutes', amount, 'minutes', 60);
  }

  /** A duration of `amount` hours. */
  public static hours(amount: number): Duration {
    checkCall('Duration.hours', amount);
    return Duration.of('Duration.hours', amount, 'hours', 3600);
  }

  /** A duration of `amount` days, at most 365. */
  public static days(amount: number): Duration {
    checkCall('Duration.days', amount);
    return Duration.of('Duration.days', amount, 'days', 86400);
  }

  /**
   * Parses Prometheus-style notation: one or more `<integer><unit>` parts with units
   * `s`, `m`, `h`, `d` (for example `90s`, `5m`, `1h30m`), at most `365d`.
   */
  public static parse(text: string): Duration {
    checkCall('Duration.parse', text);
    const trimmed = text.trim();
    const part = /(\d+)([smhd])/g;
    let total = 0;
    let consumed = '';
    let match: RegExpExecArray | null;
    while ((match = part.exec(trimmed)) !== null) {
      total += Number(match[1]) * UNIT_SECONDS[match[2]];
      consumed += match[0];
    }
    if (trimmed.length === 0 || consumed !== trimmed) {
      failValidation('Duration.parse', `'${text}' is not a duration`, "write it as integers with units s, m, h or d, e.g. '90s', '5m' or '1h30m'");
    }
    if (total > MAX_SECONDS) {
      failValidation('Duration.parse', `'${text}' is more than ${MAX_DAYS} days, longer than any setting of the library needs`, `give at most '${MAX_DAYS}d'`);
    }
    return new Duration(total);
  }

  /** Checks an amount of a unit and makes the duration; `call` names the factory in messages. */
  private static of(call: string, amount: number, unit: string, unitSeconds: number): Duration {
    const seconds = amount * unitSeconds;
    if (amount < 0) failValidation(call, `${amount} ${unit} is negative`, 'give a duration of 0 or more');
    if (seconds > MAX_SECONDS) {
      failValidation(call, `${amount} ${unit} is more than ${MAX_DAYS} days, longer than any setting of the library needs`, `give at most Duration.days(${MAX_DAYS})`);
    }
    // Floating point: 0.1 minutes is 6.000000000000001 seconds.
    const whole = Math.round(seconds);
    if (Math.abs(seconds - whole) > 1e-9) {
      const what = unitSeconds === 1 ? `${amount} seconds is not` : `${amount} ${unit} is ${Number(seconds.toPrecision(12))} seconds, not`;
      failValidation(call, `${what} a whole number of seconds`, 'give whole seconds (Kubernetes, Datadog and Grafana count in whole seconds)');
    }
    return new Duration(whole);
  }

  private constructor(private readonly totalSeconds: number) {}

  /** Whole seconds. */
  public toSeconds(): number {
    return this.totalSeconds;
  }

  /** Whole minutes, rounded up (Datadog windows and no-data timeframes are in minutes). */
  public toMinutesCeil(): number {
    return Math.ceil(this.totalSeconds / 60);
  }

  /** Prometheus and Grafana notation, largest units first: `1h30m`, `5m`, `45s`, `0s`. */
  public toPrometheus(): string {
    if (this.totalSeconds === 0) return '0s';
    let rest = this.totalSeconds;
    let out = '';
    for (const unit of ['d', 'h', 'm', 's']) {
      const size = UNIT_SECONDS[unit];
      const count = Math.floor(rest / size);
      if (count > 0) {
        out += `${count}${unit}`;
        rest -= count * size;
      }
    }
    return out;
  }

  /** True when this duration is longer than `other`. */
  public isLongerThan(other: Duration): boolean {
    checkCall('Duration.isLongerThan', other);
    return this.totalSeconds > other.totalSeconds;
  }

  /** The sum of this duration and `other`. */
  public plus(other: Duration): Duration {
    checkCall('Duration.plus', other);
    return new Duration(this.totalSeconds + other.totalSeconds);
  }
}
