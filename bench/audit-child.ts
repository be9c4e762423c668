// One audit measurement in a fresh process: builds the audit stack with N gateways, times
// cdktf's own stack.toTerraform(), the rules on its result, and KongBestPractices.validate
// (what the aspect runs at synth: both, plus the construct tree's suppressions), then
// writes the stack's cdk.tf.json for the CLI timings.
// Prints one JSON line. Arguments: <gateways> <outdir>. AUDIT_CHECKS_MODULE may name another
// build's checks module (e.g. an older lib/checks) to compare before and after a change.
import { App } from 'cdktf';
import { AUDIT_STACK, buildAuditStack } from './audit-scenario';
import * as engine from '../src/checks/internal/engine';
import * as checks from '../src/checks/kong-best-practices';

/* eslint-disable @typescript-eslint/no-require-imports */
const other = process.env.AUDIT_CHECKS_MODULE;
const { KongBestPractices } = (other ? require(`${other}/kong-best-practices`) : checks) as typeof checks;
const { runEngine } = (other ? require(`${other}/internal/engine`) : engine) as typeof engine;
/* eslint-enable @typescript-eslint/no-require-imports */

export interface AuditSample {
  readonly gateways: number;
  /** KongBestPractices.validate(stack): cdktf's toTerraform plus the rules. */
  readonly validateMs: number;
  /** stack.toTerraform() alone (cdktf's token resolution, which synth runs anyway). */
  readonly toTerraformMs: number;
  /** The rules alone, on the stack's Terraform JSON. */
  readonly rulesMs: number;
  readonly findings: number;
  readonly file: string;
}

function main(): void {
  const gateways = Number(process.argv[2]);
  const outdir = process.argv[3];
  const app = new App({ outdir });
  const stack = buildAuditStack(app, gateways);

  let start = process.hrtime.bigint();
  const config = stack.toTerraform();
  const toTerraformMs = Number(process.hrtime.bigint() - start) / 1e6;

  start = process.hrtime.bigint();
  runEngine(config);
  const rulesMs = Number(process.hrtime.bigint() - start) / 1e6;

  start = process.hrtime.bigint();
  const report = KongBestPractices.validate(stack);
  const validateMs = Number(process.hrtime.bigint() - start) / 1e6;

  app.synth();
  const sample: AuditSample = { gateways, validateMs, toTerraformMs, rulesMs, findings: report.findings.length, file: `${outdir}/stacks/${AUDIT_STACK}/cdk.tf.json` };
  process.stdout.write(JSON.stringify(sample) + '\n');
}

main();
