// What the bench runs: the synth child as compiled JavaScript (for plain node) or as
// TypeScript (for ts-node), against the library's current build or an older one.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..');
/** The current build, compiled by `npx projen compile` (the bench task compiles first). */
export const CURRENT_LIB = path.join(ROOT, 'lib');
/** Compiled bench code and older builds of the library; ignored by git. */
const BUILD_DIR = path.join(ROOT, 'bench', '.build');

/** The bench files the synth child needs, with the TypeScript file each came from. */
const CHILD_SOURCES = ['library.ts', 'baseline.ts', 'scenario.ts', 'synth-child.ts'];

/**
 * Transpiles the synth child to CommonJS under bench/.build/child and returns the child's
 * entry point. It stays beside the repository so `cdktf` and the providers resolve from its
 * node_modules, as in a user's project.
 */
export function compileChild(): string {
  const out = path.join(BUILD_DIR, 'child');
  fs.mkdirSync(out, { recursive: true });
  for (const file of CHILD_SOURCES) {
    const source = fs.readFileSync(path.join(ROOT, 'bench', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  return path.join(out, 'synth-child.js');
}

/**
 * Builds the library as it was at git `ref` (its src/ compiled with its tsconfig.json) and
 * returns the build's directory, so one bench run measures before and after a change alike.
 */
export function buildAt(ref: string): string {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(BUILD_DIR, `lib-${commit}`);
  const lib = path.join(dir, 'lib');
  if (fs.existsSync(path.join(lib, 'index.js'))) return lib;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', commit, 'src', 'tsconfig.json'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json')], { cwd: dir, stdio: 'inherit' });
  return lib;
}
