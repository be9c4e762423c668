import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import {
  Annotations,
  DefaultTokenResolver,
  IAspect,
  ISynthesisSession,
  TerraformResource,
  StringConcat,
  TerraformStack,
  Tokenization,
  addCustomSynthesis,
} from '../internal/cdktf';
import { engineModule, rulesModule, suppressionReasonModule } from './internal/checker-modules';
import type { EngineOptions } from './internal/engine';
import type { RuleFinding } from './internal/rule';
import {
  SUPPRESSION_JSON_KEY,
  SUPPRESSION_METADATA_TYPE,
  SuppressionEntry,
  isValidSuppression,
  suppressionsToJson,
} from './internal/suppressions';
import { JsonObject, isObject } from './internal/terraform-json';
import { KongBestPracticesReport } from './report';
import { ComplianceStatus, FindingLevel, RuleInfo, RuleLevelOverride } from './types';
import { checkCall } from '../core/input-shape';

/** A suppression: a rule that does not apply to a construct and its children, and why. */
export interface Suppression {
  /** Rule ID, e.g. `KBP6`. */
  readonly ruleId: string;
  /** Why the rule does not apply (at least 10 characters). */
  readonly reason: string;
}

/** Options of the best-practice checker. */
export interface KongBestPracticesProps {
  /**
   * Report some rules at another level, e.g. `KBP5` as an error where alerts must live in
   * the same stack as the gateway.
   * @default - each rule's own level (see `KongBestPractices.rules()`)
   */
  readonly levels?: RuleLevelOverride[];
  /**
   * Rules not to run.
   * @default - none
   */
  readonly disabledRules?: string[];
  /**
   * Run only these rules.
   * @default - every rule
   */
  readonly onlyRules?: string[];
  /**
   * Base name of the scorecard files written beside the stack's synthesized output
   * (`<reportName>.json` and `<reportName>.md`).
   * @default 'kong-best-practices'
   */
  readonly reportName?: string;
  /**
   * Write the JSON and Markdown scorecards at synth.
   * @default true
   */
  readonly writeReports?: boolean;
}

const DEFAULT_REPORT_NAME = 'kong-best-practices';

function engineOptions(props: KongBestPracticesProps): EngineOptions {
  return { rules: props.onlyRules, disabledRules: props.disabledRules, levels: props.levels };
}

/** Suppressions recorded on the construct itself (not its parents). */
function ownSuppressions(construct: IConstruct): SuppressionEntry[] {
  return construct.node.metadata
    .filter((m) => m.type === SUPPRESSION_METADATA_TYPE && isObject(m.data))
    .map((m) => ({ ruleId: String(m.data.ruleId ?? ''), reason: String(m.data.reason ?? '') }));
}

/** Suppressions that apply to a construct: its own and its parents', nearest first. */
function effectiveSuppressions(construct: IConstruct): SuppressionEntry[] {
  return [...construct.node.scopes].reverse().flatMap(ownSuppressions);
}

function addressOf(construct: IConstruct): string | undefined {
  return TerraformResource.isTerraformResource(construct) ? `${construct.terraformResourceType}.${construct.friendlyUniqueId}` : undefined;
}

/** Every construct of the stack by path, plus the stack's parents (suppressions may sit on the app). */
function constructIndex(stack: TerraformStack): Map<string, IConstruct> {
  return new Map([...stack.node.scopes, ...stack.node.findAll()].map((c) => [c.node.path, c] as [string, IConstruct]));
}

/** KBPX1 findings from the construct tree: one per recorded suppression, where it was recorded. */
function suppressionFindings(index: Map<string, IConstruct>): RuleFinding[] {
  return suppressionReasonModule().suppressionVerdicts([...index.values()].flatMap((construct) => ownSuppressions(construct).map((entry) => ({
    subject: { type: '', name: '', address: addressOf(construct) ?? '-', body: {}, constructPath: construct.node.path },
    where: construct.node.path,
    entry,
  }))));
}

/**
 * The stack's Terraform JSON restricted to resources of the given types, as `toTerraform()`
 * writes them. `kubernetes_manifest:<Kind>` restricts manifests to those kinds (a manifest
 * whose kind is not a plain string is kept).
 */
