import { Construct } from 'constructs';
import { DatadogAlertingOptions, GrafanaAlertingOptions, PrometheusAlertingOptions, signalAlertingProps } from './alerting-options';
import { healthAlertingSignals, warnUnavailableSignals } from './signal-split';
import { failValidation } from '../core/validation';
import { DatadogMonitors } from '../datadog/monitors';
import { DatadogSlo, DatadogSloSource, DatadogSloTimeframe } from '../datadog/slo';
import { DatadogEndpointTestProps, DatadogReadinessTestProps, DatadogSynthetics } from '../datadog/synthetics';
import { identityKey } from '../gateway/gateway-identity';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaAlertRules } from '../grafana/alerting/grafana-alert-rules';
import { GrafanaAlertingPolicy, GrafanaAlertingPolicyProps } from '../grafana/alerting/grafana-alerting-policy';
import { PrometheusRules } from '../prometheus/prometheus-rules';

/** An availability SLO in Datadog. */
export interface HealthAlertingSloOptions {
  /**
   * What the SLO counts. SYNTHETIC_TEST needs `synthetics.endpoint`.
   * @default DatadogSloSource.ERROR_RATIO (READINESS_MONITOR on a hybrid control plane, which proxies nothing)
   */
  readonly source?: DatadogSloSource;

  /**
   * Target in percent.
   * @default 99.9
   */
  readonly targetPercent?: number;

  /**
   * Warning level in percent, above the target.
   * @default - none
   */
  readonly warningPercent?: number;

  /**
   * Windows.
   * @default [DatadogSloTimeframe.THIRTY_DAYS]
   */
  readonly timeframes?: DatadogSloTimeframe[];
}

/** Datadog synthetic tests of {@link HealthAlerting}. */
export interface HealthAlertingSyntheticsOptions {
  /**
   * Test through the load balancer from managed locations.
   * @default - none
   */
  readonly endpoint?: DatadogEndpointTestProps;

  /**
   * Test of `/status/ready` from private locations.
   * @default - none
   */
  readonly readiness?: DatadogReadinessTestProps;
}

/** Datadog side of {@link HealthAlerting}. */
export interface HealthAlertingDatadogOptions extends DatadogAlertingOptions {
  /**
   * Synthetic tests.
   * @default - none
   */
  readonly synthetics?: HealthAlertingSyntheticsOptions;

  /**
   * Availability SLO.
   * @default - none
   */
  readonly slo?: HealthAlertingSloOptions;
}

/** Grafana side of {@link HealthAlerting}. */
export interface HealthAlertingGrafanaOptions extends GrafanaAlertingOptions {
  /**
   * Contact points, notification policy, mute timings and message template. Grafana has one
   * notification policy tree per organization: give it in one place only.
   * @default - none: the rules route through the organization's existing policy by their labels
   */
  readonly policy?: GrafanaAlertingPolicyProps;
}

/** Props of {@link HealthAlerting}. */
export interface HealthAlertingProps {
  /** The gateway to alert on. */
  readonly gateway: KongGateway;

  /**
   * Datadog monitors, synthetics and SLO.
   * @default - none
   */
  readonly datadog?: HealthAlertingDatadogOptions;

  /**
   * Grafana-managed alert rules and alerting policy.
   * @default - none
   */
  readonly grafana?: HealthAlertingGrafanaOptions;

  /**
   * Prometheus Operator rules for Alertmanager users.
   * @default - none
   */
  readonly prometheus?: PrometheusAlertingOptions;

  /**
   * Routes in the DB-less declarative configuration the stack writes for this gateway
   * (`KongMonitoring` passes it when it deploys Kong). With 0, Kong answers 404 to every
   * request and an endpoint synthetic test is refused.
   * @default - unknown: not checked
   */
  readonly declarativeRouteCount?: number;
}

/**
 * Recommendation 5: alert on the health checks, to be proactive. Per-node readiness
 * (`/status/ready`), the datastore, the control-plane connection of data planes, traffic
 * errors and latency, upstream health and resource pressure, in every backend asked for;
 * plus Datadog synthetics and SLO, and Grafana contact points, policy and mute timings.
 */
export class HealthAlerting extends Construct {
  public readonly datadogMonitors?: DatadogMonitors;
  public readonly datadogSynthetics?: DatadogSynthetics;
  public readonly datadogSlo?: DatadogSlo;
  public readonly grafanaRules?: GrafanaAlertRules;
  public readonly grafanaPolicy?: GrafanaAlertingPolicy;
  public readonly prometheusRules?: PrometheusRules;

  public constructor(scope: Construct, id: string, props: HealthAlertingProps) {
    super(scope, id);
    const { gateway } = props;
    if (!props.datadog && !props.grafana && !props.prometheus) {
      failValidation(`HealthAlerting '${id}'`, 'none of datadog, grafana or prometheus is set, so no alert would exist', 'set at least one backend');
    }
    const alerting = signalAlertingProps(this, gateway, healthAlertingSignals(gateway), props);
    warnUnavailableSignals(this, gateway, 'health-alerting');
    this.datadogMonitors = alerting.datadog && new DatadogMonitors(this, 'datadog', alerting.datadog);
    this.grafanaRules = alerting.grafana && new GrafanaAlertRules(this, 'grafana', alerting.grafana);
    this.prometheusRules = alerting.prometheus && new PrometheusRules(this, 'prometheus', alerting.prometheus);

    if (props.datadog) {
      const dd = props.datadog;
      if (dd.synthetics?.endpoint || dd.synthetics?.readiness) {
        this.datadogSynthetics = new DatadogSynthetics(this, 'synthetics', {
          gateway,
          collection: dd.collection,
          notify: dd.notify,
          endpoint: dd.synthetics.endpoint,
          readiness: dd.synthetics.readiness,
          declarativeRouteCount: props.declarativeRouteCount,
          renotifyInterval: dd.renotifyInterval,
          tags: dd.tags,
        });
      }
      if (dd.slo) {
        const source = dd.slo.source ?? (gateway.proxiesTraffic ? DatadogSloSource.ERROR_RATIO : DatadogSloSource.READINESS_MONITOR);
        this.datadogSlo = new DatadogSlo(this, 'slo', {
          gateway,
          collection: dd.collection,
          source,
          monitors: this.datadogMonitors,
          synthetics: this.datadogSynthetics,
          targetPercent: dd.slo.targetPercent,
          warningPercent: dd.slo.warningPercent,
          timeframes: dd.slo.timeframes,
          tags: dd.tags,
        });
      }
    }

    const policy = props.grafana?.policy;
    if (policy) {
      this.grafanaPolicy = new GrafanaAlertingPolicy(this, 'grafana-policy', policy);
      // The gateway's alerts get their own route unless the policy already lists it.
      const routed = (policy.gateways ?? []).some((r) => identityKey(r.gateway) === identityKey(gateway));
      if (!routed) this.grafanaPolicy.addGateway({ gateway });
    }
  }
}
