import { ComplianceStatus, Finding, FindingLevel, RuleInfo } from '../types';
import { JsonObject, TfResource } from './terraform-json';

/** A finding as a rule returns it: suppressions are applied later, by the engine. */
export type RuleFinding = Omit<Finding, 'suppressed' | 'suppressionReason'>;

/** A rule: its table entry and a pure check over one synthesized stack. */
export interface RuleDefinition extends RuleInfo {
  /**
   * The Terraform resource types the rule reads, when it reads no others (nor data sources,
   * variables or outputs): a check that runs only such rules serializes only those resources.
   * `kubernetes_manifest:<Kind>` names manifests of one kind.
   * Absent: the rule reads the whole stack.
   */
  readonly reads?: readonly string[];
  /** Runs the rule on a parsed `cdk.tf.json`. */
  check(config: JsonObject): RuleFinding[];
}

export interface FindingOptions {
  /** @default the rule's level */
  readonly level?: FindingLevel;
  /** @default the rule's fix */
  readonly fix?: string;
}

/** Builds a finding about a resource (or the whole stack when `resource` is undefined). */
export function finding(
  rule: RuleInfo,
  status: ComplianceStatus,
  resource: TfResource | undefined,
  message: string,
  options: FindingOptions = {},
): RuleFinding {
  return {
    ruleId: rule.ruleId,
    level: options.level ?? rule.level,
    status,
    resource: resource?.address ?? '-',
    constructPath: resource?.constructPath,
    message,
    fix: options.fix ?? rule.fix,
  };
}

export function compliant(rule: RuleInfo, resource: TfResource | undefined, message: string): RuleFinding {
  return finding(rule, ComplianceStatus.COMPLIANT, resource, message);
}

export function notApplicable(rule: RuleInfo, message: string): RuleFinding {
  return finding(rule, ComplianceStatus.NOT_APPLICABLE, undefined, message);
}

export function violation(rule: RuleInfo, resource: TfResource | undefined, message: string, options: FindingOptions = {}): RuleFinding {
  return finding(rule, ComplianceStatus.NON_COMPLIANT, resource, message, options);
}

/** How a workload is named in messages. */
export function describe(resource: TfResource, container?: string): string {
  return container ? `${resource.address} (container '${container}')` : resource.address;
}
