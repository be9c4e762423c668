// Whether an alert reaches anyone: an alert that notifies nobody, is paused, or is muted
// with no end is no alert. What the checker can see in one stack:
// - Datadog monitors and synthetic tests notify the @handles in their message; with none
//   they only change state in the UI. A downtime (datadog_downtime_schedule, or the legacy
//   datadog_downtime) with no end and no recurrence that covers the monitor mutes it for good.
// - Grafana rules are paused (is_paused), or routed: by their notification_settings, else by
//   the stack's notification policy (first matching route, inherited contact point and mute
//   timings). A contact point with no integration notifies nobody; a mute timing with no
//   time interval mutes always.
// - PrometheusRules are routed by an Alertmanager outside the stack: assumed to deliver.
// Anything defined outside the stack (a contact point or mute timing the stack does not
// hold) is assumed to work.
import { StackAnalysis } from './analysis';
import { JsonObject, TfResource, block, blocks, isObject, text, texts } from './terraform-json';

/** Why an alert reaches nobody, or undefined when it (as far as the stack shows) reaches someone. */
export type DeliveryProblem = string | undefined;

const NOT_INTEGRATIONS = new Set(['name', 'org_id', 'disable_provenance', '//', 'count', 'for_each', 'provider', 'depends_on', 'lifecycle']);

interface Downtime {
  readonly resource: TfResource;
  readonly scope: string[];
  readonly monitorTags: string[];
  readonly monitorIds: string[];
  readonly forever: boolean;
}

function downtimesOf(resources: TfResource[]): Downtime[] {
  const out: Downtime[] = [];
  for (const r of resources) {
    if (r.type === 'datadog_downtime_schedule') {
      const identifier = block(r.body.monitor_identifier);
      const once = block(r.body.one_time_schedule);
      const recurring = block(r.body.recurring_schedule);
      out.push({
        resource: r,
        scope: (text(r.body.scope) ?? '*').split(/\s+AND\s+|,/).map((s) => s.trim()).filter((s) => s !== ''),
        monitorTags: texts(identifier?.monitor_tags),
        monitorIds: identifier?.monitor_id !== undefined ? [text(identifier.monitor_id) ?? ''] : [],
        forever: recurring === undefined && (once === undefined || text(once.end) === undefined || text(once.end) === ''),
      });
    } else if (r.type === 'datadog_downtime') {
      const end = text(r.body.end) ?? text(r.body.end_date);
      out.push({
        resource: r,
        scope: texts(r.body.scope),
        monitorTags: r.body.monitor_tags === undefined ? ['*'] : texts(r.body.monitor_tags),
        monitorIds: r.body.monitor_id !== undefined ? [text(r.body.monitor_id) ?? ''] : [],
        forever: block(r.body.recurrence) === undefined && (end === undefined || end === '0' || end === ''),
      });
    }
  }
  return out;
}

/** True when a downtime covers a Datadog monitor: by id, or by tags and scope. */
function covers(d: Downtime, monitor: TfResource, monitorText: string): boolean {
  if (d.monitorIds.length > 0) return d.monitorIds.some((id) => id.includes(`${monitor.type}.${monitor.name}.`) || id.includes(`${monitor.type}.${monitor.name}}`));
  const tags = texts(monitor.body.tags);
  const tagsMatch = d.monitorTags.length === 0 || d.monitorTags.every((t) => t === '*' || tags.includes(t));
  const scopeMatch = d.scope.every((s) => s === '*' || monitorText.includes(s));
  return tagsMatch && scopeMatch;
}

/** Labels of a Grafana rule as its notification policy sees them (the checker knows rule labels and the alert name). */
function ruleLabels(rule: JsonObject): { [key: string]: string } {
  const labels: { [key: string]: string } = {};
  for (const l of blocks(rule.labels)) for (const [k, v] of Object.entries(l)) if (typeof v === 'string') labels[k] = v;
  if (text(rule.name)) labels.alertname = text(rule.name)!;
  return labels;
}

