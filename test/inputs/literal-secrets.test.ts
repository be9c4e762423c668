// Secrets written as literals into props that land in the synthesized JSON: refused, with the
// fix (a Secret through secretEnv, or a sensitive Terraform variable), and never quoted back.
// What a secret looks like is the checker's one definition (src/checks/internal/secrets.ts).
import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { DatadogSynthetics, GrafanaAlertingPolicy, GrafanaNotifier, KongClusterPlugins, KongDeployment, KongGateway, KongMonitoring } from '../../src';

const stack = () => new TerraformStack(Testing.app(), 'stack');
const gateway = () => KongGateway.dbLess({ name: 'edge' });
const SECRET = 'c2VjcmV0LXZhbHVlLTEyMzQ1Ng';

function policyWith(url: string) {
  return () => new GrafanaAlertingPolicy(stack(), 'alerting', {
    contactPoints: [{ name: 'hook', notifiers: [GrafanaNotifier.webhook({ url })] }],
    defaultContactPoint: 'hook',
  });
}

describe('webhook URLs that carry their credential', () => {
  test.each<[string, string, string]>([
    ['an access_token query parameter', `https://alerts.example.com/hook?access_token=${SECRET}`, "the 'access_token' query parameter"],
    ['a Discord webhook path', `https://discord.com/api/webhooks/123456/${SECRET}`, 'a Discord webhook path'],
    ['a PagerDuty integration key in the path', 'https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue', 'a PagerDuty integration key in its path'],
    ['a Microsoft Teams webhook path', `https://example.webhook.office.com/webhookb2/${SECRET}`, 'a Microsoft Teams webhook path'],
    ['credentials in the URL', `https://alerts:${SECRET}@alerts.example.com/hook`, 'credentials'],
  ])('%s', (_what, url, kind) => {
    const build = policyWith(url);
    expect(build).toThrow(`GrafanaAlertingPolicy 'alerting': contact point 'hook' webhook url is a literal URL with ${kind}, a secret that would be written in clear into the synthesized JSON and the Terraform plan. `
      + "Fix: pass the whole URL from a sensitive Terraform variable: declare `new TerraformVariable(this, '<name>', { type: 'string', sensitive: true })` and pass its `.stringValue` (or another resource's attribute) instead.");
    expect(build).not.toThrow(SECRET);
  });

  test('a URL through a sensitive variable passes', () => {
    const s = stack();
    const hook = new TerraformVariable(s, 'alert_hook', { type: 'string', sensitive: true });
    expect(() => new GrafanaAlertingPolicy(s, 'alerting', {
      contactPoints: [{ name: 'hook', notifiers: [GrafanaNotifier.webhook({ url: hook.stringValue })] }],
      defaultContactPoint: 'hook',
    })).not.toThrow();
  });
});

describe('other URLs the library writes into the JSON', () => {
  test.each<[string, () => unknown, string]>([
    ['a synthetic test URL', () => new DatadogSynthetics(stack(), 'synthetics', { gateway: gateway(), notify: { fallback: ['@slack-kong'] }, endpoint: { url: `https://kong.example.com/health?api_key=${SECRET}` } }),
      "DatadogSynthetics 'synthetics': endpoint.url is a literal URL with the 'api_key' query parameter, a secret that would be written in clear into the synthesized JSON and the Terraform plan."],
    ['a runbook URL', () => KongGateway.dbLess({ name: 'edge', runbookBaseUrl: `https://wiki.example.com/kong?token=${SECRET}` }),
      "KongGateway 'edge': runbookBaseUrl is a literal URL with the 'token' query parameter"],
    ['an OpenTelemetry endpoint', () => new KongClusterPlugins(stack(), 'plugins', { gateway: gateway(), plugins: { openTelemetry: { tracesEndpoint: `https://otel.example.com/v1/traces?access_token=${SECRET}` } } }),
      "KongClusterPlugins 'plugins': plugins.openTelemetry.tracesEndpoint is a literal URL with the 'access_token' query parameter"],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
    expect(build).not.toThrow(SECRET);
  });
});

describe('secrets in the Kong container\'s env', () => {
  const deploy = (env: { [key: string]: string }) => () => new KongDeployment(stack(), 'kong', { gateway: gateway(), env });
  test.each([
    ['KONG_PG_PASSWORD', 'hunter2-hunter2'],
    ['KONG_ADMIN_TOKEN', SECRET],
    ['DD_API_KEY', '0123456789abcdef0123456789abcdef'],
    ['KONG_VAULT_SECRET', SECRET],
  ])('%s', (name, value) => {
    expect(deploy({ [name]: value })).toThrow(
      `KongDeployment 'kong': env ${name} holds a literal secret, which would be written in clear into the synthesized JSON and the Terraform state. `
      + `Fix: put it in a Kubernetes Secret and pass it through secretEnv: [{ name: '${name}', secretName: '<secret>', key: '<key>' }].`);
    expect(deploy({ [name]: value })).not.toThrow(value);
  });

  test('a connection URL with a password', () => {
    expect(deploy({ KONG_PG_URI: `postgres://kong:${SECRET}@db:5432/kong` })).toThrow(
      "KongDeployment 'kong': env KONG_PG_URI holds a literal URL with credentials");
  });

  test('through the facade, named by the user\'s prop path', () => {
    expect(() => new KongMonitoring(stack(), 'kong', { gateway: gateway(), prometheus: {}, kubernetes: { deploy: true, env: { KONG_PG_PASSWORD: 'hunter2-hunter2' } } })).toThrow(
      "KongMonitoring 'kong' (stack/kong): kubernetes.env KONG_PG_PASSWORD holds a literal secret");
  });

  test.each([
    ['KONG_SSL_CERT_KEY', '/etc/secrets/tls/tls.key'],
    ['KONG_NGINX_WORKER_PROCESSES', '2'],
    ['KONG_PG_PASSWORD', '{vault://env/pg-password}'],
    ['KONG_LUA_SSL_TRUSTED_CERTIFICATE', 'system'],
  ])('%s=%s is not a secret', (name, value) => {
    expect(deploy({ [name]: value })).not.toThrow();
  });
});
