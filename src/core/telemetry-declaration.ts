/**
 * What a stack's author declared about a Kong workload's telemetry that its Terraform JSON
 * cannot show (plugins configured outside the library), written into the workload resource's
 * `//` block so the checker, reading only the JSON, trusts the same declarations the
 * constructs do.
 */
export const TELEMETRY_JSON_KEY = 'kong_telemetry';

/** The declarations, as they appear under `//.kong_telemetry`. */
export interface TelemetryDeclaration {
  /** The plugins are configured outside the library (decK, the Admin API, a control plane elsewhere). */
  readonly plugins_managed_externally?: boolean;
}

/** Writes a declaration onto a resource (anything with cdktf's `addOverride`). */
export function declareTelemetry(resource: { addOverride(path: string, value: unknown): void }, declaration: TelemetryDeclaration): void {
  for (const [key, value] of Object.entries(declaration)) {
    if (value !== undefined) resource.addOverride(`//.${TELEMETRY_JSON_KEY}.${key}`, value);
  }
}
