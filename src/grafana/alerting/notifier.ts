import { Construct } from 'constructs';
import { checkCall } from '../../core/input-shape';
import { refuseSecretUrl, SENSITIVE_VARIABLE_FIX } from '../../core/literal-secrets';
import { failValidation, refuseTemplateSyntax } from '../../core/validation';
import { TerraformStack, TerraformVariable, Token, Tokenization } from '../../internal/cdktf';
import {
  ContactPointEmail,
  ContactPointPagerduty,
  ContactPointSlack,
  ContactPointWebhook,
} from '../provider/contact-point';

/** The kind of a notification integration. */
export enum GrafanaNotifierKind {
  /** Slack (incoming webhook URL or bot token). */
  SLACK = 'slack',
  /** PagerDuty Events API v2. */
  PAGERDUTY = 'pagerduty',
  /** Email through Grafana's SMTP settings. */
  EMAIL = 'email',
  /** Any HTTP endpoint (Alertmanager-compatible JSON). */
  WEBHOOK = 'webhook',
}

/** Slack integration. */
export interface SlackNotifierProps {
  /**
   * Incoming webhook URL: a secret, so only a reference to a SENSITIVE Terraform
   * variable (or another resource's attribute), never a literal.
   * @default - none; give `url` or `token`
   */
  readonly url?: string;
  /**
   * Bot token (with `recipient`): a secret, passed like `url`.
   * @default - none; give `url` or `token`
   */
  readonly token?: string;
  /**
   * Channel or user to post to (needed with `token`).
   * @default - the webhook's channel
   */
  readonly recipient?: string;
  /**
   * `here` or `channel` to mention on firing alerts.
   * @default - no mention
   */
  readonly mentionChannel?: string;
}

/** PagerDuty integration. */
export interface PagerDutyNotifierProps {
  /** Events API v2 integration key: a secret, only through a sensitive Terraform variable or reference. */
  readonly integrationKey: string;
  /**
   * PagerDuty severity of the events.
   * @default 'critical'
   */
  readonly severity?: string;
}

/** Email integration. */
export interface EmailNotifierProps {
  /** Recipient addresses. */
  readonly addresses: string[];
  /**
   * One email to all recipients instead of one each.
   * @default false
   */
  readonly singleEmail?: boolean;
}

/** Webhook integration. */
export interface WebhookNotifierProps {
  /** Endpoint URL (not a secret for Grafana; keep credentials out of it). */
  readonly url: string;
  /**
   * Authorization header scheme, e.g. `Bearer`.
   * @default - no Authorization header
   */
  readonly authorizationScheme?: string;
  /**
   * Authorization credentials: a secret, only through a sensitive Terraform variable or reference.
   * @default - none
   */
  readonly authorizationCredentials?: string;
}

/** Title and message templates the library's contact points use (defined by the policy's message template). */
export interface NotifierTemplates {
  readonly title: string;
  readonly message: string;
}

const SLACK_HOOK = /^https:\/\/hooks\.slack\.com\//i;
const PAGERDUTY_KEY = /^[a-z0-9]{32}$/i;
const SENSITIVE_FIX = SENSITIVE_VARIABLE_FIX;

/**
 * One notification integration of a contact point. Secrets (Slack URLs and tokens,
 * PagerDuty keys, webhook credentials) are accepted only as Terraform references
 * (tokens): a literal fails synth, so a secret never lands in the synthesized JSON.
 */
export class GrafanaNotifier {
  /** A Slack integration. */
  public static slack(props: SlackNotifierProps): GrafanaNotifier {
    checkCall('GrafanaNotifier.slack', props);
    return new GrafanaNotifier('GrafanaNotifier.slack', GrafanaNotifierKind.SLACK, props as unknown as Record<string, unknown>);
  }

  /** A PagerDuty integration. */
  public static pagerDuty(props: PagerDutyNotifierProps): GrafanaNotifier {
    checkCall('GrafanaNotifier.pagerDuty', props);
    return new GrafanaNotifier('GrafanaNotifier.pagerDuty', GrafanaNotifierKind.PAGERDUTY, props as unknown as Record<string, unknown>);
  }

