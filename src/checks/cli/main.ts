// kong-monitoring-audit: the checker's rules on any synthesized Terraform JSON.
//   kong-monitoring-audit [--format text|json|markdown] [--disable KBP2,KBP7] [--only KBP6] <stack>...
// A stack is a Terraform JSON file, `-` for standard input, or a directory (a `cdktf.out`).
// Exit codes: 0 compliant, 1 findings at error level, 2 unusable input or usage, 3 internal error.
import * as fs from 'fs';
import * as path from 'path';
import { StackInput, UnusableInput, readStackText } from './stack-input';
import { redact } from '../../core/secret-patterns';
import { activeRuleIds, runEngine } from '../internal/engine';
import { KongBestPracticesReport } from '../report';
import { RULES } from '../rules';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
/** Unusable input: a usage mistake, or a file that is missing, unreadable, binary, not JSON or not a Terraform stack. */
export const EXIT_UNUSABLE = 2;
/** @deprecated the same code as EXIT_UNUSABLE */
export const EXIT_USAGE = EXIT_UNUSABLE;
/** The checker itself failed: a bug to report, never the stack's fault. */
export const EXIT_INTERNAL = 3;

const FORMATS = ['text', 'json', 'markdown'];

export const USAGE = `Usage: kong-monitoring-audit [options] <stack>...

Checks synthesized Terraform JSON against Kong Gateway's monitoring best practices.
A <stack> is a Terraform JSON file (cdk.tf.json), '-' for standard input, or a
directory: every stack of a cdktf.out (from its manifest.json), else every
cdk.tf.json and *.tf.json below it.

Options:
  --format <text|json|markdown>  output format (default: text)
  --only <IDS>                   run only these rules (comma-separated)
  --disable <IDS>                skip these rules (comma-separated)
  --list-rules                   print the rule table and exit
  -h, --help                     show this help

Exit status: 0 no error finding, 1 at least one error finding, 2 unusable input
(usage mistake, missing or unreadable file, binary data, invalid JSON, JSON that
is not a Terraform stack), 3 internal error of the checker.

Rules: ${RULES.map((r) => r.ruleId).join(', ')}
`;

/** What the CLI reads and writes; replaced in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The bytes of a file; `-` is standard input. Throws a Node.js error (with `code`) when it cannot. */
  read(file: string): Uint8Array | string;
  /** `directory`, `file`, or undefined when nothing is there. */
  kind(file: string): 'directory' | 'file' | undefined;
  /** The names in a directory. */
  list(dir: string): string[];
}

export const processIo: CliIo = {
  out: (t) => { process.stdout.write(t); },
  err: (t) => { process.stderr.write(t); },
  read: (f) => fs.readFileSync(f === '-' ? 0 : f),
  kind: (f) => {
    try {
      const s = fs.statSync(f);
      return s.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  },
  list: (d) => fs.readdirSync(d),
};

interface Args {
  format: string;
  only?: string[];
  disable?: string[];
  inputs: string[];
  help: boolean;
  listRules: boolean;
}

class UsageError extends Error {}

function ids(value: string | undefined, flag: string): string[] {
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a comma-separated list of rule IDs`);
  return value.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s.length > 0);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { format: 'text', inputs: [], help: false, listRules: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help': args.help = true; break;
      case '--list-rules': args.listRules = true; break;
      case '--format': {
        const f = value();
        if (!FORMATS.includes(f ?? '')) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        args.format = f;
        break;
      }
      case '--only': args.only = ids(value(), '--only'); break;
      case '--disable': args.disable = ids(value(), '--disable'); break;
      case '--': args.inputs.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${printable(a)}'`);
        args.inputs.push(a);
    }
  }
  return args;
}

/** A name as it may be printed: control characters escaped, at most 200 characters. */
function printable(name: string): string {
  const escaped = JSON.stringify(name).slice(1, -1);
  return escaped.length > 200 ? `${escaped.slice(0, 200)}...` : escaped;
}

function ruleTable(): string {
  return RULES.map((r) => `${r.ruleId.padEnd(6)} ${r.level.padEnd(7)} ${r.name}: ${r.info}`).join('\n') + '\n';
}

