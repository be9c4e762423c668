import { Construct } from 'constructs';
import {
  blockList,
  grafanaResourceConfig,
  mapStruct,
  singleBlock,
} from './internal/blocks';
import { checkConstructArguments } from '../../core/input-shape';
import {
  IResolvable,
  TerraformMetaArguments,
  TerraformResource,
  booleanToTerraform,
  hashMapper,
  listMapper,
  numberToTerraform,
  stringToTerraform,
} from '../../internal/cdktf';

/** An email integration (`email`). */
export interface ContactPointEmail {
  /** Recipient addresses. */
  readonly addresses: string[];
  /**
   * Send one email to all recipients instead of one each.
   * @default false
   */
  readonly singleEmail?: boolean | IResolvable;
  /**
   * Subject template.
   * @default - Grafana's default subject
   */
  readonly subject?: string;
  /**
   * Body template.
   * @default - Grafana's default message
   */
  readonly message?: string;
  /**
   * Do not notify when alerts resolve.
   * @default false
   */
  readonly disableResolveMessage?: boolean | IResolvable;
  /**
   * Extra raw integration settings (a sensitive map).
   * Pass sensitive TerraformVariable references, never literals.
   * @default - none
   */
  readonly settings?: { [key: string]: string };
}

/** A Slack integration (`slack`): set `url` (incoming webhook) or `token` with `recipient`. */
export interface ContactPointSlack {
  /**
   * Incoming webhook URL (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   * @default - none; then `token` is needed
   */
  readonly url?: string;
  /**
   * Bot token (sensitive), used with `recipient`.
   * Pass a sensitive TerraformVariable reference, never a literal.
   * @default - none; then `url` is needed
   */
  readonly token?: string;
  /**
   * Channel or user to post to (with `token`).
   * @default - the webhook's channel
   */
  readonly recipient?: string;
  /**
   * Alternative Slack API endpoint.
   * @default - Slack's API
   */
  readonly endpointUrl?: string;
  /**
   * Title template.
   * @default - Grafana's default title
   */
  readonly title?: string;
  /**
   * Body template.
   * @default - Grafana's default text
   */
  readonly text?: string;
  /**
   * Message color (template allowed).
   * @default - Grafana's default
   */
  readonly color?: string;
  /**
   * Bot user name.
   * @default - the app's name
   */
  readonly username?: string;
  /**
   * Bot icon emoji.
   * @default - the app's icon
   */
  readonly iconEmoji?: string;
  /**
   * Bot icon URL.
   * @default - the app's icon
   */
  readonly iconUrl?: string;
  /**
   * `here`, `channel` or empty.
   * @default - no channel mention
   */
  readonly mentionChannel?: string;
  /**
   * Comma-separated user ids to mention.
   * @default - none
   */
  readonly mentionUsers?: string;
  /**
   * Comma-separated group ids to mention.
   * @default - none
   */
  readonly mentionGroups?: string;
  /**
   * Do not notify when alerts resolve.
   * @default false
   */
  readonly disableResolveMessage?: boolean | IResolvable;
  /**
   * Extra raw integration settings (a sensitive map).
   * Pass sensitive TerraformVariable references, never literals.
   * @default - none
   */
  readonly settings?: { [key: string]: string };
}

/** A PagerDuty Events API v2 integration (`pagerduty`). */
export interface ContactPointPagerduty {
  /**
   * The service's integration (routing) key (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly integrationKey: string;
  /**
   * Severity: `critical`, `error`, `warning` or `info` (template allowed).
   * @default "critical" (Grafana)
   */
  readonly severity?: string;
  /**
   * Event class.
   * @default - none
   */
  readonly class?: string;
  /**
   * Event component.
   * @default - none
   */
  readonly component?: string;
  /**
   * Event group.
   * @default - none
   */
  readonly group?: string;
  /**
   * Event source.
   * @default - the Grafana host
   */
  readonly source?: string;
  /**
   * Summary template.
   * @default - Grafana's default summary
   */
  readonly summary?: string;
  /**
   * Client name shown in PagerDuty.
   * @default "Grafana"
   */
  readonly client?: string;
  /**
   * Client URL shown in PagerDuty.
   * @default - the Grafana URL
   */
  readonly clientUrl?: string;
  /**
   * Extra custom details.
   * @default - Grafana's default details
   */
  readonly details?: { [key: string]: string };
  /**
   * Alternative Events API URL.
   * @default - PagerDuty's Events API
   */
  readonly url?: string;
  /**
   * Do not notify when alerts resolve.
   * @default false
   */
  readonly disableResolveMessage?: boolean | IResolvable;
  /**
   * Extra raw integration settings (a sensitive map).
   * Pass sensitive TerraformVariable references, never literals.
   * @default - none
   */
  readonly settings?: { [key: string]: string };
}

