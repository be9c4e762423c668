import type { IConstruct } from 'constructs';
import type { Duration } from './duration';
import { INPUT_SHAPES } from './input-shapes.generated';

/**
 * The library's error for bad input: `<subject>: <what is wrong>. Fix: <what to do>.`, with
 * its parts kept so a construct that built another from the user's props can say it in the
 * user's terms (see `reportingAs`).
 */
export class ValidationError extends Error {
  constructor(
    /** The construct or call, e.g. `KongMonitoring 'kong' (stack/kong)` or `KongGateway.dbLess`. */
    public readonly subject: string,
    /** What is wrong, naming the prop path and the value. */
    public readonly problem: string,
    /** What to do. */
    public readonly fix: string,
  ) {
    super(`${subject}: ${problem}. Fix: ${fix}.`);
    this.name = 'ValidationError';
  }
}

/**
 * Every synth-time validation error goes through here, so messages share one shape:
 * `<Construct> '<id>': <what is wrong>. Fix: <what to do>.`
 */
export function failValidation(subject: string, problem: string, fix: string): never {
  throw new ValidationError(subject, problem, fix);
}

/** How a construct's props map onto the props the user wrote, for `reportingAs`. */
export interface UserPropPaths {
  /** The inner construct's props struct, e.g. `DatadogMonitorsProps`: the names it rewrites. */
  readonly struct: string;
  /** The user's path to the inner construct's props, e.g. `datadog.` (empty when the same). */
  readonly prefix: string;
  /** Inner props the user wrote elsewhere, by their whole path, e.g. `{ datasourceUid: 'grafana.prometheusDatasourceUid' }`. */
  readonly renamed?: { [inner: string]: string };
}

/**
 * Builds an inner construct from the user's props and reports its validation errors as the
 * outer construct's, in the user's terms: `KongMonitoring 'kong' (stack/kong): datadog.notify...`
 * rather than the inner construct's id (`DatadogMonitors 'datadog'`), which the user never wrote.
 * Prop paths at the start of the problem, and those followed by `.` or `[` in the fix, are
 * rewritten; a path the inner props do not know is left as it is.
 */
export function reportingAs<T>(subject: string, paths: UserPropPaths, build: () => T): T {
  let built: T;
  try {
    built = build();
  } catch (e) {
    throw reportedAs(subject, paths, e);
  }
  if (typeof built === 'object' && built !== null && 'node' in built) reportSynthErrorsAs(built as unknown as IConstruct, subject, paths);
  return built;
}

/** `error` as `reportingAs` reports it: a validation error in the outer construct's terms, anything else as it is. */
export function reportedAs(subject: string, paths: UserPropPaths, error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  return new ValidationError(subject, rewritePaths(error.problem, paths, true), rewritePaths(error.fix, paths, false));
}

/** The checks `construct` runs at synth are reported as `reportingAs` reports construction errors (see `synthError`). */
export function reportSynthErrorsAs(construct: IConstruct, subject: string, paths: UserPropPaths): void {
  REPORTERS.set(construct, { subject, paths });
}

const REPORTERS = new WeakMap<IConstruct, { subject: string; paths: UserPropPaths }>();

/**
 * The message of an error a construct finds at synth (a `node.addValidation`), reported by each
 * construct that built it from the user's props, as `reportingAs` reports construction errors.
 */
export function synthError(scope: IConstruct, subject: string, problem: string, fix: string): string {
  let error = new ValidationError(subject, problem, fix);
  for (const construct of [...scope.node.scopes].reverse()) {
    const reporter = REPORTERS.get(construct);
    if (reporter) error = new ValidationError(reporter.subject, rewritePaths(error.problem, reporter.paths, true), rewritePaths(error.fix, reporter.paths, false));
  }
  return error.message;
}

