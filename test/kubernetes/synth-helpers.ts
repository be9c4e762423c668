import { Testing } from 'cdktf';
import { Construct } from 'constructs';

/** Synthesizes the constructs `build` adds and returns the parsed Terraform JSON. */
export function synthJson(build: (scope: Construct) => void): any {
  return JSON.parse(Testing.synthScope(build));
}

/** The resources of one Terraform type, keyed by logical ID. */
export function resourcesOf(synthesized: any, type: string): { [id: string]: any } {
  return synthesized.resource?.[type] ?? {};
}

/** The only resource of a type (fails the test when there is not exactly one). */
export function onlyResource(synthesized: any, type: string): any {
  const all = Object.values(resourcesOf(synthesized, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** All `kubernetes_manifest` bodies of a kind. */
export function manifestsOfKind(synthesized: any, kind: string): any[] {
  return Object.values(resourcesOf(synthesized, 'kubernetes_manifest'))
    .map((r: any) => r.manifest)
    .filter((m: any) => m.kind === kind);
}
