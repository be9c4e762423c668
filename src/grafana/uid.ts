import { createHash } from 'crypto';

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
