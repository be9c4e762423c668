// Notification targets that would break the templates they are written into, and per-signal
// Datadog entries that went nowhere or were never checked.
import { Testing, TerraformStack } from 'cdktf';
import {
  DatadogMonitors,
  GrafanaAlertingPolicy,
  GrafanaNotifier,
  HealthAlerting,
  KongGateway,
  KongMonitoring,
  SignalId,
} from '../../src';
import { annotationsOf } from '../support/synth';

const stack = () => new TerraformStack(Testing.app(), 'stack');
const gateway = () => KongGateway.dbLess({ name: 'edge' });

describe('template syntax in handles and contact details', () => {
  // Datadog monitor messages are templates: `{{/is_alert}}` in a handle closes the block early
  // (docs.datadoghq.com/monitors/notify/variables/#conditional-variables).
  test('a Datadog handle that injects template syntax', () => {
    expect(() => new DatadogMonitors(stack(), 'monitors', { gateway: gateway(), notify: { critical: ['@pd{{/is_alert}}'] } })).toThrow(
      "DatadogMonitors 'monitors': notify.critical has '@pd{{/is_alert}}', which is not a Datadog handle: '{' and '}' would change the monitor's message template. "
      + "Fix: write it as an @-mention of letters, digits, '-', '_', '.', '+' and '@' (an email), e.g. '@pagerduty-kong'.");
    expect(() => new KongMonitoring(stack(), 'kong', { gateway: gateway(), datadog: { notify: { fallback: ['@slack-{{#is_warning}}'] } } })).toThrow(
      "KongMonitoring 'kong' (stack/kong): datadog.notify.fallback has '@slack-{{#is_warning}}', which is not a Datadog handle");
  });

  test.each<[string, () => GrafanaNotifier, string]>([
    ['an email address', () => GrafanaNotifier.email({ addresses: ['{{ .CommonLabels.team }}@example.com'] }),
      "GrafanaNotifier.email: addresses[0] '{{ .CommonLabels.team }}@example.com' holds '{{' or '}}', which Grafana reads as template syntax. Fix: write the value literally, without '{{' and '}}'."],
    ['a Slack recipient', () => GrafanaNotifier.slack({ token: '${var.token}', recipient: '#kong-{{ .Status }}' }),
      "GrafanaNotifier.slack: recipient '#kong-{{ .Status }}' holds '{{' or '}}'"],
    ['a webhook URL', () => GrafanaNotifier.webhook({ url: 'https://hooks.example.com/{{ .GroupKey }}' }),
      "GrafanaNotifier.webhook: url 'https://hooks.example.com/{{ .GroupKey }}' holds '{{' or '}}'"],
  ])('%s', (_what, build, message) => {
    expect(build).toThrow(message);
  });

  test('a runbook URL, which goes into templated annotations', () => {
    expect(() => KongGateway.dbLess({ name: 'edge', runbookBaseUrl: 'https://runbooks.example.com/{{ $labels.signal }}' })).toThrow(
      "KongGateway 'edge': runbookBaseUrl 'https://runbooks.example.com/{{ $labels.signal }}' holds '{{' or '}}', which Prometheus and Grafana read as template syntax. Fix: give the base URL literally; the signal id is appended.");
  });
});

describe('per-signal Datadog entries', () => {
  const notify = { fallback: ['@slack-kong'] };
  test('a signal the gateway does not have is refused by the facade, not ignored', () => {
    expect(() => new KongMonitoring(stack(), 'kong', {
      gateway: gateway(),
      datadog: { notify, signals: [{ signal: SignalId.CONTROL_PLANE_CONNECTED, enabled: false }] },
    })).toThrow(
      "KongMonitoring 'kong' (stack/kong): datadog.signals configures 'control-plane-connected', which this gateway does not have (its mode, Kong version or signalOverrides leave it out). Fix: remove the entry; the gateway's signals are");
  });

  test('...and by a practice used on its own', () => {
    expect(() => new HealthAlerting(stack(), 'alerting', {
      gateway: gateway(),
      datadog: { notify, signals: [{ signal: SignalId.DATA_PLANE_CONFIG_DRIFT, notify: { critical: ['@pagerduty-kong'] } }] },
    })).toThrow("HealthAlerting 'alerting': datadog.signals configures 'data-plane-config-drift', which this gateway does not have");
  });

  test('handles of an entry for the other practice\'s signal are checked too', () => {
    expect(() => new HealthAlerting(stack(), 'alerting', {
      gateway: gateway(),
      datadog: { notify, signals: [{ signal: SignalId.READY_NODES_BELOW_EXPECTED, notify: { critical: ['pagerduty kong'] } }] },
    })).toThrow("HealthAlerting 'alerting': datadog.signals['ready-nodes-below-expected'].notify.critical has 'pagerduty kong', which is not a Datadog handle");
  });

  test('an entry for a practice that is switched off is said, not silently dropped', () => {
    const s = stack();
    new KongMonitoring(s, 'kong', {
      gateway: gateway(),
      datadog: { notify, signals: [{ signal: SignalId.READY_NODES_BELOW_EXPECTED, notify: { critical: ['@pagerduty-kong'] } }] },
      practices: { allNodesMonitored: false },
    });
    expect(annotationsOf(s, 'warn')).toContainEqual(expect.stringContaining(
      "KongMonitoring 'kong' (stack/kong): datadog.signals configures 'ready-nodes-below-expected', which only AllNodesMonitored alerts on, and practices.allNodesMonitored is false: the entry has no effect."));
  });

  test('a signal listed twice', () => {
    expect(() => new KongMonitoring(stack(), 'kong', {
      gateway: gateway(),
      datadog: { notify, signals: [{ signal: SignalId.NODE_READY }, { signal: SignalId.NODE_READY, enabled: false }] },
    })).toThrow("KongMonitoring 'kong' (stack/kong): datadog.signals lists 'node-ready' twice. Fix: merge the two entries into one.");
  });
});

describe('Grafana contact points referenced by name', () => {
  test('a typo in defaultContactPoint is reported as defaultContactPoint', () => {
    expect(() => new GrafanaAlertingPolicy(stack(), 'alerting', {
      contactPoints: [{ name: 'kong-email', notifiers: [GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }],
      defaultContactPoint: 'kong-emial',
    })).toThrow("GrafanaAlertingPolicy 'alerting': defaultContactPoint 'kong-emial' is not one of the contact points. Fix: use one of kong-email, or add it to contactPoints.");
  });
});
