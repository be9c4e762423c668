import { Construct } from 'constructs';
import { AppRegistry } from '../../core/app-registry';
import { checkConstructArguments } from '../../core/input-shape';
import { failValidation, requireDns1123Label } from '../../core/validation';
import { identityTitle } from '../../gateway/gateway-identity';
import { KongGateway } from '../../gateway/kong-gateway';
import { NoDataPolicy, Severity, ThresholdDirection } from '../../gateway/signal-vocabulary';
import { alertAnnotations, alertLabels } from '../../signals/alert-content';
import { signalsOf } from '../../signals/gateway-signals';
import { ResolvedSignal } from '../../signals/resolved-signal';
import { claimFolder, claimGrafanaUid } from '../claims';
import { claimDataSourceCluster, validateClusterLabel } from '../cluster-label';
import { groupLegend } from '../legend';
import { Folder } from '../provider/folder';
import { RuleGroup, RuleGroupRule, RuleGroupRuleData } from '../provider/rule-group';
import { gatewayUid, isGrafanaUid, roundUpSeconds, validateUidPrefix } from '../uid';

/** Grafana's scheduler evaluates rule groups on multiples of this base interval. */
export const GRAFANA_BASE_INTERVAL_SECONDS = 10;
/** Data source UID of Grafana's server-side expressions. */
const EXPRESSION_DATASOURCE = '__expr__';
/** How far back the query stage looks; the PromQL carries its own range windows. */
const QUERY_LOOKBACK_SECONDS = 600;

/** What a rule does when its query returns no series or fails. */
interface StatePolicy {
  readonly noData: string;
  readonly execErr: string;
}

/**
 * A Grafana rule evaluates one query into one alert instance per series, so a node whose
 * series vanishes just resolves its own instance: per-node rules cannot see a vanished
 * node, the ready-nodes-below-expected rule does. `no_data_state` only applies when the
 * WHOLE query returns nothing; the catalog says what that means per signal:
 *
 * - ALERT (existence signals): `Alerting`, never `OK` (that would report a vanished gateway
 *   as healthy); evaluation errors alert too.
 * - REPORT (gauges Kong always exports where the signal applies): `NoData` raises Grafana's
 *   distinct DatasourceNoData alert with the same labels, seen without claiming the failure.
 * - OK (traffic, optional metric groups): no data is normal.
 * Evaluation errors outside ALERT raise `Error` (Grafana's DatasourceError alert).
 */
