import { failValidation } from '../../core/validation';
import { DatadogQueryKind } from '../../signals/signal-types';

/** A comparator and a plain decimal number (no exponent, leading zero kept) ending a metric monitor query. */
const METRIC_TAIL = /\s(<=|>=|<|>|==|!=)\s(-?(?:0|[1-9]\d*)(?:\.\d+)?)$/;
/** The `.last(N).count_by_status()` tail of a service-check query. */
const SERVICE_CHECK_TAIL = /\.last\((\d+)\)\.count_by_status\(\)$/;

/** The thresholds a monitor is created with, as the provider receives them (strings). */
export interface RenderedThresholds {
  readonly critical: string;
  readonly warning?: string;
  readonly ok?: string;
}

/**
 * Holds a rendered monitor against the rules Datadog's API enforces at apply time, so the
 * mistake fails at synth instead:
 * - metric monitors: the query must end with `<comparator> <number>` written as a plain
 *   decimal, and that number must equal the critical threshold;
 * - service checks: `.last(N)` must be at least the largest threshold.
 */
export function checkMonitorConsistency(subject: string, monitorName: string, kind: DatadogQueryKind, query: string, thresholds: RenderedThresholds): void {
  if (kind === DatadogQueryKind.METRIC) {
    const tail = METRIC_TAIL.exec(query);
    if (!tail) {
      const end = query.slice(Math.max(0, query.lastIndexOf(' ') + 1));
      failValidation(
        subject,
        `monitor '${monitorName}' query ends with '${end}', which Datadog does not read as the critical threshold ${thresholds.critical}`,
        'give the threshold as a plain decimal number (no exponent such as 1e-7), e.g. 0.0001',
      );
    }
    if (Number(tail[2]) !== Number(thresholds.critical) || tail[2] !== thresholds.critical) {
      failValidation(
        subject,
        `monitor '${monitorName}' has critical threshold ${thresholds.critical} but its query compares with ${tail[2]}; Datadog rejects such a monitor`,
        'make the critical threshold and the number in the query the same (set it in the gateway\'s signalOverrides, which renders both)',
      );
    }
    return;
  }
  const last = SERVICE_CHECK_TAIL.exec(query);
  if (!last) {
    failValidation(subject, `monitor '${monitorName}' service-check query has no .last(N).count_by_status() ending`, 'render service checks from the signal catalog');
  }
  const count = Number(last[1]);
  const named = [['critical', thresholds.critical], ['warning', thresholds.warning], ['ok', thresholds.ok]] as const;
  for (const [name, value] of named) {
    if (value !== undefined && Number(value) > count) {
      failValidation(
        subject,
        `monitor '${monitorName}' counts the last ${count} checks but its ${name} threshold is ${value}; Datadog needs last(N) >= every threshold`,
        `lower the ${name} threshold to ${count} or less, or lengthen the signal's window so it spans more checks`,
      );
    }
  }
}
