// Walking a value of a Terraform JSON stack for literal secrets, without recursion (a body
// may be nested thousands deep): strings under a secret's name (`password`, `api_key`,
// `Authorization`) and URLs that carry a credential (userinfo, a token in the query, a
// webhook path that is the key). Each hit is named by its path, never by its value.
import { isObject } from './terraform-json';
import { isSecretName, isSecretValue, urlSecretKind } from '../../core/secret-patterns';

export interface SecretHit {
  /** Where, e.g. `webhook[0].headers.Authorization`. */
  readonly path: string;
  /** What was found, for the message: `a literal value`, `a Slack webhook path`... */
  readonly what: string;
  /** The value as written: a literal (reported), or a reference for the caller to follow. */
  readonly value: string;
  /** The value is a Terraform reference (`${...}`), not a literal. */
  readonly reference: boolean;
}

export interface ScanOptions {
  /** Report literal values under secret names (`password`, `token`, `api_key`, header names). @default true */
  readonly byName?: boolean;
  /** Field names whose every literal value is a secret (a Slack `url` is the credential itself). */
  readonly secretFields?: readonly string[];
  /** Only these keys are read for names (e.g. header maps); other keys are read for URLs only. */
  readonly nameScopes?: readonly string[];
  /** Keys whose whole subtree is skipped (labels and annotations hold names, not values). */
  readonly skipKeys?: RegExp;
  /** Names that look like secrets but name one (`existingSecret: kong-pg`, `license_secret`). */
  readonly referenceNames?: RegExp;
}

function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

/**
 * Every secret-looking string in a value. `nameScopes` limits name-based reporting to the
 * maps under those keys (headers); URLs with credentials are reported anywhere.
 */
export function scanSecrets(value: unknown, base: string, options: ScanOptions = {}): SecretHit[] {
  const hits: SecretHit[] = [];
  const byName = options.byName ?? true;
  const pending: Array<{ value: unknown; path: string; key?: string; named: boolean }> = [{ value, path: base, named: options.nameScopes === undefined }];
  while (pending.length > 0) {
    const item = pending.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      const reference = v.includes('${');
      const secretByName = byName && item.named && item.key !== undefined && !options.referenceNames?.test(item.key)
        && (isSecretName(item.key) || (options.secretFields ?? []).includes(item.key));
      if (secretByName && (reference || isSecretValue(v))) {
        hits.push({ path: item.path, what: 'a literal secret', value: v, reference });
        continue;
      }
      const kind = urlSecretKind(v);
      if (kind) hits.push({ path: item.path, what: kind, value: v, reference: false });
      continue;
    }
    if (Array.isArray(v)) {
      v.forEach((e, i) => pending.push({ value: e, path: joinPath(item.path, i), key: item.key, named: item.named }));
    } else if (isObject(v)) {
      for (const [k, e] of Object.entries(v)) {
        if (k === '//' || options.skipKeys?.test(k)) continue;
        const named = item.named || (options.nameScopes ?? []).includes(k.toLowerCase());
        // Kubernetes `value_from { secret_key_ref { key = "password" } }` names a key, it is not one.
        if (/^(?:secret_key_ref|secretKeyRef|config_map_key_ref|configMapKeyRef|value_from|valueFrom)$/.test(k)) continue;
        pending.push({ value: e, path: joinPath(item.path, k), key: k, named });
      }
    }
  }
  return hits;
}