/** HMAC signing of webhook requests (`webhook.hmac_config`). */
export interface ContactPointWebhookHmacConfig {
  /**
   * Signing secret (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly secret: string;
  /**
   * Header carrying the signature.
   * @default "X-Grafana-Alerting-Signature" (Grafana)
   */
  readonly header?: string;
  /**
   * Header carrying the signed timestamp.
   * @default - no timestamp
   */
  readonly timestampHeader?: string;
}

/** Proxy settings of the OAuth2 token request (`webhook.http_config.oauth2.proxy_config`). */
export interface ContactPointWebhookHttpConfigOauth2ProxyConfig {
  /**
   * Proxy URL.
   * @default - no proxy
   */
  readonly proxyUrl?: string;
  /**
   * Comma-separated hosts that bypass the proxy.
   * @default - none
   */
  readonly noProxy?: string;
  /**
   * Use the `HTTP_PROXY` environment variables.
   * @default false
   */
  readonly proxyFromEnvironment?: boolean | IResolvable;
  /**
   * Headers sent on CONNECT.
   * @default - none
   */
  readonly proxyConnectHeader?: { [key: string]: string };
}

/** TLS settings of the OAuth2 token request (`webhook.http_config.oauth2.tls_config`). */
export interface ContactPointWebhookHttpConfigOauth2TlsConfig {
  /**
   * CA certificate PEM (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   * @default - system roots
   */
  readonly caCertificate?: string;
  /**
   * Client certificate PEM (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   * @default - none
   */
  readonly clientCertificate?: string;
  /**
   * Client key PEM (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   * @default - none
   */
  readonly clientKey?: string;
  /**
   * Skip TLS verification.
   * @default false
   */
  readonly insecureSkipVerify?: boolean | IResolvable;
}

/** OAuth2 client credentials for webhook requests (`webhook.http_config.oauth2`). */
export interface ContactPointWebhookHttpConfigOauth2 {
  /** OAuth2 client id. */
  readonly clientId: string;
  /**
   * OAuth2 client secret (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly clientSecret: string;
  /** Token endpoint URL. */
  readonly tokenUrl: string;
  /**
   * Scopes to request.
   * @default - none
   */
  readonly scopes?: string[];
  /**
   * Extra token request parameters.
   * @default - none
   */
  readonly endpointParams?: { [key: string]: string };
  /**
   * Proxy for the token request.
   * @default - no proxy
   */
  readonly proxyConfig?: ContactPointWebhookHttpConfigOauth2ProxyConfig;
  /**
   * TLS for the token request.
   * @default - system defaults
   */
  readonly tlsConfig?: ContactPointWebhookHttpConfigOauth2TlsConfig;
}

/** HTTP client settings of a webhook (`webhook.http_config`). */
export interface ContactPointWebhookHttpConfig {
  /**
   * OAuth2 client credentials.
   * @default - no OAuth2
   */
  readonly oauth2?: ContactPointWebhookHttpConfigOauth2;
}

/** A custom webhook body (`webhook.payload`). */
export interface ContactPointWebhookPayload {
  /** Go template of the request body. */
  readonly template: string;
  /**
   * Variables available to the template.
   * @default - none
   */
  readonly vars?: { [key: string]: string };
}

/** A generic webhook integration (`webhook`). */
export interface ContactPointWebhook {
  /**
   * Target URL. Not sensitive in the provider's schema, but webhook URLs often embed a
   * secret: pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly url: string;
  /**
   * HTTP method.
   * @default "POST" (Grafana)
   */
  readonly httpMethod?: string;
  /**
   * Basic auth user.
   * @default - no basic auth
   */
  readonly basicAuthUser?: string;
  /**
   * Basic auth password (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   * @default - no basic auth
   */
  readonly basicAuthPassword?: string;
  /**
   * Authorization header scheme, e.g. `Bearer`.
   * @default - no Authorization header
   */
  readonly authorizationScheme?: string;
  /**
   * Authorization header credentials (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   * @default - no Authorization header
   */
  readonly authorizationCredentials?: string;
  /**
   * Extra request headers.
   * @default - none
   */
  readonly headers?: { [key: string]: string };
  /**
   * Most alerts per request (0 = no limit).
   * @default 0
   */
  readonly maxAlerts?: number;
  /**
   * Title template.
   * @default - Grafana's default title
   */
  readonly title?: string;
  /**
   * Message template.
   * @default - Grafana's default message
   */
  readonly message?: string;
  /**
   * TLS settings as a map of strings (`insecure_skip_verify`, `ca_certificate`,
   * `client_certificate`, `client_key`); sensitive.
   * Pass sensitive TerraformVariable references, never literals.
   * @default - system defaults
   */
  readonly tlsConfig?: { [key: string]: string };
  /**
   * HMAC signing of requests.
   * @default - unsigned
   */
  readonly hmacConfig?: ContactPointWebhookHmacConfig;
  /**
   * HTTP client settings.
   * @default - defaults
   */
  readonly httpConfig?: ContactPointWebhookHttpConfig;
  /**
   * Custom request body.
   * @default - Grafana's webhook JSON
   */
  readonly payload?: ContactPointWebhookPayload;
  /**
   * Do not notify when alerts resolve.
   * @default false
   */
  readonly disableResolveMessage?: boolean | IResolvable;
  /**
   * Extra raw integration settings (a sensitive map).
   * Pass sensitive TerraformVariable references, never literals.
   * @default - none
   */
  readonly settings?: { [key: string]: string };
}

