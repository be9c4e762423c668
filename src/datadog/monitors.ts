import type { Monitor, MonitorConfig } from '@cdktf/provider-datadog/lib/monitor';
import { Construct } from 'constructs';
import { DatadogGatewayProps } from './common';
import { DatadogDistributionPercentiles } from './distribution-percentiles';
import { checkMonitorConsistency, RenderedThresholds } from './internal/consistency';
import { renotifyMinutes, resolveHandles, validateHandles, validateSignalOptions } from './internal/notify-rules';
import { gatewayLine, namePrefix, requireExtraTags, resourceTags } from './internal/tags';
import { DatadogNotifyProps, DatadogSignalOptions } from './notify';
import { Duration } from '../core/duration';
import { checkArguments, checkConstructArguments } from '../core/input-shape';
import { failValidation } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';
import { NoDataPolicy, Severity, SignalId } from '../gateway/signal-vocabulary';
import { datadogResources } from '../internal/provider-resources';
import { signalsOf } from '../signals/gateway-signals';
import { DatadogSignalQuery, formatNumber, ResolvedSignal } from '../signals/resolved-signal';
import { DatadogCollection, DatadogQueryKind } from '../signals/signal-types';

/** Props of {@link DatadogMonitors}. */
export interface DatadogMonitorsProps extends DatadogGatewayProps {
  /** Where notifications go, per severity. */
  readonly notify: DatadogNotifyProps;

  /**
   * Per-signal settings: handles, recovery count, or no monitor at all.
   * @default - every signal with a Datadog form, notified per `notify`
   */
  readonly signals?: DatadogSignalOptions[];

  /**
   * Render only these signals (the practice constructs split the catalog between them).
   * Signals the gateway does not have are ignored here.
   * @default - every signal of the gateway
   */
  readonly includeSignals?: string[];

  /**
   * How often a critical alert that stays unresolved notifies again. One of the intervals
   * Datadog offers (10m ... 24h); `Duration.minutes(0)` turns re-notification off.
   * Warnings never re-notify.
   * @default Duration.minutes(60)
   */
  readonly renotifyInterval?: Duration;

  /**
   * Extra monitor tags (in addition to `kong_gateway`, `kong_environment`, `team`,
   * `managed-by` and the gateway's tags).
   * @default {}
   */
  readonly tags?: { [key: string]: string };
}

/** Datadog monitor priority per severity (strings, as the provider takes them). */
const PRIORITY: Record<Severity, string> = { [Severity.CRITICAL]: '1', [Severity.WARNING]: '3', [Severity.INFO]: '4' };

/**
 * One Datadog monitor per health signal of a gateway (for the chosen collection path).
 *
 * Per-node signals are multi-alert monitors split by the catalog's group tags (the
 * per-pod http_check `instance`, the metrics `endpoint`), so each node alerts on its own and
 * a new node is covered without a new resource; `new_group_delay` is the gateway's startup
 * window, so a starting node stays silent. A per-node group whose pod is gone (a roll-out,
 * an eviction, a scale-down) never notifies NO DATA: the ready-nodes-below-expected monitor
 * catches nodes that vanish, and notifies when its own data stops. Missing data follows the
 * catalog's no-data policy of each signal.
 *
 * Construct ids are the signal ids, so adding a signal or an option never replaces a monitor.
 */
export class DatadogMonitors extends Construct {
  /** The gateway monitored. */
  public readonly gateway: KongGateway;
  /** The collection path the monitors are written for. */
  public readonly collection: DatadogCollection;
  /** Signals that got a monitor, in catalog order. */
  public readonly monitoredSignals: string[];
  /** Signals of the gateway without a monitor: no Datadog form on this collection path, or disabled in `signals`. */
  public readonly skippedSignals: string[];
  /** Tags every monitor of this construct carries. */
  public readonly monitorTags: string[];
  private readonly monitors = new Map<string, Monitor>();

