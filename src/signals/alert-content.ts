// What an alert says and how it is labelled, shared by every backend that renders alert rules
// (Prometheus, Grafana), so the same signal reads and routes the same way in each.
import { ResolvedSignal, formatNumber } from './resolved-signal';
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
): { [key: string]: string } {
  const threshold = signal.threshold(level)!;
  const where = signal.promqlGroupBy.map((l) => `${l} {{ $labels.${l} }}`).join(', ');
  const summary = `${signal.title}${where ? `: ${where}` : ''} (gateway ${identityTitle(gateway).replace(' (', ', ').replace(/\)$/, '')})`;
  const note = signal.overrideNote();
  const description = `${signal.description} Value ${valueTemplate} (${signal.quantity}), ${signal.routedSeverity(level)} when ${signal.comparator} ${formatNumber(threshold)} for ${signal.window.toPrometheus()}.${note ? ` ${note}` : ''}`;
  const annotations: { [key: string]: string } = { summary, description };
  if (signal.runbookUrl !== undefined) {
    annotations.runbook_url = signal.runbookUrl;
  } else {
    annotations.runbook = signal.runbook;
  }
  return annotations;
}
