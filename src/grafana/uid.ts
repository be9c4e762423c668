import { failValidation } from '../core/validation';
import { GatewayIdentityParts, fittedName } from '../gateway/gateway-identity';
import { createHash } from '../internal/hash';

/** Grafana's limit for dashboard, folder and alert rule UIDs. */
export const GRAFANA_UID_MAX_LENGTH = 40;

/** Whether `text` is a Grafana UID: 1 to 40 letters, digits, `-` or `_`. */
export function isGrafanaUid(text: string): boolean {
  return text.length <= GRAFANA_UID_MAX_LENGTH && /^[a-zA-Z0-9_-]+$/.test(text);
}

/**
 * A deterministic Grafana UID from name parts: the parts joined by `-` when that fits in
 * `max` characters and Grafana's alphabet, else a readable prefix and 8 hex characters of
 * the SHA-256 of the whole key. Same input, same UID: never derived from list order.
 */
export function stableUid(parts: string[], max: number = GRAFANA_UID_MAX_LENGTH): string {
  const key = parts.join('-');
  const clean = key.replace(/[^a-zA-Z0-9_-]+/g, '-');
  if (clean === key && key.length <= max) return key;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const prefix = clean.slice(0, max - hash.length - 1).replace(/-+$/, '');
  return `${prefix}-${hash}`;
}

/** Rounds a number of seconds up to a multiple of `step` (at least one step). */
export function roundUpSeconds(seconds: number, step: number): number {
  return Math.max(step, Math.ceil(seconds / step) * step);
}

/** The default first part of every UID the library derives. */
export const DEFAULT_UID_PREFIX = 'kong';

/**
 * A Grafana UID for something of one gateway: `<prefix>_<name>_<environment>_<cluster>_<kind...>`.
 * The gateway's parts are DNS labels, which never hold `_`, and every slot is always there
 * (the cluster slot is empty without a cluster), so two gateways never share a UID unless
 * they share every part; too long for Grafana's 40 characters, a readable prefix and a hash
 * of the whole stand in (never a bare cut).
 */
export function gatewayUid(gateway: GatewayIdentityParts, prefix: string, ...kind: string[]): string {
  return fittedName([prefix, gateway.name, gateway.environment, gateway.cluster ?? '', ...kind], '_', GRAFANA_UID_MAX_LENGTH);
}

/** Checks a UID prefix given by a user: letters, digits and `-`, so the `_` slots stay unambiguous. */
export function validateUidPrefix(subject: string, prefix: string | undefined): string {
  const value = prefix ?? DEFAULT_UID_PREFIX;
  if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{0,11}$/.test(value)) {
    failValidation(subject, `uidPrefix '${value}' is not 1-12 letters, digits or '-'`, "give a short name for the app or team that owns these gateways' Grafana resources, e.g. 'payments'");
  }
  return value;
}
