import { Construct } from 'constructs';
import { KongBestPractices } from '../checks/kong-best-practices';
import { checkConstructArguments } from '../core/input-shape';
import { Aspects, TerraformStack } from '../internal/cdktf';

/** Options of `NoKongHealthCheckCli`. */
export interface NoKongHealthCheckCliProps {
  /**
   * Write the rule's scorecard (`no-kong-health-check-cli.json` / `.md`) beside the stack's output.
   * @default true
   */
  readonly writeReport?: boolean;
}

const REPORT_NAME = 'no-kong-health-check-cli';

/**
 * Kong's sixth recommendation: do not use the `kong health` CLI as a health check.
 *
 * Provisions nothing. Adding it to a stack makes synth fail (rule KBP6) when any workload's
 * readiness, liveness or startup probe runs `kong health` or `kong-health`, since those only
 * check that the Kong process exists. One instance per stack is enough; more are harmless.
 * `KongBestPractices` runs the same rule among all the others.
 */
export class NoKongHealthCheckCli extends Construct {
  /** The rule this construct enforces. */
  public static readonly RULE_ID = 'KBP6';

  constructor(scope: Construct, id: string, props: NoKongHealthCheckCliProps = {}) {
    super(scope, checkConstructArguments('NoKongHealthCheckCli', scope, id, props));
    const stack = TerraformStack.of(this);
    const already = Aspects.of(stack).all.some((a) => a instanceof KongBestPractices && CLI_CHECKERS.has(a));
    if (!already) {
      const checker = new KongBestPractices({
        // KBPX1 keeps suppressions honest (a KBP6 suppression needs a reason).
        onlyRules: [NoKongHealthCheckCli.RULE_ID, 'KBPX1'],
        reportName: REPORT_NAME,
        writeReports: props.writeReport ?? true,
      });
      CLI_CHECKERS.add(checker);
      Aspects.of(stack).add(checker);
    }
  }
}

/** The checkers this construct added, so a second instance in the same stack adds none. */
const CLI_CHECKERS = new WeakSet<KongBestPractices>();
