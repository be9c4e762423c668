import { Construct } from 'constructs';
import { renderSignalAlerting } from './alerting-options';
import { healthAlertingSignals, warnUnavailableSignals } from './signal-split';
import { checkConstructArguments } from '../core/input-shape';
import { failValidation, reportingAs } from '../core/validation';
import { DatadogAlertingOptions } from '../datadog/datadog-backend';
import { DatadogMonitors } from '../datadog/monitors';
import { DatadogSlo, DatadogSloSource, DatadogSloTimeframe } from '../datadog/slo';
import { DatadogEndpointTestProps, DatadogReadinessTestProps, DatadogSynthetics } from '../datadog/synthetics';
import { identityKey } from '../gateway/gateway-identity';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaAlertRules } from '../grafana/alerting/grafana-alert-rules';
import { GrafanaAlertingPolicy, GrafanaAlertingPolicyProps } from '../grafana/alerting/grafana-alerting-policy';
import { GrafanaAlertingOptions } from '../grafana/grafana-backend';
import { PrometheusAlertingOptions } from '../prometheus/prometheus-backend';
import { PrometheusRules } from '../prometheus/prometheus-rules';
import { BackendAlerting, MonitoringBackend } from '../signals/monitoring-backend';

/** An availability SLO in Datadog. */
export interface HealthAlertingSloOptions {
  /**
   * What the SLO counts. SYNTHETIC_TEST needs `synthetics.endpoint`.
   * @default DatadogSloSource.ERROR_RATIO (READINESS_MONITOR on a hybrid control plane, which proxies nothing)
   */
  readonly source?: DatadogSloSource;

  /**
   * Target in percent, above 1 and below 100 (a fraction such as 0.999 is refused: write 99.9).
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
   * More backends, your own included (subclasses of `MonitoringBackend`): each renders the
   * same signals under its own child id.
   * @default []
   */
  readonly backends?: MonitoringBackend[];

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
  /** What each backend rendered, built-in and your own, in the order given (datadog, grafana, prometheus, then `backends`). */
  public readonly backendAlerting: BackendAlerting[];
  public readonly datadogMonitors?: DatadogMonitors;
  public readonly datadogSynthetics?: DatadogSynthetics;
  public readonly datadogSlo?: DatadogSlo;
  public readonly grafanaRules?: GrafanaAlertRules;
  public readonly grafanaPolicy?: GrafanaAlertingPolicy;
  public readonly prometheusRules?: PrometheusRules;

  public constructor(scope: Construct, id: string, props: HealthAlertingProps) {
    super(scope, checkConstructArguments('HealthAlerting', scope, id, props));
    const { gateway } = props;
    if (!props.datadog && !props.grafana && !props.prometheus && (props.backends ?? []).length === 0) {
      failValidation(`HealthAlerting '${id}'`, 'none of datadog, grafana, prometheus or backends is set, so no alert would exist', 'set at least one of them, e.g. prometheus: {} or backends: [new PrometheusBackend()]');
    }
    if (props.datadog && props.datadog.notify === undefined) {
      failValidation(`HealthAlerting '${id}'`, 'datadog.notify is not set, so the Datadog monitors would notify no one', 'set datadog.notify, or give KongMonitoring notifications');
    }
    const subject = `HealthAlerting '${id}'`;
    const rendered = renderSignalAlerting(this, subject, gateway, healthAlertingSignals(gateway), props);
    warnUnavailableSignals(this, gateway, 'health-alerting');
    this.backendAlerting = rendered.rendered;
    this.datadogMonitors = rendered.datadogMonitors;
    this.grafanaRules = rendered.grafanaRules;
    this.prometheusRules = rendered.prometheusRules;

    if (props.datadog) {
      const dd = props.datadog;
      const synthetics = dd.synthetics;
      if (synthetics?.endpoint || synthetics?.readiness) {
        this.datadogSynthetics = reportingAs(subject, {
          struct: 'DatadogSyntheticsProps',
          prefix: 'datadog.',
          renamed: { gateway: 'gateway', endpoint: 'datadog.synthetics.endpoint', readiness: 'datadog.synthetics.readiness', declarativeRouteCount: 'declarativeRouteCount' },
        }, () => new DatadogSynthetics(this, 'synthetics', {
          gateway,
          collection: dd.collection,
          notify: dd.notify!,
          endpoint: synthetics.endpoint,
          readiness: synthetics.readiness,
          declarativeRouteCount: props.declarativeRouteCount,
          renotifyInterval: dd.renotifyInterval,
          tags: dd.tags,
        }));
      }
      const slo = dd.slo;
      if (slo) {
        const source = slo.source ?? (gateway.proxiesTraffic ? DatadogSloSource.ERROR_RATIO : DatadogSloSource.READINESS_MONITOR);
        this.datadogSlo = reportingAs(subject, {
          struct: 'DatadogSloProps',
          prefix: 'datadog.slo.',
          renamed: { gateway: 'gateway', collection: 'datadog.collection', tags: 'datadog.tags', monitors: 'datadog', synthetics: 'datadog.synthetics' },
        }, () => new DatadogSlo(this, 'slo', {
          gateway,
          collection: dd.collection,
          source,
          monitors: this.datadogMonitors,
          synthetics: this.datadogSynthetics,
          targetPercent: slo.targetPercent,
          warningPercent: slo.warningPercent,
          timeframes: slo.timeframes,
          tags: dd.tags,
        }));
      }
    }

    const policy = props.grafana?.policy;
    if (policy) {
      this.grafanaPolicy = reportingAs(subject, { struct: 'GrafanaAlertingPolicyProps', prefix: 'grafana.policy.' }, () => new GrafanaAlertingPolicy(this, 'grafana-policy', policy));
      // The gateway's alerts get their own route unless the policy already lists it.
      const routed = (policy.gateways ?? []).some((r) => identityKey(r.gateway) === identityKey(gateway));
      if (!routed) this.grafanaPolicy.addGateway({ gateway });
    }
  }
}
