import { Construct } from 'constructs';
import { GrafanaNotifier, NotifierTemplates } from './notifier';
import { AppRegistry } from '../../core/app-registry';
import { Duration } from '../../core/duration';
import { checkArguments, checkConstructArguments } from '../../core/input-shape';
import { isPrometheusLabelName } from '../../core/labels';
import { closestTimeZone, isTimeZone } from '../../core/time-zones';
import { failValidation, requireDurationAtMost, synthError, ValidationError } from '../../core/validation';
import { identityKey } from '../../gateway/gateway-identity';
import { KongGateway } from '../../gateway/kong-gateway';
import { Severity } from '../../gateway/signal-vocabulary';
import { TerraformStack, Token } from '../../internal/cdktf';
import { ALERT_LABEL } from '../../signals/alert-content';
import { ContactPoint } from '../provider/contact-point';
import { MessageTemplate } from '../provider/message-template';
import { MuteTiming, MuteTimingIntervals } from '../provider/mute-timing';
import { NotificationPolicy, NotificationPolicyPolicy } from '../provider/notification-policy';
import { GrafanaProvider } from '../provider/provider';

/** Days of the week, as Grafana mute timings spell them. */
export enum Weekday {
  MONDAY = 'monday',
  TUESDAY = 'tuesday',
  WEDNESDAY = 'wednesday',
  THURSDAY = 'thursday',
  FRIDAY = 'friday',
  SATURDAY = 'saturday',
  SUNDAY = 'sunday',
}

/** A named contact point and its integrations. */
export interface GrafanaContactPointOptions {
  /** Contact point name (unique in the Grafana organization). */
  readonly name: string;
  /** Its integrations (Slack, PagerDuty, email, webhook); at least one. */
  readonly notifiers: GrafanaNotifier[];
}

/**
 * A recurring maintenance window during which notifications are muted (a Grafana mute
 * timing). Fields combine with AND; alerts keep evaluating, only notifications stop. At least
 * one of weekdays, times, days of the month, months or years must be set: a window without any
 * would mute always.
 */
export interface MaintenanceWindow {
  /** Name of the mute timing (letters, digits, spaces, `-` and `_`). */
  readonly name: string;
  /**
   * Days of the week.
   * @default - every day
   */
  readonly weekdays?: Weekday[];
  /**
   * Start time of day, `HH:MM` (inclusive); with `endTime`.
   * @default - the whole day
   */
  readonly startTime?: string;
  /**
   * End time of day, `HH:MM` (exclusive, `24:00` allowed); after `startTime`.
   * @default - the whole day
   */
  readonly endTime?: string;
  /**
   * Days of the month, `1`..`31`, `-1` for the last day, or ranges such as `1:7`.
   * @default - every day of the month
   */
  readonly daysOfMonth?: string[];
  /**
   * Months, `1`..`12` or ranges such as `1:3`.
   * @default - every month
   */
  readonly months?: string[];
  /**
   * Years or ranges, e.g. `2030` or `2030:2031`.
   * @default - every year
   */
  readonly years?: string[];
  /**
   * IANA time zone of the times, e.g. `Europe/Berlin` (checked against the zone list), or `UTC`.
   * @default 'UTC'
   */
  readonly location?: string;
}

/** How one gateway's alerts are routed. */
export interface GrafanaGatewayRouting {
  /** The gateway (its alerts carry `kong_gateway` and `kong_environment` labels). */
  readonly gateway: KongGateway;
  /**
   * Contact point for critical alerts.
   * @default - the policy's criticalContactPoint
   */
  readonly criticalContactPoint?: string;
  /**
   * Contact point for warnings.
   * @default - the policy's warningContactPoint
   */
  readonly warningContactPoint?: string;
  /**
   * Names of the policy's maintenance windows that mute this gateway's notifications.
   * @default - never muted
   */
  readonly maintenanceWindows?: string[];
}

