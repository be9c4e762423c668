import { analysisOf } from '../internal/analysis';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { JsonObject, TfResource, asObject, block, blocks, isReference, text } from '../internal/terraform-json';
import { FindingLevel } from '../types';

/**
 * Secret attributes of grafana_contact_point integrations (sensitive in the grafana/grafana
 * provider schema; `settings` maps left out: they also hold non-secret options).
 */
export const CONTACT_POINT_SECRETS: { [integration: string]: string[] } = {
  alertmanager: ['basic_auth_password'],
  dingding: ['url'],
  discord: ['url'],
  googlechat: ['url'],
  jira: ['api_token', 'password'],
  kafka: ['password'],
  line: ['token'],
  oncall: ['authorization_credentials', 'basic_auth_password'],
  opsgenie: ['api_key'],
  pagerduty: ['integration_key'],
  pushover: ['api_token', 'user_key'],
  sensugo: ['api_key'],
  slack: ['token', 'url'],
  sns: ['access_key', 'secret_key'],
  teams: ['url'],
  telegram: ['token'],
  threema: ['api_secret'],
  victorops: ['url'],
  webex: ['token'],
  webhook: ['authorization_credentials', 'basic_auth_password'],
};

/** Secret arguments of provider blocks. */
export const PROVIDER_SECRETS: { [provider: string]: string[] } = {
  datadog: ['api_key', 'app_key'],
  grafana: ['auth', 'cloud_access_policy_token', 'sm_access_token', 'oncall_access_token', 'k6_access_token'],
};

/** URL attributes that are not secret themselves but must not embed credentials. */
const URLS_WITHOUT_CREDENTIALS: { [integration: string]: string[] } = {
  webhook: ['url'],
  alertmanager: ['url'],
  kafka: ['rest_proxy_url'],
};

/** `${var.name}` → `name`, for every variable a value references. */
function referencedVariables(value: string): string[] {
  return [...value.matchAll(/\bvar\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
}

/** KBPS1: secrets enter as sensitive variables or references, never as literals. */
export const KBPS1_LITERAL_SECRETS: RuleDefinition = {
  ruleId: 'KBPS1',
  name: 'no-literal-secrets',
  info: 'Pass notification secrets and API keys as sensitive variables or references, never as literals.',
  explanation: 'A literal webhook URL, PagerDuty key or API key lands in the synthesized JSON, in version control and in CI logs. '
    + 'A Terraform reference (${var.x}, a secret data source) keeps it out; a variable should also be sensitive so plans hide it.',
  fix: 'Declare a sensitive TerraformVariable (or read a secret store) and pass its reference.',
  level: FindingLevel.ERROR,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBPS1_LITERAL_SECRETS;
    const stack = analysisOf(config).stack;
    const variables = asObject(config.variable);
    const out: RuleFinding[] = [];
    const checked: TfResource[] = [];

    const inspect = (subject: TfResource, where: string, value: string | undefined) => {
      if (value === undefined || value === '') return;
      if (!isReference(value)) {
        out.push(violation(rule, subject, `${where} is a literal secret in the synthesized configuration.`));
        return;
      }
      for (const name of referencedVariables(value)) {
        const v = block(variables[name]);
        if (v && v.sensitive !== true) {
          out.push(violation(rule, subject, `${where} comes from variable '${name}', which is not marked sensitive; plans will print it.`, {
            level: FindingLevel.WARNING,
            fix: `Declare variable '${name}' with sensitive: true.`,
          }));
        }
      }
    };

    for (const r of stack.resources.filter((x) => x.type === 'grafana_contact_point')) {
      checked.push(r);
      const before = out.length;
      for (const [integration, fields] of Object.entries(CONTACT_POINT_SECRETS)) {
        blocks(r.body[integration]).forEach((b, i) => {
          for (const field of fields) inspect(r, `${r.address} ${integration}[${i}].${field}`, text(b[field]));
        });
      }
      for (const [integration, fields] of Object.entries(URLS_WITHOUT_CREDENTIALS)) {
        blocks(r.body[integration]).forEach((b, i) => {
          for (const field of fields) {
            const url = text(b[field]);
            if (url && !isReference(url) && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+:[^/@\s]*@/i.test(url)) {
              out.push(violation(rule, r, `${r.address} ${integration}[${i}].${field} embeds credentials in a literal URL.`));
            }
          }
        });
      }
      if (out.length === before) out.push(compliant(rule, r, `${r.address} takes its secrets from references.`));
    }

    const providers = asObject(config.provider);
    for (const [name, fields] of Object.entries(PROVIDER_SECRETS)) {
      blocks(providers[name]).forEach((p, i) => {
        const subject: TfResource = { type: 'provider', name, address: `provider.${name}${i > 0 ? `[${i}]` : ''}`, body: p };
        checked.push(subject);
        const before = out.length;
        for (const field of fields) inspect(subject, `provider ${name}.${field}`, text(p[field]));
        if (out.length === before) out.push(compliant(rule, subject, `provider ${name} takes its credentials from references or the environment.`));
      });
    }
    return checked.length > 0 ? out : [notApplicable(rule, 'No contact point or provider credentials in the stack.')];
  },
};
