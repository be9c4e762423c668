import { Construct } from 'constructs';
import { expectValidAgainstSchema, only, resources, synth } from './helpers';
import { Duration } from '../../src/core/duration';
import { GrafanaAlertRules, GrafanaAlertingPolicy, GrafanaAlertingPolicyProps, GrafanaNotifier, Weekday } from '../../src/grafana';
import { GrafanaProvider } from '../../src/grafana/provider/provider';
import { TerraformStack, TerraformVariable, Testing } from '../../src/internal/cdktf';
import { hybridControlPlane, hybridDataPlane, traditionalGateway } from '../prometheus/helpers';

function secret(scope: Construct, name: string): string {
  return new TerraformVariable(scope, name, { type: 'string', sensitive: true }).stringValue;
}

function fullProps(stack: TerraformStack): GrafanaAlertingPolicyProps {
  return {
    contactPoints: [
      { name: 'kong-oncall', notifiers: [GrafanaNotifier.pagerDuty({ integrationKey: secret(stack, 'pagerduty_key') })] },
      {
        name: 'kong-team',
        notifiers: [
          GrafanaNotifier.slack({ url: secret(stack, 'slack_url'), mentionChannel: 'here' }),
          GrafanaNotifier.email({ addresses: ['kong-team@example.com'] }),
        ],
      },
      { name: 'audit', notifiers: [GrafanaNotifier.webhook({ url: 'https://audit.example.com/alerts', authorizationScheme: 'Bearer', authorizationCredentials: secret(stack, 'audit_token') })] },
    ],
    defaultContactPoint: 'kong-team',
    criticalContactPoint: 'kong-oncall',
    warningContactPoint: 'kong-team',
    maintenanceWindows: [
      { name: 'weekly-maintenance', weekdays: [Weekday.SATURDAY, Weekday.SUNDAY], startTime: '02:00', endTime: '04:00', location: 'Europe/Berlin' },
    ],
    gateways: [{ gateway: traditionalGateway(), maintenanceWindows: ['weekly-maintenance'] }],
  };
}

