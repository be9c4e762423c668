// Finds and runs promtool (Debian package `prometheus`) for rule-file checks and
// alert-behaviour unit tests. A missing promtool is a failure, never a skip: CI installs it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const FALLBACK = '/usr/bin/promtool';

/** The promtool executable: the first on PATH, else /usr/bin/promtool; throws when neither exists. */
export function locatePromtool(
  searchPath: string = process.env.PATH ?? '',
  fallback: string = FALLBACK,
  ci: string | undefined = process.env.CI,
): string {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'promtool');
    if (isExecutable(candidate)) return candidate;
  }
  if (isExecutable(fallback)) return fallback;
  const how = 'install the prometheus package (apt-get update && apt-get install -y prometheus), which ships promtool';
  if (ci) {
    throw new Error(`promtool not found on PATH or at ${fallback} in CI: ${how}.`);
  }
  throw new Error(`promtool not found on PATH or at ${fallback}: ${how}. These tests do not skip without it.`);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Result of one promtool run. */
export interface PromtoolRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A scratch directory for rule and test files, removed by `cleanup()`. */
export class PromtoolWorkspace {
  public readonly dir: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtool-'));
  }

  /** Writes `content` to `name` inside the workspace and returns its path. */
  public write(name: string, content: string): string {
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, content);
    return file;
  }

  public cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs promtool with `args` in `cwd`. */
export function runPromtool(args: string[], cwd?: string): PromtoolRun {
  const result = spawnSync(locatePromtool(), args, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `promtool check rules <file>`. */
export function checkRules(ruleFile: string): PromtoolRun {
  return runPromtool(['check', 'rules', ruleFile], path.dirname(ruleFile));
}

/** `promtool test rules <file>`; rule files named in it are relative to its directory. */
export function testRules(testFile: string): PromtoolRun {
  return runPromtool(['test', 'rules', testFile], path.dirname(testFile));
}
