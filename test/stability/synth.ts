import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';

/** A synthesized stack's Terraform JSON. */
export type StackJson = {
  resource?: { [type: string]: { [name: string]: { [key: string]: unknown } } };
  data?: { [type: string]: { [name: string]: { [key: string]: unknown } } };
  provider?: { [name: string]: Array<{ [key: string]: unknown }> };
  variable?: { [name: string]: { [key: string]: unknown } };
  [key: string]: unknown;
};

/**
 * Builds an app with `build`, synthesizes it through App.synth() into a temporary outdir (as
 * `cdktf synth` does, validations and aspects included) and returns each stack's JSON by name.
 */
export function synthApp(build: (app: App) => void): Map<string, StackJson> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-synth-'));
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    const stacks = new Map<string, StackJson>();
    for (const name of fs.readdirSync(path.join(outdir, 'stacks')).sort()) {
      stacks.set(name, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as StackJson);
    }
    return stacks;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** `type.name` of every resource and data source of a stack (data sources prefixed `data.`), sorted. */
export function logicalIds(json: StackJson): string[] {
  const ids: string[] = [];
  for (const [type, byName] of Object.entries(json.resource ?? {})) for (const name of Object.keys(byName)) ids.push(`${type}.${name}`);
  for (const [type, byName] of Object.entries(json.data ?? {})) for (const name of Object.keys(byName)) ids.push(`data.${type}.${name}`);
  return ids.sort();
}

/** Resource count per type. */
export function resourceCounts(json: StackJson): { [type: string]: number } {
  const counts: { [type: string]: number } = {};
  for (const [type, byName] of Object.entries(json.resource ?? {})) counts[type] = Object.keys(byName).length;
  return counts;
}
