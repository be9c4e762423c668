/**
 * A model of how Datadog evaluates a rendered monitor over time, for the options the library
 * writes, so tests can say which groups notify, and with what, in a scenario (a roll-out,
 * an unready pod). Each rule is Datadog's documented behaviour:
 *
 * - Groups: a multi-alert monitor keeps one state per group (one value per group-by key);
 *   "status is tracked by group" (docs.datadoghq.com/monitors/guide/troubleshooting-monitor-alerts).
 * - Service checks (check alert): "tracks consecutive statuses submitted per check grouping
 *   and compares it to your thresholds"; it alerts after `critical` consecutive CRITICAL
 *   statuses and resolves after `ok` consecutive OK statuses (default 1)
 *   (docs.datadoghq.com/monitors/types/custom_check).
 * - Metric monitors: every minute, the group's values in the last window are reduced by the
 *   time aggregation and compared with the thresholds (docs.datadoghq.com/monitors/configuration).
 * - `new_group_delay`: a group is not evaluated until that many seconds after it first
 *   reports (docs.datadoghq.com/monitors/configuration, "New group delay").
 * - Missing data, per group: `notify_no_data` notifies NO DATA once a group that reported
 *   has sent nothing for `no_data_timeframe` minutes; `on_missing_data` (metric monitors)
 *   `resolve` shows OK, `show_no_data` shows NO DATA without notifying,
 *   `show_and_notify_no_data` notifies (docs.datadoghq.com/monitors/guide/on_missing_data);
 *   otherwise the group keeps its last state, and `timeout_h` resolves a triggered group after
 *   that many hours without data (provider docs, datadog_monitor `timeout_h`).
 * - Notifications: a transition to ALERT, WARN or a notified NO DATA, and a recovery, send
 *   the message section of that state; `renotify_interval` repeats an unresolved ALERT.
 *
 * Simplifications: one evaluation per minute for metric monitors and one per check run for
 * service checks; values are whole samples (no rollups); no evaluation delay.
 */
import { parseMetricMonitorQuery, parseServiceCheckQuery } from './datadog-query';

export type CheckStatus = 'OK' | 'CRITICAL';

/** One submission of data for one group: a service-check status or a metric value. */
export interface Sample {
  /** Seconds since the scenario's start. */
  readonly at: number;
  /** The group, as `key:value` pairs joined by ',' in the monitor's group-by order. */
  readonly group: string;
  readonly status?: CheckStatus;
  readonly value?: number;
}

export type MonitorState = 'OK' | 'ALERT' | 'WARN' | 'NO DATA';

/** One notification the monitor sends. */
export interface Notification {
  readonly at: number;
  readonly group: string;
  /** The state it announces (`OK` is a recovery). */
  readonly state: MonitorState;
  readonly renotify: boolean;
  /** The @-handles of the message section it sends. */
  readonly handles: string[];
}

const SECTION = (name: string) => new RegExp(`\\{\\{#${name}\\}\\}([\\s\\S]*?)\\{\\{/${name}\\}\\}`);

function handlesIn(message: string, section: string): string[] {
  const body = SECTION(section).exec(message)?.[1] ?? '';
  return body.split(/\s+/).filter((w) => w.startsWith('@'));
}

function sectionOf(state: MonitorState): string {
  return { 'OK': 'is_recovery', 'ALERT': 'is_alert', 'WARN': 'is_warning', 'NO DATA': 'is_no_data' }[state];
}

interface GroupState {
  state: MonitorState;
  firstSeen: number;
  lastSeen: number;
  triggeredAt?: number;
  lastNotifiedAt?: number;
  statuses: CheckStatus[];
  values: Array<{ at: number; value: number }>;
}