/** Terraform JSON files a directory holds: the stacks of a cdktf.out manifest, else every `*.tf.json` below it. */
function stacksInDirectory(dir: string, io: CliIo): string[] {
  if (io.kind(path.join(dir, 'manifest.json')) === 'file') {
    try {
      const manifest = JSON.parse(Buffer.from(io.read(path.join(dir, 'manifest.json'))).toString('utf8')) as { stacks?: { [name: string]: { synthesizedStackPath?: unknown } } };
      const stacks = Object.values(manifest.stacks ?? {}).map((s) => s.synthesizedStackPath).filter((p): p is string => typeof p === 'string');
      if (stacks.length > 0) return stacks.map((p) => path.join(dir, p));
    } catch {
      // Not a cdktf manifest: look for stacks below instead.
    }
  }
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.shift()!;
    for (const name of io.list(current).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = path.join(current, name);
      const kind = io.kind(full);
      if (kind === 'directory') pending.push(full);
      else if (kind === 'file' && name.endsWith('.tf.json')) found.push(full);
    }
  }
  return found;
}

/** Expands directories; every entry of the result is a file or `-`. */
function expandInputs(inputs: string[], io: CliIo): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const kind = io.kind(input);
    if (kind === 'directory') {
      const stacks = stacksInDirectory(input, io);
      if (stacks.length === 0) problems.push(`'${printable(input)}' is a directory with no Terraform stack in it (no cdktf manifest, cdk.tf.json or *.tf.json)`);
      files.push(...stacks);
    } else {
      files.push(input);
    }
  }
  return { files, problems };
}

function readInput(file: string, io: CliIo): StackInput {
  let bytes: Uint8Array | string;
  try {
    bytes = io.read(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code ?? 'unreadable';
    throw new UnusableInput(`cannot read '${printable(file)}': ${why}`);
  }
  return readStackText(file === '-' ? 'standard input' : printable(file), bytes);
}

function render(reports: KongBestPracticesReport[], format: string): string {
  if (format === 'json') {
    return JSON.stringify({
      errors: reports.reduce((n, r) => n + r.errors.length, 0),
      warnings: reports.reduce((n, r) => n + r.warnings.length, 0),
      files: reports.map((r) => JSON.parse(r.toJson())),
    }, undefined, 2) + '\n';
  }
  if (format === 'markdown') return reports.map((r) => r.toMarkdown()).join('\n');
  return reports.map((r) => r.toText()).join('');
}

/** Runs the CLI; returns the exit code. Never throws: an unexpected failure is exit 3 with one line on stderr. */
export function main(argv: string[], io: CliIo = processIo): number {
  try {
    return run(argv, io);
  } catch (e) {
    return internalError(e, io);
  }
}

/** Reports a failure of the checker itself: one line, no stack trace, exit 3. */
export function internalError(e: unknown, io: CliIo): number {
  const what = e instanceof RangeError ? `${e.message} (the stack is nested too deep to check)` : e instanceof Error ? e.message : String(e);
  try {
    io.err(`kong-monitoring-audit: internal error: ${redact(what.split('\n')[0])}. This is a bug in the checker; please report it with the command line.\n`);
  } catch {
    // Nowhere left to say it: the exit code does.
  }
  return EXIT_INTERNAL;
}

function run(argv: string[], io: CliIo): number {
  let args: Args;
  try {
    args = parseArgs(argv);
    if (args.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    if (args.listRules) {
      io.out(ruleTable());
      return EXIT_OK;
    }
    if (args.inputs.length === 0) throw new UsageError('no stack given (a Terraform JSON file, - for standard input, or a cdktf.out directory)');
    if (args.inputs.filter((i) => i === '-').length > 1) throw new UsageError("'-' (standard input) can be given once");
    activeRuleIds({ rules: args.only, disabledRules: args.disable });
  } catch (e) {
    if (!(e instanceof UsageError) && !(e instanceof Error && /not a rule/.test(e.message))) throw e;
    io.err(`kong-monitoring-audit: ${(e as Error).message}\n\n${USAGE}`);
    return EXIT_UNUSABLE;
  }

  const { files, problems } = expandInputs(args.inputs, io);
  const reports: KongBestPracticesReport[] = [];
  for (const file of files) {
    let input: StackInput;
    try {
      input = readInput(file, io);
    } catch (e) {
      if (!(e instanceof UnusableInput)) throw e;
      problems.push(e.message);
      continue;
    }
    reports.push(new KongBestPracticesReport(input.name, runEngine(input.config, { rules: args.only, disabledRules: args.disable })));
  }

  for (const p of problems) io.err(`kong-monitoring-audit: ${p}\n`);
  if (reports.length > 0) io.out(render(reports, args.format));
  if (problems.length > 0) return EXIT_UNUSABLE;
  return reports.some((r) => r.hasErrors) ? EXIT_FINDINGS : EXIT_OK;
}
