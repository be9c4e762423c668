import { Construct } from 'constructs';
import { failValidation, requireDns1123Label } from '../../core/validation';
import { KongGateway } from '../../gateway/kong-gateway';
import { alertAnnotations, alertLabels, validateRunbookBaseUrl } from '../../prometheus/alert-content';
import { ResolvedSignal } from '../../signals/resolved-signal';
import { Severity, SignalId, ThresholdDirection } from '../../signals/signal-types';
import { groupLegend } from '../legend';
import { Folder } from '../provider/folder';
import { RuleGroup, RuleGroupRule, RuleGroupRuleData } from '../provider/rule-group';
import { GRAFANA_UID_MAX_LENGTH, isGrafanaUid, roundUpSeconds, stableUid } from '../uid';

/** Grafana's scheduler evaluates rule groups on multiples of this base interval. */
export const GRAFANA_BASE_INTERVAL_SECONDS = 10;
/** Data source UID of Grafana's server-side expressions. */
const EXPRESSION_DATASOURCE = '__expr__';
/** How far back the query stage looks; the PromQL carries its own range windows. */
const QUERY_LOOKBACK_SECONDS = 600;

/** What a rule does when its query returns no series or fails, and why. */
interface StatePolicy {
  readonly noData: string;
  readonly execErr: string;
}

/**
 * A Grafana rule evaluates one query into one alert instance per series, so a node whose
 * series vanishes just resolves its own instance: per-node rules cannot see a vanished
 * node, the ready-nodes-below-expected rule does. `no_data_state` only applies when the
 * WHOLE query returns nothing, and what that means differs per signal:
 *
 * - Existence signals (readiness from kube-state-metrics, the scrape target's `up`, the
 *   ready-node ratio): their series exist whenever the gateway and its monitoring exist.
 *   No data means every node is gone or the pipeline that watches them is broken; either
 *   way the gateway's health is unknown, so `Alerting` (never `OK`: that would report a
 *   vanished gateway as healthy). Evaluation errors alert too.
 * - Gauges Kong always exports in the signal's modes (datastore, hybrid clustering): no
 *   data means Kong's metrics are not collected, which the metrics-endpoint rule already
 *   reports per node. `NoData` raises Grafana's distinct DatasourceNoData alert with the
 *   same labels, so it is seen without claiming the database is down.
 * - Traffic, upstream, memory and exporter-error signals, and the control-plane gauge that
 *   only Kong 3.10+ exports: no data is normal (no traffic, metrics flag off, older Kong),
 *   so `OK`.
 * Evaluation errors outside the existence signals raise `Error` (Grafana's
 * DatasourceError alert), distinct from the condition itself.
 */
const STATES: Record<SignalId, StatePolicy> = {
  [SignalId.NODE_READY]: { noData: 'Alerting', execErr: 'Alerting' },
  [SignalId.NODE_METRICS_UP]: { noData: 'Alerting', execErr: 'Alerting' },
  [SignalId.READY_NODES_BELOW_EXPECTED]: { noData: 'Alerting', execErr: 'Alerting' },
  [SignalId.DATASTORE_REACHABLE]: { noData: 'NoData', execErr: 'Error' },
  [SignalId.DATA_PLANE_LAST_SEEN]: { noData: 'NoData', execErr: 'Error' },
  [SignalId.DATA_PLANE_CONFIG_DRIFT]: { noData: 'NoData', execErr: 'Error' },
  [SignalId.DATA_PLANE_VERSION_COMPATIBLE]: { noData: 'NoData', execErr: 'Error' },
  [SignalId.CONTROL_PLANE_CONNECTED]: { noData: 'OK', execErr: 'Error' },
  [SignalId.ERROR_RATIO_5XX]: { noData: 'OK', execErr: 'Error' },
  [SignalId.REQUEST_LATENCY_P99]: { noData: 'OK', execErr: 'Error' },
  [SignalId.KONG_LATENCY_P99]: { noData: 'OK', execErr: 'Error' },
  [SignalId.UPSTREAM_TARGET_UNHEALTHY]: { noData: 'OK', execErr: 'Error' },
  [SignalId.SHARED_DICT_MEMORY]: { noData: 'OK', execErr: 'Error' },
  [SignalId.METRIC_ERRORS]: { noData: 'OK', execErr: 'Error' },
};

/** Props of {@link GrafanaAlertRules}. */
export interface GrafanaAlertRulesProps {
  /** The gateway to alert on. */
  readonly gateway: KongGateway;

  /** UID of the Prometheus data source the rules query. */
  readonly datasourceUid: string;

  /**
   * Folder holding the rule group (share it with the dashboard).
   * @default - a folder of its own, titled `folderTitle`
   */
  readonly folder?: Folder;

  /**
   * Title of the folder created when `folder` is not given.
   * @default 'Kong'
   */
  readonly folderTitle?: string;

  /**
   * Base URL of the runbooks; each rule links `<base>/<signal id>` in `runbook_url`.
   * @default - the catalog's runbook text in the `runbook` annotation
   */
  readonly runbookBaseUrl?: string;

  /**
   * Render only these signals (the practice constructs split the catalog between them).
   * @default - every signal of the gateway
   */
  readonly includeSignals?: SignalId[];

