// What an alert says and how it is labelled, shared by every backend that renders alert rules
// (Prometheus, Grafana), so the same signal reads and routes the same way in each.
import { ResolvedSignal, formatNumber } from './resolved-signal';
import { refuseSecretUrl } from '../core/literal-secrets';
import { failValidation, refuseTemplateSyntax } from '../core/validation';
import { identityTitle } from '../gateway/gateway-identity';
import { KongGateway } from '../gateway/kong-gateway';
import { Severity } from '../gateway/signal-vocabulary';

/** Label names every alert of the library carries; notification policies match on them. */
export const ALERT_LABEL = {
  severity: 'severity',
  gateway: 'kong_gateway',
  environment: 'kong_environment',
  cluster: 'kong_cluster',
  team: 'team',
  signal: 'signal',
} as const;

/** Alert name in Prometheus style, from the signal title: `Kong node not ready` → `KongNodeNotReady`. */
export function alertName(signal: ResolvedSignal): string {
  return signal.title
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/**
 * The labels of one alert level of a signal for a gateway. `severity` is the one routing
 * label, and it tells the two levels of a signal apart (critical/warning for a critical
 * signal, warning/info for a warning signal).
 */
export function alertLabels(gateway: KongGateway, signal: ResolvedSignal, level: Severity): { [key: string]: string } {
  return {
    [ALERT_LABEL.severity]: signal.routedSeverity(level),
    [ALERT_LABEL.gateway]: gateway.name,
    [ALERT_LABEL.environment]: gateway.environment,
    // Alerts of same-named gateways in other clusters route apart (Alertmanager, Grafana policy).
    ...(gateway.cluster ? { [ALERT_LABEL.cluster]: gateway.cluster } : {}),
    ...(gateway.team ? { [ALERT_LABEL.team]: gateway.team } : {}),
    [ALERT_LABEL.signal]: signal.id,
  };
}

/**
 * Annotations of one alert level. `valueTemplate` is how the backend's templating prints
 * the current value (`{{ $value | humanize }}` in Prometheus, `{{ $values.B }}`, the
 * reduced value, in Grafana); group labels (pod, hostname, upstream...) are printed with
 * `{{ $labels.<name> }}`, which both backends understand.
 */
export function alertAnnotations(
  gateway: KongGateway,
  signal: ResolvedSignal,
  level: Severity,
  valueTemplate: string,
  runbookBaseUrl?: string,
): { [key: string]: string } {
  const threshold = signal.threshold(level)!;
  const where = signal.promqlGroupBy.map((l) => `${l} {{ $labels.${l} }}`).join(', ');
  const summary = `${signal.title}${where ? `: ${where}` : ''} (gateway ${identityTitle(gateway).replace(' (', ', ').replace(/\)$/, '')})`;
  const note = signal.overrideNote();
  const description = `${signal.description} Value ${valueTemplate} (${signal.quantity}), ${signal.routedSeverity(level)} when ${signal.comparator} ${formatNumber(threshold)} for ${signal.window.toPrometheus()}.${note ? ` ${note}` : ''}`;
  const annotations: { [key: string]: string } = { summary, description };
  if (runbookBaseUrl !== undefined) {
    annotations.runbook_url = `${runbookBaseUrl.replace(/\/+$/, '')}/${signal.id}`;
  } else {
    annotations.runbook = signal.runbook;
  }
  return annotations;
}

/** Checks a runbook base URL given by a user. */
export function validateRunbookBaseUrl(subject: string, url: string | undefined): void {
  if (url === undefined) return;
  refuseSecretUrl(subject, 'runbookBaseUrl', url);
  refuseTemplateSyntax(subject, 'runbookBaseUrl', url, 'Prometheus and Grafana read', 'give the base URL literally; the signal id is appended');
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(url)) {
    failValidation(subject, `runbookBaseUrl '${url}' is not an http(s) URL`, "give the page that holds one runbook per signal, e.g. 'https://runbooks.example.com/kong' (the signal id is appended)");
  }
}
