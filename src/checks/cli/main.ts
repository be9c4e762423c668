// kong-monitoring-audit: the checker's rules on any synthesized Terraform JSON.
//   kong-monitoring-audit [--format text|json|markdown] [--disable KBP2,KBP7] [--only KBP6] <cdk.tf.json>...
// Exit codes: 0 no error finding, 1 at least one error finding, 2 usage error.
import * as fs from 'fs';
import { activeRuleIds, runEngine } from '../internal/engine';
import { isObject } from '../internal/terraform-json';
import { KongBestPracticesReport } from '../report';
import { RULES } from '../rules';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const FORMATS = ['text', 'json', 'markdown'];

export const USAGE = `Usage: kong-monitoring-audit [options] <cdk.tf.json>...

Checks synthesized Terraform JSON against Kong Gateway's monitoring best practices.

Options:
  --format <text|json|markdown>  output format (default: text)
  --only <IDS>                   run only these rules (comma-separated)
  --disable <IDS>                skip these rules (comma-separated)
  --list-rules                   print the rule table and exit
  -h, --help                     show this help

Exit status: 0 when no finding is an error, 1 when one is, 2 on a usage error
(unknown option, unreadable file, invalid JSON).

Rules: ${RULES.map((r) => r.ruleId).join(', ')}
`;

/** Where the CLI writes; replaced in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(file: string): string;
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (f) => fs.readFileSync(f, 'utf8'),
};

interface Args {
  format: string;
  only?: string[];
  disable?: string[];
  files: string[];
  help: boolean;
  listRules: boolean;
}

class UsageError extends Error {}

function ids(value: string | undefined, flag: string): string[] {
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a comma-separated list of rule IDs`);
  return value.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s.length > 0);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { format: 'text', files: [], help: false, listRules: false };
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
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
        args.files.push(a);
    }
  }
  return args;
}

function ruleTable(): string {
  return RULES.map((r) => `${r.ruleId.padEnd(6)} ${r.level.padEnd(7)} ${r.name}: ${r.info}`).join('\n') + '\n';
}

/** Runs the CLI; returns the exit code. */
export function main(argv: string[], io: CliIo = processIo): number {
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
    if (args.files.length === 0) throw new UsageError('no Terraform JSON file given');
    activeRuleIds({ rules: args.only, disabledRules: args.disable });
  } catch (e) {
    io.err(`kong-monitoring-audit: ${(e as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  const reports: KongBestPracticesReport[] = [];
  for (const file of args.files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (e) {
      io.err(`kong-monitoring-audit: cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT_USAGE;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      io.err(`kong-monitoring-audit: '${file}' is not valid JSON: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    if (!isObject(parsed)) {
      io.err(`kong-monitoring-audit: '${file}' is not a Terraform JSON object\n`);
      return EXIT_USAGE;
    }
    reports.push(new KongBestPracticesReport(file, runEngine(parsed, { rules: args.only, disabledRules: args.disable })));
  }

  if (args.format === 'json') {
    const files = reports.map((r) => JSON.parse(r.toJson()));
    io.out(JSON.stringify({
      errors: reports.reduce((n, r) => n + r.errors.length, 0),
      warnings: reports.reduce((n, r) => n + r.warnings.length, 0),
      files,
    }, undefined, 2) + '\n');
  } else if (args.format === 'markdown') {
    io.out(reports.map((r) => r.toMarkdown()).join('\n'));
  } else {
    io.out(reports.map((r) => r.toText()).join(''));
  }
  return reports.some((r) => r.hasErrors) ? EXIT_FINDINGS : EXIT_OK;
}