describe('GrafanaAlertingPolicy', () => {
  test('contact points, policy, mute timing and template are valid against the provider schema', () => {
    const s = synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', fullProps(stack)));
    // 3 contact points + policy + mute timing + message template
    expectValidAgainstSchema(s, 6);
  });

  test('contact points carry Slack, PagerDuty, email and webhook integrations with the kong templates', () => {
    const s = synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', fullProps(stack)));
    const cps = Object.values(resources(s, 'grafana_contact_point')) as any[];
    const byName = Object.fromEntries(cps.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['audit', 'kong-oncall', 'kong-team']);
    expect(byName['kong-oncall'].pagerduty).toEqual([{ integration_key: '${var.pagerduty_key}', severity: 'critical', summary: '{{ template "kong.title" . }}', component: 'kong' }]);
    expect(byName['kong-team'].slack).toEqual([{ url: '${var.slack_url}', mention_channel: 'here', title: '{{ template "kong.title" . }}', text: '{{ template "kong.message" . }}' }]);
    expect(byName['kong-team'].email).toEqual([{ addresses: ['kong-team@example.com'], single_email: false, subject: '{{ template "kong.title" . }}', message: '{{ template "kong.message" . }}' }]);
    expect(byName.audit.webhook[0]).toMatchObject({ url: 'https://audit.example.com/alerts', authorization_scheme: 'Bearer', authorization_credentials: '${var.audit_token}' });
    for (const cp of cps) expect(cp.depends_on).toEqual([expect.stringMatching(/^grafana_message_template\./)]);
    const variables = s.parsed.variable;
    expect(Object.values(variables).every((v: any) => v.sensitive === true)).toBe(true);
  });

  test('the message template defines kong.title and kong.message', () => {
    const s = synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', fullProps(stack)));
    const tpl = only(s, 'grafana_message_template');
    expect(tpl.name).toBe('kong');
    expect(tpl.template).toContain('{{ define "kong.title" }}');
    expect(tpl.template).toContain('{{ define "kong.message" }}');
    expect(tpl.template).toContain('.Annotations.runbook_url');
    expect(tpl.template).not.toMatch(/\$\{/);
  });

  test('policy tree: per-gateway route with severity children, then severity fallbacks; timings and grouping', () => {
    const s = synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', fullProps(stack)));
    const policy = only(s, 'grafana_notification_policy');
    const ref = (name: string) => expect.stringMatching(new RegExp(`^\\$\\{grafana_contact_point\\.alerting_contact-point-${name}_[A-F0-9]+\\.name\\}$`));
    expect(policy.contact_point).toEqual(ref('kong-team'));
    expect(policy.group_by).toEqual(['grafana_folder', 'alertname', 'kong_gateway', 'kong_environment']);
    expect([policy.group_wait, policy.group_interval, policy.repeat_interval]).toEqual(['30s', '5m', '4h']);
    expect(policy.policy).toHaveLength(3);
    const [gateway, critical, warning] = policy.policy;
    expect(gateway.matcher).toEqual([
      { label: 'kong_gateway', match: '=', value: 'edge' },
      { label: 'kong_environment', match: '=', value: 'production' },
    ]);
    const mute = expect.stringMatching(/^\$\{grafana_mute_timing\..+\.name\}$/);
    expect(gateway.mute_timings).toEqual([mute]);
    expect(gateway.policy.map((p: any) => [p.matcher, p.contact_point, p.repeat_interval, p.mute_timings])).toEqual([
      [[{ label: 'severity', match: '=', value: 'critical' }], ref('kong-oncall'), '1h', [mute]],
      [[{ label: 'severity', match: '=~', value: 'warning|info' }], ref('kong-team'), '4h', [mute]],
    ]);
    expect([critical.matcher, critical.contact_point, critical.mute_timings]).toEqual([[{ label: 'severity', match: '=', value: 'critical' }], ref('kong-oncall'), undefined]);
    expect([warning.matcher, warning.contact_point]).toEqual([[{ label: 'severity', match: '=~', value: 'warning|info' }], ref('kong-team')]);
    expect(policy.depends_on).toHaveLength(4);
  });

  test('one policy for several gateways: addGateway adds child routes before the fallbacks, with per-gateway contact points', () => {
    const s = synth((stack) => {
      const policy = new GrafanaAlertingPolicy(stack, 'alerting', fullProps(stack));
      policy.addGateway({ gateway: hybridControlPlane(), criticalContactPoint: 'audit' });
      policy.addGateway({ gateway: hybridDataPlane() });
    });
    const policy = only(s, 'grafana_notification_policy');
    expect(policy.policy.map((p: any) => p.matcher.map((m: any) => m.value).join('/'))).toEqual([
      'edge/production', 'edge-cp/production', 'edge-dp/production', 'critical', 'warning|info',
    ]);
    expect(policy.policy[1].policy[0].contact_point).toMatch(/contact-point-audit/);
    expect(policy.policy[2].policy[0].contact_point).toMatch(/contact-point-kong-oncall/);
    expect(policy.policy[2].mute_timings).toBeUndefined();
    expectValidAgainstSchema(s, 6);
  });

  test('routes match the labels the rules carry', () => {
    const s = synth((stack) => {
      new GrafanaAlertingPolicy(stack, 'alerting', fullProps(stack));
      new GrafanaAlertRules(stack, 'rules', { gateway: traditionalGateway(), datasourceUid: 'prom' });
    });
    const policy = only(s, 'grafana_notification_policy');
    const rules = only(s, 'grafana_rule_group').rule as any[];
    // Alertmanager's matchers: `=` equality, `=~` a fully anchored regex.
    const matches = (labels: any, matchers: any[]) => matchers.every((m) =>
      m.match === '=~' ? new RegExp(`^(?:${m.value})$`).test(labels[m.label] ?? '') : labels[m.label] === m.value);
    const severities = new Set<string>();
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const gatewayRoute = policy.policy.find((p: any) => matches(rule.labels, p.matcher));
      expect(gatewayRoute.matcher[0].value).toBe('edge');
      const leaf = gatewayRoute.policy.filter((p: any) => matches(rule.labels, p.matcher));
      expect(leaf).toHaveLength(1);
      severities.add(rule.labels.severity);
    }
    // Every severity the rules use is routed: info goes where warnings go, never to the pager.
    expect([...severities].sort()).toEqual(['critical', 'info', 'warning']);
  });

  test('mute timing: weekdays, times and location', () => {
    const s = synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', fullProps(stack)));
    expect(only(s, 'grafana_mute_timing')).toEqual({
      name: 'weekly-maintenance',
      intervals: [{ weekdays: ['saturday', 'sunday'], times: [{ start: '02:00', end: '04:00' }], location: 'Europe/Berlin' }],
    });
  });

  test('custom timings and grouping', () => {
    const s = synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', {
      ...fullProps(stack),
      groupBy: ['...'],
      groupWait: Duration.seconds(10),
      groupInterval: Duration.minutes(1),
      repeatInterval: Duration.hours(12),
      criticalRepeatInterval: Duration.minutes(30),
    }));
    const policy = only(s, 'grafana_notification_policy');
    expect([policy.group_by, policy.group_wait, policy.group_interval, policy.repeat_interval]).toEqual([['...'], '10s', '1m', '12h']);
    expect(policy.policy[0].policy.map((p: any) => p.repeat_interval)).toEqual(['30m', '12h']);
  });

  test('no secret appears in the synthesized JSON', () => {
    const s = synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', fullProps(stack)));
    expect(s.json).not.toMatch(/hooks\.slack\.com/);
    expect(s.json).toContain('${var.slack_url}');
    expect(s.json).toContain('${var.pagerduty_key}');
  });

  describe('secrets must be sensitive Terraform variables or references', () => {
    const withNotifier = (notifier: () => GrafanaNotifier) => () =>
      synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', { contactPoints: [{ name: 'cp', notifiers: [notifier()] }], defaultContactPoint: 'cp' }));
    test('a literal Slack webhook URL', () => {
      expect(withNotifier(() => GrafanaNotifier.slack({ url: 'https://hooks.slack.com/services/T000/B000/XXXX' }))).toThrow(
        "GrafanaAlertingPolicy 'alerting': contact point 'cp' slack url is a literal that looks like a Slack incoming webhook URL, a secret that would be written in clear into the synthesized JSON and the Terraform plan. Fix: declare `new TerraformVariable(this, '<name>', { type: 'string', sensitive: true })` and pass its `.stringValue` (or another resource's attribute) instead.");
    });
    test('a literal 32-character PagerDuty key', () => {
      expect(withNotifier(() => GrafanaNotifier.pagerDuty({ integrationKey: '0123456789abcdef0123456789abcdef' }))).toThrow(
        /contact point 'cp' pagerduty integrationKey is a literal that looks like a PagerDuty integration key.*sensitive: true/);
    });
    test('any other literal secret', () => {
      expect(withNotifier(() => GrafanaNotifier.pagerDuty({ integrationKey: 'not-a-real-key' }))).toThrow(
        /pagerduty integrationKey is a literal, but it holds a secret and would be written in clear into the synthesized JSON\. Fix: declare `new TerraformVariable/);
      expect(withNotifier(() => GrafanaNotifier.slack({ token: 'xoxb-123', recipient: '#kong' }))).toThrow(/slack token is a literal that looks like a Slack token/);
      expect(withNotifier(() => GrafanaNotifier.webhook({ url: 'https://x.example.com', authorizationCredentials: 'abc' }))).toThrow(/webhook authorizationCredentials is a literal/);
    });
    test('a reference to a Terraform variable that is not sensitive', () => {
      expect(() => synth((stack) => {
        const plain = new TerraformVariable(stack, 'slack_url', { type: 'string' });
        new GrafanaAlertingPolicy(stack, 'alerting', { contactPoints: [{ name: 'cp', notifiers: [GrafanaNotifier.slack({ url: plain.stringValue })] }], defaultContactPoint: 'cp' });
      })).toThrow("GrafanaAlertingPolicy 'alerting': contact point 'cp' slack url comes from Terraform variable 'slack_url', which is not sensitive, so plans would print the secret. Fix: declare the variable with sensitive: true.");
    });
    test('credentials inside a literal webhook URL, or a Slack hook given as a webhook', () => {
      expect(withNotifier(() => GrafanaNotifier.webhook({ url: 'https://user:pass@hooks.example.com/x' }))).toThrow(/webhook url is a literal URL with credentials, a secret/);
      expect(withNotifier(() => GrafanaNotifier.webhook({ url: 'https://hooks.example.com/x?token=abc' }))).toThrow(/webhook url is a literal URL with the 'token' query parameter, a secret/);
      expect(withNotifier(() => GrafanaNotifier.webhook({ url: 'https://hooks.slack.com/services/T/B/X' }))).toThrow(/webhook url is a literal Slack incoming webhook URL, which is a secret. Fix: use GrafanaNotifier.slack/);
    });
  });

  describe('validation', () => {
    const build = (change: (p: GrafanaAlertingPolicyProps) => GrafanaAlertingPolicyProps) => () =>
      synth((stack) => new GrafanaAlertingPolicy(stack, 'alerting', change(fullProps(stack))));
    const window = (w: any) => build((p) => ({ ...p, maintenanceWindows: [{ name: 'w', ...w }], gateways: [] }));

    test('contact points', () => {
      expect(build((p) => ({ ...p, contactPoints: [] }))).toThrow("GrafanaAlertingPolicy 'alerting': contactPoints is empty. Fix: give at least one contact point with one notifier.");
      expect(build((p) => ({ ...p, contactPoints: [...p.contactPoints, p.contactPoints[0]] }))).toThrow("contact point 'kong-oncall' is defined twice");
      expect(build((p) => ({ ...p, contactPoints: [...p.contactPoints, { name: 'empty', notifiers: [] }] }))).toThrow("contact point 'empty' has no notifiers");
      expect(build((p) => ({ ...p, contactPoints: [...p.contactPoints, { name: '', notifiers: [] }] }))).toThrow('contactPoints[3].name is empty. Fix: give contactPoints[3].name a value.');
      expect(build((p) => ({ ...p, defaultContactPoint: 'nobody' }))).toThrow("GrafanaAlertingPolicy 'alerting': defaultContactPoint 'nobody' is not one of the contact points. Fix: use one of kong-oncall, kong-team, audit, or add it to contactPoints.");
      expect(build((p) => ({ ...p, gateways: [{ gateway: traditionalGateway(), warningContactPoint: 'x' }] }))).toThrow("gateway 'edge' warningContactPoint 'x' is not one of the contact points");
    });

    test('notifier fields', () => {
      const cp = (n: GrafanaNotifier) => build((p) => ({ ...p, contactPoints: [...p.contactPoints, { name: 'extra', notifiers: [n] }] }));
      expect(cp(GrafanaNotifier.email({ addresses: [] }))).toThrow("contact point 'extra' email has no addresses");
      expect(cp(GrafanaNotifier.email({ addresses: ['not-an-address'] }))).toThrow("contact point 'extra' email address 'not-an-address' is not an email address");
      expect(cp(GrafanaNotifier.slack({}))).toThrow("contact point 'extra' slack has neither url nor token");
      expect(cp(GrafanaNotifier.webhook({ url: 'ftp://x' }))).toThrow("contact point 'extra' webhook url 'ftp://x' is not an http(s) URL");
    });

    test('gateways and windows referenced by name', () => {
      expect(build((p) => ({ ...p, gateways: [{ gateway: traditionalGateway(), maintenanceWindows: ['nightly'] }] }))).toThrow(
        "GrafanaAlertingPolicy 'alerting': gateway 'edge' refers to unknown maintenance window 'nightly'. Fix: define it in maintenanceWindows first; known: weekly-maintenance.");
      expect(build((p) => ({ ...p, gateways: [{ gateway: traditionalGateway() }, { gateway: traditionalGateway() }] }))).toThrow("gateway 'edge' (production) is routed twice");
    });

    test('a maintenance window no route refers to mutes nothing and is refused at synth', () => {
      const unattached = () => {
        const stack = new TerraformStack(Testing.app(), 'test');
        new GrafanaProvider(stack, 'grafana', {});
        const props = fullProps(stack);
        new GrafanaAlertingPolicy(stack, 'alerting', { ...props, maintenanceWindows: [...props.maintenanceWindows!, { name: 'nightly', startTime: '01:00', endTime: '02:00' }] });
        Testing.synth(stack, true);
      };
      expect(unattached).toThrow(
        "GrafanaAlertingPolicy 'alerting': maintenance window 'nightly' is attached to no route, so it mutes nothing. "
        + "Fix: list it in the maintenanceWindows of the gateways it is meant for (gateways: [{ gateway, maintenanceWindows: ['nightly'] }]), or remove it.",
      );
      // A gateway added later with addGateway attaches it in time.
      const attachedLater = () => {
        const stack = new TerraformStack(Testing.app(), 'test');
        new GrafanaProvider(stack, 'grafana', {});
        const props = fullProps(stack);
        const policy = new GrafanaAlertingPolicy(stack, 'alerting', { ...props, maintenanceWindows: [...props.maintenanceWindows!, { name: 'nightly', startTime: '01:00', endTime: '02:00' }] });
        policy.addGateway({ gateway: hybridDataPlane(), maintenanceWindows: ['nightly'] });
        return JSON.parse(Testing.synth(stack, true));
      };
      const routes = (Object.values(attachedLater().resource.grafana_notification_policy)[0] as any).policy;
      const dataPlaneRoute = routes.find((r: any) => r.matcher?.some((m: any) => m.value === hybridDataPlane().name));
      expect(dataPlaneRoute.mute_timings).toEqual([expect.stringContaining('grafana_mute_timing.')]);
    });

    test('maintenance window times', () => {
      expect(window({ startTime: '2:00', endTime: '04:00' })).toThrow("maintenance window 'w' startTime '2:00' is not a time of day. Fix: write it as HH:MM on a 24-hour clock, from 00:00 to 24:00.");
      expect(window({ startTime: '02:00', endTime: '24:30' })).toThrow("endTime '24:30' is not a time of day");
      expect(window({ startTime: '23:00', endTime: '01:00' })).toThrow("maintenance window 'w' startTime 23:00 is not before endTime 01:00. Fix: split a window across midnight into two windows");
      expect(window({ startTime: '02:00' })).toThrow("maintenance window 'w' has only one of startTime and endTime");
      expect(window({ startTime: '22:00', endTime: '24:00' })).not.toThrow();
    });

    test('maintenance window days, months, years, location and name', () => {
      expect(window({ weekdays: ['funday'] })).toThrow("maintenanceWindows[0].weekdays[0] 'funday' is not a Weekday. Fix: use one of Weekday.MONDAY ('monday'),");
      expect(window({ weekdays: [] })).toThrow("maintenance window 'w' has an empty weekdays list");
      expect(window({ daysOfMonth: ['32'] })).toThrow("maintenance window 'w' day of month '32' is not valid");
      expect(window({ daysOfMonth: ['0'] })).toThrow(/day of month '0' is not valid/);
      expect(window({ daysOfMonth: ['1:7', '-1'] })).not.toThrow();
      expect(window({ months: ['13'] })).toThrow("maintenance window 'w' month '13' is not valid");
      expect(window({ months: ['3:1'] })).toThrow(/month '3:1' is not valid/);
      expect(window({ years: ['30'] })).toThrow("maintenance window 'w' year '30' is not valid");
      expect(window({ location: 'Berlin time' })).toThrow("maintenance window 'w' location 'Berlin time' is not an IANA time zone");
      expect(build((p) => ({ ...p, maintenanceWindows: [{ name: 'bad/name' }], gateways: [] }))).toThrow("maintenance window 'bad/name' has an invalid name");
      expect(build((p) => ({ ...p, maintenanceWindows: [{ name: 'w', months: ['1'] }, { name: 'w', months: ['2'] }], gateways: [] }))).toThrow("maintenance window 'w' is defined twice");
    });

    test('timings', () => {
      expect(build((p) => ({ ...p, groupInterval: Duration.hours(2), criticalRepeatInterval: Duration.hours(1) }))).toThrow(
        "GrafanaAlertingPolicy 'alerting': criticalRepeatInterval 1h is shorter than groupInterval 2h. Fix: set criticalRepeatInterval to at least the group interval.");
      expect(build((p) => ({ ...p, groupBy: [] }))).toThrow('groupBy is empty or has an empty label');
    });
  });
});
