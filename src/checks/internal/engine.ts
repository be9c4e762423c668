// The engine: runs the rule table on one parsed stack and applies options and suppressions.
// The aspect, KongBestPractices.validate and the audit CLI all go through here.
import { RULES, RULE_IDS } from '../rules';
import { ComplianceStatus, Finding, FindingLevel, RuleLevelOverride } from '../types';
import { withAnalysis } from './analysis';
import { RuleFinding } from './rule';
import { SuppressionEntry, isValidSuppression, jsonSuppressions } from './suppressions';
import { JsonObject, TfResource } from './terraform-json';
import { redact } from '../../core/secret-patterns';

export interface EngineOptions {
  /** Only these rules. @default all */
  readonly rules?: string[];
  /** Skip these rules. @default none */
  readonly disabledRules?: string[];
  /** Level overrides per rule. @default none */
  readonly levels?: RuleLevelOverride[];
  /** Extra suppressions for a resource (from the construct tree), besides those in its `//` block. */
  readonly suppressionsFor?: (address: string, constructPath: string | undefined) => SuppressionEntry[];
  /** KBPX1 findings computed from the construct tree, replacing the JSON-based check. */
  readonly suppressionFindings?: RuleFinding[];
}

function requireKnown(option: string, ids: string[] | undefined): void {
  for (const id of ids ?? []) {
    if (!RULE_IDS.includes(id)) {
      throw new Error(`KongBestPractices: ${option} names '${id}', which is not a rule. Fix: use one of ${RULE_IDS.join(', ')}.`);
    }
  }
}

/** The IDs of the rules that run under these options, in table order. */
export function activeRuleIds(options: EngineOptions): string[] {
  requireKnown('rules', options.rules);
  requireKnown('disabledRules', options.disabledRules);
  requireKnown('levels', options.levels?.map((l) => l.ruleId));
  return RULE_IDS.filter((id) => (!options.rules || options.rules.includes(id)) && !(options.disabledRules ?? []).includes(id));
}

/**
 * The resource types the active rules read, when every one of them declares its own
 * (`RuleDefinition.reads`); undefined when one reads the whole stack.
 */
export function typesRead(options: EngineOptions): Set<string> | undefined {
  const active = activeRuleIds(options);
  // Given the construct tree's suppressions, KBPX1 reads nothing of the JSON.
  const rules = RULES.filter((rule) => active.includes(rule.ruleId) && !(rule.ruleId === 'KBPX1' && options.suppressionFindings));
  if (rules.some((rule) => rule.reads === undefined)) return undefined;
  return new Set(rules.flatMap((rule) => [...rule.reads!]));
}

/** Runs the active rules on a parsed `cdk.tf.json`. */
export function runEngine(config: JsonObject, options: EngineOptions = {}): Finding[] {
  return withAnalysis(config, (analysis) => runRules(analysis.config, analysis.stack.resources, options));
}

function runRules(config: JsonObject, resources: TfResource[], options: EngineOptions): Finding[] {
  const active = activeRuleIds(options);
  const bodies = new Map(resources.map((r) => [r.address, r.body]));
  const levels = new Map((options.levels ?? []).map((l) => [l.ruleId, l.level] as [string, FindingLevel]));
  const out: Finding[] = [];
  for (const rule of RULES) {
    if (!active.includes(rule.ruleId)) continue;
    const raw = rule.ruleId === 'KBPX1' && options.suppressionFindings ? options.suppressionFindings : rule.check(config);
    for (const f of raw) {
      const level = f.status === ComplianceStatus.NON_COMPLIANT ? levels.get(f.ruleId) ?? f.level : f.level;
      let suppression: SuppressionEntry | undefined;
      if (f.status === ComplianceStatus.NON_COMPLIANT && f.ruleId !== 'KBPX1' && f.resource !== '-') {
        const body = bodies.get(f.resource);
        const entries = [...(body ? jsonSuppressions(body) : []), ...(options.suppressionsFor?.(f.resource, f.constructPath) ?? [])];
        suppression = entries.find((e) => e.ruleId === f.ruleId && isValidSuppression(e));
      }
      out.push({
        ...f,
        // A finding may quote a command, a path or a URL: none of it may carry a secret on.
        message: redact(f.message),
        fix: redact(f.fix),
        level,
        suppressed: suppression !== undefined,
        ...(suppression ? { suppressionReason: redact(suppression.reason) } : {}),
      });
    }
  }
  return out;
}

/** Findings that fail a build: non-compliant, at error level, not suppressed. */
export function isBlocking(f: Finding): boolean {
  return f.status === ComplianceStatus.NON_COMPLIANT && f.level === FindingLevel.ERROR && !f.suppressed;
}