/** Props of {@link GrafanaAlertingPolicy}. */
export interface GrafanaAlertingPolicyProps {
  /** Contact points to create; routes refer to them by name. */
  readonly contactPoints: GrafanaContactPointOptions[];
  /** Contact point for alerts no other route takes (the policy tree's root). */
  readonly defaultContactPoint: string;
  /**
   * Contact point for critical alerts of any gateway without its own.
   * @default - defaultContactPoint
   */
  readonly criticalContactPoint?: string;
  /**
   * Contact point for warnings of any gateway without its own.
   * @default - defaultContactPoint
   */
  readonly warningContactPoint?: string;
  /**
   * Per-gateway routes; more can be added with `addGateway`.
   * @default - none: alerts route by severity only
   */
  readonly gateways?: GrafanaGatewayRouting[];
  /**
   * Maintenance windows (mute timings). Each mutes the gateways whose routing names it in
   * `maintenanceWindows`; a window no route refers to mutes nothing and fails synth.
   * @default - none
   */
  readonly maintenanceWindows?: MaintenanceWindow[];
  /**
   * Labels that group alerts into one notification.
   * @default ['grafana_folder', 'alertname', 'kong_gateway', 'kong_environment']
   */
  readonly groupBy?: string[];
  /**
   * Wait before the first notification of a new group: 1 second to 1 hour.
   * @default Duration.seconds(30)
   */
  readonly groupWait?: Duration;
  /**
   * Wait before notifying about new alerts in a group already notified: 1 second to 1 day.
   * @default Duration.minutes(5)
   */
  readonly groupInterval?: Duration;
  /**
   * Wait before repeating a warning notification: the group interval to 30 days.
   * @default Duration.hours(4)
   */
  readonly repeatInterval?: Duration;
  /**
   * Wait before repeating a critical notification: the group interval to 30 days.
   * @default Duration.hours(1)
   */
  readonly criticalRepeatInterval?: Duration;
}

/** Name of the message template group the contact points use. */
export const KONG_MESSAGE_TEMPLATE = 'kong';

const TEMPLATE_TEXT = [
  '{{ define "kong.title" }}[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }}'
    + '{{ with .CommonLabels.kong_gateway }} ({{ . }}{{ with $.CommonLabels.kong_environment }}, {{ . }}{{ end }}){{ end }}{{ end }}',
  '{{ define "kong.message" }}{{ range .Alerts }}[{{ .Labels.severity }}] {{ .Annotations.summary }}',
  '{{ .Annotations.description }}',
  '{{ with .Annotations.runbook_url }}Runbook: {{ . }}{{ end }}{{ with .Annotations.runbook }}Runbook: {{ . }}{{ end }}',
  '{{ end }}{{ end }}',
].join('\n');

const TEMPLATES: NotifierTemplates = {
  title: '{{ template "kong.title" . }}',
  message: '{{ template "kong.message" . }}',
};

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9 _-]{0,189}$/;
const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

/**
 * Grafana alerting's notification side for Kong: contact points (Slack, PagerDuty, email,
 * webhook), the notification policy tree routing by gateway and severity, mute timings
 * for maintenance windows, and a message template.
 *
 * Grafana has ONE notification policy tree per organization, and this construct owns it:
 * create one `GrafanaAlertingPolicy` per organization and give it every gateway (in
 * `gateways` or with `addGateway`), each becoming a child route that matches its
 * `kong_gateway` and `kong_environment` labels, with critical and warning routes below it.
 * Routes of other teams must be added here too, or Terraform will overwrite them.
 */
export class GrafanaAlertingPolicy extends Construct {
  /** The notification policy tree. */
  public readonly policy: NotificationPolicy;
  /** The message template. */
  public readonly messageTemplate: MessageTemplate;
  private readonly subject: string;
  private readonly contactPoints = new Map<string, ContactPoint>();
  private readonly muteTimings = new Map<string, MuteTiming>();
  private readonly gatewayKeys = new Set<string>();
  private readonly attachedWindows = new Set<string>();
  // Read by the policy resource when it synthesizes, so routes added later are included.
  private readonly routes: NotificationPolicyPolicy[] = [];
  private readonly fallbackRoutes: NotificationPolicyPolicy[];
  private readonly criticalContactPoint: string;
  private readonly warningContactPoint: string;
  private readonly criticalRepeat: string;
  private readonly warningRepeat: string;

