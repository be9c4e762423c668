import { SignalPanel } from './panel-placement';
import { DatadogQueryScope, DatadogSelectors, GATEWAY_TAG_VALUES, IN_CLUSTER, PromQueryScope, PromSelectors } from './selectors';
import { SignalDefinition, SignalGateway } from './signal-definition';
import { SignalSource } from './signal-source';
import { DatadogCollection, DatadogQueryKind } from './signal-types';
import { Duration } from '../core/duration';
import { checkCall } from '../core/input-shape';
import { NoDataPolicy, Severity, SignalPractice, SignalScope, SignalSetting, SignalUnit, ThresholdDirection } from '../gateway/signal-vocabulary';

/** Datadog's http_check and Kong check run every 15 s by default. */
const AGENT_CHECK_INTERVAL_SECONDS = 15;
/** Datadog caps `.last(N)` of service-check monitors at 100. */
const MAX_SERVICE_CHECK_COUNT = 100;

/** A signal rendered as a Datadog monitor query, thresholds included. */
export interface DatadogSignalQuery {
  /** Monitor type. */
  readonly kind: DatadogQueryKind;
  /** Monitor title: the signal's title. */
  readonly title: string;
  /** What the monitor measures: the signal's description. */
  readonly description: string;
  /** The full monitor query; a metric query ends with its comparator and critical threshold. */
  readonly query: string;
  /** For dashboards: the metric expression, or the service check name. */
  readonly expression: string;
  /** Critical threshold (for service checks: consecutive critical statuses). */
  readonly critical: number;
  /** Warning threshold, when the signal has one. */
  readonly warning?: number;
  /** Tags that split the monitor into one alert per group. */
  readonly groupBy: string[];
  /** Service checks: the `.over()` tags. */
  readonly overTags?: string[];
  /** Service checks: the `.last(N)` count. */
  readonly lastCount?: number;
  /** What produces the data the monitor reads. */
  readonly sources: SignalSource[];
}

/**
 * One catalog signal for one gateway, overrides applied. Backends render these; they
 * never build a query of their own.
 */
export class ResolvedSignal {
  /** @internal */
  public static _create(
    definition: SignalDefinition,
    gateway: SignalGateway,
    thresholds: { warning?: number; critical: number; window: Duration; overridden?: SignalSetting[] },
  ): ResolvedSignal {
    return new ResolvedSignal(definition, gateway, thresholds.critical, thresholds.window, thresholds.warning, thresholds.overridden ?? []);
  }

  /** The signal's id: a `SignalId` value, or a custom signal's own id. */
  public readonly id: string;
  public readonly title: string;
  public readonly description: string;
  public readonly scope: SignalScope;
  public readonly severity: Severity;
  public readonly direction: ThresholdDirection;
  /** The unit the value and thresholds are in. */
  public readonly unit: SignalUnit;
  /** What is measured, in words: `ratio of requests`, `milliseconds`, `days until expiry`. */
  public readonly quantity: string;
  /** The settings the gateway's `signalOverrides` changed; the rest are the catalog's. */
  public readonly overridden: SignalSetting[];
  public readonly critical: number;
  public readonly warning?: number;
  /** How long the condition must hold before the alert fires. */
  public readonly window: Duration;
  public readonly runbook: string;
  /** The signal's runbook page, `<gateway's runbookBaseUrl>/<id>`; undefined without a base URL. */
  public readonly runbookUrl?: string;
  /** What a rule does when its whole query returns no series. */
  public readonly noData: NoDataPolicy;
  /** The practice that renders this signal's alerts (`HealthAlerting` or `AllNodesMonitored`). */
  public readonly practice: SignalPractice;
  /**
   * PromQL whose value is compared with the thresholds (one series per alert group), as
   * evaluated inside the gateway's cluster (no cluster label: external labels are invisible
   * there). See `promqlOnCentralStore` for a store that holds many clusters.
   */
  public readonly promql: string;
  /** Labels naming an alert group in the PromQL result (empty: one group). */
  public readonly promqlGroupBy: string[];
  /** What produces the series the PromQL reads. */
  public readonly prometheusSources: SignalSource[];

  private constructor(
    private readonly definition: SignalDefinition,
    private readonly gateway: SignalGateway,
    critical: number,
    window: Duration,
    warning: number | undefined,
    overridden: SignalSetting[],
  ) {
    this.id = definition.id;
    this.title = definition.title;
    this.description = definition.description;
    this.scope = definition.scope;
    this.severity = definition.severity;
    this.direction = definition.direction;
    this.unit = definition.unit;
    this.quantity = definition.quantity;
    this.overridden = [...overridden];
    this.critical = critical;
    this.warning = warning;
    this.window = window;
    this.runbook = definition.runbook;
    this.runbookUrl = gateway.runbookBaseUrl !== undefined ? `${gateway.runbookBaseUrl.replace(/\/+$/, '')}/${definition.id}` : undefined;
    this.noData = definition.noData;
    this.practice = definition.practice;
    this.promql = this._promql(IN_CLUSTER);
    this.promqlGroupBy = [...definition.promqlGroupBy];
    this.prometheusSources = definition.prometheusSources.map((source) => ({ ...source, metrics: [...source.metrics] }));
  }

  /**
   * The PromQL for a store that holds many clusters (Mimir, Thanos, a remote-write target):
   * the gateway's `cluster` is selected with `clusterLabel`, e.g. `cluster`.
   */
  public promqlOnCentralStore(clusterLabel: string): string {
    checkCall('ResolvedSignal.promqlOnCentralStore', clusterLabel);
    return this._promql({ clusterLabel });
  }