  public constructor(scope: Construct, id: string, props: DatadogMonitorsProps) {
    super(scope, checkConstructArguments('DatadogMonitors', scope, id, props));
    const subject = `DatadogMonitors '${id}'`;
    this.gateway = props.gateway;
    this.collection = props.collection ?? DatadogCollection.AGENT_INTEGRATION;
    const include = props.includeSignals ? new Set(props.includeSignals) : undefined;
    const signals = signalsOf(props.gateway).filter((s) => !include || include.has(s.id));

    validateHandles(subject, 'notify', props.notify);
    const options = indexSignalOptions(subject, signals, props.signals ?? []);
    const renotify = renotifyMinutes(subject, 'renotifyInterval', props.renotifyInterval ?? Duration.minutes(60));
    requireExtraTags(subject, props.gateway, props.tags, { key: 'kong_signal', value: "<the signal's id>" }, { key: 'severity', value: "<the signal's severity>" });
    this.monitorTags = resourceTags(props.gateway, props.tags ?? {});

    const monitored: string[] = [];
    const skipped: string[] = [];
    const queries: string[] = [];
    for (const signal of signals) {
      const query = signal.datadog(this.collection);
      const option = options.get(signal.id);
      if (!query || option?.enabled === false) {
        skipped.push(signal.id);
        continue;
      }
      const config = renderMonitor(subject, props, signal, query, option, renotify, this.monitorTags);
      this.monitors.set(signal.id, new datadogResources.Monitor(this, signal.id, config));
      queries.push(config.query);
      monitored.push(signal.id);
    }
    this.monitoredSignals = monitored;
    this.skippedSignals = skipped;
    // p99 monitors read percentiles, which exist only once enabled for the metric.
    DatadogDistributionPercentiles._register(this, queries);
  }

  /** The monitor of a signal, or undefined when the signal has none (see `skippedSignals`). */
  public monitorFor(signal: string): Monitor | undefined {
    checkArguments('DatadogMonitors.monitorFor', `DatadogMonitors '${this.node.id}'`, [signal]);
    return this.monitors.get(signal);
  }

  /**
   * The per-node readiness monitor (`http.can_connect` on `/status/ready`, one group per pod).
   * Fails when it was disabled, since SLOs and composites built on it would be empty.
   */
  public get readinessMonitor(): Monitor {
    const monitor = this.monitors.get(SignalId.NODE_READY);
    if (!monitor) {
      failValidation(
        `DatadogMonitors '${this.node.id}'`,
        `the readiness monitor ('${SignalId.NODE_READY}') is disabled`,
        `enable '${SignalId.NODE_READY}' again, or build on another monitor`,
      );
    }
    return monitor;
  }
}

function indexSignalOptions(subject: string, signals: ResolvedSignal[], list: DatadogSignalOptions[]): Map<string, DatadogSignalOptions> {
  validateSignalOptions(subject, 'signals', signals.map((s) => s.id), list);
  return new Map(list.map((option) => [option.signal as string, option]));
}

/** Hours without data after which a triggered per-node service-check group resolves (the pod is gone). */
const VANISHED_GROUP_TIMEOUT_HOURS = 1;

/** How a monitor treats missing data: its options, and whether it notifies NO DATA. */
interface MissingData {
  readonly options: Pick<MonitorConfig, 'notifyNoData' | 'noDataTimeframe' | 'onMissingData' | 'timeoutH'>;
  readonly notifies: boolean;
}

/**
 * The catalog's no-data policy says what the WHOLE query returning nothing means. Datadog
 * applies missing-data options per group, and a per-node group stops reporting whenever its
 * pod is replaced (roll-out, eviction, scale-down), so per-node monitors never notify NO
 * DATA: a vanished group resolves, as a vanished series does in Prometheus and Grafana, and
 * node loss is the expected-count monitor's job. `group_retention_duration` cannot drop the
 * groups instead: it exists only for APM, audit, CI, error-tracking, event, log and RUM
 * monitors (provider docs, datadog_monitor).
 *
 * - Per-node metric monitors: `on_missing_data: resolve`.
 * - Per-node service checks (which have no `on_missing_data`): no NO DATA, and a group still
 *   triggered when its pod went away resolves after an hour without data (`timeout_h`); a
 *   live unready pod keeps reporting CRITICAL, so it stays alerting.
 * - One group, ALERT: notify NO DATA after twice the window (at least 2 minutes).
 * - One group, REPORT: show NO DATA without notifying. OK: missing data is OK.
 */
function missingData(signal: ResolvedSignal, query: DatadogSignalQuery): MissingData {
  const serviceCheck = query.kind === DatadogQueryKind.SERVICE_CHECK;
  if (query.groupBy.length > 0) {
    return serviceCheck
      ? { options: { notifyNoData: false, timeoutH: VANISHED_GROUP_TIMEOUT_HOURS }, notifies: false }
      : { options: { onMissingData: 'resolve' }, notifies: false };
  }
  switch (signal.noData) {
    case NoDataPolicy.ALERT:
      return { options: { notifyNoData: true, noDataTimeframe: Math.max(2, 2 * Math.max(1, signal.window.toMinutesCeil())) }, notifies: true };
    case NoDataPolicy.REPORT:
      return { options: serviceCheck ? { notifyNoData: false } : { onMissingData: 'show_no_data' }, notifies: false };
    default:
      return { options: serviceCheck ? { notifyNoData: false } : { onMissingData: 'resolve' }, notifies: false };
  }
}