  constructor(scope: Construct, id: string, props: GrafanaAlertingPolicyProps) {
    super(scope, checkConstructArguments('GrafanaAlertingPolicy', scope, id, props));
    this.subject = `GrafanaAlertingPolicy '${id}'`;
    if (props.contactPoints.length === 0) {
      failValidation(this.subject, 'contactPoints is empty', 'give at least one contact point with one notifier');
    }

    this.messageTemplate = new MessageTemplate(this, 'template', { name: KONG_MESSAGE_TEMPLATE, template: TEMPLATE_TEXT });

    for (const cp of props.contactPoints) {
      if (!NAME.test(cp.name)) {
        failValidation(this.subject, `contact point name '${cp.name}' is not valid`, "use 1-190 letters, digits, spaces, '-' or '_', starting with a letter or digit");
      }
      if (this.contactPoints.has(cp.name)) {
        failValidation(this.subject, `contact point '${cp.name}' is defined twice`, 'give each contact point a unique name, and list all its notifiers under it');
      }
      if (cp.notifiers.length === 0) {
        failValidation(this.subject, `contact point '${cp.name}' has no notifiers`, 'give at least one, e.g. GrafanaNotifier.email({ addresses: [...] })');
      }
      cp.notifiers.forEach((n) => n._validate(this, this.subject, cp.name));
      const pick = <T>(f: (n: GrafanaNotifier) => T | undefined): T[] | undefined => {
        const out = cp.notifiers.map(f).filter((x): x is T => x !== undefined);
        return out.length > 0 ? out : undefined;
      };
      this.contactPoints.set(cp.name, new ContactPoint(this, this.derivedId('contact point', 'contact-point', cp.name, [...this.contactPoints.keys()]), {
        name: cp.name,
        slack: pick((n) => n._slack(TEMPLATES)),
        pagerduty: pick((n) => n._pagerduty(TEMPLATES)),
        email: pick((n) => n._email(TEMPLATES)),
        webhook: pick((n) => n._webhook(TEMPLATES)),
        // Grafana checks the templates a contact point names: create the template first.
        dependsOn: [this.messageTemplate],
      }));
    }

    for (const window of props.maintenanceWindows ?? []) this.addMaintenanceWindow(window);
    // Checked at synth: gateways added later with addGateway may still attach a window.
    this.node.addValidation({
      validate: () => [...this.muteTimings.keys()].filter((name) => !this.attachedWindows.has(name)).map((name) => synthError(
        this,
        this.subject,
        `maintenance window '${name}' is attached to no route, so it mutes nothing`,
        `list it in the maintenanceWindows of the gateways it is meant for (gateways: [{ gateway, maintenanceWindows: ['${name}'] }]), or remove it`,
      )),
    });

    const groupWait = props.groupWait ?? Duration.seconds(30);
    const groupInterval = props.groupInterval ?? Duration.minutes(5);
    const warningRepeat = props.repeatInterval ?? Duration.hours(4);
    const criticalRepeat = props.criticalRepeatInterval ?? Duration.hours(1);
    for (const [field, value] of [['repeatInterval', warningRepeat], ['criticalRepeatInterval', criticalRepeat]] as const) {
      if (groupInterval.isLongerThan(value)) {
        failValidation(this.subject, `${field} ${value.toPrometheus()} is shorter than groupInterval ${groupInterval.toPrometheus()}`, `set ${field} to at least the group interval`);
      }
    }
    if (groupWait.toSeconds() < 1 || groupInterval.toSeconds() < 1) {
      failValidation(this.subject, 'groupWait and groupInterval must be at least 1s', 'give durations of 1s or more (defaults: 30s and 5m)');
    }
    requireDurationAtMost(this.subject, 'groupWait', groupWait, Duration.hours(1), 'give groupWait of at most 1h (default 30s)');
    requireDurationAtMost(this.subject, 'groupInterval', groupInterval, Duration.days(1), 'give groupInterval of at most 1d (default 5m)');
    requireDurationAtMost(this.subject, 'repeatInterval', warningRepeat, Duration.days(30), 'give repeatInterval of at most 30d (default 4h)');
    requireDurationAtMost(this.subject, 'criticalRepeatInterval', criticalRepeat, Duration.days(30), 'give criticalRepeatInterval of at most 30d (default 1h)');
    this.criticalRepeat = criticalRepeat.toPrometheus();
    this.warningRepeat = warningRepeat.toPrometheus();
    // Plain names here; routes reference the contact point resources (see contactPointName).
    // The default first: a typo there is reported as itself, not as the critical route that inherits it.
    const defaultRef = this.contactPointName('defaultContactPoint', props.defaultContactPoint);
    this.criticalContactPoint = props.criticalContactPoint ?? props.defaultContactPoint;
    this.warningContactPoint = props.warningContactPoint ?? props.defaultContactPoint;
    const criticalRef = this.contactPointName('criticalContactPoint', this.criticalContactPoint);
    const warningRef = this.contactPointName('warningContactPoint', this.warningContactPoint);
    const groupBy = props.groupBy ?? ['grafana_folder', 'alertname', ALERT_LABEL.gateway, ALERT_LABEL.environment];
    if (groupBy.length === 0 || groupBy.some((l) => l.trim() === '')) {
      failValidation(this.subject, 'groupBy is empty or has an empty label', "list label names, or ['...'] to group by every label");
    }
    if (groupBy.includes('...') && groupBy.length > 1) {
      failValidation(this.subject, "groupBy has '...' beside label names, and '...' (group by every label) stands alone", "give ['...'] alone, or label names only");
    }
    for (const label of groupBy) {
      if (label !== '...' && !isPrometheusLabelName(label)) {
        failValidation(this.subject, `groupBy has '${label}', which is not a Prometheus label name`, "use letters, digits and '_', not starting with a digit (e.g. 'kong_gateway'), or ['...'] to group by every label");
      }
    }

    this.fallbackRoutes = [
      this.severityRoute(Severity.CRITICAL, criticalRef, []),
      this.severityRoute(Severity.WARNING, warningRef, []),
    ];
    for (const routing of props.gateways ?? []) this.addGateway(routing);

    // One policy tree per Grafana organization: a second one would overwrite this one at apply.
    this.node.addValidation({ validate: () => this.claimOrganization() });

    this.policy = new NotificationPolicy(this, 'policy', {
      contactPoint: defaultRef,
      groupBy,
      groupWait: groupWait.toPrometheus(),
      groupInterval: groupInterval.toPrometheus(),
      repeatInterval: warningRepeat.toPrometheus(),
      // Gateway routes first (in the order added), then the severity-only fallbacks.
      policy: this.routes,
      dependsOn: [...this.contactPoints.values(), ...this.muteTimings.values()],
    });
    this.routes.push(...this.fallbackRoutes);
  }

