import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { MIN_REASON_LENGTH, jsonSuppressions, suppressionProblem } from '../internal/suppressions';
import { JsonObject, readStack } from '../internal/terraform-json';
import { FindingLevel } from '../types';

const FIX = `Give every suppression a rule ID from the rule table and a reason of at least ${MIN_REASON_LENGTH} characters `
  + "saying why the practice does not apply, e.g. KongBestPractices.suppress(construct, 'KBP6', 'legacy sidecar, removed in Q3').";

/** KBPX1: every suppression names a rule and says why. */
export const KBPX1_SUPPRESSION_REASON: RuleDefinition = {
  ruleId: 'KBPX1',
  name: 'suppression-reason',
  info: 'Every suppression names a known rule and gives a reason.',
  explanation: 'A suppression is a reviewed exception. Without a reason nobody can tell later whether it still holds; with an '
    + 'unknown rule ID (a typo) it silences nothing and hides the mistake.',
  fix: FIX,
  level: FindingLevel.ERROR,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBPX1_SUPPRESSION_REASON;
    const out: RuleFinding[] = [];
    for (const r of readStack(config).resources) {
      for (const entry of jsonSuppressions(r.body)) {
        const problem = suppressionProblem(entry);
        out.push(problem ? violation(rule, r, `${r.address} ${problem}.`) : compliant(rule, r, `${r.address} suppresses ${entry.ruleId}: ${entry.reason}`));
      }
    }
    return out.length > 0 ? out : [notApplicable(rule, 'No suppressions in the stack.')];
  },
};