/** A Microsoft Teams integration (`teams`). */
export interface ContactPointTeams {
  /**
   * Teams webhook URL (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly url: string;
  /**
   * Title template.
   * @default - Grafana's default title
   */
  readonly title?: string;
  /**
   * Section title template.
   * @default - none
   */
  readonly sectionTitle?: string;
  /**
   * Message template.
   * @default - Grafana's default message
   */
  readonly message?: string;
  /**
   * Do not notify when alerts resolve.
   * @default false
   */
  readonly disableResolveMessage?: boolean | IResolvable;
  /**
   * Extra raw integration settings (a sensitive map).
   * Pass sensitive TerraformVariable references, never literals.
   * @default - none
   */
  readonly settings?: { [key: string]: string };
}

/** A responder of an Opsgenie alert (`opsgenie.responders`). */
export interface ContactPointOpsgenieResponders {
  /** `team`, `teams`, `user`, `escalation` or `schedule`. */
  readonly type: string;
  /**
   * Responder id (give one of id, name, username).
   * @default - none
   */
  readonly id?: string;
  /**
   * Responder name.
   * @default - none
   */
  readonly name?: string;
  /**
   * Responder user name.
   * @default - none
   */
  readonly username?: string;
}

/** An Opsgenie integration (`opsgenie`). */
export interface ContactPointOpsgenie {
  /**
   * Opsgenie API key (sensitive).
   * Pass a sensitive TerraformVariable reference, never a literal.
   */
  readonly apiKey: string;
  /**
   * Alternative Opsgenie API URL (e.g. the EU instance).
   * @default - Opsgenie's US API
   */
  readonly url?: string;
  /**
   * Message template.
   * @default - Grafana's default message
   */
  readonly message?: string;
  /**
   * Description template.
   * @default - Grafana's default description
   */
  readonly description?: string;
  /**
   * Close the Opsgenie alert when the Grafana alert resolves.
   * @default - Grafana's default
   */
  readonly autoClose?: boolean | IResolvable;
  /**
   * Let the `og_priority` annotation set the priority.
   * @default - Grafana's default
   */
  readonly overridePriority?: boolean | IResolvable;
  /**
   * Send labels as `tags`, `details` or `both`.
   * @default - Grafana's default
   */
  readonly sendTagsAs?: string;
  /**
   * Responders (Grafana 10.3+).
   * @default - none
   */
  readonly responders?: ContactPointOpsgenieResponders[] | IResolvable;
  /**
   * Do not notify when alerts resolve.
   * @default false
   */
  readonly disableResolveMessage?: boolean | IResolvable;
  /**
   * Extra raw integration settings (a sensitive map).
   * Pass sensitive TerraformVariable references, never literals.
   * @default - none
   */
  readonly settings?: { [key: string]: string };
}

/**
 * Configuration of a `grafana_contact_point`. Give at least one integration; each may be
 * repeated (e.g. two Slack channels). Other integrations of the provider are not bound here.
 */