  /**
   * Routes one more gateway's alerts: a child route matching its `kong_gateway` and
   * `kong_environment` labels, with critical and warning routes below it.
   */
  public addGateway(routing: GrafanaGatewayRouting): void {
    checkArguments('GrafanaAlertingPolicy.addGateway', this.subject, [routing]);
    const { gateway } = routing;
    const key = identityKey(gateway);
    if (this.gatewayKeys.has(key)) {
      failValidation(this.subject, `gateway '${gateway.name}' (${gateway.environment}) is routed twice`, 'route each gateway once');
    }
    this.gatewayKeys.add(key);
    const mutes = (routing.maintenanceWindows ?? []).map((name) => {
      const timing = this.muteTimings.get(name);
      if (!timing) {
        failValidation(this.subject, `gateway '${gateway.name}' refers to unknown maintenance window '${name}'`, `define it in maintenanceWindows first; known: ${[...this.muteTimings.keys()].join(', ') || 'none'}`);
      }
      this.attachedWindows.add(name);
      return timing.name;
    });
    const critical = this.contactPointName(`gateway '${gateway.name}' criticalContactPoint`, routing.criticalContactPoint ?? this.criticalContactPoint);
    const warning = this.contactPointName(`gateway '${gateway.name}' warningContactPoint`, routing.warningContactPoint ?? this.warningContactPoint);
    const route: NotificationPolicyPolicy = {
      matcher: [
        { label: ALERT_LABEL.gateway, match: '=', value: gateway.name },
        { label: ALERT_LABEL.environment, match: '=', value: gateway.environment },
        ...(gateway.cluster ? [{ label: ALERT_LABEL.cluster, match: '=', value: gateway.cluster }] : []),
      ],
      // On the gateway route and on its leaves: the leaves take every alert with a
      // severity, and a child policy does not take its parent's mute timings.
      muteTimings: mutes.length > 0 ? mutes : undefined,
      policy: [
        this.severityRoute(Severity.CRITICAL, critical, mutes),
        this.severityRoute(Severity.WARNING, warning, mutes),
      ],
    };
    // Before the severity-only fallbacks, which are always last.
    const at = this.policy === undefined ? this.routes.length : this.routes.length - this.fallbackRoutes.length;
    this.routes.splice(at, 0, route);
  }

