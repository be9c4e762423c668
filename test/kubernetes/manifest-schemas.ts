import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'kubernetes');

function load(file: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
}

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(load('kubernetes-common.schema.json'));

/** Validators for the manifests this library hands to `kubernetes_manifest`, by kind. */
export const manifestValidators: { [kind: string]: ValidateFunction } = {
  KongClusterPlugin: ajv.compile(load('kong-cluster-plugin.schema.json')),
  PodMonitor: ajv.compile(load('pod-monitor.schema.json')),
  ServiceMonitor: ajv.compile(load('service-monitor.schema.json')),
  BackendConfig: ajv.compile(load('backend-config.schema.json')),
  HealthCheckPolicy: ajv.compile(load('health-check-policy.schema.json')),
};

/** Validation errors of a manifest against its kind's schema, as readable lines (empty when valid). */
export function manifestErrors(manifest: any): string[] {
  const validate = manifestValidators[manifest.kind];
  if (!validate) return [`no schema for kind '${manifest.kind}'`];
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
}
