import type { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Construct } from 'constructs';
import { AppRegistry } from '../core/app-registry';
import { checkConstructArguments } from '../core/input-shape';
import { requireKubernetesLabels } from '../core/labels';
import { failValidation, requireDns1123Label, requireDns1123Subdomain } from '../core/validation';
import { fittedName, identityKey } from '../gateway/gateway-identity';
import { KongGateway } from '../gateway/kong-gateway';
import { kubernetesResources } from '../internal/provider-resources';
import { alertAnnotations, alertLabels, alertName } from '../signals/alert-content';
import { signalsOf } from '../signals/gateway-signals';

/** One alerting rule, in Prometheus rule-file terms. */
export interface PrometheusAlertRule {
  /** The alert name (`alert:`); both levels of a signal share it and differ by `severity`. */
  readonly alert: string;
  /** The alert condition (`expr:`), straight from the signal catalog. */
  readonly expr: string;
  /** How long the condition holds before the alert fires (`for:`), e.g. `2m`. */
  readonly forDuration: string;
  /** Labels added to the alert (`severity`, `kong_gateway`, `kong_environment`, `team`, `signal`). */
  readonly labels: { [key: string]: string };
  /** Annotations (`summary`, `description`, `runbook_url` or `runbook`). */
  readonly annotations: { [key: string]: string };
}

/** One rule group: all alerting rules of one gateway. */
export interface PrometheusRuleGroup {
  /** Group name, `kong.<gateway>.<environment>[.<suffix>]`. */
  readonly name: string;
  /** Evaluation interval: the gateway's scrape interval, e.g. `30s`. */
  readonly interval: string;
  /** The group's rules, in catalog order, critical level before warning. */
  readonly rules: PrometheusAlertRule[];
}

/** Props of {@link PrometheusRules}. */
export interface PrometheusRulesProps {
  /** The gateways to alert on; one rule group each. */
  readonly gateways: KongGateway[];

  /**
   * Namespace of the PrometheusRule object.
   * @default - the first gateway's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the PrometheusRule object (a DNS-1123 subdomain of at most 63 characters).
   * @default 'kong.<first gateway>.<its environment>[.<suffix>].alerts': dots keep the parts
   * apart; a hash stands in where 63 characters would cut it
   */
  readonly name?: string;

  /**
   * Labels on the PrometheusRule object. Prometheus Operator only loads rules its
   * `ruleSelector` matches (kube-prometheus-stack: `release: <helm release>`).
   * @default {}
   */
  readonly labels?: { [key: string]: string };


  /**
   * Render only these signals (the practice constructs split the catalog between them).
   * @default - every signal of each gateway
   */
  readonly includeSignals?: string[];

  /**
   * Suffix for the default object name and the group names, so two PrometheusRules of one
   * gateway can live side by side; a DNS-1123 label.
   * @default - no suffix
   */
  readonly nameSuffix?: string;
}

/**
 * The catalog's signals as Prometheus alerting rules: a Prometheus Operator
 * `PrometheusRule` (`monitoring.coreos.com/v1`, through `kubernetes_manifest`) with one
 * group per gateway, for Alertmanager users. {@link PrometheusRules.toRuleFile} gives the
 * same groups as a plain Prometheus rule file, for Prometheus without the Operator and for
 * `promtool check rules` / `promtool test rules`.
 *
 * Per-node signals keep the `pod` (or `hostname`) label in their expression, so each node
 * alerts on its own and healthy nodes stay silent; a node that vanishes is caught by the
 * ready-nodes-below-expected rule. `kubernetes_manifest` needs the PrometheusRule CRD
 * installed when Terraform plans.
 */
export class PrometheusRules extends Construct {
  /** The rule groups, one per gateway, in the order the gateways were given. */
  public readonly ruleGroups: PrometheusRuleGroup[];
  /** Name of the PrometheusRule object. */
  public readonly ruleName: string;
  /** Namespace of the PrometheusRule object. */
  public readonly ruleNamespace: string;
  /** The `kubernetes_manifest` resource. */
  public readonly manifest: Manifest;

