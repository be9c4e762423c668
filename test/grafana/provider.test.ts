import { body, expectValidAgainstSchema, synth } from './helpers';
import { Folder, GrafanaProvider } from '../../src/grafana/provider';
import { TerraformVariable } from '../../src/internal/cdktf';

describe('GrafanaProvider', () => {
  test('writes required_providers.grafana with the grafana/grafana source and a 4.x constraint', () => {
    const s = synth((stack) => {
      new GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com' });
    });
    const required = s.parsed.terraform.required_providers.grafana;
    expect(required.source).toBe('grafana/grafana');
    // A constraint (not an exact pin) on the major the schema subset describes.
    expect(required.version).toBe('~> 4.45');
  });

  test('maps camelCase settings to the provider block and takes the auth token by reference', () => {
    const s = synth((stack) => {
      const auth = new TerraformVariable(stack, 'grafana_auth', { type: 'string', sensitive: true });
      new GrafanaProvider(stack, 'grafana', {
        url: 'https://grafana.example.com',
        auth: auth.stringValue,
        orgId: 2,
        retries: 5,
        retryWait: 2,
        retryStatusCodes: ['429', '5xx'],
        insecureSkipVerify: false,
        httpHeaders: { 'X-Team': 'platform' },
        storeDashboardSha256: true,
        frontendO11yApiUrl: 'https://faro.example.com',
      });
    });
    expect(s.json).toHaveProviderWithProperties(GrafanaProvider, { url: 'https://grafana.example.com' });
    const p = s.parsed.provider.grafana[0];
    expect(p.auth).toBe('${var.grafana_auth}');
    expect(p.org_id).toBe(2);
    expect(p.retries).toBe(5);
    expect(p.retry_wait).toBe(2);
    expect(p.retry_status_codes).toEqual(['429', '5xx']);
    expect(p.insecure_skip_verify).toBe(false);
    expect(p.http_headers).toEqual({ 'X-Team': 'platform' });
    expect(p.store_dashboard_sha256).toBe(true);
    expect(p.frontend_o11y_api_url).toBe('https://faro.example.com');
    expectValidAgainstSchema(s, 0);
  });

  test('an aliased provider is selected by a resource', () => {
    const s = synth((stack) => {
      const eu = new GrafanaProvider(stack, 'eu', { alias: 'eu', url: 'https://eu.grafana.example.com' });
      new Folder(stack, 'kong', { title: 'Kong', provider: eu });
    });
    expect(s.parsed.provider.grafana[0].alias).toBe('eu');
    expect(body(s, 'grafana_folder', 'kong').provider).toBe('grafana.eu');
    expectValidAgainstSchema(s, 1);
  });
});