/** Runs a rendered monitor (its synthesized JSON) over samples until `until` seconds; returns its notifications. */
export function evaluateMonitor(monitor: any, samples: Sample[], until: number, checkIntervalSeconds = 15): Notification[] {
  const isServiceCheck = monitor.type === 'service check';
  const thresholds = monitor.monitor_thresholds ?? {};
  const critical = Number(thresholds.critical);
  const warning = thresholds.warning === undefined ? undefined : Number(thresholds.warning);
  const okCount = thresholds.ok === undefined ? 1 : Number(thresholds.ok);
  const newGroupDelay = monitor.new_group_delay ?? 0;
  const noDataSeconds = monitor.notify_no_data ? (monitor.no_data_timeframe ?? 10) * 60 : undefined;
  const onMissing: string | undefined = monitor.on_missing_data;
  const timeoutSeconds = monitor.timeout_h ? monitor.timeout_h * 3600 : undefined;
  const renotifySeconds = monitor.renotify_interval ? monitor.renotify_interval * 60 : undefined;
  const renotifyStatuses: string[] = monitor.renotify_statuses ?? ['alert'];
  const metric = isServiceCheck ? undefined : parseMetricMonitorQuery(monitor.query);
  // Service checks hold their `.by(...)` keys; either way, a sample's group names them.
  if (isServiceCheck) parseServiceCheckQuery(monitor.query);

  const groups = new Map<string, GroupState>();
  const out: Notification[] = [];
  const notify = (at: number, group: string, state: MonitorState, renotify = false) => {
    out.push({ at, group, state, renotify, handles: handlesIn(monitor.message, sectionOf(state)) });
  };
  const transition = (g: GroupState, name: string, at: number, next: MonitorState, notifyIt: boolean) => {
    if (g.state === next) return;
    const previous = g.state;
    g.state = next;
    if (next === 'ALERT' || next === 'WARN') g.triggeredAt = at;
    if (!notifyIt) return;
    if (next === 'OK' && previous === 'NO DATA' && !monitor.notify_no_data && onMissing !== 'show_and_notify_no_data') return;
    notify(at, name, next);
    g.lastNotifiedAt = at;
  };

  const sorted = [...samples].sort((a, b) => a.at - b.at);
  let next = 0;
  const step = isServiceCheck ? checkIntervalSeconds : 60;
  for (let now = 0; now <= until; now += step) {
    // Take in everything submitted up to now.
    while (next < sorted.length && sorted[next].at <= now) {
      const s = sorted[next++];
      const g = groups.get(s.group) ?? { state: 'OK' as MonitorState, firstSeen: s.at, lastSeen: s.at, statuses: [], values: [] };
      g.lastSeen = s.at;
      if (s.status) g.statuses.push(s.status);
      if (s.value !== undefined) g.values.push({ at: s.at, value: s.value });
      groups.set(s.group, g);
      if (isServiceCheck && now - g.firstSeen >= newGroupDelay) {
        const last = g.statuses.slice(-Math.max(critical, okCount));
        if (last.length >= critical && last.slice(-critical).every((x) => x === 'CRITICAL')) transition(g, s.group, now, 'ALERT', true);
        else if (g.state !== 'OK' && g.statuses.slice(-okCount).every((x) => x === 'OK') && g.statuses.length >= okCount) transition(g, s.group, now, 'OK', true);
      }
    }
    for (const [name, g] of groups) {
      const silentFor = now - g.lastSeen;
      const missing = silentFor > step;
      if (!isServiceCheck && !missing && now - g.firstSeen >= newGroupDelay) {
        const windowStart = now - metric!.windowMinutes * 60;
        const inWindow = g.values.filter((v) => v.at > windowStart && v.at <= now).map((v) => v.value);
        if (monitor.require_full_window && g.firstSeen > windowStart) continue;
        if (inWindow.length > 0) {
          const reduce = { min: Math.min, max: Math.max, sum: (...v: number[]) => v.reduce((a, b) => a + b, 0), avg: (...v: number[]) => v.reduce((a, b) => a + b, 0) / v.length }[metric!.timeAggregation as 'min']!;
          const value = reduce(...inWindow);
          const breaches = (t: number) => ({ '>': value > t, '>=': value >= t, '<': value < t, '<=': value <= t, '==': value === t, '!=': value !== t }[metric!.comparator as '>']);
          const target: MonitorState = breaches(critical) ? 'ALERT' : warning !== undefined && breaches(warning) ? 'WARN' : 'OK';
          transition(g, name, now, target, true);
        }
      }
      if (missing) {
        if (!isServiceCheck && onMissing === 'resolve' && silentFor >= metric!.windowMinutes * 60) transition(g, name, now, 'OK', true);
        else if (!isServiceCheck && onMissing === 'show_no_data' && silentFor >= metric!.windowMinutes * 60) transition(g, name, now, 'NO DATA', false);
        else if (!isServiceCheck && onMissing === 'show_and_notify_no_data' && silentFor >= metric!.windowMinutes * 60) transition(g, name, now, 'NO DATA', true);
        else if (noDataSeconds !== undefined && silentFor >= noDataSeconds) transition(g, name, now, 'NO DATA', true);
        else if (timeoutSeconds !== undefined && (g.state === 'ALERT' || g.state === 'WARN') && silentFor >= timeoutSeconds) transition(g, name, now, 'OK', true);
      }
      const renotifiable = (g.state === 'ALERT' && renotifyStatuses.includes('alert')) || (g.state === 'NO DATA' && renotifyStatuses.includes('no data'));
      if (renotifySeconds && renotifiable && g.lastNotifiedAt !== undefined && now - g.lastNotifiedAt >= renotifySeconds) {
        notify(now, name, g.state, true);
        g.lastNotifiedAt = now;
      }
    }
  }
  return out;
}
