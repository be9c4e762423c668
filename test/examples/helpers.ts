import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exampleBuilder, synthInto } from '../support/synth';

/** One synthesized stack of an example, with its KongBestPractices scorecard when it has one. */
export interface ExampleStack {
  readonly name: string;
  readonly dir: string;
  readonly file: string;
  readonly json: any;
  readonly scorecard: any;
}

/** Synthesizes an example through its `buildApp` into a fresh temp outdir (kept: tests write beside it). */
export function synthExample(name: string): { outdir: string; stacks: ExampleStack[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `kong-example-${name}-`));
  const stacks = synthInto(outdir, exampleBuilder(name)).map((s) => {
    const card = path.join(s.dir, 'kong-best-practices.json');
    return { ...s, scorecard: fs.existsSync(card) ? JSON.parse(fs.readFileSync(card, 'utf8')) : undefined };
  });
  return { outdir, stacks };
}

/** The resources of one type. */
export function resources(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}
