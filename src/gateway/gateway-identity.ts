import { createHash } from '../internal/hash';

/** The parts that tell one gateway from every other in an app, a Grafana organization and a Datadog account. */
export interface GatewayIdentityParts {
  readonly name: string;
  readonly environment: string;
  readonly cluster?: string;
}

/**
 * The gateway's identity as one key: `<name>/<environment>/<cluster>` (empty cluster when
 * none). Its parts are DNS-1123 labels, which never hold `/`, so no two gateways share a key
 * unless they share every part.
 */
export function identityKey(g: GatewayIdentityParts): string {
  return [g.name, g.environment, g.cluster ?? ''].join('/');
}

/** `edge (production)` or `edge (production, eu-1)`: how titles and messages name the gateway. */
export function identityTitle(g: GatewayIdentityParts): string {
  return `${g.name} (${[g.environment, ...(g.cluster ? [g.cluster] : [])].join(', ')})`;
}

/** A short stable hash of a key: 10 hex characters of its SHA-256. */
export function shortHash(key: string, length = 10): string {
  return createHash('sha256').update(key).digest('hex').slice(0, length);
}

/**
 * A name made of parts that fits `max` characters: the parts joined by `separator` when that
 * fits, else a readable prefix of them and a hash of the whole (never a bare cut, so two long
 * names that share a prefix stay apart).
 */
export function fittedName(parts: string[], separator: string, max: number): string {
  const joined = parts.join(separator);
  if (joined.length <= max) return joined;
  const hash = shortHash(joined);
  const prefix = joined.slice(0, max - hash.length - separator.length).replace(/[-._]+$/, '');
  return `${prefix}${separator}${hash}`;
}

/**
 * Tags that identify the gateway's own data in Datadog. The library puts them on every
 * Agent check instance (autodiscovery annotations) and on the Kong Datadog plugin's
 * metrics, so queries never depend on the Agent's tag cardinality.
 */
export function datadogGatewayTags(gateway: GatewayIdentityParts): string[] {
  // The cluster tag keeps same-named gateways of other clusters out of each other's monitors.
  return [`kong_gateway:${gateway.name}`, `kong_environment:${gateway.environment}`, ...(gateway.cluster ? [`kong_cluster:${gateway.cluster}`] : [])];
}