export function resourcesOf(stack: TerraformStack, types: Set<string>): JsonObject {
  const resource: { [type: string]: { [id: string]: unknown } } = {};
  const manifestKinds = [...types].filter((t) => t.startsWith('kubernetes_manifest:')).map((t) => t.slice('kubernetes_manifest:'.length));
  const wanted = (construct: TerraformResource): boolean => {
    const type = construct.terraformResourceType;
    if (type !== 'kubernetes_manifest' || types.has(type)) return types.has(type);
    if (manifestKinds.length === 0) return false;
    const kind = (construct as { manifestInput?: { kind?: unknown } }).manifestInput?.kind;
    return typeof kind !== 'string' || manifestKinds.includes(kind);
  };
  for (const construct of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(construct) || !wanted(construct)) continue;
    const resolver = new DefaultTokenResolver(new StringConcat());
    const json = Tokenization.resolve(construct.toTerraform(), { scope: stack, resolver }) as { resource?: { [type: string]: { [id: string]: unknown } } };
    for (const [type, byId] of Object.entries(json.resource ?? {})) Object.assign(resource[type] ??= {}, byId);
  }
  return Object.keys(resource).length > 0 ? { resource } as JsonObject : {};
}

function checkStack(stack: TerraformStack, props: KongBestPracticesProps): { report: KongBestPracticesReport; index: Map<string, IConstruct> } {
  const index = constructIndex(stack);
  const options: EngineOptions = {
    ...engineOptions(props),
    suppressionsFor: (_address, constructPath) => {
      const construct = constructPath ? index.get(constructPath) : undefined;
      return construct ? effectiveSuppressions(construct) : [];
    },
    suppressionFindings: suppressionFindings(index),
  };
  // Serializing a stack is most of a check's cost: rules that read a few resource types
  // (NoKongHealthCheckCli's KBP6) get only those, so the check stays cheap as stacks grow.
  const types = engineModule().typesRead(options);
  const config = types ? resourcesOf(stack, types) : stack.toTerraform() as JsonObject;
  const findings = engineModule().runEngine(config, options);
  return { report: new KongBestPracticesReport(stack.node.path, findings), index };
}

/**
 * Kong's monitoring best practices as a cdktf Aspect, in the spirit of cdk-nag:
 * `Aspects.of(stack).add(new KongBestPractices())`.
 *
 * At synth it runs the rule table (KBP1..KBP7, KBPS1, KBPX1) on the stack's Terraform JSON,
 * after every other aspect has run, so it sees the final configuration of any stack, not
 * only one built with this library. Non-compliant findings become error or warning
 * annotations on the offending resource (`[KBP6] ... Fix: ...`); cdktf aborts synth on
 * errors. A JSON and a Markdown scorecard are written beside the stack's `cdk.tf.json`.
 */
export class KongBestPractices implements IAspect {
  /**
   * Records that a rule does not apply to a construct and everything below it. The reason is
   * required (at least 10 characters; a shorter one is itself an error, KBPX1). Stored as node
   * metadata, copied into each resource's `//` block in the synthesized JSON (so the audit
   * CLI honours it too), and listed in the scorecard.
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    checkCall('KongBestPractices.suppress', construct, ruleId, reason);
    construct.node.addMetadata(SUPPRESSION_METADATA_TYPE, { ruleId, reason });
  }

  /** The suppressions that apply to a construct: its own and its parents', nearest first. */
  public static suppressionsOf(construct: IConstruct): Suppression[] {
    checkCall('KongBestPractices.suppressionsOf', construct);
    return effectiveSuppressions(construct).map((e) => ({ ruleId: e.ruleId, reason: e.reason }));
  }

  /** The rule table, in ID order. */
  public static rules(): RuleInfo[] {
    return rulesModule().RULES.map((r) => ({ ruleId: r.ruleId, name: r.name, info: r.info, explanation: r.explanation, fix: r.fix, level: r.level }));
  }

  /**
   * Checks the stack(s) a scope belongs to (or holds, for an App) without synthesizing:
   * no annotations, no files. For tests and custom tooling.
   */
  public static validate(scope: IConstruct, props: KongBestPracticesProps = {}): KongBestPracticesReport {
    checkCall('KongBestPractices.validate', scope, props);
    engineModule().activeRuleIds(engineOptions(props));
    const below = scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
    const stacks = below.length > 0 ? below : [TerraformStack.of(scope)];
    const findings = stacks.flatMap((s) => checkStack(s, props).report.findings);
    return new KongBestPracticesReport(stacks.length === 1 ? stacks[0].node.path : scope.node.path || 'app', findings);
  }

