import { Duration } from '../../core/duration';
import { failValidation } from '../../core/validation';
import { Severity, SignalId } from '../../gateway/signal-vocabulary';
import { ResolvedSignal } from '../../signals/resolved-signal';
import { DatadogNotifyProps, DatadogSignalOptions } from '../notify';

/** Values the provider accepts for synthetics `renotify_interval`, used for monitors too (minutes). */
export const RENOTIFY_MINUTES: number[] = [0, 10, 20, 30, 40, 50, 60, 90, 120, 180, 240, 300, 360, 720, 1440];

/**
 * A Datadog `@`-mention (`@slack-kong`, `@pagerduty-Kong_API`, `@oncall@example.com`): letters,
 * digits, `-`, `_`, `.`, `+` and `@`. Handles are written into the monitor's message, a
 * template: `{{/is_alert}}` in a handle would end the alert block early.
 */
const HANDLE = /^@[A-Za-z0-9][A-Za-z0-9._+@-]*$/;

/** Validates every handle of a notify block; `where` names the field in messages. */
export function validateHandles(subject: string, where: string, notify: DatadogNotifyProps | undefined): void {
  if (!notify) return;
  for (const [field, handles] of [['critical', notify.critical], ['warning', notify.warning], ['fallback', notify.fallback]] as const) {
    for (const handle of handles ?? []) {
      if (!HANDLE.test(handle)) {
        const template = /[{}]/.test(handle) ? ": '{' and '}' would change the monitor's message template" : '';
        const example = handle.replace(/^@+/, '').replace(/[{}]+[^{}]*[{}]+/g, '').replace(/[^A-Za-z0-9._+@-]+/g, '-').replace(/^-+|-+$/g, '') || 'slack-kong-alerts';
        failValidation(
          subject,
          `${where}.${field} has '${handle}', which is not a Datadog handle${template}`,
          `write it as an @-mention of letters, digits, '-', '_', '.', '+' and '@' (an email), e.g. '@${template ? 'pagerduty-kong' : example}'`,
        );
      }
    }
  }
}

/**
 * Checks per-signal entries: each names a signal the gateway has (`signals`, its ids), once,
 * with valid handles and recovery count. `field` is the user's path to the list.
 */
export function validateSignalOptions(subject: string, field: string, signals: string[], list: DatadogSignalOptions[]): void {
  const seen = new Set<SignalId>();
  for (const option of list) {
    if (seen.has(option.signal)) {
      failValidation(subject, `${field} lists '${option.signal}' twice`, 'merge the two entries into one');
    }
    seen.add(option.signal);
    if (!signals.includes(option.signal)) {
      failValidation(
        subject,
        `${field} configures '${option.signal}', which this gateway does not have (its mode, Kong version or signalOverrides leave it out)`,
        `remove the entry; the gateway's signals are ${signals.join(', ')}`,
      );
    }
    validateHandles(subject, `${field}['${option.signal}'].notify`, option.notify);
    if (option.recoveryChecks !== undefined && (!Number.isInteger(option.recoveryChecks) || option.recoveryChecks < 1)) {
      failValidation(subject, `${field}['${option.signal}'].recoveryChecks ${option.recoveryChecks} must be a whole number of 1 or more`, 'set it to 1 or more, or leave it out');
    }
  }
}

/** The handle list a notify block gives for a severity, or undefined when it gives none. */
export function pickHandles(notify: DatadogNotifyProps | undefined, severity: Severity): string[] | undefined {
  if (!notify) return undefined;
  const own = severity === Severity.CRITICAL ? notify.critical : notify.warning;
  return own ?? notify.fallback;
}

/**
 * Handles for an alert of `severity` on one signal: the signal's own list, then the
 * per-severity list, then the fallback. Fails when the result is empty, because a monitor
 * that notifies nobody is a silent outage.
 */
export function resolveHandles(
  subject: string,
  notify: DatadogNotifyProps,
  severity: Severity,
  signal: ResolvedSignal,
  override?: DatadogSignalOptions,
  purpose = `${severity} alerts`,
): string[] {
  const fromSignal = pickHandles(override?.notify, severity);
  const handles = fromSignal ?? pickHandles(notify, severity);
  if (!handles || handles.length === 0) {
    const source = fromSignal !== undefined ? `signals['${signal.id}'].notify` : 'notify';
    failValidation(
      subject,
      `${source} gives no ${severity} notification target, but signal '${signal.id}' raises ${purpose}`,
      `add at least one handle to ${source}.${severity} (or ${source}.fallback), e.g. ['${severity === Severity.CRITICAL ? '@pagerduty-kong' : '@slack-kong-alerts'}']`,
    );
  }
  return [...new Set(handles)];
}

/** Validates a renotify interval against the provider's allowed values. */
export function renotifyMinutes(subject: string, field: string, interval: Duration): number {
  const seconds = interval.toSeconds();
  const minutes = seconds / 60;
  if (!Number.isInteger(minutes) || !RENOTIFY_MINUTES.includes(minutes)) {
    failValidation(
      subject,
      `${field} ${interval.toPrometheus()} is not an interval Datadog offers`,
      `use one of ${RENOTIFY_MINUTES.map((m) => `${m}m`).join(', ')} (0 turns re-notification off)`,
    );
  }
  return minutes;
}