function matches(matcher: JsonObject, labels: { [key: string]: string }): boolean {
  const value = labels[text(matcher.label) ?? ''] ?? '';
  const expected = text(matcher.value) ?? '';
  switch (text(matcher.match)) {
    case '=': return value === expected;
    case '!=': return value !== expected;
    case '=~':
    case '!~': {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${expected})$`);
      } catch {
        return false;
      }
      return text(matcher.match) === '=~' ? re.test(value) : !re.test(value);
    }
    default: return false;
  }
}

interface Route {
  readonly contactPoint?: string;
  readonly muteTimings: string[];
}

/** The routes a rule's labels reach in a notification policy tree: first matching child, more when `continue` is set. */
function routesFor(policy: JsonObject, labels: { [key: string]: string }, inherited: Route): Route[] {
  const here: Route = {
    contactPoint: text(policy.contact_point) ?? inherited.contactPoint,
    muteTimings: [...inherited.muteTimings, ...texts(policy.mute_timings)],
  };
  const out: Route[] = [];
  for (const child of blocks(policy.policy)) {
    if (!blocks(child.matcher).every((m) => matches(m, labels))) continue;
    out.push(...routesFor(child, labels, here));
    if (child.continue !== true) return out;
  }
  return out.length > 0 ? out : [here];
}

export class AlertDelivery {
  private readonly downtimes: Downtime[];
  private readonly contactPoints = new Map<string, TfResource>();
  private readonly muteTimings = new Map<string, TfResource>();
  private readonly policy?: JsonObject;

  constructor(private readonly analysis: StackAnalysis) {
    const resources = analysis.stack.resources;
    this.downtimes = downtimesOf(resources).filter((d) => d.forever);
    for (const r of resources) {
      if (r.type === 'grafana_contact_point' && text(r.body.name)) this.contactPoints.set(text(r.body.name)!, r);
      if (r.type === 'grafana_mute_timing' && text(r.body.name)) this.muteTimings.set(text(r.body.name)!, r);
    }
    this.policy = resources.find((r) => r.type === 'grafana_notification_policy')?.body;
  }

  /** Why an alerting resource reaches nobody, or undefined. */
  public problem(r: TfResource): DeliveryProblem {
    if (r.type === 'datadog_monitor' || r.type === 'datadog_synthetics_test') return this.datadogProblem(r);
    if (r.type === 'grafana_rule_group') return this.grafanaProblem(r);
    return undefined;
  }

  private datadogProblem(r: TfResource): DeliveryProblem {
    const message = text(r.body.message) ?? '';
    if (!/(?:^|[\s({},;])@[A-Za-z0-9_.-]+/.test(message)) return `${r.address}'s message names no @handle, so it notifies nobody`;
    const muting = this.downtimes.find((d) => covers(d, r, this.analysis.text(r)));
    if (muting) return `${r.address} is muted with no end by ${muting.resource.address}`;
    return undefined;
  }

  private grafanaProblem(r: TfResource): DeliveryProblem {
    const problems: string[] = [];
    for (const rule of blocks(r.body.rule)) {
      const name = text(rule.name) ?? '?';
      if (rule.is_paused === true) {
        problems.push(`rule '${name}' is paused`);
        continue;
      }
      const settings = block(rule.notification_settings);
      const routes: Route[] = settings && text(settings.contact_point)
        ? [{ contactPoint: text(settings.contact_point), muteTimings: texts(settings.mute_time_intervals) }]
        : this.policy ? routesFor(this.policy, ruleLabels(rule), { muteTimings: [] }) : [{ muteTimings: [] }];
      const why = routes.map((route) => this.routeProblem(route));
      if (why.every((w) => w !== undefined)) problems.push(`rule '${name}' ${why[0]}`);
      else return undefined;
    }
    return problems.length > 0 ? `${r.address}: ${problems.join('; ')}` : undefined;
  }

  private routeProblem(route: Route): DeliveryProblem {
    for (const name of route.muteTimings) {
      const timing = this.muteTimings.get(name);
      const intervals = timing ? blocks(timing.body.intervals) : undefined;
      if (timing && (intervals!.length === 0 || intervals!.some((i) => Object.keys(i).every((k) => k === 'location' || !hasValue(i[k]))))) {
        return `is routed through mute timing '${name}' (${timing.address}), which has no time interval and mutes always`;
      }
    }
    const point = route.contactPoint ? this.contactPoints.get(route.contactPoint) : undefined;
    if (point && !Object.entries(point.body).some(([k, v]) => !NOT_INTEGRATIONS.has(k) && blocks(v).length > 0)) {
      return `is routed to contact point '${route.contactPoint}' (${point.address}), which has no integration`;
    }
    return undefined;
  }
}

function hasValue(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return v !== undefined && v !== null && v !== '';
}
