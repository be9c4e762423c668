import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main } from '../../src/checks/cli/main';
import { audit, requireFreshLib } from '../support/compiled';
import { ROOT } from '../support/synth';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'checks');
const GOOD = path.join(FIXTURES, 'good.tf.json');
const BAD = path.join(FIXTURES, 'bad.tf.json');

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
    expect(r.stdout).toMatch(/good\.tf\.json: 0 error\(s\), 0 warning\(s\), 0 suppressed, 8 compliant/);
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

  test('usage errors exit 2: unreadable file, invalid JSON, unknown option, no file', () => {
    const missing = audit(path.join(FIXTURES, 'does-not-exist.tf.json'));
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toContain('cannot read');
    const truncated = audit(path.join(FIXTURES, 'truncated.tf.json'));
    expect(truncated.code).toBe(EXIT_USAGE);
    expect(truncated.stderr).toContain('is not valid JSON');
    expect(audit('--colour', GOOD).code).toBe(EXIT_USAGE);
    expect(audit().code).toBe(EXIT_USAGE);
  });

  test('suppressions in a resource\'s // block are honoured; --disable drops rules', () => {
    const tf = JSON.parse(fs.readFileSync(BAD, 'utf8'));
    const gateway = tf.resource.kubernetes_deployment.gateway;
    gateway['//'].kong_best_practices = { suppressions: [{ id: 'KBP6', reason: 'legacy stack, decommissioned next sprint' }] };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-audit-'));
    const file = path.join(dir, 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify(tf));
    const r = audit(file);
    expect(r.stdout).toContain('SUPPRESSED KBP6 kubernetes_deployment.gateway [legacy/gateway]');
    expect(r.stdout).not.toContain('ERROR KBP6');
    expect(r.code).toBe(EXIT_FINDINGS); // KBP1, KBP4 and KBPS1 remain
    expect(audit('--disable', 'KBP1,KBP4,KBPS1', file).code).toBe(EXIT_OK);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('kong-monitoring-audit main() in process', () => {
  function run(argv: string[], files: { [name: string]: string } = {}) {
    let out = '';
    let err = '';
    const io: CliIo = {
      out: (t) => { out += t; },
      err: (t) => { err += t; },
      readFile: (f) => {
        if (!(f in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
        return files[f];
      },
    };
    return { code: main(argv, io), out, err };
  }

  test('--help and --list-rules exit 0', () => {
    expect(run(['--help'])).toMatchObject({ code: EXIT_OK, out: expect.stringContaining('Usage: kong-monitoring-audit') });
    expect(run(['--list-rules']).out.split('\n').filter((l) => l).map((l) => l.split(' ')[0]))
      .toEqual(['KBP1', 'KBP2', 'KBP3', 'KBP4', 'KBP5', 'KBP6', 'KBP7', 'KBPS1', 'KBPX1']);
  });

  test('bad option values are usage errors', () => {
    expect(run(['--format', 'yaml', 'x.json']).code).toBe(EXIT_USAGE);
    expect(run(['--only', 'KBP42', 'x.json']).err).toContain("'KBP42', which is not a rule");
    expect(run(['--only']).code).toBe(EXIT_USAGE);
  });

  test('a JSON value that is not an object is a usage error', () => {
    expect(run(['a.json'], { 'a.json': '[1, 2]' })).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining('not a Terraform JSON object') });
  });

  test('--only runs just those rules', () => {
    const files = { 'bad.json': fs.readFileSync(BAD, 'utf8') };
    const r = run(['--only', 'kbp6', '--format', 'json', 'bad.json'], files);
    expect(r.code).toBe(EXIT_FINDINGS);
    expect([...new Set(JSON.parse(r.out).files[0].findings.map((f: { ruleId: string }) => f.ruleId))]).toEqual(['KBP6']);
  });
});