  /**
   * Suffix of the rule group name, so two groups of one gateway can live side by side
   * (`kong-<gateway>-<environment>-<suffix>`); a DNS-1123 label.
   * @default - no suffix
   */
  readonly groupNameSuffix?: string;
}

/**
 * The catalog's signals as Grafana-managed alert rules: one `grafana_rule_group` per
 * gateway, evaluated every scrape interval (rounded up to Grafana's 10s steps), one rule
 * per signal and alert level. Each rule queries the signal's PromQL (A), reduces it to
 * the last value (B) and compares it with the level's threshold (C). Per-node signals keep
 * the `pod` (or `hostname`) label, so every node is its own alert instance and healthy
 * nodes stay quiet. Labels (`severity`, `kong_gateway`, `kong_environment`, `team`,
 * `signal`) are what {@link GrafanaAlertingPolicy} routes on.
 */
export class GrafanaAlertRules extends Construct {
  /** The rule group resource. */
  public readonly ruleGroup: RuleGroup;
  /** The folder holding the rules (given or created). */
  public readonly folder: Folder;
  /** Evaluation interval of the group, in seconds. */
  public readonly intervalSeconds: number;
  /** Rule UIDs, in rule order. */
  public readonly ruleUids: string[];

  constructor(scope: Construct, id: string, props: GrafanaAlertRulesProps) {
    super(scope, id);
    const subject = `GrafanaAlertRules '${id}'`;
    const { gateway } = props;
    if (!isGrafanaUid(props.datasourceUid)) {
      failValidation(subject, `datasourceUid '${props.datasourceUid}' is not a Grafana UID`, "give the Prometheus data source's UID (1-40 letters, digits, '-' or '_'), e.g. 'prometheus'");
    }
    validateRunbookBaseUrl(subject, props.runbookBaseUrl);
    const suffix = props.groupNameSuffix;
    if (suffix !== undefined) requireDns1123Label(subject, 'groupNameSuffix', suffix);
    this.folder = props.folder ?? new Folder(this, 'folder', {
      title: props.folderTitle ?? 'Kong',
      uid: stableUid(['kong', gateway.name, gateway.environment, ...(suffix ? [suffix] : []), 'alerts']),
    });
    this.intervalSeconds = roundUpSeconds(gateway.scrapeInterval.toSeconds(), GRAFANA_BASE_INTERVAL_SECONDS);

    const rules: RuleGroupRule[] = [];
    const include = props.includeSignals ? new Set(props.includeSignals) : undefined;
    for (const signal of gateway.signals().filter((x) => !include || include.has(x.id))) {
      for (const level of signal.levels()) {
        rules.push(renderRule(gateway, signal, level, props));
      }
    }
    this.ruleUids = rules.map((r) => r.uid!);
    this.ruleGroup = new RuleGroup(this, 'rules', {
      name: `kong-${gateway.name}-${gateway.environment}${suffix ? `-${suffix}` : ''}`,
      folderUid: this.folder.uid,
      intervalSeconds: this.intervalSeconds,
      rule: rules,
    });
  }
}

function renderRule(gateway: KongGateway, signal: ResolvedSignal, level: Severity, props: GrafanaAlertRulesProps): RuleGroupRule {
  const threshold = signal.threshold(level)!;
  const states = STATES[signal.id];
  const uid = stableUid(['kong', gateway.name, gateway.environment, signal.id, level], GRAFANA_UID_MAX_LENGTH);
  const query: RuleGroupRuleData = {
    refId: 'A',
    datasourceUid: props.datasourceUid,
    relativeTimeRange: { from: QUERY_LOOKBACK_SECONDS, to: 0 },
    model: JSON.stringify({
      refId: 'A',
      datasource: { type: 'prometheus', uid: props.datasourceUid },
      expr: signal.promql,
      instant: true,
      range: false,
      intervalMs: 1000,
      maxDataPoints: 43200,
      legendFormat: groupLegend(signal),
    }),
  };
  const reduce: RuleGroupRuleData = {
    refId: 'B',
    datasourceUid: EXPRESSION_DATASOURCE,
    relativeTimeRange: { from: 0, to: 0 },
    model: JSON.stringify({
      refId: 'B',
      datasource: { type: '__expr__', uid: EXPRESSION_DATASOURCE },
      type: 'reduce',
      expression: 'A',
      reducer: 'last',
    }),
  };
  const compare: RuleGroupRuleData = {
    refId: 'C',
    datasourceUid: EXPRESSION_DATASOURCE,
    relativeTimeRange: { from: 0, to: 0 },
    model: JSON.stringify({
      refId: 'C',
      datasource: { type: '__expr__', uid: EXPRESSION_DATASOURCE },
      type: 'threshold',
      expression: 'B',
      conditions: [{ evaluator: { type: signal.direction === ThresholdDirection.ABOVE ? 'gt' : 'lt', params: [threshold] } }],
    }),
  };
  return {
    name: `${signal.title} (${gateway.name}, ${gateway.environment}, ${level})`,
    uid,
    condition: 'C',
    for: signal.window.toPrometheus(),
    noDataState: states.noData,
    execErrState: states.execErr,
    labels: alertLabels(gateway, signal, level),
    annotations: alertAnnotations(gateway, signal, level, '{{ $values.B }}', props.runbookBaseUrl),
    data: [query, reduce, compare],
  };
}