  /** An email integration. */
  public static email(props: EmailNotifierProps): GrafanaNotifier {
    checkCall('GrafanaNotifier.email', props);
    return new GrafanaNotifier('GrafanaNotifier.email', GrafanaNotifierKind.EMAIL, props as unknown as Record<string, unknown>);
  }

  /** A webhook integration. */
  public static webhook(props: WebhookNotifierProps): GrafanaNotifier {
    checkCall('GrafanaNotifier.webhook', props);
    return new GrafanaNotifier('GrafanaNotifier.webhook', GrafanaNotifierKind.WEBHOOK, props as unknown as Record<string, unknown>);
  }

  /** The integration's kind. */
  public readonly kind: GrafanaNotifierKind;
  private readonly props: Record<string, unknown>;

  private constructor(call: string, kind: GrafanaNotifierKind, props: Record<string, unknown>) {
    // Grafana renders contact point settings through its templates: `{{` would be read as one.
    for (const [field, value] of Object.entries(props)) {
      const values = Array.isArray(value) ? value.map((v, i) => [`${field}[${i}]`, v] as const) : [[field, value] as const];
      for (const [at, v] of values) if (typeof v === 'string' && !Token.isUnresolved(v)) refuseTemplateSyntax(call, at, v, 'Grafana reads');
    }
    this.kind = kind;
    this.props = props;
  }

  /** @internal Validates the integration; `owner` names the construct in messages. */
  public _validate(scope: Construct, owner: string, contactPoint: string): void {
    const where = `contact point '${contactPoint}' ${this.kind}`;
    switch (this.kind) {
      case GrafanaNotifierKind.SLACK: {
        const p = this.props as SlackNotifierProps;
        if (p.url === undefined && p.token === undefined) {
          failValidation(owner, `${where} has neither url nor token`, 'give the incoming webhook url, or a bot token with a recipient, both through sensitive Terraform variables');
        }
        requireSecretReference(scope, owner, `${where} url`, p.url, SLACK_HOOK, 'a Slack incoming webhook URL');
        requireSecretReference(scope, owner, `${where} token`, p.token, /^xox[a-z]-/i, 'a Slack token');
        if (p.token !== undefined && p.recipient === undefined) {
          failValidation(owner, `${where} has a token but no recipient`, 'give the channel (e.g. #kong-alerts) or user to post to');
        }
        if (p.mentionChannel !== undefined && !['here', 'channel'].includes(p.mentionChannel)) {
          failValidation(owner, `${where} mentionChannel '${p.mentionChannel}' is not 'here' or 'channel'`, "use 'here' or 'channel', or leave it unset");
        }
        return;
      }
      case GrafanaNotifierKind.PAGERDUTY: {
        const p = this.props as unknown as PagerDutyNotifierProps;
        requireSecretReference(scope, owner, `${where} integrationKey`, p.integrationKey, PAGERDUTY_KEY, 'a PagerDuty integration key');
        if (p.severity !== undefined && !['critical', 'error', 'warning', 'info'].includes(p.severity) && !Token.isUnresolved(p.severity)) {
          failValidation(owner, `${where} severity '${p.severity}' is not a PagerDuty severity`, 'use critical, error, warning or info');
        }
        return;
      }
      case GrafanaNotifierKind.EMAIL: {
        const p = this.props as unknown as EmailNotifierProps;
        if (p.addresses.length === 0) {
          failValidation(owner, `${where} has no addresses`, 'give at least one email address');
        }
        for (const address of p.addresses) {
          if (!Token.isUnresolved(address) && !/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(address)) {
            failValidation(owner, `${where} address '${address}' is not an email address`, 'give one address per entry, e.g. kong-oncall@example.com');
          }
        }
        return;
      }
      case GrafanaNotifierKind.WEBHOOK: {
        const p = this.props as unknown as WebhookNotifierProps;
        if (!Token.isUnresolved(p.url)) {
          if (SLACK_HOOK.test(p.url)) {
            failValidation(owner, `${where} url is a literal Slack incoming webhook URL, which is a secret`, `use GrafanaNotifier.slack with the URL from a sensitive Terraform variable: ${SENSITIVE_FIX}`);
          }
          if (!/^https?:\/\/[^\s]+$/.test(p.url)) {
            failValidation(owner, `${where} url '${p.url}' is not an http(s) URL`, 'give the endpoint as http(s)://host/path');
          }
          refuseSecretUrl(owner, `${where} url`, p.url);
        }
        requireSecretReference(scope, owner, `${where} authorizationCredentials`, p.authorizationCredentials, /.*/, 'webhook credentials');
        return;
      }
    }
  }