export interface ContactPointConfig extends TerraformMetaArguments {
  /** The name notification policies and rules refer to; changing it replaces the resource. */
  readonly name: string;
  /**
   * Email integrations.
   * @default - none
   */
  readonly email?: ContactPointEmail[] | IResolvable;
  /**
   * Slack integrations.
   * @default - none
   */
  readonly slack?: ContactPointSlack[] | IResolvable;
  /**
   * PagerDuty integrations.
   * @default - none
   */
  readonly pagerduty?: ContactPointPagerduty[] | IResolvable;
  /**
   * Webhook integrations.
   * @default - none
   */
  readonly webhook?: ContactPointWebhook[] | IResolvable;
  /**
   * Microsoft Teams integrations.
   * @default - none
   */
  readonly teams?: ContactPointTeams[] | IResolvable;
  /**
   * Opsgenie integrations.
   * @default - none
   */
  readonly opsgenie?: ContactPointOpsgenie[] | IResolvable;
  /**
   * Allow editing the contact point in the Grafana UI.
   * @default false
   */
  readonly disableProvenance?: boolean | IResolvable;
  /**
   * Organization id, as a string (`"1"`).
   * @default - the provider's organization
   */
  readonly orgId?: string;
}

const strings = (v: string[] | undefined) => listMapper(stringToTerraform, false)(v);
const stringMap = (v: { [key: string]: string } | undefined) => hashMapper(stringToTerraform)(v);

function emailToTerraform(s: ContactPointEmail): unknown {
  return mapStruct(s, (v) => ({
    addresses: strings(v.addresses),
    disable_resolve_message: booleanToTerraform(v.disableResolveMessage),
    message: stringToTerraform(v.message),
    settings: stringMap(v.settings),
    single_email: booleanToTerraform(v.singleEmail),
    subject: stringToTerraform(v.subject),
  }));
}

function slackToTerraform(s: ContactPointSlack): unknown {
  return mapStruct(s, (v) => ({
    color: stringToTerraform(v.color),
    disable_resolve_message: booleanToTerraform(v.disableResolveMessage),
    endpoint_url: stringToTerraform(v.endpointUrl),
    icon_emoji: stringToTerraform(v.iconEmoji),
    icon_url: stringToTerraform(v.iconUrl),
    mention_channel: stringToTerraform(v.mentionChannel),
    mention_groups: stringToTerraform(v.mentionGroups),
    mention_users: stringToTerraform(v.mentionUsers),
    recipient: stringToTerraform(v.recipient),
    settings: stringMap(v.settings),
    text: stringToTerraform(v.text),
    title: stringToTerraform(v.title),
    token: stringToTerraform(v.token),
    url: stringToTerraform(v.url),
    username: stringToTerraform(v.username),
  }));
}

function pagerdutyToTerraform(s: ContactPointPagerduty): unknown {
  return mapStruct(s, (v) => ({
    class: stringToTerraform(v.class),
    client: stringToTerraform(v.client),
    client_url: stringToTerraform(v.clientUrl),
    component: stringToTerraform(v.component),
    details: stringMap(v.details),
    disable_resolve_message: booleanToTerraform(v.disableResolveMessage),
    group: stringToTerraform(v.group),
    integration_key: stringToTerraform(v.integrationKey),
    settings: stringMap(v.settings),
    severity: stringToTerraform(v.severity),
    source: stringToTerraform(v.source),
    summary: stringToTerraform(v.summary),
    url: stringToTerraform(v.url),
  }));
}

function hmacConfigToTerraform(s: ContactPointWebhookHmacConfig): unknown {
  return mapStruct(s, (v) => ({
    header: stringToTerraform(v.header),
    secret: stringToTerraform(v.secret),
    timestamp_header: stringToTerraform(v.timestampHeader),
  }));
}

function proxyConfigToTerraform(s: ContactPointWebhookHttpConfigOauth2ProxyConfig): unknown {
  return mapStruct(s, (v) => ({
    no_proxy: stringToTerraform(v.noProxy),
    proxy_connect_header: stringMap(v.proxyConnectHeader),
    proxy_from_environment: booleanToTerraform(v.proxyFromEnvironment),
    proxy_url: stringToTerraform(v.proxyUrl),
  }));
}

function oauth2TlsConfigToTerraform(s: ContactPointWebhookHttpConfigOauth2TlsConfig): unknown {
  return mapStruct(s, (v) => ({
    ca_certificate: stringToTerraform(v.caCertificate),
    client_certificate: stringToTerraform(v.clientCertificate),
    client_key: stringToTerraform(v.clientKey),
    insecure_skip_verify: booleanToTerraform(v.insecureSkipVerify),
  }));
}

function oauth2ToTerraform(s: ContactPointWebhookHttpConfigOauth2): unknown {
  return mapStruct(s, (v) => ({
    client_id: stringToTerraform(v.clientId),
    client_secret: stringToTerraform(v.clientSecret),
    endpoint_params: stringMap(v.endpointParams),
    proxy_config: singleBlock(v.proxyConfig, proxyConfigToTerraform),
    scopes: strings(v.scopes),
    tls_config: singleBlock(v.tlsConfig, oauth2TlsConfigToTerraform),
    token_url: stringToTerraform(v.tokenUrl),
  }));
}

