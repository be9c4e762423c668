import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { kongDeployment, tf } from './helpers';
import { CliIo, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_UNUSABLE, main } from '../../src/checks/cli/main';
import { audit, requireFreshLib } from '../support/compiled';
import { ROOT } from '../support/synth';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'checks');
const GOOD = path.join(FIXTURES, 'good.tf.json');
const BAD = path.join(FIXTURES, 'bad.tf.json');
const AUDIT_BIN = path.join(ROOT, 'bin', 'kong-monitoring-audit');

/** A stack trace in output: Node's `    at fn (file:line:col)` frames. */
const STACK_FRAME = /^\s+at .+[:(]/m;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kong-audit-'));
}

/** Runs the compiled bin through a shell, for redirections a spawn cannot express (closed stdout, a pipe that closes). */
function auditInShell(command: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AUDIT: `${process.execPath} ${AUDIT_BIN}` } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A compliant-enough Kong stack whose dashboard holds a value nested `depth` levels deep (every rule reads dashboards). */
function deepStack(depth: number): string {
  const base = JSON.stringify(tf({ kubernetes_deployment_v1: { edge: kongDeployment() } }));
  const deep = `{"datadog_dashboard":{"deep":{"title":"Kong edge","widget":${'['.repeat(depth)}${']'.repeat(depth)}}}}`;
  return base.replace('"resource":{', `"resource":{${deep.slice(1, -1)},`);
}

