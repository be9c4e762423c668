import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from '../../src/internal/cdktf';
import { ProviderSchemaDocument, countResources, validateStackAgainstSchema } from '../support/terraform-schema';

export const GRAFANA_SCHEMA: ProviderSchemaDocument = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'grafana-schema-subset.json'), 'utf8'),
);

export interface Synthesized {
  readonly json: string;
  readonly parsed: any;
}

export function synth(build: (stack: TerraformStack) => void): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  const json = Testing.synth(stack);
  return { json, parsed: JSON.parse(json) };
}

/** All resources of a type, by logical id. */
export function resources(s: Synthesized, type: string): { [id: string]: any } {
  return s.parsed.resource?.[type] ?? {};
}

/** The single resource of a type. */
export function only(s: Synthesized, type: string): any {
  const all = Object.values(resources(s, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

export function expectValidAgainstSchema(s: Synthesized, expected: number): void {
  expect(countResources(s.json, 'grafana_')).toBe(expected);
  expect(validateStackAgainstSchema(s.json, GRAFANA_SCHEMA, 'grafana_')).toEqual([]);
}