function httpConfigToTerraform(s: ContactPointWebhookHttpConfig): unknown {
  return mapStruct(s, (v) => ({
    oauth2: singleBlock(v.oauth2, oauth2ToTerraform),
  }));
}

function payloadToTerraform(s: ContactPointWebhookPayload): unknown {
  return mapStruct(s, (v) => ({
    template: stringToTerraform(v.template),
    vars: stringMap(v.vars),
  }));
}

function webhookToTerraform(s: ContactPointWebhook): unknown {
  return mapStruct(s, (v) => ({
    authorization_credentials: stringToTerraform(v.authorizationCredentials),
    authorization_scheme: stringToTerraform(v.authorizationScheme),
    basic_auth_password: stringToTerraform(v.basicAuthPassword),
    basic_auth_user: stringToTerraform(v.basicAuthUser),
    disable_resolve_message: booleanToTerraform(v.disableResolveMessage),
    headers: stringMap(v.headers),
    hmac_config: singleBlock(v.hmacConfig, hmacConfigToTerraform),
    http_config: singleBlock(v.httpConfig, httpConfigToTerraform),
    http_method: stringToTerraform(v.httpMethod),
    max_alerts: numberToTerraform(v.maxAlerts),
    message: stringToTerraform(v.message),
    payload: singleBlock(v.payload, payloadToTerraform),
    settings: stringMap(v.settings),
    title: stringToTerraform(v.title),
    // A map attribute, unlike the tls_config BLOCK under http_config.oauth2.
    tls_config: stringMap(v.tlsConfig),
    url: stringToTerraform(v.url),
  }));
}

function teamsToTerraform(s: ContactPointTeams): unknown {
  return mapStruct(s, (v) => ({
    disable_resolve_message: booleanToTerraform(v.disableResolveMessage),
    message: stringToTerraform(v.message),
    section_title: stringToTerraform(v.sectionTitle),
    settings: stringMap(v.settings),
    title: stringToTerraform(v.title),
    url: stringToTerraform(v.url),
  }));
}

function respondersToTerraform(s: ContactPointOpsgenieResponders): unknown {
  return mapStruct(s, (v) => ({
    id: stringToTerraform(v.id),
    name: stringToTerraform(v.name),
    type: stringToTerraform(v.type),
    username: stringToTerraform(v.username),
  }));
}

function opsgenieToTerraform(s: ContactPointOpsgenie): unknown {
  return mapStruct(s, (v) => ({
    api_key: stringToTerraform(v.apiKey),
    auto_close: booleanToTerraform(v.autoClose),
    description: stringToTerraform(v.description),
    disable_resolve_message: booleanToTerraform(v.disableResolveMessage),
    message: stringToTerraform(v.message),
    override_priority: booleanToTerraform(v.overridePriority),
    responders: blockList(v.responders, respondersToTerraform),
    send_tags_as: stringToTerraform(v.sendTagsAs),
    settings: stringMap(v.settings),
    url: stringToTerraform(v.url),
  }));
}

/** A named set of notification integrations (`grafana_contact_point`). */
export class ContactPoint extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_contact_point';

  private readonly config: ContactPointConfig;

  constructor(scope: Construct, id: string, config: ContactPointConfig) {
    super(scope, checkConstructArguments('grafana.ContactPoint', scope, id, config), grafanaResourceConfig('grafana_contact_point', config));
    const integrations = [config.email, config.slack, config.pagerduty, config.webhook, config.teams, config.opsgenie];
    // The provider requires at least one integration (AtLeastOneOf); fail at synth, not at plan.
    if (integrations.every((i) => i === undefined || (Array.isArray(i) && i.length === 0))) {
      throw new Error(`grafana_contact_point "${config.name}" (${this.node.path}): give at least one integration (email, slack, pagerduty, webhook, teams or opsgenie).`);
    }
    this.config = config;
  }

  /** Terraform id, `{orgId}:{name}`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The contact point's name, for policies and rules' notification settings. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      disable_provenance: booleanToTerraform(c.disableProvenance),
      email: blockList(c.email, emailToTerraform),
      name: stringToTerraform(c.name),
      opsgenie: blockList(c.opsgenie, opsgenieToTerraform),
      org_id: stringToTerraform(c.orgId),
      pagerduty: blockList(c.pagerduty, pagerdutyToTerraform),
      slack: blockList(c.slack, slackToTerraform),
      teams: blockList(c.teams, teamsToTerraform),
      webhook: blockList(c.webhook, webhookToTerraform),
    };
  }
}
