import type { MetricTagConfiguration } from '@cdktf/provider-datadog/lib/metric-tag-configuration';
import { Construct, IConstruct } from 'constructs';
import { libraryQueries, sampleGatewaysOfEveryMode } from './internal/library-queries';
import { QueriedMetric, queriedMetrics } from './internal/query-tags';
import { checkCall, checkConstructArguments } from '../core/input-shape';
import { failValidation } from '../core/validation';
import { AnnotationMetadataEntryType, Lazy, TerraformStack } from '../internal/cdktf';
import { datadogResources } from '../internal/provider-resources';
import { DatadogCollection } from '../signals/signal-types';

/** Construct id of the one a stack gets when its monitors or dashboards need it first. */
const DEFAULT_ID = 'kong-datadog-percentiles';
const DEFAULT_ACCOUNT = 'default';
const TAG_KEY = /^[a-z][a-z0-9_.\-/]*$/;

/** Props of {@link DatadogDistributionPercentiles}. */
export interface DatadogDistributionPercentilesProps {
  /**
   * Name of the Datadog account (organization) this stack's Datadog provider writes to.
   * Datadog keeps one percentile setting per metric per account, so within one app one
   * stack per account may manage them; stacks writing to different accounts name them here.
   * @default 'default'
   */
  readonly account?: string;

  /**
   * Whether this stack writes the metric tag configurations. Set false in every stack but
   * one when several stacks (or another program) write to the same Datadog account: the
   * owner in this app then covers this stack's queries too, and synth says what an owner
   * outside the app must keep queryable.
   * @default true
   */
  readonly manage?: boolean;

  /**
   * Also enable the distributions the library queries on these collection paths, with the
   * tag keys those queries use, whether or not this app's monitors and dashboards are
   * built with it (an owner in a stack of its own, or stacks synthesized one at a time).
   * @default - only the distributions this app's monitors and dashboards query
   */
  readonly collections?: DatadogCollection[];

  /**
   * Tag keys to keep queryable besides those the library's queries use. The configuration
   * makes its tag list the only queryable keys of the metric, for every query in the
   * account: list the keys your own dashboards and monitors use (e.g. `kube_cluster_name`).
   * @default - none
   */
  readonly additionalTagKeys?: string[];
}

/** What the library's queries read of one metric, across the stacks of one account. */
interface MetricUse {
  percentiles: boolean;
  readonly tagKeys: Set<string>;
}

/** The owners and users of percentile settings in one app. */
interface AppRegistry {
  readonly byStack: Map<TerraformStack, DatadogDistributionPercentiles>;
  readonly owners: Map<string, DatadogDistributionPercentiles>;
  /** Queries registered in stacks that had no instance yet (they join it when it is made). */
  readonly pending: Map<TerraformStack, QueriedMetric[]>;
}

const REGISTRIES = new WeakMap<IConstruct, AppRegistry>();

function registryOf(stack: TerraformStack): AppRegistry {
  const root = stack.node.root;
  let registry = REGISTRIES.get(root);
  if (!registry) {
    registry = { byStack: new Map(), owners: new Map(), pending: new Map() };
    REGISTRIES.set(root, registry);
  }
  return registry;
}

/**
 * Percentiles of the distributions the library's monitors and dashboards query, enabled in
 * Datadog (`datadog_metric_tag_configuration`, metric type `distribution`,
 * `include_percentiles`): without them `p99:kong.latency{...}` returns no data and a p99
 * monitor never alerts. The configuration's tag list becomes the metric's only queryable tag
 * keys, so it lists every key any of the library's queries filters or groups on, read from
 * the rendered queries.
 *
 * Datadog keeps one such setting per metric per account, so it has one owner: one instance
 * per stack (the monitors and dashboards make a default one, `kong-datadog-percentiles`, at
 * the stack's root when the stack has none), holding the union of every gateway's needs. Two
 * stacks of one app that manage the same account fail synth; set `manage: false` in all but
 * one, or name their different accounts with `account`.
 */
