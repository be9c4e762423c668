import { body, expectValidAgainstSchema, synth } from './helpers';
import {
  ContactPoint,
  ContactPointConfig,
  ContactPointEmail,
  ContactPointOpsgenie,
  ContactPointPagerduty,
  ContactPointSlack,
  ContactPointTeams,
  ContactPointWebhook,
  Dashboard,
  DashboardConfig,
  Folder,
  FolderConfig,
  GrafanaProvider,
  GrafanaProviderConfig,
  MessageTemplate,
  MessageTemplateConfig,
  MuteTiming,
  MuteTimingConfig,
  MuteTimingIntervals,
  NotificationPolicy,
  NotificationPolicyConfig,
  NotificationPolicyPolicy,
  RuleGroup,
  RuleGroupConfig,
  RuleGroupRule,
  RuleGroupRuleData,
} from '../../src/grafana/provider';
import { TerraformMetaArguments } from '../../src/internal/cdktf';

// Every field of every config below is set: `Required<...>` makes the type checker fail
// this file when a config gains a field the test does not exercise.
type Full<T> = Required<Omit<T, keyof TerraformMetaArguments>>;

const SECRET = '${var.secret}';

const providerConfig: Required<GrafanaProviderConfig> = {
  alias: 'full',
  auth: SECRET,
  url: 'https://grafana.example.com',
  caCert: 'ca.pem',
  tlsCert: 'c.pem',
  tlsKey: SECRET,
  insecureSkipVerify: false,
  orgId: 1,
  retries: 3,
  retryStatusCodes: ['429'],
  retryWait: 1,
  httpHeaders: { 'X-Org': 'kong' },
  storeDashboardSha256: true,
  stackId: 7,
  cloudAccessPolicyToken: SECRET,
  cloudApiUrl: 'https://grafana.com',
  cloudProviderAccessToken: SECRET,
  cloudProviderUrl: 'https://cp.example.com',
  connectionsApiAccessToken: SECRET,
  connectionsApiUrl: 'https://conn.example.com',
  fleetManagementAuth: SECRET,
  fleetManagementUrl: 'https://fm.example.com',
  frontendO11yApiAccessToken: SECRET,
  frontendO11yApiUrl: 'https://faro.example.com',
  k6AccessToken: SECRET,
  k6Url: 'https://k6.example.com',
  oncallAccessToken: SECRET,
  oncallUrl: 'https://oncall.example.com',
  smAccessToken: SECRET,
  smUrl: 'https://sm.example.com',
};

const folderConfig: Full<FolderConfig> = {
  title: 'Kong', uid: 'kong', parentFolderUid: 'platform', preventDestroyIfNotEmpty: true, orgId: '1',
};

const dashboardConfig: Full<DashboardConfig> = {
  configJson: '{"uid":"kong"}', folder: 'kong', overwrite: true, message: 'm', orgId: '1',
};

const data: Required<RuleGroupRuleData> = {
  refId: 'A', datasourceUid: 'prom', model: '{"expr":"up"}', queryType: 'range', relativeTimeRange: { from: 600, to: 0 },
};
const alertRule: Required<RuleGroupRule> = {
  name: 'alert',
  data: [data],
  uid: 'kong-alert',
  condition: 'A',
  for: '5m',
  keepFiringFor: '1m',
  noDataState: 'OK',
  execErrState: 'Error',
  labels: { a: 'b' },
  annotations: { summary: 's' },
  isPaused: true,
  missingSeriesEvalsToResolve: 2,
  notificationSettings: {
    contactPoint: 'cp',
    groupBy: ['alertname', 'grafana_folder'],
    groupWait: '1s',
    groupInterval: '2s',
    repeatInterval: '3s',
    muteTimings: ['m'],
    activeTimings: ['a'],
  },
  record: { from: 'A', metric: 'kong:up', targetDatasourceUid: 'prom' },
};
const ruleGroupConfig: Full<RuleGroupConfig> = {
  name: 'g', folderUid: 'kong', intervalSeconds: 60, rule: [alertRule], disableProvenance: true, orgId: '1',
};