  /** @internal the PromQL for a query scope (central store, dashboard variables). */
  public _promql(scope: PromQueryScope): string {
    return this.definition.promql(new PromSelectors(this.gateway, scope));
  }

  /** @internal where the signal's panel sits on the dashboards, and how it is drawn. */
  public get _panel(): SignalPanel {
    return this.definition.dashboard;
  }

  /** Why Datadog has no form of this signal, where it has none on any collection path. */
  public get datadogGap(): string | undefined {
    return this.definition.datadogGap;
  }

  /**
   * What this gateway changed from the catalog, for alert texts: `Set for this gateway:
   * critical 0.1 (catalog 0.05), window 10m (catalog 5m).`; empty when nothing was changed.
   */
  public overrideNote(): string {
    if (this.overridden.length === 0) return '';
    const catalogWindow = this.definition.window(this.gateway);
    const parts = this.overridden.map((setting) => {
      switch (setting) {
        case SignalSetting.CRITICAL: return `critical ${formatNumber(this.critical)} (catalog ${formatNumber(this.definition.critical)})`;
        case SignalSetting.WARNING: return `warning ${this.warning === undefined ? 'none' : formatNumber(this.warning)} (catalog ${this.definition.warning === undefined ? 'none' : formatNumber(this.definition.warning)})`;
        default: return `window ${this.window.toPrometheus()} (catalog ${catalogWindow.toPrometheus()})`;
      }
    });
    return `Set for this gateway: ${parts.join(', ')}.`;
  }

  /** PromQL comparison operator for this signal's direction. */
  public get comparator(): string {
    return this.direction === ThresholdDirection.ABOVE ? '>' : '<';
  }

  /** True when the signal alerts once per node (or per target) rather than once per gateway. */
  public get perGroup(): boolean {
    return this.promqlGroupBy.length > 0;
  }

  /** Threshold for an alert level; undefined when the signal has no warning level. */
  public threshold(level: Severity): number | undefined {
    checkCall('ResolvedSignal.threshold', level);
    return level === Severity.CRITICAL ? this.critical : this.warning;
  }

  /** Alert levels this signal has, critical first. */
  public levels(): Severity[] {
    return this.warning === undefined ? [Severity.CRITICAL] : [Severity.CRITICAL, Severity.WARNING];
  }

  /**
   * Severity an alert level is routed with, the alert's one routing label: the critical level
   * takes the signal's severity; the warning level is one step below (a critical signal's
   * warning is a warning, a warning signal's warning is info).
   */
  public routedSeverity(level: Severity): Severity {
    checkCall('ResolvedSignal.routedSeverity', level);
    if (level === Severity.CRITICAL) return this.severity;
    return this.severity === Severity.CRITICAL ? Severity.WARNING : Severity.INFO;
  }

  /** PromQL alert condition for a level, e.g. `<value> < 1`. */
  public promqlCondition(level: Severity): string {
    checkCall('ResolvedSignal.promqlCondition', level);
    const threshold = this.threshold(level);
    if (threshold === undefined) {
      throw new Error(`Signal '${this.id}' has no ${level} threshold; call levels() to list the ones it has.`);
    }
    return `${this.promql} ${this.comparator} ${formatNumber(threshold)}`;
  }

  /** The Datadog monitor form of this signal, or undefined where Datadog has no such data. */
  public datadog(collection: DatadogCollection): DatadogSignalQuery | undefined {
    checkCall('ResolvedSignal.datadog', collection);
    return this._datadog(collection, GATEWAY_TAG_VALUES);
  }

  /** @internal the Datadog form for a query scope (monitors, or a dashboard with template variables). */
  public _datadog(collection: DatadogCollection, scope: DatadogQueryScope): DatadogSignalQuery | undefined {
    const form = this.definition.datadog(new DatadogSelectors(this.gateway, scope), collection);
    if (!form) return undefined;
    const title = this.title;
    const description = this.description;
    if (form.kind === DatadogQueryKind.SERVICE_CHECK) {
      // The window becomes a count of consecutive failed checks.
      const count = Math.min(MAX_SERVICE_CHECK_COUNT, Math.max(2, Math.ceil(this.window.toSeconds() / AGENT_CHECK_INTERVAL_SECONDS)));
      const over = (form.over ?? []).map((t) => `"${t}"`).join(',');
      const by = form.groupBy.map((t) => `"${t}"`).join(',');
      return {
        kind: form.kind,
        title,
        description,
        query: `"${form.check}".over(${over})${by ? `.by(${by})` : ''}.last(${count}).count_by_status()`,
        expression: form.check!,
        critical: count,
        groupBy: [...form.groupBy],
        overTags: [...(form.over ?? [])],
        lastCount: count,
        sources: form.sources,
      };
    }
    const critical = this.critical;
    const warning = this.warning;
    const minutes = Math.max(1, this.window.toMinutesCeil());
    return {
      kind: form.kind,
      title,
      description,
      query: `${form.timeAggregation}(last_${minutes}m):${form.expression} ${this.comparator} ${formatNumber(critical)}`,
      expression: form.expression!,
      critical,
      warning,
      groupBy: [...form.groupBy],
      sources: form.sources,
    };
  }
}

/** Numbers as Datadog and Prometheus both read them: no exponent, leading zero kept. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(12)).toString();
}
