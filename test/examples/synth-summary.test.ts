// `npm run synth` ends by saying where the stacks are and what the scorecard says.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, exampleBuilder, synthInto } from '../support/synth';

function summary(outdir: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'build-tools', 'synth-summary.ts'), outdir], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the synth task runs the example, then the summary', () => {
  const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8')).tasks;
  expect(tasks.synth.steps.map((s: { exec: string }) => s.exec)).toEqual([
    expect.stringContaining('examples/full/main.ts'),
    expect.stringContaining('build-tools/synth-summary.ts cdktf.out'),
  ]);
});

test('the summary names each stack file and its scorecard verdict', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-summary-'));
  try {
    synthInto(outdir, exampleBuilder('full'));
    const r = summary(outdir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`kong-production: ${path.join(outdir, 'stacks', 'kong-production', 'cdk.tf.json')}`);
    expect(r.stdout).toMatch(/Kong best practices: passes \(0 error\(s\), 0 warning\(s\), 0 suppressed, \d+ compliant\); scorecard .*kong-best-practices\.md/);
    expect(r.stdout).toContain(`npx kong-monitoring-audit ${outdir}`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

test('without a synth it says so and fails', () => {
  const r = summary(path.join(os.tmpdir(), 'no-such-cdktf-out'));
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/no .*manifest\.json; did the synth run\?/);
});
