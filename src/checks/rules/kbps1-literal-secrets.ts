import { isSecretName, isSecretValue, urlSecretKind } from '../../core/secret-patterns';
import { analysisOf } from '../internal/analysis';
import { helmValuesOf } from '../internal/helm-values';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { SecretHit, scanSecrets } from '../internal/secret-scan';
import { JsonObject, TfResource, asObject, block, blocks, isObject, manifestOf } from '../internal/terraform-json';
import { FindingLevel } from '../types';

/**
 * Attributes of grafana_contact_point integrations whose whole value is the credential (a
 * Slack or Teams webhook URL is the key to post). Every other attribute is read by name
 * (password, token, api_key, headers...) and for URLs that carry credentials.
 */
export const CONTACT_POINT_SECRET_URLS: { [integration: string]: string[] } = {
  dingding: ['url'],
  discord: ['url'],
  googlechat: ['url'],
  slack: ['url'],
  teams: ['url'],
  victorops: ['url'],
  wecom: ['url'],
};

/** Secret arguments of provider blocks beyond those named like secrets (Grafana's `auth`). */
export const PROVIDER_SECRETS: { [provider: string]: string[] } = {
  grafana: ['auth'],
};

/** Maps whose keys are header names: a secret-named header (Authorization, X-API-Key) holds a credential. */
const HEADER_MAPS = ['headers', 'http_headers', 'request_headers', 'custom_headers'];

/** Datadog resources that hold third-party credentials. */
function isDatadogIntegration(type: string): boolean {
  return type.startsWith('datadog_integration_') || type === 'datadog_webhook' || type === 'datadog_webhook_custom_variable';
}

const KUBERNETES_SECRETS = ['kubernetes_secret_v1', 'kubernetes_secret'];

/**
 * Helm values: labels and annotations hold names, and values named `*Secret` / `*_secret`
 * (Kong's chart: `enterprise.license_secret`, `existingSecret`) name a Kubernetes Secret.
 */
const HELM_VALUES_SCAN = {
  skipKeys: /^(?:annotations|podAnnotations|labels|podLabels|extraLabels|nodeSelector|tolerations|affinity)$/,
  referenceNames: /secret(?:_?name)?$/i,
};

