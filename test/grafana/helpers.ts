import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from '../../src/internal/cdktf';
import { ProviderSchemaDocument, countResources, validateStackAgainstSchema } from '../support/terraform-schema';

/** The provider schema subset the bindings are held against (provider block + 7 resources). */
export const GRAFANA_SCHEMA: ProviderSchemaDocument = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'grafana-schema-subset.json'), 'utf8'),
);

export interface Synthesized {
  readonly json: string;
  readonly parsed: any;
  readonly stack: TerraformStack;
}

/** Synthesizes a fresh stack built by `build`. */
export function synth(build: (stack: TerraformStack) => void): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  const json = Testing.synth(stack);
  return { json, parsed: JSON.parse(json), stack };
}

/** The body of `resource.<type>.<logicalId>`, failing loudly when it is missing. */
export function body(s: Synthesized, type: string, logicalId: string): any {
  const found = s.parsed.resource?.[type]?.[logicalId];
  if (found === undefined) {
    throw new Error(`no ${type}.${logicalId} in ${Object.keys(s.parsed.resource?.[type] ?? {}).join(', ') || 'the stack'}`);
  }
  return found;
}

/** Asserts the stack has `expected` grafana_ resources and all pass the schema subset. */
export function expectValidAgainstSchema(s: Synthesized, expected: number): void {
  expect(countResources(s.json, 'grafana_')).toBe(expected);
  expect(validateStackAgainstSchema(s.json, GRAFANA_SCHEMA, 'grafana_')).toEqual([]);
}