/** Group tags as Datadog message variables: `instance {{instance.name}}`. */
function identity(query: DatadogSignalQuery, gateway: KongGateway): string {
  if (query.groupBy.length === 0) return `gateway ${gateway.name}`;
  return query.groupBy.map((tag) => `${tag} {{${tag.includes('.') ? `[${tag}]` : tag}.name}}`).join(', ');
}

function renderMonitor(
  subject: string,
  props: DatadogMonitorsProps,
  signal: ResolvedSignal,
  query: DatadogSignalQuery,
  option: DatadogSignalOptions | undefined,
  renotify: number,
  tags: string[],
): MonitorConfig {
  const gateway = props.gateway;
  const name = `${namePrefix(gateway)} ${query.title}`;
  const isServiceCheck = query.kind === DatadogQueryKind.SERVICE_CHECK;
  const perGroup = query.groupBy.length > 0;
  const hasWarning = !isServiceCheck && query.warning !== undefined;

  if (option?.recoveryChecks !== undefined && !isServiceCheck) {
    failValidation(
      subject,
      `signals['${signal.id}'].recoveryChecks is set, but '${signal.id}' is a metric monitor (recovery counts exist for service checks only)`,
      'remove recoveryChecks from that entry',
    );
  }

  const alertSeverity = signal.routedSeverity(Severity.CRITICAL);
  const alertHandles = resolveHandles(subject, props.notify, alertSeverity, signal, option);
  const warningHandles = hasWarning ? resolveHandles(subject, props.notify, Severity.WARNING, signal, option) : [];
  // Only a single-group monitor notifies NO DATA: the whole signal is blind, which pages like the alert itself.
  const missing = missingData(signal, query);
  const noDataHandles = missing.notifies ? resolveHandles(subject, props.notify, alertSeverity, signal, option) : [];
  const recoveryHandles = [...new Set([...alertHandles, ...warningHandles])];

  const thresholds: RenderedThresholds = {
    critical: formatNumber(query.critical),
    ...(hasWarning ? { warning: formatNumber(query.warning!) } : {}),
    ...(option?.recoveryChecks !== undefined ? { ok: String(option.recoveryChecks) } : {}),
  };
  checkMonitorConsistency(subject, name, query.kind, query.query, thresholds);

  const at = perGroup ? ` on ${identity(query, gateway)}` : '';
  const mention = (handles: string[]) => handles.join(' ');
  const detail = isServiceCheck
    ? `${query.critical} consecutive failed checks ({{check_message}}).`
    : 'Value {{value}}, threshold {{threshold}}.';

  const message = [
    '{{#is_alert}}',
    `${alertSeverity === Severity.CRITICAL ? 'CRITICAL' : 'ALERT'}: ${query.title}${at}. ${detail}`,
    query.description,
    ...(signal.overrideNote() ? [signal.overrideNote()] : []),
    mention(alertHandles),
    '{{/is_alert}}',
    ...(hasWarning ? [
      '{{#is_warning}}',
      `WARNING: ${query.title}${at}. Value {{value}}, warning threshold {{warn_threshold}}.`,
      mention(warningHandles),
      '{{/is_warning}}',
    ] : []),
    '{{#is_recovery}}',
    `RECOVERED: ${query.title}${at}.`,
    mention(recoveryHandles),
    '{{/is_recovery}}',
    ...(missing.notifies ? [
      '{{#is_no_data}}',
      `NO DATA: ${query.title} has had no data for ${missing.options.noDataTimeframe} minutes: this signal is blind until it returns.`,
      mention(noDataHandles),
      '{{/is_no_data}}',
    ] : []),
    `Runbook: ${signal.runbook}${signal.runbookUrl ? ` ${signal.runbookUrl}` : ''}`,
    gatewayLine(gateway),
    `Signal: ${signal.id} (managed by cdktf-kong-monitoring).`,
  ].join('\n');

  const routedCritical = signal.severity === Severity.CRITICAL;
  return {
    name,
    type: query.kind,
    query: query.query,
    message,
    monitorThresholds: thresholds,
    priority: PRIORITY[signal.severity],
    tags: [...tags, `kong_signal:${signal.id}`, `severity:${signal.severity}`],
    includeTags: true,
    ...missing.options,
    // Skip new groups (new pods) for the startup window: a starting node is not a failure.
    ...(perGroup && gateway.startupWindow.toSeconds() > 0 ? { newGroupDelay: gateway.startupWindow.toSeconds() } : {}),
    // Sparse counts (`.as_count()` ratios) must be evaluated on partial windows.
    ...(isServiceCheck ? {} : { requireFullWindow: !query.query.includes('.as_count()') }),
    ...(routedCritical && renotify > 0 ? { renotifyInterval: renotify, renotifyStatuses: ['alert'] } : {}),
  };
}
