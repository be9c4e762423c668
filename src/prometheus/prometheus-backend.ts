import { Construct } from 'constructs';
import { PrometheusRules } from './prometheus-rules';
import { checkCall } from '../core/input-shape';
import { UserPropPaths } from '../core/validation';
import { MonitoringBackend, RenderedSignalAlerting, SignalAlertingRequest, SignalQueryLanguage } from '../signals/monitoring-backend';

/** Prometheus Operator rules (PrometheusRule) of an alerting practice. */
export interface PrometheusAlertingOptions {
  /**
   * Namespace of the PrometheusRule object.
   * @default - the gateway's namespace
   */
  readonly namespace?: string;

  /**
   * Labels the Prometheus Operator's `ruleSelector` matches (kube-prometheus-stack: `release`).
   * @default {}
   */
  readonly labels?: { [key: string]: string };

}

/** Prometheus as a monitoring backend: a PrometheusRule for the Prometheus Operator (`PrometheusRules`). */
export class PrometheusBackend extends MonitoringBackend {
  public readonly id = 'prometheus';
  public readonly alertTitle = 'Prometheus alerting rule';
  /** The options the rules are made with. */
  public readonly options: PrometheusAlertingOptions;

  public constructor(options: PrometheusAlertingOptions = {}) {
    super();
    checkCall('PrometheusBackend', options);
    this.options = options;
  }

  public renderAlerting(scope: Construct, request: SignalAlertingRequest): RenderedSignalAlerting {
    checkCall('PrometheusBackend.renderAlerting', scope, request);
    const options = this.options;
    const rules = new PrometheusRules(scope, this.id, {
      gateways: [request.gateway],
      namespace: options.namespace,
      labels: options.labels,
      includeSignals: request.signals.map((s) => s.id),
      nameSuffix: request.nameSuffix,
    });
    const alerted = new Set(rules.ruleGroups.flatMap((g) => g.rules.map((r) => r.labels.signal)));
    return {
      construct: rules,
      alertedSignals: request.signals.map((s) => s.id).filter((id) => alerted.has(id)),
      skippedSignals: [],
      reads: { language: SignalQueryLanguage.PROMQL },
    };
  }

  /** @internal how errors of the rules read in the options' terms, under `prefix` */
  public _propPaths(prefix: string): UserPropPaths {
    return { struct: 'PrometheusRulesProps', prefix, renamed: { gateways: 'gateway' } };
  }
}