export class DatadogDistributionPercentiles extends Construct {
  /**
   * The instance of the stack holding `scope`, made with the defaults when the stack has none.
   */
  public static of(scope: IConstruct): DatadogDistributionPercentiles {
    checkCall('DatadogDistributionPercentiles.of', scope);
    const stack = TerraformStack.of(scope);
    return registryOf(stack).byStack.get(stack) ?? new DatadogDistributionPercentiles(stack, DEFAULT_ID);
  }

  /**
   * Records rendered monitor or widget queries of a stack; the stack gets an instance when
   * they read a percentile.
   * @internal
   */
  public static _register(scope: IConstruct, queries: string[], templateVariablePrefixes: { [name: string]: string } = {}): void {
    const stack = TerraformStack.of(scope);
    const metrics = queries.flatMap((q) => queriedMetrics(q, templateVariablePrefixes));
    const registry = registryOf(stack);
    const existing = registry.byStack.get(stack);
    if (existing) {
      existing.use(metrics);
    } else if (metrics.some((m) => m.percentiles)) {
      DatadogDistributionPercentiles.of(stack).use(metrics);
    } else {
      registry.pending.set(stack, [...(registry.pending.get(stack) ?? []), ...metrics]);
    }
  }

  /** The Datadog account this stack writes to. */
  public readonly account: string;
  /** True when this instance writes the tag configurations of its account. */
  public readonly managed: boolean;

  private readonly registry: AppRegistry;
  private readonly uses = new Map<string, MetricUse>();
  private readonly additionalTagKeys: string[];
  private readonly configurations = new Map<string, MetricTagConfiguration>();

  public constructor(scope: Construct, id: string, props: DatadogDistributionPercentilesProps = {}) {
    super(scope, checkConstructArguments('DatadogDistributionPercentiles', scope, id, props));
    const subject = `DatadogDistributionPercentiles '${id}'`;
    const stack = TerraformStack.of(this);
    this.registry = registryOf(stack);
    this.account = props.account ?? DEFAULT_ACCOUNT;
    this.managed = props.manage ?? true;
    if (this.account.trim().length === 0) {
      failValidation(subject, `account '${this.account}' is empty`, "name the Datadog account (organization) this stack writes to, e.g. 'eu', or leave account out");
    }
    for (const key of props.additionalTagKeys ?? []) {
      if (!TAG_KEY.test(key)) {
        const example = key.includes(':') ? key.split(':')[0].toLowerCase() : 'kube_cluster_name';
        failValidation(subject, `additionalTagKeys has '${key}', which is not a Datadog tag key`, `use a lower-case key such as '${example}' (letters, digits, '_', '-', '.', '/'), without a value`);
      }
    }
    const present = this.registry.byStack.get(stack);
    if (present) {
      failValidation(
        subject,
        `stack '${stack.node.id}' already has DatadogDistributionPercentiles '${present.node.id}'`,
        'create one per stack, before the monitors and dashboards, so they use it instead of making a default one',
      );
    }
    const owner = this.registry.owners.get(this.account);
    if (this.managed && owner) {
      failValidation(
        subject,
        `stack '${stack.node.id}' writes to Datadog account '${this.account}', whose distribution percentiles stack '${TerraformStack.of(owner).node.id}' already manages, and Datadog keeps one setting per metric per account`,
        "if both stacks write to the same Datadog account, let one own them: in the other, create new DatadogDistributionPercentiles(stack, 'percentiles', { manage: false }) before its monitors; "
        + "if they write to different accounts, name each one: new DatadogDistributionPercentiles(stack, 'percentiles', { account: '<account>' })",
      );
    }
    this.registry.byStack.set(stack, this);
    if (this.managed) this.registry.owners.set(this.account, this);
    this.additionalTagKeys = [...(props.additionalTagKeys ?? [])];

    const declared = (props.collections ?? []).flatMap((collection) =>
      sampleGatewaysOfEveryMode().flatMap((gateway) => libraryQueries(gateway, collection)).flatMap((q) => queriedMetrics(q)));
    this.use([...(this.registry.pending.get(stack) ?? []), ...declared]);
    this.registry.pending.delete(stack);
    if (this.managed) {
      // Metrics other stacks of the account needed before this owner existed.
      for (const metric of this.accountMetrics()) this.configure(metric);
    }
    this.node.addValidation({ validate: () => this.reportOwner() });
  }

