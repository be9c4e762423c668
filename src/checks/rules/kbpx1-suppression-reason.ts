import { analysisOf } from '../internal/analysis';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { MIN_REASON_LENGTH, SuppressionEntry, jsonSuppressions, suppressionProblem } from '../internal/suppressions';
import { JsonObject, TfResource } from '../internal/terraform-json';
import { FindingLevel } from '../types';

const FIX = `Give every suppression a rule ID from the rule table and a reason of at least ${MIN_REASON_LENGTH} characters `
  + "saying why the practice does not apply, e.g. KongBestPractices.suppress(construct, 'KBP6', 'legacy sidecar, removed in Q3').";

/** A suppression and where it was recorded. */
export interface RecordedSuppression {
  /** What the finding is about. */
  readonly subject: TfResource;
  /** How messages name the place: a Terraform address or a construct path. */
  readonly where: string;
  readonly entry: SuppressionEntry;
}

/**
 * KBPX1's verdict on each suppression. The rule reads them from the JSON; the aspect passes
 * those of the construct tree instead, which also holds suppressions on non-resources.
 */
export function suppressionVerdicts(recorded: RecordedSuppression[]): RuleFinding[] {
  const rule = KBPX1_SUPPRESSION_REASON;
  const out = recorded.map(({ subject, where, entry }) => {
    const problem = suppressionProblem(entry);
    return problem ? violation(rule, subject, `${where} ${problem}.`) : compliant(rule, subject, `${where} suppresses ${entry.ruleId}: ${entry.reason}`);
  });
  return out.length > 0 ? out : [notApplicable(rule, 'No suppressions in the stack.')];
}

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
    return suppressionVerdicts(analysisOf(config).stack.resources
      .flatMap((r) => jsonSuppressions(r.body).map((entry) => ({ subject: r, where: r.address, entry }))));
  },
};