const STATES: Record<NoDataPolicy, StatePolicy> = {
  [NoDataPolicy.ALERT]: { noData: 'Alerting', execErr: 'Alerting' },
  [NoDataPolicy.REPORT]: { noData: 'NoData', execErr: 'Error' },
  [NoDataPolicy.OK]: { noData: 'OK', execErr: 'Error' },
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
   * @default 'Kong <gateway> (<environment>[, <cluster>]) alerts'
   */
  readonly folderTitle?: string;

  /**
   * First part of every UID derived for the gateway. Give each cdktf app its own when several
   * apps write into one Grafana organization and could monitor gateways of the same name,
   * environment and cluster.
   * @default 'kong'
   */
  readonly uidPrefix?: string;


  /**
   * Render only these signals (the practice constructs split the catalog between them).
   * @default - every signal of the gateway
   */
  readonly includeSignals?: string[];

  /**
   * Label that names each cluster in the data source, when it is a central store holding
   * many clusters (Mimir, Thanos, a remote-write target): queries then select the gateway's
   * `cluster` by it. Leave it out when the data source is the cluster's own Prometheus,
   * whose rules never see external labels such as `cluster`.
   * @default - none: the data source is the gateway's own cluster's Prometheus
   */
  readonly clusterLabel?: string;

  /**
   * Suffix of the rule group name, so two groups of one gateway can live side by side
   * (`Kong <gateway> (<environment>[, <cluster>]) <suffix>`); a DNS-1123 label.
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
  /** Signals that got rules, in catalog order. */
  public readonly alertedSignals: string[];

  constructor(scope: Construct, id: string, props: GrafanaAlertRulesProps) {
    super(scope, checkConstructArguments('GrafanaAlertRules', scope, id, props));
    const subject = `GrafanaAlertRules '${id}'`;
    const { gateway } = props;
    if (!isGrafanaUid(props.datasourceUid)) {
      failValidation(subject, `datasourceUid '${props.datasourceUid}' is not a Grafana UID`, "give the Prometheus data source's UID (1-40 letters, digits, '-' or '_'), e.g. 'prometheus'");
    }
    validateClusterLabel(subject, gateway, props.clusterLabel);
    claimDataSourceCluster(this, subject, gateway, props.datasourceUid, props.clusterLabel);
    const suffix = props.groupNameSuffix;
    if (suffix !== undefined) requireDns1123Label(subject, 'groupNameSuffix', suffix);
    const prefix = validateUidPrefix(subject, props.uidPrefix);
    requireGrafanaName(subject, 'rule group name', groupName(gateway, suffix));
    this.folder = props.folder ?? new Folder(this, 'folder', {
      title: props.folderTitle ?? `Kong ${identityTitle(gateway)}${suffix ? ` ${suffix}` : ''} alerts`,
      uid: gatewayUid(gateway, prefix, ...(suffix ? [suffix] : []), 'alerts'),
    });
    if (!props.folder) claimFolder(this, subject, this.folder);
    this.intervalSeconds = roundUpSeconds(gateway.scrapeInterval.toSeconds(), GRAFANA_BASE_INTERVAL_SECONDS);

    const rules: RuleGroupRule[] = [];
    const include = props.includeSignals ? new Set(props.includeSignals) : undefined;
    const alerted = signalsOf(gateway).filter((x) => !include || include.has(x.id));
    this.alertedSignals = alerted.map((s) => s.id);
    for (const signal of alerted) {
      for (const level of signal.levels()) {
        rules.push(renderRule(gateway, signal, level, props, prefix));
      }
    }
    for (const rule of rules) requireGrafanaName(subject, 'rule title', rule.name);
    this.ruleUids = rules.map((r) => r.uid!);
    for (const uid of this.ruleUids) claimGrafanaUid(this, subject, 'alert rule', uid);
    const folderName = this.folder.uidInput ?? this.folder.titleInput;
    AppRegistry.of(this).claim('grafana-rule-group', `${this.folder.uid}\u0000${groupName(gateway, suffix)}`, this, {
      subject,
      what: `rule group '${groupName(gateway, suffix)}' in folder '${folderName}'`,
      fix: 'render each gateway\'s rules once per folder, or give the second group a groupNameSuffix',
    });
    this.ruleGroup = new RuleGroup(this, 'rules', {
      name: groupName(gateway, suffix),
      folderUid: this.folder.uid,
      intervalSeconds: this.intervalSeconds,
      rule: rules,
    });
  }
}

/** `Kong edge (production, eu-1)`, and a suffix for a second group of the gateway. */
function groupName(gateway: KongGateway, suffix?: string): string {
  return `Kong ${identityTitle(gateway)}${suffix ? ` ${suffix}` : ''}`;
}

function renderRule(gateway: KongGateway, signal: ResolvedSignal, level: Severity, props: GrafanaAlertRulesProps, prefix: string): RuleGroupRule {
  const threshold = signal.threshold(level)!;
  const states = STATES[signal.noData];
  const uid = gatewayUid(gateway, prefix, signal.id, level);
  const query: RuleGroupRuleData = {
    refId: 'A',
    datasourceUid: props.datasourceUid,
    relativeTimeRange: { from: QUERY_LOOKBACK_SECONDS, to: 0 },
    model: JSON.stringify({
      refId: 'A',
      datasource: { type: 'prometheus', uid: props.datasourceUid },
      expr: signal._promql({ clusterLabel: props.clusterLabel }),
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
    name: `${signal.title} (${[gateway.name, gateway.environment, ...(gateway.cluster ? [gateway.cluster] : []), signal.routedSeverity(level)].join(', ')})`,
    uid,
    condition: 'C',
    for: signal.window.toPrometheus(),
    noDataState: states.noData,
    execErrState: states.execErr,
    labels: alertLabels(gateway, signal, level),
    annotations: alertAnnotations(gateway, signal, level, '{{ $values.B }}'),
    data: [query, reduce, compare],
  };
}

/** Grafana allows 1-190 characters in rule group names and rule titles (grafana_rule_group `name`, `rule.name`). */
const GRAFANA_NAME_MAX = 190;

/** Names derived from the gateway's parts are refused when too long, never cut (a cut title could match another's). */
function requireGrafanaName(subject: string, what: string, name: string): void {
  if (name.length > GRAFANA_NAME_MAX) {
    failValidation(subject, `the ${what} '${name}' has ${name.length} characters, and Grafana allows ${GRAFANA_NAME_MAX}`, "shorten the gateway's name, environment or cluster (they are part of every rule title)");
  }
}