  /** Distributions whose percentiles this instance enables (its account's, when it manages them; else those its stack queries), sorted. */
  public get metrics(): string[] {
    return this.managed ? this.accountMetrics() : [...this.uses].filter(([, use]) => use.percentiles).map(([metric]) => metric).sort();
  }

  /** The queryable tag keys a metric's configuration lists, sorted. */
  public tagKeys(metric: string): string[] {
    checkCall('DatadogDistributionPercentiles.tagKeys', metric);
    const keys = new Set<string>();
    for (const instance of this.accountInstances()) {
      for (const key of instance.uses.get(metric)?.tagKeys ?? []) keys.add(key);
      for (const key of instance.additionalTagKeys) keys.add(key);
    }
    return [...keys].sort();
  }

  /** The tag configuration of a metric, when this instance writes it. */
  public configurationOf(metric: string): MetricTagConfiguration | undefined {
    checkCall('DatadogDistributionPercentiles.configurationOf', metric);
    return this.configurations.get(metric);
  }

  private use(metrics: QueriedMetric[]): void {
    for (const { metric, percentiles, tagKeys } of metrics) {
      const use = this.uses.get(metric) ?? { percentiles: false, tagKeys: new Set<string>() };
      use.percentiles = use.percentiles || percentiles;
      for (const key of tagKeys) use.tagKeys.add(key);
      this.uses.set(metric, use);
      if (use.percentiles) this.registry.owners.get(this.account)?.configure(metric);
    }
  }

  private configure(metric: string): void {
    if (this.configurations.has(metric)) return;
    this.configurations.set(metric, new datadogResources.MetricTagConfiguration(this, metric.replace(/[^a-z0-9]+/g, '-'), {
      metricName: metric,
      metricType: 'distribution',
      includePercentiles: true,
      // Read at synth: gateways added later in any stack of the account widen the list.
      tags: Lazy.listValue({ produce: () => this.tagKeys(metric) }),
    }));
  }

  private accountInstances(): DatadogDistributionPercentiles[] {
    return [...this.registry.byStack.values()].filter((instance) => instance.account === this.account);
  }

  private accountMetrics(): string[] {
    const metrics = new Set<string>();
    for (const instance of this.accountInstances()) {
      for (const [metric, use] of instance.uses) if (use.percentiles) metrics.add(metric);
    }
    return [...metrics].sort();
  }

  /** Tells a stack that does not manage its percentiles who does, or what an outside owner must keep. */
  private reportOwner(): string[] {
    if (this.managed || this.metrics.length === 0) return [];
    const owner = this.registry.owners.get(this.account);
    const metrics = this.metrics.join(', ');
    // Added while synth validates: no stack trace (it would show cdktf's validation loop, once per stack).
    if (owner) {
      this.node.addMetadata(AnnotationMetadataEntryType.INFO, `Percentiles of ${metrics} are enabled by stack '${TerraformStack.of(owner).node.id}' (Datadog account '${this.account}'), with the tag keys this stack's queries use.`);
    } else {
      const needs = this.metrics.map((metric) => `${metric} (${this.tagKeys(metric).join(', ')})`).join('; ');
      this.node.addMetadata(AnnotationMetadataEntryType.INFO, `Percentiles of ${metrics} are managed outside the stacks synthesized here (Datadog account '${this.account}'): their tag configurations must include percentiles and keep these tag keys queryable: ${needs}.`);
    }
    return [];
  }
}
