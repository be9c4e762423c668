// Secrets (API keys, Grafana tokens, Slack URLs and tokens, PagerDuty keys, webhook
// credentials) enter only as sensitive Terraform variables, and the synthesized JSON holds
// only `${var.…}` references to them. Each variable gets a sentinel default: the sentinel may
// appear in that variable's own `default` and nowhere else.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { KongBestPractices } from '../../src/checks/kong-best-practices';
import { ComplianceStatus, FindingLevel } from '../../src/checks/types';
import { KongMonitoring } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { GrafanaNotifier } from '../../src/grafana/alerting/notifier';
import { GrafanaProvider } from '../../src/grafana/provider/provider';
import { StackJson, synthApp } from '../support/synth';

/** Variable name → sentinel value (its default). */
const SECRETS: { [variable: string]: string } = {
  datadog_api_key: 'sentinel-datadog-api-key-4b1d9e',
  datadog_app_key: 'sentinel-datadog-app-key-77c2aa',
  grafana_auth: 'sentinel-grafana-auth-token-0f3e51',
  slack_webhook_url: 'https://hooks.slack.com/services/SENTINEL/slack-url-9a8b7c',
  slack_token: 'xoxb-sentinel-slack-token-5d6e7f',
  pagerduty_integration_key: 'sentinel0pagerduty0key0000000001',
  webhook_credentials: 'sentinel-webhook-bearer-credentials-2c3d',
};

function buildStack(stack: TerraformStack): void {
  const v: { [name: string]: string } = {};
  for (const [name, value] of Object.entries(SECRETS)) {
    v[name] = new TerraformVariable(stack, name, { type: 'string', sensitive: true, default: value }).stringValue;
  }
  new DatadogProvider(stack, 'datadog', { apiKey: v.datadog_api_key, appKey: v.datadog_app_key });
  new KubernetesProvider(stack, 'kubernetes', {});
  new GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com', auth: v.grafana_auth });
  new KongMonitoring(stack, 'kong', {
    gateway: KongGateway.hybridDataPlane({ name: 'edge', expectedNodes: 3 }),
    datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] }, synthetics: { endpoint: { url: 'https://api.example.com/' } } },
    grafana: {
      prometheusDatasourceUid: 'prom',
      policy: {
        contactPoints: [
          { name: 'kong-pager', notifiers: [GrafanaNotifier.pagerDuty({ integrationKey: v.pagerduty_integration_key })] },
          {
            name: 'kong-chat',
            notifiers: [
              GrafanaNotifier.slack({ url: v.slack_webhook_url }),
              GrafanaNotifier.slack({ token: v.slack_token, recipient: '#kong-alerts' }),
            ],
          },
          {
            name: 'kong-hook',
            notifiers: [GrafanaNotifier.webhook({ url: 'https://alerts.example.com/kong', authorizationScheme: 'Bearer', authorizationCredentials: v.webhook_credentials })],
          },
        ],
        defaultContactPoint: 'kong-chat',
        criticalContactPoint: 'kong-pager',
        warningContactPoint: 'kong-hook',
      },
    },
  });
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

type Block = { [key: string]: unknown };

function contactPoints(json: StackJson): Block[] {
  return Object.values(json.resource?.grafana_contact_point ?? {});
}

describe('secrets given as sensitive variables', () => {
  const json = synthApp((app) => buildStack(new TerraformStack(app, 'secrets'))).get('secrets')!;
  const text = JSON.stringify(json);

  test.each(Object.entries(SECRETS))('%s: its value is only its own variable\'s default', (name, value) => {
    expect(occurrences(text, value)).toBe(1);
    expect(json.variable?.[name]).toEqual(expect.objectContaining({ default: value, sensitive: true }));
    const withoutDefaults = JSON.parse(text) as StackJson;
    for (const variable of Object.values(withoutDefaults.variable ?? {})) delete variable.default;
    expect(occurrences(JSON.stringify(withoutDefaults), value)).toBe(0);
  });

  test.each(Object.keys(SECRETS))('%s is referenced where the secret goes', (name) => {
    expect(occurrences(text, `\${var.${name}}`)).toBeGreaterThanOrEqual(1);
  });

  test('provider credentials are exactly the variable references', () => {
    expect(json.provider?.datadog?.[0]).toEqual(expect.objectContaining({ api_key: '${var.datadog_api_key}', app_key: '${var.datadog_app_key}' }));
    expect(json.provider?.grafana?.[0]).toEqual(expect.objectContaining({ auth: '${var.grafana_auth}' }));
  });

  test('contact point secrets are exactly the variable references', () => {
    const integrations = contactPoints(json).flatMap((cp) => Object.entries(cp).filter(([k]) => ['slack', 'pagerduty', 'webhook'].includes(k)))
      .flatMap(([kind, blocks]) => (blocks as Block[]).map((b) => [kind, b] as [string, Block]));
    const slack = integrations.filter(([k]) => k === 'slack').map(([, b]) => b);
    expect(slack).toEqual(expect.arrayContaining([
      expect.objectContaining({ url: '${var.slack_webhook_url}' }),
      expect.objectContaining({ token: '${var.slack_token}', recipient: '#kong-alerts' }),
    ]));
    expect(integrations.filter(([k]) => k === 'pagerduty').map(([, b]) => b)).toEqual([expect.objectContaining({ integration_key: '${var.pagerduty_integration_key}' })]);
    expect(integrations.filter(([k]) => k === 'webhook').map(([, b]) => b)).toEqual([
      expect.objectContaining({ url: 'https://alerts.example.com/kong', authorization_scheme: 'Bearer', authorization_credentials: '${var.webhook_credentials}' }),
    ]);
  });

  /** The stack as a user would ship it: the sentinel defaults are this test's scaffolding, not part of it. */
  const withoutDefaults = (source: string): string => {
    const copy = JSON.parse(source) as StackJson;
    for (const variable of Object.values(copy.variable ?? {})) delete variable.default;
    return JSON.stringify(copy);
  };

  test('the checker finds every secret-bearing place compliant', () => {
    const report = KongBestPractices.validateJson(withoutDefaults(text));
    const kbps1 = report.findingsFor('KBPS1');
    expect(kbps1.filter((f) => f.status !== ComplianceStatus.COMPLIANT)).toEqual([]);
    // Three contact points and every provider were looked at.
    expect(kbps1.map((f) => f.resource).sort()).toEqual([
      ...contactPoints(json).map(() => expect.stringMatching(/^grafana_contact_point\./)),
      'provider.datadog', 'provider.grafana', 'provider.kubernetes',
    ].sort());
  });
});