  /**
   * Adds a maintenance window (a `grafana_mute_timing`) that gateways refer to by name. A
   * window no gateway route refers to by synth mutes nothing and fails synth.
   */
  public addMaintenanceWindow(window: MaintenanceWindow): void {
    checkArguments('GrafanaAlertingPolicy.addMaintenanceWindow', this.subject, [window]);
    validateMaintenanceWindow(this.subject, window);
    if (this.muteTimings.has(window.name)) {
      failValidation(this.subject, `maintenance window '${window.name}' is defined twice`, 'give each window a unique name');
    }
    const interval: MuteTimingIntervals = {
      weekdays: window.weekdays ? [...window.weekdays] : undefined,
      times: window.startTime !== undefined ? [{ start: window.startTime, end: window.endTime! }] : undefined,
      daysOfMonth: window.daysOfMonth,
      months: window.months,
      years: window.years,
      location: window.location ?? 'UTC',
    };
    this.muteTimings.set(window.name, new MuteTiming(this, this.derivedId('maintenance window', 'mute', window.name, [...this.muteTimings.keys()]), { name: window.name, intervals: [interval] }));
  }

  private severityRoute(severity: Severity, contactPoint: string, muteTimings: string[]): NotificationPolicyPolicy {
    // Info (a warning signal's lower threshold) goes where warnings go, never to the pager.
    const matcher = severity === Severity.WARNING
      ? { label: ALERT_LABEL.severity, match: '=~', value: `${Severity.WARNING}|${Severity.INFO}` }
      : { label: ALERT_LABEL.severity, match: '=', value: severity };
    return {
      matcher: [matcher],
      contactPoint,
      repeatInterval: severity === Severity.CRITICAL ? this.criticalRepeat : this.warningRepeat,
      muteTimings: muteTimings.length > 0 ? [...muteTimings] : undefined,
    };
  }

  /**
   * The organization this policy owns, from the stack's Grafana provider: its URL and
   * organization when they are plain values, else the stack itself (the app cannot tell two
   * stacks' organizations apart through variables).
   */
  private claimOrganization(): string[] {
    const stack = TerraformStack.of(this);
    const provider = stack.node.findAll().find((c): c is GrafanaProvider => c instanceof GrafanaProvider);
    const url = provider?.urlInput;
    const known = url !== undefined && !Token.isUnresolved(url);
    const org = `${known ? url.replace(/\/+$/, '') : `stack ${stack.node.path}`} org ${provider?.orgIdInput ?? 1}`;
    try {
      AppRegistry.of(this).claim('grafana-notification-policy', org, this, {
        subject: this.subject,
        what: `the notification policy tree of Grafana ${known ? `${url} (organization ${provider?.orgIdInput ?? 1})` : `organization of stack ${stack.node.path}`}`,
        fix: 'create one GrafanaAlertingPolicy per Grafana organization and route every gateway in it (gateways, addGateway); leave grafana.policy out of the other gateways',
      });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return [synthError(this, e.subject, e.problem, e.fix)];
    }
    return [];
  }

