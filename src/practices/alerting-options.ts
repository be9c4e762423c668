// How a practice renders its signals: it hands them to each backend through one contract
// (`MonitoringBackend`) and says at synth which signals no backend could alert on.
import { Construct } from 'constructs';
import { UserPropPaths, failValidation, reportSynthErrorsAs, reportedAs } from '../core/validation';
import { DatadogAlertingOptions, DatadogBackend } from '../datadog/datadog-backend';
import { DatadogMonitors } from '../datadog/monitors';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaAlertRules } from '../grafana/alerting/grafana-alert-rules';
import { GrafanaAlertingOptions, GrafanaBackend } from '../grafana/grafana-backend';
import { Annotations } from '../internal/cdktf';
import { PrometheusAlertingOptions, PrometheusBackend } from '../prometheus/prometheus-backend';
import { PrometheusRules } from '../prometheus/prometheus-rules';
import { signalsOf } from '../signals/gateway-signals';
import { BackendAlerting, MonitoringBackend, RenderedSignalAlerting } from '../signals/monitoring-backend';

/** The backends a practice's props ask for, each with the prop path its errors are reported under. */
export interface PracticeBackends {
  readonly datadog?: DatadogAlertingOptions;
  readonly grafana?: GrafanaAlertingOptions;
  readonly prometheus?: PrometheusAlertingOptions;
  readonly backends?: MonitoringBackend[];
}

/** What each backend rendered, with the built-in ones picked out for the practices' fields. */
export interface PracticeAlerting {
  readonly rendered: BackendAlerting[];
  readonly datadogMonitors?: DatadogMonitors;
  readonly grafanaRules?: GrafanaAlertRules;
  readonly prometheusRules?: PrometheusRules;
}

/** The built-in backends of the options, then the practice's own `backends`, in that order. */
export function backendsOf(props: PracticeBackends): Array<{ backend: MonitoringBackend; path: string }> {
  return [
    ...(props.datadog ? [{ backend: new DatadogBackend(props.datadog), path: 'datadog.' }] : []),
    ...(props.grafana ? [{ backend: new GrafanaBackend(props.grafana), path: 'grafana.' }] : []),
    ...(props.prometheus ? [{ backend: new PrometheusBackend(props.prometheus), path: 'prometheus.' }] : []),
    ...(props.backends ?? []).map((backend, i) => ({ backend, path: `backends[${i}].` })),
  ];
}

/**
 * Renders a set of signals in every backend asked for, each under its own child id.
 * `nameSuffix` keeps a second practice's rule group and PrometheusRule apart from the first
 * one's. Errors of the constructs made here are reported as `subject`'s, with the practice's
 * prop paths (`datadog.notify`, `grafana.prometheusDatasourceUid`).
 */
export function renderSignalAlerting(
  scope: Construct,
  subject: string,
  gateway: KongGateway,
  signals: string[],
  props: PracticeBackends,
  nameSuffix?: string,
): PracticeAlerting {
  const request = { gateway, signals: signalsOf(gateway).filter((s) => signals.includes(s.id)), nameSuffix };
  const backends = backendsOf(props);
  backends.forEach(({ backend, path }, i) => {
    const first = backends.findIndex((b) => b.backend.id === backend.id);
    if (first < i) {
      failValidation(subject, `${path.slice(0, -1)} has id '${backend.id}', which ${backends[first].path.slice(0, -1)} already renders under`, 'give each backend its own id');
    }
  });
  // A plain loop and an inline catch: cdktf captures the whole call stack for every token the
  // backends' resources create, so each frame between here and them costs time at scale.
  const rendered: BackendAlerting[] = [];
  for (const { backend, path } of backends) {
    const paths: UserPropPaths = (backend as { _propPaths?: (prefix: string) => UserPropPaths })._propPaths?.(path) ?? { struct: '', prefix: path };
    let result: RenderedSignalAlerting;
    try {
      result = backend.renderAlerting(scope, request);
    } catch (e) {
      throw reportedAs(subject, paths, e);
    }
    reportSynthErrorsAs(result.construct, subject, paths);
    rendered.push({ backend, rendered: result });
  }
  reportSkippedSignals(scope, gateway, rendered);
  const construct = <T>(type: abstract new (...args: any[]) => T): T | undefined => rendered.map((r) => r.rendered.construct).find((c): c is T & Construct => c instanceof type);
  return {
    rendered,
    datadogMonitors: construct(DatadogMonitors),
    grafanaRules: construct(GrafanaAlertRules),
    prometheusRules: construct(PrometheusRules),
  };
}

/**
 * Signals a backend cannot express: covered by another backend of the practice (said as
 * information), or watched by nothing (said as a warning): a silently missing alert would look
 * like coverage.
 */
function reportSkippedSignals(scope: Construct, gateway: KongGateway, rendered: PracticeAlerting['rendered']): void {
  for (const { backend, rendered: result } of rendered) {
    for (const skipped of result.skippedSignals) {
      const covering = rendered.filter((r) => r.backend !== backend && r.rendered.alertedSignals.includes(skipped.signal)).map((r) => `${r.backend.alertTitle}s`);
      const what = `Signal '${skipped.signal}' of KongGateway '${gateway.name}' has no ${backend.alertTitle}: ${skipped.reason}.`;
      if (covering.length > 0) {
        Annotations.of(scope).addInfo(`${what} The gateway's ${covering.join(' and ')} cover it.`);
      } else {
        Annotations.of(scope).addWarning(`${what} Nothing watches it here: add a backend that reads PromQL (grafana or prometheus) to this gateway's monitoring.`);
      }
    }
  }
}