describe('the checker flags literal secrets (KBPS1)', () => {
  // Without the sentinel defaults, which the checker rightly flags on their own (below).
  const synthesized = synthApp((app) => buildStack(new TerraformStack(app, 'secrets'))).get('secrets')!;
  const text = JSON.stringify({ ...synthesized, variable: Object.fromEntries(Object.entries(synthesized.variable ?? {}).map(([n, v]) => [n, { ...v, default: undefined }])) });

  test('a literal default on a sensitive variable is an error: the value is in the synthesized JSON', () => {
    const errors = KongBestPractices.validateJson(JSON.stringify(synthesized)).findingsFor('KBPS1').filter((f) => f.status === ComplianceStatus.NON_COMPLIANT);
    expect(errors.map((f) => f.resource).sort()).toEqual(Object.keys(SECRETS).map((n) => `var.${n}`).sort());
    expect(errors[0]).toMatchObject({ level: FindingLevel.ERROR, message: expect.stringMatching(/^variable '\w+', marked sensitive, has a literal default/) });
  });

  /** The same stack with one reference replaced by its literal value, as a careless edit would. */
  function withLiteral(name: string): string {
    return text.split(`\${var.${name}}`).join(SECRETS[name]);
  }

  test.each([
    ['slack_webhook_url', /slack\[\d\]\.url is a literal secret/],
    ['slack_token', /slack\[\d\]\.token is a literal secret/],
    ['pagerduty_integration_key', /pagerduty\[0\]\.integration_key is a literal secret/],
    ['webhook_credentials', /webhook\[0\]\.authorization_credentials is a literal secret/],
    ['datadog_api_key', /provider datadog\.api_key is a literal secret/],
    ['datadog_app_key', /provider datadog\.app_key is a literal secret/],
    ['grafana_auth', /provider grafana\.auth is a literal secret/],
  ])('a literal %s is an error', (name, message) => {
    const errors = KongBestPractices.validateJson(withLiteral(name)).findingsFor('KBPS1').filter((f) => f.status === ComplianceStatus.NON_COMPLIANT);
    expect(errors).toHaveLength(1);
    expect(errors[0].level).toBe(FindingLevel.ERROR);
    expect(errors[0].message).toMatch(message);
  });

  test('credentials embedded in a literal webhook URL are an error', () => {
    const json = JSON.parse(text.split('https://alerts.example.com/kong').join('https://kong:hunter2@alerts.example.com/kong')) as StackJson;
    const errors = KongBestPractices.validateJson(JSON.stringify(json)).findingsFor('KBPS1').filter((f) => f.status === ComplianceStatus.NON_COMPLIANT);
    expect(errors.map((f) => f.message)).toEqual([expect.stringMatching(/webhook\[0\]\.url is a literal URL that embeds credentials/)]);
  });

  test('a secret from a variable that is not sensitive is a warning', () => {
    const json = JSON.parse(text) as StackJson;
    json.variable!.pagerduty_integration_key.sensitive = false;
    const findings = KongBestPractices.validateJson(JSON.stringify(json)).findingsFor('KBPS1').filter((f) => f.status === ComplianceStatus.NON_COMPLIANT);
    expect(findings).toHaveLength(1);
    expect(findings[0].level).toBe(FindingLevel.WARNING);
    expect(findings[0].message).toMatch(/variable 'pagerduty_integration_key', which is not marked sensitive/);
  });

  test('literal secrets in contact points fail when the policy is built, before anything is synthesized', () => {
    const build = (notifier: GrafanaNotifier) => (): void => {
      const stack = new TerraformStack(Testing.app(), 'literal');
      new KongMonitoring(stack, 'kong', {
        gateway: KongGateway.dbLess({ name: 'edge' }),
        grafana: { prometheusDatasourceUid: 'prom', policy: { contactPoints: [{ name: 'cp', notifiers: [notifier] }], defaultContactPoint: 'cp' } },
      });
    };
    expect(build(GrafanaNotifier.slack({ url: 'https://hooks.slack.com/services/T000/B000/XXXX' }))).toThrow(/contact point 'cp' slack url .*sensitive: true/s);
    expect(build(GrafanaNotifier.pagerDuty({ integrationKey: '0123456789abcdef0123456789abcdef' }))).toThrow(/contact point 'cp' pagerduty integrationKey .*sensitive: true/s);
    expect(build(GrafanaNotifier.webhook({ url: 'https://alerts.example.com/', authorizationCredentials: 'literal-token' }))).toThrow(/authorizationCredentials .*sensitive: true/s);
    expect(build(GrafanaNotifier.webhook({ url: 'https://kong:hunter2@alerts.example.com/' }))).toThrow(/url is a literal URL with credentials, a secret/);
  });
});
