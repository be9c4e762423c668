// What a secret looks like, in one place: the checker (KBPS1) finds literal secrets in any
// stack with it, the constructs refuse literal secrets in their inputs with it, and every
// message either writes (synth annotations, scorecards, the audit CLI) is redacted with it.

const SECRET_NAME = /(?:^|[_.-])(?:password|passwd|pwd|secret|token|key|apikey|credentials?)$|^(?:auth|authorization|proxy-authorization|cookie)$/;
const PUBLIC_NAME = /(?:^|[_.-])(?:public_?key|publickey|cert(?:ificate)?_?key)$/;

/**
 * True for names of fields, env vars and headers whose value is a credential:
 * `KONG_PG_PASSWORD`, `DD_API_KEY`, `integration_key`, `apiKey`, `X-Auth-Token`, `Authorization`.
 * (`*_CERT_KEY` is a file path in Kong and public keys are not secret: a value check decides.)
 */
export function isSecretName(name: string): boolean {
  const n = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return SECRET_NAME.test(n) && (!PUBLIC_NAME.test(n) || /cert(?:ificate)?_?key$/.test(n));
}

/** Names that end like a secret but hold a file path or a switch in Kong (`KONG_SSL_CERT_KEY=/etc/tls/tls.key`). */
const NOT_SECRET_VALUE = /^(?:\/|\.\.?\/|file:\/\/|\{vault:\/\/|off$|on$|true$|false$|none$|null$|disabled?$|enabled?$)/i;

/** Query parameters that carry credentials. */
const SECRET_QUERY_KEYS = 'access_token|token|api_key|apikey|api-key|dd-api-key|dd-application-key|application_key|key|secret|client_secret|password|passwd|pwd|sig|signature|auth|code|routing_key|integration_key|private_token';

/** Webhook URLs whose path is the credential, with the part to hide (group 2) between what stays. */
const SECRET_URL_PATHS: Array<{ kind: string; pattern: RegExp }> = [
  { kind: 'a Slack webhook path', pattern: /(hooks\.slack\.com\/(?:services|workflows|triggers)\/)([^\s"'?#]+)/gi },
  { kind: 'a Discord webhook path', pattern: /((?:discord|discordapp)\.com\/api\/webhooks\/)([^\s"'?#]+)/gi },
  { kind: 'a PagerDuty integration key in its path', pattern: /(events(?:\.eu)?\.pagerduty\.com\/integration\/)([^\s"'/?#]+)/gi },
  { kind: 'a Microsoft Teams webhook path', pattern: /((?:webhook\.office\.com|outlook\.office(?:365)?\.com)\/webhook(?:b2)?\/)([^\s"'?#]+)/gi },
  { kind: 'a Telegram bot token in its path', pattern: /(api\.telegram\.org\/bot)([^\s"'/?#]+)/gi },
  { kind: 'a webhook key in its path', pattern: /(\/hooks\/)([A-Za-z0-9]{16,})/g },
];

const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)([^\s/@"']+)@/gi;
const SECRET_QUERY = new RegExp(`([?&;](?:${SECRET_QUERY_KEYS})=)([^&#\\s"']+)`, 'gi');

/** The userinfo of each `scheme://userinfo@host` in a text, found in one pass (a RegExp backtracks on long strings). */
function userinfos(value: string): string[] {
  const out: string[] = [];
  for (let at = value.indexOf('://'); at >= 0; at = value.indexOf('://', at + 3)) {
    let i = at + 3;
    while (i < value.length && !'/@?# \t\n"\''.includes(value[i])) i++;
    if (value[i] === '@') out.push(value.slice(at + 3, i));
  }
  return out;
}

/** What credential a text's URL embeds (`credentials`, `the 'token' query parameter`, `a Slack webhook path`), or undefined. */
export function urlSecretKind(value: string): string | undefined {
  // Every pattern below needs one of these: most strings of a stack are skipped at once.
  if (!value.includes('://') && !value.includes('=') && !value.includes('/hooks/')) return undefined;
  for (const info of userinfos(value)) {
    if (info.includes('${')) continue;
    if (info.includes(':') || info.length >= 20) return 'credentials';
  }
  SECRET_QUERY.lastIndex = 0;
  const query = SECRET_QUERY.exec(value);
  if (query && !query[2].startsWith('${')) return `the '${query[1].slice(1, -1)}' query parameter`;
  for (const { kind, pattern } of SECRET_URL_PATHS) {
    pattern.lastIndex = 0;
    const m = pattern.exec(value);
    if (m && !m[2].startsWith('${')) return kind;
  }
  return undefined;
}

/** True when a value written under a secret's name is itself a secret (not empty, a path, a vault reference or a switch). */
export function isSecretValue(value: string): boolean {
  const v = value.trim();
  return v.length > 0 && !v.includes('${') && !NOT_SECRET_VALUE.test(v);
}

const REDACTIONS: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, '***'],
  [URL_USERINFO, '$1***@'],
  [SECRET_QUERY, '$1***'],
  ...SECRET_URL_PATHS.map(({ pattern }): [RegExp, string] => [pattern, '$1***']),
  [/\b(Bearer|Basic|Token|Bot)(\s+)[A-Za-z0-9._~+/=-]{6,}/g, '$1$2***'],
  [/\bxox[a-z]-[A-Za-z0-9-]+/g, 'xox*-***'],
  [/((?:-u|--user)\s+[^\s:'"]+:)[^\s'"]+/g, '$1***'],
  [/(\b[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api_?key|app_?key|access_?key|private_?key|integration_?key|routing_?key)["']?\s*[=:]\s*["']?)(?![$/{*])[^\s"',;&]+/gi, '$1***'],
  [/\b[A-Fa-f0-9]{32,}\b/g, '***'],
];

/** The text with every credential the checker recognises replaced by `***`. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REDACTIONS) out = out.replace(pattern, replacement);
  return out;
}
