// Suppressions: data on constructs (node metadata), copied by the aspect into each
// resource's `//` block so the synthesized JSON carries them to the audit CLI.
import { JsonObject, block, isObject, text } from './terraform-json';
import { RULE_IDS } from '../rules/rule-ids';

/** Node metadata type under which `KongBestPractices.suppress` records a suppression. */
export const SUPPRESSION_METADATA_TYPE = 'kong-best-practices:suppression';
/** Key under a resource's `//` block holding its effective suppressions. */
export const SUPPRESSION_JSON_KEY = 'kong_best_practices';
/** Shortest accepted reason: enough for "why", not just "ok" or "temp". */
export const MIN_REASON_LENGTH = 10;

export interface SuppressionEntry {
  readonly ruleId: string;
  readonly reason: string;
}

/** Suppressions written in a resource body's `//` block. */
export function jsonSuppressions(body: JsonObject): SuppressionEntry[] {
  const holder = block(block(body['//'])?.[SUPPRESSION_JSON_KEY]);
  const list = holder?.suppressions;
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((e) => ({ ruleId: text(e.id) ?? text(e.rule_id) ?? '', reason: text(e.reason) ?? '' }));
}

/** The `//` payload for a resource's suppressions. */
export function suppressionsToJson(entries: SuppressionEntry[]): { suppressions: { id: string; reason: string }[] } {
  return { suppressions: entries.map((e) => ({ id: e.ruleId, reason: e.reason })) };
}

/** Why a suppression is invalid, or undefined when it is fine. */
export function suppressionProblem(entry: SuppressionEntry): string | undefined {
  if (!RULE_IDS.includes(entry.ruleId)) {
    return `suppresses '${entry.ruleId}', which is not a rule (known: ${RULE_IDS.join(', ')})`;
  }
  if (entry.reason.trim().length < MIN_REASON_LENGTH) {
    return entry.reason.trim().length === 0
      ? `suppresses ${entry.ruleId} without a reason`
      : `suppresses ${entry.ruleId} with the reason '${entry.reason}', shorter than ${MIN_REASON_LENGTH} characters`;
  }
  return undefined;
}

export function isValidSuppression(entry: SuppressionEntry): boolean {
  return suppressionProblem(entry) === undefined;
}
