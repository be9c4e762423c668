import { describeValue } from './input-shape';
import { DNS_1123_SUBDOMAIN, failValidation } from './validation';

// Label, annotation and tag syntax of the APIs the library writes to, checked where the user's
// maps enter, so a bad key fails synth instead of the Kubernetes API, Prometheus or Datadog.

/** The name part of a Kubernetes label or annotation key, and a label value (which may be empty). */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * A Kubernetes label key: an optional DNS subdomain prefix (at most 253 characters) and `/`,
 * then a name of at most 63 characters (kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set).
 * Annotation keys follow the same rule (.../annotations/#syntax-and-character-set).
 */
export function isKubernetesLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_1123_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}

/** A Kubernetes label value: empty, or at most 63 characters of the label name alphabet. */
export function isKubernetesLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && LABEL_NAME.test(value));
}

/** Checks a map of Kubernetes labels; `field` is the user's prop path. */
export function requireKubernetesLabels(subject: string, field: string, labels: { [key: string]: string } | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!isKubernetesLabelKey(key)) {
      failValidation(subject, `${field} key '${key}' is not a Kubernetes label key`, KEY_FIX);
    }
    if (!isKubernetesLabelValue(value)) {
      failValidation(subject, `${field}['${key}'] value ${describeValue(value)} is not a Kubernetes label value`, "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or an empty value)");
    }
  }
}

/** Checks the keys of a map of Kubernetes annotations (their values are free text). */
export function requireKubernetesAnnotations(subject: string, field: string, annotations: { [key: string]: string } | undefined): void {
  for (const key of Object.keys(annotations ?? {})) {
    if (!isKubernetesLabelKey(key)) failValidation(subject, `${field} key '${key}' is not a Kubernetes annotation key`, KEY_FIX);
  }
}

const KEY_FIX = "use an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (e.g. 'app.kubernetes.io/name')";

/** A Prometheus label name (prometheus.io/docs/concepts/data_model/#metric-names-and-labels); `__` names are reserved. */
export function isPrometheusLabelName(name: string): boolean {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) && !name.startsWith('__');
}

/**
 * Datadog tags (docs.datadoghq.com/getting_started/tagging/#define-tags): start with a letter;
 * letters, digits, `_`, `-`, `:`, `.` and `/` (anything else becomes `_`); lowercased; at most
 * 200 characters. A tag Datadog would change is refused, since the library's queries and
 * searches would then look for a tag that does not exist.
 */
const DATADOG_TAG_MAX = 200;
const DATADOG_TAG_KEY = /^[a-z][a-z0-9_\-./]*$/;
const DATADOG_TAG_VALUE = /^[a-z0-9_\-:./]*$/;

/** A tag the library sets itself, with what it holds, so a user's tag cannot override it. */
export interface ReservedTag {
  readonly key: string;
  readonly value: string;
}

/** Checks a map of Datadog tags the user adds to the library's own (`reserved`). */
export function requireDatadogTags(subject: string, field: string, tags: { [key: string]: string } | undefined, reserved: ReservedTag[], keyOnly = false): void {
  for (const [key, value] of Object.entries(tags ?? {})) {
    if (value === '' && !keyOnly) {
      failValidation(subject, `${field}['${key}'] is empty, and Datadog would keep the tag '${key}:'`, 'give it a value, or leave the tag out');
    }
    const own = reserved.find((r) => r.key === key);
    if (own !== undefined) {
      failValidation(
        subject,
        `${field}['${key}'] would override the library's own tag ${own.key}:${own.value}, which monitors, dashboards and queries select the gateway by`,
        `remove it; the library sets ${reserved.map((r) => r.key).join(', ').replace(/, ([^,]*)$/, ' and $1')} itself`,
      );
    }
    if (!DATADOG_TAG_KEY.test(key)) {
      failValidation(subject, `${field} key '${key}' is not a Datadog tag key`, `start with a lower-case letter and use lower-case letters, digits, '_', '-', '.' and '/' only (Datadog would turn it into '${datadogForm(key)}')`);
    }
    if (!DATADOG_TAG_VALUE.test(value)) {
      failValidation(
        subject,
        `${field}['${key}'] value ${describeValue(value)} is not kept as written: Datadog lowercases tags and turns other characters than letters, digits, '_', '-', ':', '.' and '/' into '_'`,
        `write it as Datadog would store it, '${datadogForm(value)}'`,
      );
    }
    const tag = `${key}:${value}`;
    if (tag.length > DATADOG_TAG_MAX) {
      failValidation(
        subject,
        `${field}['${key}'] makes the Datadog tag ${describeValue(tag)} of ${tag.length} characters, and Datadog keeps at most ${DATADOG_TAG_MAX}`,
        `shorten the value to at most ${DATADOG_TAG_MAX - key.length - 1} characters`,
      );
    }
  }
}

/** What Datadog stores for a tag part: lowercased, other characters turned into `_`. */
function datadogForm(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_\-:./]/g, '_');
}
