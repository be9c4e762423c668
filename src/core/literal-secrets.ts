import { isSecretName, isSecretValue, urlSecretKind } from './secret-patterns';
import { failValidation } from './validation';
import { Token } from '../internal/cdktf';

// Secrets written as literals into props that land in the synthesized JSON (and so in the
// Terraform plan and state). What a secret looks like is the checker's one definition
// (checks/internal/secrets.ts): the constructs refuse what its KBPS1 rule would report.

/** How to pass a secret instead: a sensitive Terraform variable. */
export const SENSITIVE_VARIABLE_FIX = "declare `new TerraformVariable(this, '<name>', { type: 'string', sensitive: true })` and pass its `.stringValue` (or another resource's attribute) instead";

/**
 * Refuses a literal URL that carries its credential: userinfo, a token in the query
 * (`access_token`, `api_key`...), or a webhook path that is the key (Slack, Discord, PagerDuty,
 * Microsoft Teams, Telegram). References (Terraform tokens) pass.
 */
export function refuseSecretUrl(subject: string, field: string, url: string | undefined): void {
  if (url === undefined || Token.isUnresolved(url)) return;
  const kind = urlSecretKind(url);
  if (kind !== undefined) {
    failValidation(
      subject,
      `${field} is a literal URL with ${kind}, a secret that would be written in clear into the synthesized JSON and the Terraform plan`,
      `pass the whole URL from a sensitive Terraform variable: ${SENSITIVE_VARIABLE_FIX}`,
    );
  }
}

/**
 * Refuses an environment variable whose literal value is a secret: a credential's name
 * (`*_PASSWORD`, `*_TOKEN`, `*_KEY`, `*_SECRET`) with a value that is not a path, a vault
 * reference or a switch, or a URL that carries credentials.
 */
export function refuseSecretEnv(subject: string, field: string, name: string, value: string): void {
  if (Token.isUnresolved(value)) return;
  const kind = isSecretName(name) && isSecretValue(value) ? 'a literal secret' : urlSecretKind(value) !== undefined ? `a literal URL with ${urlSecretKind(value)}` : undefined;
  if (kind !== undefined) {
    failValidation(
      subject,
      `${field} ${name} holds ${kind}, which would be written in clear into the synthesized JSON and the Terraform state`,
      `put it in a Kubernetes Secret and pass it through secretEnv: [{ name: '${name}', secretName: '<secret>', key: '<key>' }]`,
    );
  }
}
