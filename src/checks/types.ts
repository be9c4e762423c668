/** How serious a non-compliant finding is. */
export enum FindingLevel {
  /** Synth fails (cdktf aborts on error annotations) and the audit CLI exits 1. */
  ERROR = 'ERROR',
  /** Reported in the synth output and the scorecard; synth goes on. */
  WARNING = 'WARNING',
}

/** What a rule concluded about one resource (or about the stack). */
export enum ComplianceStatus {
  /** The resource follows the best practice. */
  COMPLIANT = 'COMPLIANT',
  /** The resource breaks the best practice; see the finding's message and fix. */
  NON_COMPLIANT = 'NON_COMPLIANT',
  /** The rule has nothing to check here (e.g. no Kong workload, no load balancer). */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

/**
 * One rule's verdict on one resource, as the checker reports it.
 * @resultStruct the checker hands findings back; their strings may be empty
 */
export interface Finding {
  /** Rule ID, e.g. `KBP6`. */
  readonly ruleId: string;
  /** Level of the finding (a rule may report some problems as warnings only). */
  readonly level: FindingLevel;
  /** Verdict. */
  readonly status: ComplianceStatus;
  /** Terraform address `<type>.<name>` of the resource the finding is about, or `-` for the whole stack. */
  readonly resource: string;
  /**
   * Construct path of that resource, from its `//.metadata.path` in the synthesized JSON.
   * @default - none (hand-written Terraform JSON, or a finding about the whole stack)
   */
  readonly constructPath?: string;
  /** What the rule saw. */
  readonly message: string;
  /** What to change to comply. */
  readonly fix: string;
  /** True when a suppression with a valid reason silences this finding. */
  readonly suppressed: boolean;
  /**
   * The reason given with the suppression.
   * @default - not suppressed
   */
  readonly suppressionReason?: string;
}

/** One entry of the checker's rule table. */
export interface RuleInfo {
  /** Rule ID, e.g. `KBP1`. */
  readonly ruleId: string;
  /** Short name, e.g. `status-listen`. */
  readonly name: string;
  /** One line: what the rule wants. */
  readonly info: string;
  /** Why it matters. */
  readonly explanation: string;
  /** How to comply. */
  readonly fix: string;
  /** Level of the rule's main finding (some problems are reported as warnings). */
  readonly level: FindingLevel;
}

/** Report a rule's non-compliant findings at another level. */
export interface RuleLevelOverride {
  /** Rule ID, e.g. `KBP2`. */
  readonly ruleId: string;
  /** The level every non-compliant finding of that rule gets. */
  readonly level: FindingLevel;
}
