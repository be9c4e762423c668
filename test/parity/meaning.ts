// Reads what a rendered alert means, backend by backend, in one vocabulary: the statistic it
// compares, its unit, thresholds, window, grouping (as dimensions: a node, a data plane, an
// upstream target...) and what it does when data stops. Only rendered output is read: the
// PromQL of PrometheusRules and Grafana rules, Grafana's threshold stage and states, and the
// Datadog monitors' queries and options.
import * as fs from 'fs';
import * as path from 'path';
import { parseMetricMonitorQuery, parseServiceCheckQuery } from '../support/datadog-query';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const fixture = (file: string): any => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));

/** The parity table (see its source field): rows per signal and backend, and the reasons backends may differ. */
export const PARITY: {
  source: string;
  stateGauges: { prometheus: string[]; datadog: string[] };
  /** Why backends differ, by key. */
  reasons: Record<string, string>;
  differences: Difference[];
  rows: Meaning[];
} = fixture('parity/signal-parity.json');

const DATADOG_UNITS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(fixture('datadog/kong-check-distributions.json').distributions).map(([m, d]: [string, any]) => [m, d.unit])),
  ...fixture('datadog/kong-datadog-plugin-metrics.json').units,
};
const UNIT_NAMES: Record<string, string> = { millisecond: 'milliseconds', ms: 'milliseconds' };

export const BACKENDS = ['prometheus', 'grafana', 'datadog-agent', 'datadog-plugin'] as const;
export type Backend = typeof BACKENDS[number];
export const COLUMNS = ['statistic', 'unit', 'critical', 'warning', 'window', 'grouping', 'noData'] as const;
export type Column = typeof COLUMNS[number];

export interface Meaning {
  readonly signal: string;
  readonly backend: Backend;
  readonly statistic: string;
  readonly unit: string;
  readonly critical: string;
  readonly warning: string;
  readonly window: string;
  readonly grouping: string;
  readonly noData: string;
}

/** A column in which a signal's backends differ, and the key of the reason why. */
export interface Difference {
  readonly signal: string;
  readonly column: Column;
  readonly because: string;
}

/** Labels and tags as the dimensions an alert is split by. */
const DIMENSION: Record<string, string> = {
  pod: 'node',
  instance: 'node',
  endpoint: 'node',
  hostname: 'data plane',
  node_id: 'data plane',
  upstream: 'upstream',
  target: 'target',
  shared_dict: 'shared_dict',
};

function dimensions(keys: string[]): string {
  const dims = [...new Set(keys.filter((k) => k !== 'le').map((k) => DIMENSION[k] ?? k))];
  return dims.length === 0 ? 'gateway' : dims.join(', ');
}