const email: Required<ContactPointEmail> = {
  addresses: ['a@example.com'], singleEmail: true, subject: 's', message: 'm', disableResolveMessage: true, settings: { k: 'v' },
};
const slack: Required<ContactPointSlack> = {
  url: SECRET,
  token: SECRET,
  recipient: '#kong',
  endpointUrl: 'https://slack.example.com',
  title: 't',
  text: 'x',
  color: 'red',
  username: 'u',
  iconEmoji: ':k:',
  iconUrl: 'https://i',
  mentionChannel: 'here',
  mentionUsers: 'U1',
  mentionGroups: 'G1',
  disableResolveMessage: true,
  settings: { k: 'v' },
};
const pagerduty: Required<ContactPointPagerduty> = {
  integrationKey: SECRET,
  severity: 'critical',
  class: 'c',
  component: 'gw',
  group: 'g',
  source: 's',
  summary: 'm',
  client: 'Grafana',
  clientUrl: 'https://g',
  details: { k: 'v' },
  url: 'https://events',
  disableResolveMessage: true,
  settings: { k: 'v' },
};
const webhook: Required<ContactPointWebhook> = {
  url: SECRET,
  httpMethod: 'PUT',
  basicAuthUser: 'u',
  basicAuthPassword: SECRET,
  authorizationScheme: 'Bearer',
  authorizationCredentials: SECRET,
  headers: { 'X-A': 'b' },
  maxAlerts: 5,
  title: 't',
  message: 'm',
  tlsConfig: { insecure_skip_verify: 'false' },
  hmacConfig: { secret: SECRET, header: 'X-Sig', timestampHeader: 'X-Ts' },
  httpConfig: {
    oauth2: {
      clientId: 'id',
      clientSecret: SECRET,
      tokenUrl: 'https://token',
      scopes: ['alerts'],
      endpointParams: { aud: 'x' },
      proxyConfig: { proxyUrl: 'http://proxy', noProxy: 'localhost', proxyFromEnvironment: false, proxyConnectHeader: { 'X-P': 'y' } },
      tlsConfig: { caCertificate: SECRET, clientCertificate: SECRET, clientKey: SECRET, insecureSkipVerify: false },
    },
  },
  payload: { template: '{{ . }}', vars: { a: 'b' } },
  disableResolveMessage: true,
  settings: { k: 'v' },
};
const teams: Required<ContactPointTeams> = {
  url: SECRET, title: 't', sectionTitle: 's', message: 'm', disableResolveMessage: true, settings: { k: 'v' },
};
const opsgenie: Required<ContactPointOpsgenie> = {
  apiKey: SECRET,
  url: 'https://api.eu.opsgenie.com',
  message: 'm',
  description: 'd',
  autoClose: true,
  overridePriority: true,
  sendTagsAs: 'both',
  responders: [{ type: 'team', id: '1', name: 'n', username: 'u' }],
  disableResolveMessage: true,
  settings: { k: 'v' },
};
const contactPointConfig: Full<ContactPointConfig> = {
  name: 'cp',
  email: [email],
  slack: [slack],
  pagerduty: [pagerduty],
  webhook: [webhook],
  teams: [teams],
  opsgenie: [opsgenie],
  disableProvenance: true,
  orgId: '1',
};

const leafPolicy: NotificationPolicyPolicy = { groupBy: ['...'] };
const policy: Required<NotificationPolicyPolicy> = {
  matcher: [{ label: 'severity', match: '=', value: 'critical' }],
  contactPoint: 'cp',
  continue: true,
  groupBy: ['alertname'],
  groupWait: '1s',
  groupInterval: '2s',
  repeatInterval: '3s',
  muteTimings: ['m'],
  activeTimings: ['a'],
  policy: [leafPolicy],
};
const notificationPolicyConfig: Full<NotificationPolicyConfig> = {
  contactPoint: 'cp',
  groupBy: ['...'],
  groupWait: '1s',
  groupInterval: '2s',
  repeatInterval: '3s',
  policy: [policy],
  disableProvenance: true,
  orgId: '1',
};

const interval: Required<MuteTimingIntervals> = {
  times: [{ start: '00:00', end: '01:00' }],
  weekdays: ['monday'],
  daysOfMonth: ['1'],
  months: ['1'],
  years: ['2030'],
  location: 'UTC',
};
const muteTimingConfig: Full<MuteTimingConfig> = { name: 'm', intervals: [interval], disableProvenance: true, orgId: '1' };

const messageTemplateConfig: Full<MessageTemplateConfig> = { name: 't', template: '{{ define "t" }}{{ end }}', disableProvenance: true, orgId: '1' };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Lists config fields that did not reach the synthesized body under their snake_case
 * name. Structs recurse (a block is an array in the output); maps are leaves.
 */
function unwritten(config: Record<string, unknown>, written: any, path: string): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    const name = snake(key);
    const out = written?.[name];
    if (out === undefined) {
      missing.push(`${path}.${name}`);
    } else if (Array.isArray(value) && isPlainObject(value[0])) {
      value.forEach((v, i) => missing.push(...unwritten(v as Record<string, unknown>, out[i], `${path}.${name}[${i}]`)));
    } else if (isPlainObject(value) && Array.isArray(out)) {
      missing.push(...unwritten(value, out[0], `${path}.${name}[0]`));
    }
  }
  return missing;
}

describe('every config field writes an attribute the provider schema has', () => {
  const s = synth((stack) => {
    new GrafanaProvider(stack, 'grafana', providerConfig);
    new Folder(stack, 'folder', folderConfig);
    new Dashboard(stack, 'dashboard', dashboardConfig);
    new RuleGroup(stack, 'rules', ruleGroupConfig);
    new ContactPoint(stack, 'cp', contactPointConfig);
    new NotificationPolicy(stack, 'policy', notificationPolicyConfig);
    new MuteTiming(stack, 'mute', muteTimingConfig);
    new MessageTemplate(stack, 'tpl', messageTemplateConfig);
  });

  test.each([
    ['grafana_folder', 'folder', folderConfig],
    ['grafana_dashboard', 'dashboard', dashboardConfig],
    ['grafana_rule_group', 'rules', ruleGroupConfig],
    ['grafana_contact_point', 'cp', contactPointConfig],
    ['grafana_notification_policy', 'policy', notificationPolicyConfig],
    ['grafana_mute_timing', 'mute', muteTimingConfig],
    ['grafana_message_template', 'tpl', messageTemplateConfig],
  ])('%s writes every field it is given', (type, id, config) => {
    expect(unwritten(config as Record<string, unknown>, body(s, type, id), type)).toEqual([]);
  });

  test('the provider writes every field it is given', () => {
    expect(unwritten(providerConfig as unknown as Record<string, unknown>, s.parsed.provider.grafana[0], 'provider.grafana')).toEqual([]);
  });

  test('and the whole stack, provider block included, passes the schema subset', () => {
    expectValidAgainstSchema(s, 7);
  });

  test('the field walk notices a field that was not written', () => {
    expect(unwritten({ title: 'x', parentFolderUid: 'p', nested: [{ deepField: 1 }] }, { title: 'x', nested: [{}] }, 'r'))
      .toEqual(['r.parent_folder_uid', 'r.nested[0].deep_field']);
  });
});
