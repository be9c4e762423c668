// Every TypeScript block of the README is a program a user may paste: each one must
// type-check against the library and synthesize (as `cdktf synth` runs an app, in its own
// process, with the outdir cdktf reads from CDKTF_OUTDIR), and what it writes must pass
// the audit. The package name maps to src/, as examples do.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { CliIo, main } from '../../src/checks/cli/main';
import { ROOT } from '../support/synth';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const WORK = path.join(ROOT, 'test', '.work', 'readme');

/** The README's ```ts blocks, with the heading they sit under. */
function tsBlocks(): Array<{ heading: string; code: string }> {
  const out: Array<{ heading: string; code: string }> = [];
  let heading = '';
  const lines = README.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^#+ /.test(lines[i])) heading = lines[i].replace(/^#+ /, '');
    if (lines[i].trim() === '```ts') {
      const end = lines.indexOf('```', i + 1);
      out.push({ heading, code: lines.slice(i + 1, end).join('\n') + '\n' });
      i = end;
    }
  }
  return out;
}

const blocks = tsBlocks();
const files = blocks.map((b, i) => {
  fs.mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `block-${i + 1}.ts`);
  fs.writeFileSync(file, b.code);
  return file;
});

function audit(dir: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    read: (f) => fs.readFileSync(f),
    kind: (f) => (fs.existsSync(f) ? (fs.statSync(f).isDirectory() ? 'directory' : 'file') : undefined),
    list: (d) => fs.readdirSync(d),
  };
  return { code: main([dir], io), out, err };
}

describe('README TypeScript blocks', () => {
  test('there are blocks to check (the quick start and the fleet)', () => {
    expect(blocks.map((b) => b.heading)).toEqual(expect.arrayContaining(['Quick start', 'Fleets']));
  });

  test('every block type-checks against the library', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.dev.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts.createProgram(files, { ...parsed.options, noEmit: true, noUnusedLocals: false });
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(path.resolve(d.file.fileName)));
    expect(diagnostics.map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual([]);
  });

  test.each(blocks.map((b, i) => [b.heading, files[i]]))('the %s block synthesizes, and its stacks pass the audit', (_heading, file) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-readme-'));
    try {
      const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', file], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json'), CDKTF_OUTDIR: outdir },
      });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
      expect(Object.keys(manifest.stacks).length).toBeGreaterThan(0);
      const verdict = audit(outdir);
      expect({ code: verdict.code, err: verdict.err }).toEqual({ code: 0, err: '' });
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
