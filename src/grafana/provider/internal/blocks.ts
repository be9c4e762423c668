import { IResolvable, isComplexElement, listMapper, TerraformMetaArguments, TerraformResourceConfig, Token } from '../../../internal/cdktf';

/** The Terraform JSON body of one block or one resource. */
export type TerraformBody = { [key: string]: unknown };

/** Provider name and schema version every binding in this folder was written against. */
export const GRAFANA_PROVIDER_NAME = 'grafana';
/** The provider release whose schema these bindings follow. */
export const GRAFANA_PROVIDER_VERSION = '4.45.1';
/** What `required_providers` pins: any 4.x from the release the schema was read at. */
export const GRAFANA_PROVIDER_VERSION_CONSTRAINT = '~> 4.45';

/**
 * The resource config every Grafana binding passes to TerraformResource: its type, the
 * provider it belongs to, and the user's meta-arguments.
 */
export function grafanaResourceConfig(terraformResourceType: string, config: TerraformMetaArguments): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: GRAFANA_PROVIDER_NAME, providerVersion: GRAFANA_PROVIDER_VERSION },
    provider: config.provider,
    dependsOn: config.dependsOn,
    count: config.count,
    lifecycle: config.lifecycle,
    provisioners: config.provisioners,
    connection: config.connection,
    forEach: config.forEach,
  };
}

/**
 * Runs a struct mapper the way prebuilt providers do: tokens and undefined pass through
 * untouched (Terraform resolves them), complex list elements are refused.
 */
export function mapStruct<T>(struct: T | undefined, body: (s: T) => TerraformBody): unknown {
  if (struct == null || Token.isUnresolved(struct)) {
    return struct;
  }
  if (isComplexElement(struct)) {
    throw new Error('A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration');
  }
  return body(struct);
}

/** A repeated block: always a JSON array (dynamic blocks still go through cdktf). */
export function blockList<T>(value: T[] | IResolvable | undefined, mapper: (s: T) => unknown): unknown {
  return listMapper(mapper, true)(value);
}

/**
 * A max-one block taken as one struct (as prebuilt providers do) but written as a
 * one-element array, because Terraform JSON reads a block list uniformly that way.
 */
export function singleBlock<T>(value: T | IResolvable | undefined, mapper: (s: T) => unknown): unknown {
  if (value == null) {
    return undefined;
  }
  if (Token.isUnresolved(value)) {
    return value;
  }
  return [mapper(value as T)];
}