  constructor(scope: Construct, id: string, props: PrometheusRulesProps) {
    super(scope, checkConstructArguments('PrometheusRules', scope, id, props));
    const subject = `PrometheusRules '${id}'`;
    if (props.gateways.length === 0) {
      failValidation(subject, 'gateways is empty', 'give at least one KongGateway to alert on');
    }
    const seen = new Set<string>();
    for (const gateway of props.gateways) {
      const key = identityKey(gateway);
      if (seen.has(key)) {
        failValidation(subject, `gateway '${gateway.name}' (${gateway.environment}) is listed twice`, 'list each gateway once; its rules form one group');
      }
      seen.add(key);
    }
    requireKubernetesLabels(subject, 'labels', props.labels);
    const first = props.gateways[0];
    const suffix = props.nameSuffix;
    if (suffix !== undefined) requireDns1123Label(subject, 'nameSuffix', suffix);
    this.ruleName = props.name ?? fittedName(['kong', first.name, first.environment, ...(suffix ? [suffix] : []), 'alerts'], '.', 63);
    requireDns1123Subdomain(subject, 'name', this.ruleName);
    if (this.ruleName.length > 63) failValidation(subject, `name '${this.ruleName}' is longer than 63 characters`, 'give a shorter name');
    this.ruleNamespace = props.namespace ?? first.namespace;
    requireDns1123Label(subject, 'namespace', this.ruleNamespace);
    // One object of a name per namespace of a cluster: two would overwrite each other.
    const where = `${first.cluster ?? ''}/${this.ruleNamespace}/${this.ruleName}`;
    AppRegistry.of(this).claim('prometheus-rule', where, this, {
      subject,
      what: `PrometheusRule '${this.ruleName}' in namespace '${this.ruleNamespace}'${first.cluster ? ` of cluster '${first.cluster}'` : ''}`,
      fix: 'render each gateway\'s rules once per namespace, or give the second PrometheusRules its own name or nameSuffix',
    });

    const include = props.includeSignals ? new Set(props.includeSignals) : undefined;
    this.ruleGroups = props.gateways.map((gateway) => renderGroup(gateway, suffix, (signal) => !include || include.has(signal)));

    this.manifest = new kubernetesResources.Manifest(this, 'rule', {
      manifest: {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: {
          name: this.ruleName,
          namespace: this.ruleNamespace,
          labels: {
            'app.kubernetes.io/name': 'kong-alerts',
            'app.kubernetes.io/managed-by': 'cdktf-kong-monitoring',
            ...(props.labels ?? {}),
          },
        },
        spec: { groups: this.ruleGroups.map(groupToYaml) },
      },
    });
  }

  /**
   * The same groups as a plain Prometheus rule file (`groups:` at the top). The text is
   * JSON, which every YAML reader (Prometheus and promtool included) reads as YAML.
   */
  public toRuleFile(): string {
    return JSON.stringify({ groups: this.ruleGroups.map(groupToYaml) }, null, 2) + '\n';
  }
}

function renderGroup(gateway: KongGateway, suffix: string | undefined, included: (id: string) => boolean): PrometheusRuleGroup {
  const rules: PrometheusAlertRule[] = [];
  for (const signal of signalsOf(gateway).filter((s) => included(s.id))) {
    for (const level of signal.levels()) {
      rules.push({
        alert: alertName(signal),
        expr: signal.promqlCondition(level),
        forDuration: signal.window.toPrometheus(),
        labels: alertLabels(gateway, signal, level),
        annotations: alertAnnotations(gateway, signal, level, '{{ $value | humanize }}'),
      });
    }
  }
  // Dots keep the parts apart: `edge-prod`/`eu` and `edge`/`prod-eu` are two groups.
  return { name: ['kong', gateway.name, gateway.environment, ...(suffix ? [suffix] : [])].join('.'), interval: gateway.scrapeInterval.toPrometheus(), rules };
}

function groupToYaml(group: PrometheusRuleGroup): { [key: string]: unknown } {
  return {
    name: group.name,
    interval: group.interval,
    rules: group.rules.map((r) => ({
      alert: r.alert,
      expr: r.expr,
      for: r.forDuration,
      labels: { ...r.labels },
      annotations: { ...r.annotations },
    })),
  };
}