  /**
   * Checks synthesized Terraform JSON (the text of a `cdk.tf.json`, from this library or
   * not). Suppressions are read from each resource's `//` block.
   */
  public static validateJson(terraformJson: string, props: KongBestPracticesProps = {}): KongBestPracticesReport {
    checkCall('KongBestPractices.validateJson', terraformJson, props);
    let parsed: unknown;
    try {
      parsed = JSON.parse(terraformJson);
    } catch (e) {
      throw new Error(`KongBestPractices.validateJson: the text is not JSON (${(e as Error).message}). Fix: pass the content of a cdk.tf.json file.`);
    }
    if (!isObject(parsed)) {
      throw new Error('KongBestPractices.validateJson: the JSON is not an object. Fix: pass the content of a cdk.tf.json file.');
    }
    return new KongBestPracticesReport('cdk.tf.json', engineModule().runEngine(parsed, engineOptions(props)));
  }

  private readonly props: KongBestPracticesProps;
  private readonly reports = new Map<TerraformStack, KongBestPracticesReport>();
  /** Stacks this checker is wired into (an aspect on an app reaches many stacks). */
  private readonly wired = new Set<TerraformStack>();

  constructor(props: KongBestPracticesProps = {}) {
    checkCall('KongBestPractices', props);
    engineModule().activeRuleIds(engineOptions(props));
    if (props.reportName !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(props.reportName)) {
      throw new Error(`KongBestPractices: reportName '${props.reportName}' is not a plain file name. Fix: use letters, digits, '.', '_' and '-'.`);
    }
    this.props = props;
  }

  /** Part of `IAspect`: wires the check into each stack and copies suppressions onto resources. */
  public visit(node: IConstruct): void {
    checkCall('KongBestPractices.visit', node);
    if (TerraformResource.isTerraformResource(node)) {
      const valid = effectiveSuppressions(node).filter((e) => isValidSuppression(e));
      if (valid.length > 0) node.addOverride(`//.${SUPPRESSION_JSON_KEY}`, suppressionsToJson(valid));
    }
    if (TerraformStack.isStack(node) && !this.wired.has(node)) {
      this.wire(node);
    }
  }

  private wire(stack: TerraformStack): void {
    this.wired.add(stack);
    // Validations run after every aspect, so the check sees the final tree; the custom
    // synthesis below also runs it when validations are skipped. Both run before cdktf
    // collects annotations.
    stack.node.addValidation({ validate: () => { this.run(stack); return []; } });
    if (this.props.writeReports ?? true) {
      const base = this.props.reportName ?? DEFAULT_REPORT_NAME;
      // A second checker with the same report name on this stack writes `<name>-2`, and so on.
      let fileBase = base;
      for (let i = 2; stack.node.tryFindChild(`KongBestPracticesReport-${fileBase}`); i++) fileBase = `${base}-${i}`;
      const holder = new Construct(stack, `KongBestPracticesReport-${fileBase}`);
      addCustomSynthesis(holder, {
        onSynthesize: (session: ISynthesisSession) => {
          const report = this.run(stack);
          const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(path.join(dir, `${fileBase}.json`), report.toJson() + '\n');
          fs.writeFileSync(path.join(dir, `${fileBase}.md`), report.toMarkdown());
        },
      });
    }
  }

  /** Checks a stack once and annotates its constructs; later calls return the same report. */
  private run(stack: TerraformStack): KongBestPracticesReport {
    const done = this.reports.get(stack);
    if (done) return done;
    const { report, index } = checkStack(stack, this.props);
    this.reports.set(stack, report);
    for (const f of report.findings) {
      if (f.status !== ComplianceStatus.NON_COMPLIANT || f.suppressed) continue;
      const target = (f.constructPath ? index.get(f.constructPath) : undefined) ?? stack;
      const message = `[${f.ruleId}] ${f.message} Fix: ${f.fix}`;
      // Two checkers on one stack (e.g. NoKongHealthCheckCli and the full pack) say it once.
      if (target.node.metadata.some((m) => m.data === message)) continue;
      if (engineModule().isBlocking(f)) {
        Annotations.of(target).addError(message);
      } else if (f.level === FindingLevel.WARNING) {
        Annotations.of(target).addWarning(message);
      }
    }
    return report;
  }
}
