import { checkCall } from './input-shape';
import { failValidation } from './validation';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * A span of time. Thresholds, windows and probe timings carry units in their type,
 * and are converted to seconds or to a backend's notation only where a resource is written.
 */
export class Duration {
  /** A duration of `amount` seconds. */
  public static seconds(amount: number): Duration {
    checkCall('Duration.seconds', amount);
    return new Duration(amount);
  }

  /** A duration of `amount` minutes. */
  public static minutes(amount: number): Duration {
    checkCall('Duration.minutes', amount);
    return new Duration(amount * 60);
  }

  /** A duration of `amount` hours. */
  public static hours(amount: number): Duration {
    checkCall('Duration.hours', amount);
    return new Duration(amount * 3600);
  }

  /** A duration of `amount` days. */
  public static days(amount: number): Duration {
    checkCall('Duration.days', amount);
    return new Duration(amount * 86400);
  }

  /**
   * Parses Prometheus-style notation: one or more `<integer><unit>` parts with units
   * `s`, `m`, `h`, `d` (for example `90s`, `5m`, `1h30m`).
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
      failValidation('Duration', `'${text}' is not a duration`, "write it as integers with units s, m, h or d, e.g. '90s', '5m' or '1h30m'");
    }
    return new Duration(total);
  }

  private constructor(private readonly totalSeconds: number) {
    if (!Number.isFinite(totalSeconds) || totalSeconds < 0 || !Number.isInteger(totalSeconds)) {
      failValidation('Duration', `${totalSeconds} seconds is not a whole, non-negative number of seconds`, 'use a whole number of seconds of 0 or more');
    }
  }

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