function duration(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

// ---------------------------------------------------------------------------------------
// PromQL (Prometheus rules and Grafana rules)

/** `<promql> <cmp> <threshold>` of a Prometheus rule expression. */
function splitCondition(expr: string): { query: string; comparator: string; threshold: string } {
  const m = /^(.*) (<|>|<=|>=) (-?[\d.]+)$/s.exec(expr);
  if (!m) throw new Error(`no comparison at the end of ${expr}`);
  return { query: m[1], comparator: m[2], threshold: m[3] };
}

function promqlStatistic(q: string): string {
  if (/^histogram_quantile\(0\.99,/.test(q)) return 'p99';
  if (/- time\(\)\) \/ 86400$/.test(q)) return 'days until';
  if (/^count\(count_values\(/.test(q)) return 'distinct count';
  if (q.includes(' / ')) return 'ratio';
  if (/\bincrease\(/.test(q)) return 'increase';
  const metric = /^(?:\w+ by \([^)]*\) \()?([a-z_:]+)\{/.exec(q)?.[1];
  if (metric && PARITY.stateGauges.prometheus.includes(metric)) return 'state';
  if (/^sum by \(/.test(q)) return 'count';
  return 'value';
}

function promqlUnit(q: string, statistic: string): string {
  if (statistic === 'p99') return /_ms_bucket\{/.test(q) ? 'milliseconds' : '?';
  return unitOf(statistic);
}

function unitOf(statistic: string): string {
  return { 'state': '1 or 0', 'ratio': 'ratio', 'days until': 'days', 'distinct count': 'count', 'count': 'count', 'increase': 'count per window' }[statistic] ?? '?';
}

/** Labels of the series a PromQL query returns (the alert's group labels). */
function promqlGrouping(q: string): string {
  if (q.startsWith('histogram_quantile(')) {
    const inner = /sum by \(([^)]*)\)/.exec(q);
    return dimensions(inner ? inner[1].split(',').map((s) => s.trim()) : []);
  }
  const top = /^\(?(?:sum|min|max|avg|count) by \(([^)]*)\)/.exec(q);
  if (top) return dimensions(top[1].split(',').map((s) => s.trim()));
  // No aggregation: one series per scraped pod.
  if (!/\b(?:sum|min|max|avg|count|count_values)\s*(?:by\s*\([^)]*\)\s*)?\(/.test(q) && /pod=~/.test(q)) return dimensions(['pod']);
  return 'gateway';
}

/**
 * Prometheus has no no-data state: a rule whose expression can be empty does not fire
 * without data (ok), one that cannot be (`or vector(0)`) alerts.
 */
function prometheusNoData(q: string): string {
  return /\bor vector\(/.test(q) ? 'alert' : 'ok';
}

/** One alerting level of a PromQL rule: the query, and how its value is compared. */
interface PromqlCondition {
  readonly query: string;
  readonly comparator: string;
  readonly threshold: number;
}

/** What a PromQL-based rule means, from its levels (critical first after ordering), window and whole-query no-data. */
function promqlMeaning(signal: string, backend: Backend, levels: PromqlCondition[], window: string, wholeNoData: string): Meaning {
  const { query, comparator } = levels[0];
  // The critical level is the one further into the bad side.
  const ordered = [...levels].sort((a, b) => (comparator.startsWith('>') ? b.threshold - a.threshold : a.threshold - b.threshold));
  const statistic = promqlStatistic(query);
  const grouping = promqlGrouping(query);
  return {
    signal,
    backend,
    statistic,
    unit: promqlUnit(query, statistic),
    critical: `${comparator} ${ordered[0].threshold}`,
    warning: ordered[1] ? `${comparator} ${ordered[1].threshold}` : '—',
    window,
    grouping,
    // One alert per series: a vanished series resolves its own alert.
    noData: grouping === 'gateway' ? wholeNoData : `${wholeNoData}; vanished group resolves`,
  };
}

export function prometheusMeaning(signal: string, rules: Array<{ expr: string; forDuration: string }>): Meaning {
  const levels = rules.map((r) => {
    const { query, comparator, threshold } = splitCondition(r.expr);
    return { query, comparator, threshold: Number(threshold) };
  });
  return promqlMeaning(signal, 'prometheus', levels, rules[0].forDuration, prometheusNoData(levels[0].query));
}

const GRAFANA_NO_DATA: Record<string, string> = { Alerting: 'alert', NoData: 'report', OK: 'ok' };

export function grafanaMeaning(signal: string, rules: any[]): Meaning {
  const levels = rules.map((rule) => {
    const models = rule.data.map((d: any) => JSON.parse(d.model));
    const query: string = models.find((m: any) => m.expr !== undefined).expr;
    const evaluator = models.find((m: any) => m.type === 'threshold').conditions[0].evaluator;
    const comparator = { gt: '>', lt: '<', gte: '>=', lte: '<=' }[evaluator.type as string]!;
    return { query, comparator, threshold: Number(evaluator.params[0]) };
  });
  return promqlMeaning(signal, 'grafana', levels, rules[0].for, GRAFANA_NO_DATA[rules[0].no_data_state] ?? rules[0].no_data_state);
}

// ---------------------------------------------------------------------------------------
// Datadog monitors

function datadogStatistic(monitor: any): { statistic: string; unit: string } {
  if (monitor.type === 'service check') return { statistic: 'state', unit: unitOf('state') };
  const q = parseMetricMonitorQuery(monitor.query);
  const [first] = q.terms;
  if (first.spaceAggregation === 'p99') return { statistic: 'p99', unit: UNIT_NAMES[DATADOG_UNITS[first.metric]] ?? '?' };
  const expression = monitor.query.slice(monitor.query.indexOf(':') + 1);
  if (/^\(0 - .*\) \/ 86400 [<>]/.test(expression)) return { statistic: 'days until', unit: unitOf('days until') };
  if (/ \/ /.test(expression)) return { statistic: 'ratio', unit: unitOf('ratio') };
  if (q.terms.length === 1 && first.modifier === 'as_count' && q.timeAggregation === 'sum') return { statistic: 'increase', unit: unitOf('increase') };
  if (q.terms.length === 1 && PARITY.stateGauges.datadog.includes(first.metric)) return { statistic: 'state', unit: unitOf('state') };
  return { statistic: 'value', unit: '?' };
}

/** Datadog checks every 15 s; a service check's window is its run of consecutive statuses. */
const CHECK_SECONDS = 15;

function datadogNoData(monitor: any, grouped: boolean): string {
  if (grouped) {
    // Missing-data options apply per group; a vanished node's group must not notify.
    const vanished = monitor.on_missing_data === 'resolve' ? 'vanished group resolves'
      : !monitor.notify_no_data && monitor.timeout_h ? `vanished group resolves after ${monitor.timeout_h}h`
        : monitor.notify_no_data ? 'vanished group notifies NO DATA' : 'vanished group keeps its state';
    // With no data at all every group goes the same way.
    return `ok; ${vanished}`;
  }
  if (monitor.notify_no_data || monitor.on_missing_data === 'show_and_notify_no_data') return 'alert';
  if (monitor.on_missing_data === 'show_no_data' || (monitor.type === 'service check' && !monitor.notify_no_data)) return 'report';
  if (monitor.on_missing_data === 'resolve') return 'ok';
  return 'keeps its state';
}

export function datadogMeaning(signal: string, backend: Backend, monitor: any): Meaning {
  const { statistic, unit } = datadogStatistic(monitor);
  if (monitor.type === 'service check') {
    const q = parseServiceCheckQuery(monitor.query);
    const grouping = dimensions(q.groupBy);
    // A CRITICAL status is the state 0: the alert compares "state < 1" over the run of checks.
    return {
      signal,
      backend,
      statistic,
      unit,
      critical: '< 1',
      warning: '—',
      window: duration(q.last * CHECK_SECONDS),
      grouping,
      noData: datadogNoData(monitor, q.groupBy.length > 0),
    };
  }
  const q = parseMetricMonitorQuery(monitor.query);
  const thresholds = monitor.monitor_thresholds;
  return {
    signal,
    backend,
    statistic,
    unit,
    critical: `${q.comparator} ${thresholds.critical}`,
    warning: thresholds.warning === undefined ? '—' : `${q.comparator} ${thresholds.warning}`,
    window: duration(q.windowMinutes * 60),
    grouping: dimensions(q.groupBy),
    noData: datadogNoData(monitor, q.groupBy.length > 0),
  };
}
