import { Construct } from 'constructs';
import { renderSignalAlerting } from './alerting-options';
import { allNodesSignals, warnUnavailableSignals } from './signal-split';
import { checkConstructArguments } from '../core/input-shape';
import { failValidation } from '../core/validation';
import { DatadogAlertingOptions } from '../datadog/datadog-backend';
import { DatadogMonitors } from '../datadog/monitors';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaAlertRules } from '../grafana/alerting/grafana-alert-rules';
import { GrafanaAlertingOptions } from '../grafana/grafana-backend';
import { PrometheusAlertingOptions } from '../prometheus/prometheus-backend';
import { PrometheusRules } from '../prometheus/prometheus-rules';
import { BackendAlerting, MonitoringBackend } from '../signals/monitoring-backend';

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

  /**
   * More backends, your own included (subclasses of `MonitoringBackend`): each renders the
   * same signals under its own child id.
   * @default []
   */
  readonly backends?: MonitoringBackend[];
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
  /** What each backend rendered, built-in and your own, in the order given (datadog, grafana, prometheus, then `backends`). */
  public readonly backendAlerting: BackendAlerting[];
  public readonly datadogMonitors?: DatadogMonitors;
  public readonly grafanaRules?: GrafanaAlertRules;
  public readonly prometheusRules?: PrometheusRules;

  public constructor(scope: Construct, id: string, props: AllNodesMonitoredProps) {
    super(scope, checkConstructArguments('AllNodesMonitored', scope, id, props));
    const { gateway } = props;
    if (!props.datadog && !props.grafana && !props.prometheus && (props.backends ?? []).length === 0) {
      failValidation(`AllNodesMonitored '${id}'`, 'none of datadog, grafana, prometheus or backends is set, so no node would be watched', 'set at least one of them, e.g. prometheus: {} or backends: [new PrometheusBackend()]');
    }
    if (props.datadog && props.datadog.notify === undefined) {
      failValidation(`AllNodesMonitored '${id}'`, 'datadog.notify is not set, so the Datadog monitors would notify no one', 'set datadog.notify, or give KongMonitoring notifications');
    }
    const rendered = renderSignalAlerting(this, `AllNodesMonitored '${id}'`, gateway, allNodesSignals(gateway), props, 'nodes');
    warnUnavailableSignals(this, gateway, 'all-nodes');
    this.backendAlerting = rendered.rendered;
    this.datadogMonitors = rendered.datadogMonitors;
    this.grafanaRules = rendered.grafanaRules;
    this.prometheusRules = rendered.prometheusRules;
  }
}
