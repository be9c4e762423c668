import { body, expectValidAgainstSchema, synth } from './helpers';
import { ContactPoint } from '../../src/grafana/provider';
import { TerraformVariable } from '../../src/internal/cdktf';

describe('ContactPoint', () => {
  test('slack, pagerduty, email and webhook integrations are block arrays with secrets by reference', () => {
    const s = synth((stack) => {
      const slackUrl = new TerraformVariable(stack, 'slack_webhook_url', { type: 'string', sensitive: true });
      const pdKey = new TerraformVariable(stack, 'pagerduty_integration_key', { type: 'string', sensitive: true });
      const hookPassword = new TerraformVariable(stack, 'webhook_password', { type: 'string', sensitive: true });
      new ContactPoint(stack, 'kong', {
        name: 'kong-oncall',
        slack: [{ url: slackUrl.stringValue, title: '{{ template "kong.title" . }}', mentionChannel: 'here', disableResolveMessage: false }],
        pagerduty: [{ integrationKey: pdKey.stringValue, severity: 'critical', class: 'kong', component: 'gateway', details: { cluster: 'edge' } }],
        email: [{ addresses: ['sre@example.com', 'kong@example.com'], singleEmail: true, subject: 'Kong alert' }],
        webhook: [{
          url: 'https://hooks.example.com/kong',
          httpMethod: 'POST',
          basicAuthUser: 'grafana',
          basicAuthPassword: hookPassword.stringValue,
          maxAlerts: 10,
          headers: { 'X-Source': 'grafana' },
          hmacConfig: { secret: hookPassword.stringValue, header: 'X-Signature' },
          payload: { template: '{{ .CommonLabels.alertname }}', vars: { team: 'platform' } },
        }],
      });
    });
    expect(s.json).toHaveResourceWithProperties(ContactPoint, { name: 'kong-oncall' });
    const cp = body(s, 'grafana_contact_point', 'kong');
    expect(cp.slack).toEqual([{
      url: '${var.slack_webhook_url}',
      title: '{{ template "kong.title" . }}',
      mention_channel: 'here',
      disable_resolve_message: false,
    }]);
    expect(cp.pagerduty[0].integration_key).toBe('${var.pagerduty_integration_key}');
    expect(cp.pagerduty[0].class).toBe('kong');
    expect(cp.pagerduty[0].details).toEqual({ cluster: 'edge' });
    expect(cp.email[0].addresses).toEqual(['sre@example.com', 'kong@example.com']);
    expect(cp.email[0].single_email).toBe(true);
    const hook = cp.webhook[0];
    expect(hook.basic_auth_password).toBe('${var.webhook_password}');
    expect(hook.http_method).toBe('POST');
    expect(hook.max_alerts).toBe(10);
    expect(hook.headers).toEqual({ 'X-Source': 'grafana' });
    expect(hook.hmac_config).toEqual([{ secret: '${var.webhook_password}', header: 'X-Signature' }]);
    expect(hook.payload).toEqual([{ template: '{{ .CommonLabels.alertname }}', vars: { team: 'platform' } }]);
    expect(cp.teams).toBeUndefined();
    expectValidAgainstSchema(s, 1);
  });

  test('an integration can repeat (two Slack channels)', () => {
    const s = synth((stack) => {
      new ContactPoint(stack, 'kong', {
        name: 'kong-slack',
        slack: [{ token: '${var.slack_token}', recipient: '#kong' }, { token: '${var.slack_token}', recipient: '#sre' }],
      });
    });
    expect(body(s, 'grafana_contact_point', 'kong').slack.map((x: any) => x.recipient)).toEqual(['#kong', '#sre']);
    expectValidAgainstSchema(s, 1);
  });

  test('refuses a contact point without any integration, naming it', () => {
    expect(() => synth((stack) => {
      new ContactPoint(stack, 'empty', { name: 'kong-nowhere', slack: [] });
    })).toThrow(/grafana_contact_point "kong-nowhere" \(test\/empty\): give at least one integration/);
  });
});