  /**
   * The construct id of a named resource (it is the resource's logical ID, so it stays as it
   * is): two names that make one id are refused here, in the library's words.
   */
  private derivedId(what: string, prefix: string, name: string, taken: string[]): string {
    const id = `${prefix}-${logicalSuffix(name)}`;
    const other = taken.find((t) => `${prefix}-${logicalSuffix(t)}` === id);
    if (other !== undefined) {
      failValidation(this.subject, `${what}s '${other}' and '${name}' both become the resource id '${id}'`, `give ${what}s names that differ in more than case, spaces or punctuation`);
    }
    return id;
  }

  /** A contact point's name as a reference to its resource (so it is created before the policy). */
  private contactPointName(field: string, name: string): string {
    const cp = this.contactPoints.get(name);
    if (!cp) {
      failValidation(this.subject, `${field} '${name}' is not one of the contact points`, `use one of ${[...this.contactPoints.keys()].join(', ')}, or add it to contactPoints`);
    }
    return cp.name;
  }
}

function logicalSuffix(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

function validateMaintenanceWindow(subject: string, w: MaintenanceWindow): void {
  const where = `maintenance window '${w.name}'`;
  if (!NAME.test(w.name)) {
    failValidation(subject, `${where} has an invalid name`, "use 1-190 letters, digits, spaces, '-' or '_', starting with a letter or digit");
  }
  if ((w.startTime === undefined) !== (w.endTime === undefined)) {
    failValidation(subject, `${where} has only one of startTime and endTime`, "give both, as HH:MM (e.g. startTime '22:00', endTime '23:30')");
  }
  if (w.startTime !== undefined && w.endTime !== undefined) {
    for (const [field, value] of [['startTime', w.startTime], ['endTime', w.endTime]] as const) {
      if (!HH_MM.test(value)) {
        failValidation(subject, `${where} ${field} '${value}' is not a time of day`, 'write it as HH:MM on a 24-hour clock, from 00:00 to 24:00');
      }
    }
    if (w.startTime >= w.endTime) {
      failValidation(subject, `${where} startTime ${w.startTime} is not before endTime ${w.endTime}`, 'split a window across midnight into two windows (e.g. 22:00-24:00 and 00:00-02:00)');
    }
  }
  if (w.weekdays !== undefined && w.weekdays.length === 0) {
    failValidation(subject, `${where} has an empty weekdays list`, 'leave weekdays unset for every day, or list the days');
  }
  for (const d of w.daysOfMonth ?? []) {
    if (!rangeOf(d, (n) => n !== 0 && n >= -31 && n <= 31)) {
      failValidation(subject, `${where} day of month '${d}' is not valid`, "use 1 to 31, -31 to -1 (from the month's end), or a range like '1:7'");
    }
  }
  for (const m of w.months ?? []) {
    if (!rangeOf(m, (n) => n >= 1 && n <= 12)) {
      failValidation(subject, `${where} month '${m}' is not valid`, "use 1 to 12 or a range like '1:3'");
    }
  }
  for (const y of w.years ?? []) {
    if (!/^\d{4}(:\d{4})?$/.test(y) || !rangeOf(y, () => true)) {
      failValidation(subject, `${where} year '${y}' is not valid`, "use four-digit years or a range like '2030:2031'");
    }
  }
  if (w.location !== undefined && !Token.isUnresolved(w.location) && !isTimeZone(w.location)) {
    const guess = closestTimeZone(w.location);
    failValidation(subject, `${where} location '${w.location}' is not an IANA time zone`, `use a zone name such as 'Europe/Berlin'${guess ? ` (did you mean '${guess}'?)` : ''}, or 'UTC'`);
  }
  const restricts = [w.weekdays, w.startTime, w.daysOfMonth, w.months, w.years].some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (!restricts) {
    failValidation(
      subject,
      `${where} sets none of weekdays, startTime and endTime, daysOfMonth, months or years, so it would mute every notification at all times`,
      "say when it applies, e.g. weekdays: [Weekday.SUNDAY], startTime: '02:00', endTime: '04:00'",
    );
  }
}

/** `n` or `a:b` with integers that pass `ok`, and a <= b. */
function rangeOf(text: string, ok: (n: number) => boolean): boolean {
  const m = /^(-?\d+)(?::(-?\d+))?$/.exec(text);
  if (!m) return false;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return ok(a) && ok(b) && a <= b;
}