function rewritePaths(text: string, paths: UserPropPaths, leading: boolean): string {
  const userPath = (name: string) => paths.renamed?.[name] ?? `${paths.prefix}${name}`;
  const known = new Set((INPUT_SHAPES.structs[paths.struct] ?? []).map(([name]) => name));
  let out = text;
  if (leading) {
    const first = /^([A-Za-z_]\w*)(?=$|[\s.[])/.exec(out);
    if (first && known.has(first[1])) out = userPath(first[1]) + out.slice(first[1].length);
  }
  // Later mentions of a prop path (`notify.critical`, `signals['node-ready']`) in the text.
  return out.replace(/(^|[\s(,'`])([A-Za-z_]\w*)(?=[.[])/g, (whole, before: string, name: string, offset: number) =>
    known.has(name) && !(leading && offset === 0) ? `${before}${userPath(name)}` : whole);
}

/** Kubernetes DNS-1123 label: lower-case alphanumerics and '-', 63 characters at most. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function requireDns1123Label(subject: string, field: string, value: string): void {
  if (value.length > 63 || !DNS_1123_LABEL.test(value)) {
    failValidation(
      subject,
      `${field} '${value}' is not a DNS-1123 label`,
      "use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
    );
  }
}

export function requirePort(subject: string, field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    failValidation(subject, `${field} ${value} is out of range`, 'use a whole port number between 1 and 65535');
  }
}

/** The largest value of a Kubernetes `int32` field (replicas, probe thresholds). */
export const INT32_MAX = 2147483647;

export function requirePositiveInteger(subject: string, field: string, value: number, max: number = INT32_MAX): void {
  if (!Number.isInteger(value) || value < 1) {
    failValidation(subject, `${field} ${value} must be a whole number of 1 or more`, `set ${field} to 1 or more`);
  }
  if (value > max) {
    failValidation(subject, `${field} ${value} is above ${max}${max === INT32_MAX ? ', the most Kubernetes accepts (int32)' : ''}`, `set ${field} to at most ${max}`);
  }
}

/** Kubernetes DNS-1123 subdomain (Secret and ConfigMap names): 253 characters at most. */
export const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function requireDns1123Subdomain(subject: string, field: string, value: string): void {
  if (typeof value !== 'string' || value.length > 253 || !DNS_1123_SUBDOMAIN.test(value)) {
    failValidation(subject, `${field} '${value}' is not a DNS-1123 subdomain`, "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (the name of an existing Secret)");
  }
}

/** An IPv4 or IPv6 block in CIDR notation (NetworkPolicy `ipBlock.cidr`). */
export function requireCidr(subject: string, field: string, value: string): void {
  const v4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
  const v6 = /^[0-9a-fA-F:]+\/(12[0-8]|1[01]\d|\d?\d)$/;
  if (typeof value !== 'string' || (!v4.test(value) && !(value.includes(':') && v6.test(value)))) {
    failValidation(subject, `${field} '${value}' is not a CIDR block`, "write it as address/prefix length, e.g. '10.0.0.0/16'");
  }
}

/** A per-field maximum of a duration (each documented in its field's JSDoc). */
export function requireDurationAtMost(subject: string, field: string, value: Duration, max: Duration, fix: string, why = ''): void {
  if (value.isLongerThan(max)) {
    failValidation(subject, `${field} ${value.toPrometheus()} is longer than ${max.toPrometheus()}${why}`, fix);
  }
}

/**
 * Refuses `{{` and `}}` in a value written into a notification template or a templated field
 * (Datadog monitor messages, Grafana contact point settings, alert annotations): they would be
 * read as template syntax and could end a `{{#is_alert}}` block or break the template.
 */
export function refuseTemplateSyntax(subject: string, field: string, value: string | undefined, readers: string, fix = "write the value literally, without '{{' and '}}'"): void {
  if (value !== undefined && (value.includes('{{') || value.includes('}}'))) {
    failValidation(subject, `${field} '${value}' holds '{{' or '}}', which ${readers} as template syntax`, fix);
  }
}