  /** @internal */
  public _slack(t: NotifierTemplates): ContactPointSlack | undefined {
    if (this.kind !== GrafanaNotifierKind.SLACK) return undefined;
    const p = this.props as SlackNotifierProps;
    return { url: p.url, token: p.token, recipient: p.recipient, mentionChannel: p.mentionChannel, title: t.title, text: t.message };
  }

  /** @internal */
  public _pagerduty(t: NotifierTemplates): ContactPointPagerduty | undefined {
    if (this.kind !== GrafanaNotifierKind.PAGERDUTY) return undefined;
    const p = this.props as unknown as PagerDutyNotifierProps;
    return { integrationKey: p.integrationKey, severity: p.severity ?? 'critical', summary: t.title, component: 'kong' };
  }

  /** @internal */
  public _email(t: NotifierTemplates): ContactPointEmail | undefined {
    if (this.kind !== GrafanaNotifierKind.EMAIL) return undefined;
    const p = this.props as unknown as EmailNotifierProps;
    return { addresses: [...p.addresses], singleEmail: p.singleEmail ?? false, subject: t.title, message: t.message };
  }

  /** @internal */
  public _webhook(t: NotifierTemplates): ContactPointWebhook | undefined {
    if (this.kind !== GrafanaNotifierKind.WEBHOOK) return undefined;
    const p = this.props as unknown as WebhookNotifierProps;
    return {
      url: p.url,
      authorizationScheme: p.authorizationScheme,
      authorizationCredentials: p.authorizationCredentials,
      title: t.title,
      message: t.message,
    };
  }
}

/**
 * A secret must be a Terraform reference. A literal fails; the message says so more
 * pointedly when the literal has the shape of the secret (a real key was pasted).
 */
function requireSecretReference(scope: Construct, owner: string, field: string, value: string | undefined, shape: RegExp, what: string): void {
  if (value === undefined) return;
  if (Token.isUnresolved(value)) {
    requireSensitiveIfVariable(scope, owner, field, value);
    return;
  }
  const problem = shape.test(value)
    ? `${field} is a literal that looks like ${what}, a secret that would be written in clear into the synthesized JSON and the Terraform plan`
    : `${field} is a literal, but it holds a secret and would be written in clear into the synthesized JSON`;
  failValidation(owner, problem, SENSITIVE_FIX);
}

/**
 * A reference to a Terraform variable must be to a sensitive one, or Terraform prints
 * the secret in plans. References to other resources' attributes carry their own schema's
 * sensitivity and pass.
 */
function requireSensitiveIfVariable(scope: Construct, owner: string, field: string, value: string): void {
  const stack = TerraformStack.of(scope);
  for (const token of Tokenization.reverseString(value).tokens) {
    // Variable references are cdktf References whose identifier is `var.<name>`.
    const identifier = (token as { identifier?: unknown }).identifier;
    const match = typeof identifier === 'string' ? /^var\.(.+)$/.exec(identifier) : null;
    if (!match) continue;
    const variable = stack.node.findAll().find((c): c is TerraformVariable => c instanceof TerraformVariable && c.friendlyUniqueId === match[1]);
    if (variable && variable.sensitive !== true) {
      failValidation(owner, `${field} comes from Terraform variable '${match[1]}', which is not sensitive, so plans would print the secret`, 'declare the variable with sensitive: true');
    }
  }
}