describe('kong-monitoring-audit (child process, compiled lib/)', () => {
  beforeAll(() => requireFreshLib('checks'));

  test('a bad stack exits 1 and names the rules it breaks', () => {
    const r = audit(BAD);
    expect(r.code).toBe(EXIT_FINDINGS);
    expect(r.stdout).toContain('ERROR KBP6 kubernetes_deployment.gateway [legacy/gateway]');
    expect(r.stdout).toContain('ERROR KBP1 kubernetes_deployment.gateway');
    expect(r.stdout).toContain('ERROR KBPS1 grafana_contact_point.oncall');
    expect(r.stdout).toMatch(/bad\.tf\.json: 5 error\(s\), 5 warning\(s\)/);
  });

  test('a good stack exits 0', () => {
    const r = audit(GOOD);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/good\.tf\.json: 0 error\(s\), 0 warning\(s\), 0 suppressed, \d+ compliant/);
  });

  test('--format json parses, covers every file, and exits 1 when any file has errors', () => {
    const r = audit('--format', 'json', GOOD, BAD);
    expect(r.code).toBe(EXIT_FINDINGS);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(5);
    expect(out.files.map((f: { source: string }) => path.basename(f.source))).toEqual(['good.tf.json', 'bad.tf.json']);
    const kbp6 = out.files[1].findings.filter((f: { ruleId: string }) => f.ruleId === 'KBP6');
    expect(kbp6[0]).toMatchObject({ level: 'ERROR', status: 'NON_COMPLIANT', resource: 'kubernetes_deployment.gateway', constructPath: 'legacy/gateway' });
  });

  test('--format markdown prints the scorecard table', () => {
    const r = audit('--format=markdown', GOOD);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('| rule | status | level | resource | reason |');
    expect(r.stdout).toContain('| KBP6 | COMPLIANT | ERROR | kubernetes_deployment_v1.edge (kong-prod/kong/edge) |');
  });

  test('unusable input exits 2 with one line naming the file and the reason', () => {
    const missing = audit(path.join(FIXTURES, 'does-not-exist.tf.json'));
    expect(missing).toMatchObject({ code: EXIT_UNUSABLE, stdout: '' });
    expect(missing.stderr).toMatch(/^kong-monitoring-audit: cannot read '.*does-not-exist\.tf\.json': no such file\n$/);
    const truncated = audit(path.join(FIXTURES, 'truncated.tf.json'));
    expect(truncated).toMatchObject({ code: EXIT_UNUSABLE, stderr: expect.stringMatching(/truncated\.tf\.json' is not valid JSON: it ends early/) });
    expect(audit('--colour', GOOD).code).toBe(EXIT_UNUSABLE);
    expect(audit().code).toBe(EXIT_UNUSABLE);
  });

  test('suppressions in a resource\'s // block are honoured; --disable drops rules', () => {
    const json = JSON.parse(fs.readFileSync(BAD, 'utf8'));
    const gateway = json.resource.kubernetes_deployment.gateway;
    gateway['//'].kong_best_practices = { suppressions: [{ id: 'KBP6', reason: 'legacy stack, decommissioned next sprint' }] };
    const dir = tempDir();
    const file = path.join(dir, 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify(json));
    const r = audit(file);
    expect(r.stdout).toContain('SUPPRESSED KBP6 kubernetes_deployment.gateway [legacy/gateway]');
    expect(r.stdout).not.toContain('ERROR KBP6');
    expect(r.code).toBe(EXIT_FINDINGS); // KBP1, KBP4 and KBPS1 remain
    expect(audit('--disable', 'KBP1,KBP4,KBPS1', file).code).toBe(EXIT_OK);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a stack nested 10,000 and 100,000 deep is audited, not a crash', () => {
    const dir = tempDir();
    for (const depth of [10_000, 100_000]) {
      const file = path.join(dir, `deep-${depth}.tf.json`);
      fs.writeFileSync(file, deepStack(depth));
      const r = audit(file);
      expect([depth, r.code, r.stderr]).toEqual([depth, EXIT_OK, '']);
      // The dashboard was read (KBP2 compliant); only the missing alerts warn.
      expect(r.stdout).not.toContain('KBP2');
      expect(r.stdout).toMatch(/: 0 error\(s\), 3 warning\(s\)/);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a closed stdout, or a reader that stops early, keeps the verdict and prints no stack trace', () => {
    const closed = auditInShell(`$AUDIT '${BAD}' >&-`);
    expect(closed.code).toBe(EXIT_FINDINGS);
    expect(closed.stderr).not.toMatch(STACK_FRAME);

    // Enough output that the pipe closes while the audit is still writing.
    const dir = tempDir();
    const file = path.join(dir, 'many.tf.json');
    const deployments: { [name: string]: unknown } = {};
    for (let i = 0; i < 3000; i++) deployments[`gw${i}`] = kongDeployment({ name: `gw${i}`, statusListen: null });
    fs.writeFileSync(file, JSON.stringify(tf({ kubernetes_deployment_v1: deployments as never })));
    const piped = auditInShell(`$AUDIT --format json '${file}' | head -c 100 >/dev/null; echo "exit=$?"`);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe('exit=0\n');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('- reads standard input', () => {
    const r = spawnSync(process.execPath, [AUDIT_BIN, '-'], { input: fs.readFileSync(BAD), encoding: 'utf8' });
    expect(r.status).toBe(EXIT_FINDINGS);
    expect(r.stdout).toMatch(/^standard input: 5 error\(s\)/m);
  });
});

describe('kong-monitoring-audit main() in process', () => {
  /** An in-memory file system: paths ending in '/' are directories. */
  function run(argv: string[], files: { [name: string]: string | Uint8Array } = {}, stdin?: string) {
    let out = '';
    let err = '';
    const io: CliIo = {
      out: (t) => { out += t; },
      err: (t) => { err += t; },
      read: (f) => {
        if (f === '-' && stdin !== undefined) return stdin;
        if (!(f in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
        return files[f];
      },
      kind: (f) => (f in files ? 'file' : Object.keys(files).some((k) => k.startsWith(`${f}/`)) ? 'directory' : undefined),
      list: (d) => [...new Set(Object.keys(files).filter((k) => k.startsWith(`${d}/`)).map((k) => k.slice(d.length + 1).split('/')[0]))],
    };
    return { code: main(argv, io), out, err };
  }
  const bad = fs.readFileSync(BAD, 'utf8');
  const good = fs.readFileSync(GOOD, 'utf8');

  test('--help and --list-rules exit 0', () => {
    expect(run(['--help'])).toMatchObject({ code: EXIT_OK, out: expect.stringContaining('Usage: kong-monitoring-audit') });
    expect(run(['--list-rules']).out.split('\n').filter((l) => l).map((l) => l.split(' ')[0]))
      .toEqual(['KBP1', 'KBP2', 'KBP3', 'KBP4', 'KBP5', 'KBP6', 'KBP7', 'KBP8', 'KBPS1', 'KBPX1']);
  });

  test('bad option values are usage errors (exit 2)', () => {
    expect(run(['--format', 'yaml', 'x.json']).code).toBe(EXIT_UNUSABLE);
    expect(run(['--only', 'KBP42', 'x.json'])).toMatchObject({ code: EXIT_UNUSABLE, err: expect.stringContaining("'KBP42', which is not a rule") });
    expect(run(['--only']).code).toBe(EXIT_UNUSABLE);
    expect(run(['-', '-'], {}, '{}').err).toContain("'-' (standard input) can be given once");
  });

  // The CLI table of the closing note: input → exit code → message.
  test.each([
    ['a JSON array', '[1, 2]', "'in.json' is not a Terraform stack: it is a JSON array, not an object"],
    ['a JSON string', '"resource"', "'in.json' is not a Terraform stack: it is a JSON string, not an object"],
    ['an empty object', '{}', "'in.json' is not a Terraform stack: it holds no Terraform configuration"],
    ['a package.json', '{"name":"x","version":"1.0.0","scripts":{}}', "'in.json' is not a Terraform stack: its top-level keys 'name', 'version', 'scripts' are not Terraform (expected terraform, provider, variable, locals, output, module, resource, data, ...)"],
    ['a cdktf manifest', '{"version":"0.21.0","stacks":{}}', "'in.json' is not a Terraform stack: it is a cdktf manifest: pass its directory (cdktf.out) to audit every stack"],
    ['resources that are not objects', '{"resource":{"kubernetes_deployment_v1":[1]}}', "'in.json' is not a Terraform stack: its 'resource' is not an object of resource types"],
    ['empty text', '  \n', "'in.json' is empty, not Terraform JSON"],
    ['invalid JSON', '{"resource": {}\n  "x": 1}', "'in.json' is not valid JSON at line 2, column 3"],
    ['truncated JSON', '{"resource": {', "'in.json' is not valid JSON: it ends early (truncated?)"],
  ])('unusable input, exit 2: %s', (_name, content, message) => {
    const r = run(['in.json'], { 'in.json': content });
    expect(r).toMatchObject({ code: EXIT_UNUSABLE, out: '' });
    expect(r.err).toBe(`kong-monitoring-audit: ${message}\n`);
  });

  test('binary input exits 2 and is not echoed', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(run(['img.png'], { 'img.png': png })).toEqual({ code: EXIT_UNUSABLE, out: '', err: "kong-monitoring-audit: 'img.png' is binary data, not Terraform JSON\n" });
    const latin1 = Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]);
    expect(run(['l.json'], { 'l.json': latin1 }).err).toBe("kong-monitoring-audit: 'l.json' is not UTF-8 text (binary data?), not Terraform JSON\n");
  });

  test('invalid JSON is reported by place, never by quoting it (it may hold a secret)', () => {
    const r = run(['in.json'], { 'in.json': '{"provider": {"datadog": [{"api_key": "0123456789abcdef-very-secret" oops}]}}' });
    expect(r.code).toBe(EXIT_UNUSABLE);
    expect(r.err).not.toContain('very-secret');
    expect(r.err).toMatch(/not valid JSON at line 1, column \d+\n$/);
  });

  test('- reads standard input; its findings name it', () => {
    const r = run(['-'], {}, bad);
    expect(r.code).toBe(EXIT_FINDINGS);
    expect(r.out).toContain('standard input: 5 error(s)');
  });

  test('a cdktf.out directory audits every stack of its manifest; the worst verdict is the exit code', () => {
    const manifest = JSON.stringify({ version: '0.21.0', stacks: { a: { synthesizedStackPath: 'stacks/a/cdk.tf.json' }, b: { synthesizedStackPath: 'stacks/b/cdk.tf.json' } } });
    const r = run(['cdktf.out'], { 'cdktf.out/manifest.json': manifest, 'cdktf.out/stacks/a/cdk.tf.json': good, 'cdktf.out/stacks/b/cdk.tf.json': bad });
    expect(r.code).toBe(EXIT_FINDINGS);
    expect(r.out).toMatch(/^cdktf\.out\/stacks\/a\/cdk\.tf\.json: 0 error\(s\)/m);
    expect(r.out).toMatch(/^cdktf\.out\/stacks\/b\/cdk\.tf\.json: 5 error\(s\)/m);
  });

  test('a directory without a manifest audits every *.tf.json below it; one without stacks is unusable', () => {
    const r = run(['out'], { 'out/x/cdk.tf.json': good, 'out/y/extra.tf.json': good, 'out/notes.json': '{}' });
    expect(r.code).toBe(EXIT_OK);
    expect(r.out.match(/: 0 error\(s\)/g)).toHaveLength(2);
    expect(run(['docs'], { 'docs/readme.md': '# x' })).toMatchObject({
      code: EXIT_UNUSABLE,
      err: "kong-monitoring-audit: 'docs' is a directory with no Terraform stack in it (no cdktf manifest, cdk.tf.json or *.tf.json)\n",
    });
  });

  test('unusable input among good stacks: the good ones are audited, the exit code is 2', () => {
    const r = run(['good.json', 'missing.json'], { 'good.json': good });
    expect(r.code).toBe(EXIT_UNUSABLE);
    expect(r.out).toContain('good.json: 0 error(s)');
    expect(r.err).toBe("kong-monitoring-audit: cannot read 'missing.json': no such file\n");
  });

  test('a failure of the checker itself is exit 3 with one line and no stack trace', () => {
    const io: CliIo = {
      out: () => { throw new TypeError('the terminal went away'); },
      err: (t) => { errors += t; },
      read: () => good,
      kind: () => 'file',
      list: () => [],
    };
    let errors = '';
    expect(main(['good.json'], io)).toBe(EXIT_INTERNAL);
    expect(errors).toBe('kong-monitoring-audit: internal error: the terminal went away. This is a bug in the checker; please report it with the command line.\n');
  });

  test('--only runs just those rules', () => {
    const r = run(['--only', 'kbp6', '--format', 'json', 'bad.json'], { 'bad.json': bad });
    expect(r.code).toBe(EXIT_FINDINGS);
    expect([...new Set(JSON.parse(r.out).files[0].findings.map((f: { ruleId: string }) => f.ruleId))]).toEqual(['KBP6']);
  });

  test('no output format quotes a secret found in a probe command, a health-check path or a suppression reason', () => {
    const secrets = ['s3cr3t-bearer-value', 'hunter2-in-the-url', 'T0000/B0000/XXXXsecretXXXX', '0123456789abcdef0123456789abcdef'];
    const deployment = kongDeployment({
      livenessExec: ['sh', '-c', `curl -H "Authorization: Bearer ${secrets[0]}" http://kong:${secrets[1]}@localhost:8100/status || kong health`],
      readinessExec: ['sh', '-c', `curl -f "https://hooks.slack.com/services/${secrets[2]}" && kong health`],
    });
    (deployment['//'] as { [k: string]: unknown }).kong_best_practices = { suppressions: [{ id: 'KBP1', reason: `key ${secrets[3]} rotated, see ticket` }] };
    const json = JSON.stringify(tf({ kubernetes_deployment_v1: { edge: deployment } }));
    for (const format of ['text', 'json', 'markdown']) {
      const r = run(['--format', format, 's.json'], { 's.json': json });
      expect(r.code).toBe(EXIT_FINDINGS);
      expect(r.out).toContain('***');
      for (const secret of secrets) expect([format, r.out.includes(secret)]).toEqual([format, false]);
    }
  });
});
