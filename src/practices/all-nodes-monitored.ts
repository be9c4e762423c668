import { Construct } from 'constructs';
import { DatadogAlertingOptions, GrafanaAlertingOptions, PrometheusAlertingOptions, signalAlertingProps } from './alerting-options';
import { allNodesSignals, warnUnavailableSignals } from './signal-split';
import { failValidation } from '../core/validation';
import { DatadogMonitors } from '../datadog/monitors';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaAlertRules } from '../grafana/alerting/grafana-alert-rules';
import { PrometheusRules } from '../prometheus/prometheus-rules';

/** Props of {@link AllNodesMonitored}. */
export interface AllNodesMonitoredProps {
  /** The gateway whose every node is watched. */
  readonly gateway: KongGateway;

  /**
   * Datadog monitors.
   * @default - none
   */
  readonly datadog?: DatadogAlertingOptions;

  /**
   * Grafana-managed alert rules (a rule group of their own, `<gateway>-nodes`).
   * @default - none
   */
  readonly grafana?: GrafanaAlertingOptions;

  /**
   * Prometheus Operator rules (a PrometheusRule of their own).
   * @default - none
   */
  readonly prometheus?: PrometheusAlertingOptions;
}

/**
 * Recommendation 7: monitor every node of a cluster, since one healthy data plane says
 * nothing of the others. Every node's metrics endpoint is alerted on per node (grouped by
 * pod or check instance, so a new node is covered without a new resource and 300 nodes cost
 * what 3 do); the ready node count is held against the expected count, which also catches
 * nodes that vanish without a trace; and on a hybrid control plane, its view of each data
 * plane: the data planes it heard from recently against the expected number, configuration
 * drift and version compatibility among them.
 */
export class AllNodesMonitored extends Construct {
  public readonly datadogMonitors?: DatadogMonitors;
  public readonly grafanaRules?: GrafanaAlertRules;
  public readonly prometheusRules?: PrometheusRules;

  public constructor(scope: Construct, id: string, props: AllNodesMonitoredProps) {
    super(scope, id);
    const { gateway } = props;
    if (!props.datadog && !props.grafana && !props.prometheus) {
      failValidation(`AllNodesMonitored '${id}'`, 'none of datadog, grafana or prometheus is set, so no node would be watched', 'set at least one backend');
    }
    const alerting = signalAlertingProps(this, gateway, allNodesSignals(gateway), props, 'nodes');
    warnUnavailableSignals(this, gateway, 'all-nodes');
    this.datadogMonitors = alerting.datadog && new DatadogMonitors(this, 'datadog', alerting.datadog);
    this.grafanaRules = alerting.grafana && new GrafanaAlertRules(this, 'grafana', alerting.grafana);
    this.prometheusRules = alerting.prometheus && new PrometheusRules(this, 'prometheus', alerting.prometheus);
  }
}