/** KBPS1: secrets enter as sensitive variables or references, never as literals. */
export const KBPS1_LITERAL_SECRETS: RuleDefinition = {
  ruleId: 'KBPS1',
  name: 'no-literal-secrets',
  info: 'Pass notification secrets and API keys as sensitive variables or references, never as literals.',
  explanation: 'A literal webhook URL, PagerDuty key or API key lands in the synthesized JSON, in version control and in CI logs. '
    + 'A Terraform reference (${var.x}, a secret data source) keeps it out; a variable should also be sensitive so plans hide it, '
    + 'and have no default. The rule reads contact points, providers, Datadog integrations and webhooks, container env '
    + '(KONG_PG_PASSWORD and any *_PASSWORD, *_TOKEN, *_KEY, *_SECRET), Helm values and set blocks, Kubernetes Secrets, '
    + 'locals, variable defaults, headers, and every URL in the stack (credentials, tokens in the query, webhook paths).',
  fix: 'Declare a sensitive TerraformVariable without a default (or read a secret store, or a Kubernetes Secret through secretKeyRef) and pass its reference.',
  level: FindingLevel.ERROR,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBPS1_LITERAL_SECRETS;
    const analysis = analysisOf(config);
    const variables = asObject(config.variable);
    const locals = Object.assign({}, ...blocks(config.locals)) as JsonObject;
    const out: RuleFinding[] = [];
    let checked = 0;
    /** Resources whose strings were read by a specific check, so the stack-wide URL pass skips them. */
    const read = new Set<TfResource>();

    const literal = (subject: TfResource, where: string, what: string) => {
      out.push(violation(rule, subject, what === 'a literal secret'
        ? `${where} is a literal secret in the synthesized configuration.`
        : `${where} is a literal URL that embeds ${what}.`));
    };

    /** Follows a reference under a secret's name: a literal local is a literal; a variable should be sensitive. */
    const followReference = (subject: TfResource, where: string, value: string) => {
      for (const m of value.matchAll(/\blocal\.([A-Za-z0-9_-]+)/g)) {
        const v = locals[m[1]];
        if (typeof v === 'string' && !v.includes('${') && isSecretValue(v)) {
          out.push(violation(rule, subject, `${where} comes from local '${m[1]}', which holds it as a literal.`, {
            fix: `Make local '${m[1]}' a reference to a sensitive variable or a secret store.`,
          }));
        }
      }
      for (const m of value.matchAll(/\bvar\.([A-Za-z0-9_-]+)/g)) {
        const v = block(variables[m[1]]);
        if (v && v.sensitive !== true) {
          out.push(violation(rule, subject, `${where} comes from variable '${m[1]}', which is not marked sensitive; plans will print it.`, {
            level: FindingLevel.WARNING,
            fix: `Declare variable '${m[1]}' with sensitive: true.`,
          }));
        }
      }
    };

    const report = (subject: TfResource, hits: SecretHit[], prefix: string): number => {
      const before = out.length;
      for (const h of hits) {
        const where = `${prefix}${h.path}`;
        if (h.reference) followReference(subject, where, h.value);
        else literal(subject, where, h.what);
      }
      return out.length - before;
    };

    for (const r of analysis.stack.resources) {
      if (r.type === 'grafana_contact_point') {
        checked++;
        read.add(r);
        let found = 0;
        for (const [integration, value] of Object.entries(r.body)) {
          if (integration === '//' || !Array.isArray(value) && !isObject(value)) continue;
          blocks(value).forEach((b, i) => {
            found += report(r, scanSecrets(b, `${integration}[${i}]`, { secretFields: CONTACT_POINT_SECRET_URLS[integration] }), `${r.address} `);
          });
        }
        if (found === 0) out.push(compliant(rule, r, `${r.address} takes its secrets from references.`));
      } else if (isDatadogIntegration(r.type)) {
        checked++;
        read.add(r);
        const body: JsonObject = { ...r.body };
        // Custom headers are a JSON string: read them as the map they are.
        if (typeof body.custom_headers === 'string') {
          try {
            body.custom_headers = JSON.parse(body.custom_headers);
          } catch {
            // Not JSON: Datadog would refuse it; nothing to read.
          }
        }
        const hits = scanSecrets(body, '');
        if (r.type === 'datadog_webhook_custom_variable' && body.is_secret === true && typeof body.value === 'string' && isSecretValue(body.value)) {
          hits.push({ path: 'value', what: 'a literal secret', value: body.value, reference: false });
        }
        if (report(r, hits, `${r.address} `) === 0) out.push(compliant(rule, r, `${r.address} takes its credentials from references.`));
      } else if (KUBERNETES_SECRETS.includes(r.type) || manifestOf(r)?.kind === 'Secret') {
        read.add(r);
        const m = manifestOf(r);
        const source = m ? m.manifest : r.body;
        for (const field of m ? ['data', 'stringData'] : ['data', 'string_data', 'binary_data']) {
          for (const [key, value] of Object.entries(asObject(source[field]))) {
            if (typeof value === 'string' && isSecretValue(value)) literal(r, `${r.address} ${field}.${key}`, 'a literal secret');
          }
        }
      } else if (r.type === 'helm_release') {
        read.add(r);
        const helm = helmValuesOf(r.body);
        const hits = scanSecrets(helm.values, 'values', HELM_VALUES_SCAN);
        report(r, hits, `${r.address} `);
        for (const e of helm.entries) {
          // A set_sensitive under a secret's name was just reported with the values it ends up in.
          if (e.sensitive && !e.value.includes('${') && e.value.trim() !== '' && !hits.some((h) => h.path === `values.${e.path}`)) {
            literal(r, `${r.address} set_sensitive '${e.path}'`, 'a literal secret');
          }
        }
      }
    }

    // Container env of every workload (a Helm release's env was read with its values).
    for (const w of analysis.workloads) {
      if (w.resource.type === 'helm_release') continue;
      read.add(w.resource);
      for (const c of w.containers) {
        for (const e of c.env) {
          if (e.value === undefined) continue;
          const where = `${w.resource.address} container '${c.name}' env ${e.name}`;
          if (e.value.includes('${')) {
            if (isSecretName(e.name)) followReference(w.resource, where, e.value);
          } else if (isSecretName(e.name) && isSecretValue(e.value)) {
            out.push(violation(rule, w.resource, `${where} is written in clear in the synthesized configuration.`, {
              fix: `Take ${e.name} from a Kubernetes Secret (env value_from secret_key_ref), a Kong vault reference ({vault://...}), or a sensitive variable.`,
            }));
          } else {
            const kind = urlSecretKind(e.value);
            if (kind) literal(w.resource, where, kind);
          }
        }
      }
    }

    const providers = asObject(config.provider);
    for (const [name, list] of Object.entries(providers)) {
      blocks(list).forEach((p, i) => {
        const subject: TfResource = { type: 'provider', name, address: `provider.${name}${i > 0 ? `[${i}]` : ''}`, body: p };
        checked++;
        const hits = scanSecrets(p, '', { secretFields: PROVIDER_SECRETS[name] });
        if (report(subject, hits, `provider ${name}.`) === 0) out.push(compliant(rule, subject, `provider ${name} takes its credentials from references or the environment.`));
      });
    }

    for (const [name, value] of Object.entries(locals)) {
      const subject: TfResource = { type: 'locals', name, address: `local.${name}`, body: {} };
      const hits = typeof value === 'string'
        ? (isSecretName(name) && !value.includes('${') && isSecretValue(value) ? [{ path: name, what: 'a literal secret', value, reference: false }] : [])
        : [];
      if (typeof value === 'string' && hits.length === 0) {
        const kind = urlSecretKind(value);
        if (kind) hits.push({ path: name, what: kind, value, reference: false });
      } else if (typeof value !== 'string') {
        hits.push(...scanSecrets(value, name).filter((h) => !h.reference));
      }
      for (const h of hits) literal(subject, `local ${h.path}`, h.what);
    }

    for (const [name, value] of Object.entries(variables)) {
      const v = block(value);
      const def = v?.default;
      if (v === undefined || typeof def !== 'string' || def.trim() === '' || def.includes('${')) continue;
      const subject: TfResource = { type: 'variable', name, address: `var.${name}`, body: v };
      const kind = urlSecretKind(def);
      if ((v.sensitive === true || isSecretName(name)) && isSecretValue(def)) {
        out.push(violation(rule, subject, `variable '${name}'${v.sensitive === true ? ', marked sensitive,' : ''} has a literal default: the secret is in the synthesized configuration.`, {
          fix: `Remove the default of variable '${name}' and pass the value at plan time (TF_VAR_${name}).`,
        }));
      } else if (kind) {
        literal(subject, `variable '${name}' default`, kind);
      }
    }

    // Every other resource: URLs carrying credentials, and secret-named headers, wherever they are.
    for (const r of analysis.stack.resources) {
      if (read.has(r)) continue;
      for (const h of scanSecrets(r.body, '', { nameScopes: HEADER_MAPS })) {
        if (!h.reference) literal(r, `${r.address} ${h.path}`, h.what);
      }
    }

    return checked > 0 || out.length > 0 ? out : [notApplicable(rule, 'No contact point, provider credential or other secret in the stack.')];
  },
};
