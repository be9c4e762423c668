import { Construct } from 'constructs';
import { validateSignalOptions } from './internal/notify-rules';
import { DatadogMonitors } from './monitors';
import { DatadogNotifyProps, DatadogSignalOptions } from './notify';
import { Duration } from '../core/duration';
import { checkCall } from '../core/input-shape';
import { UserPropPaths, failValidation } from '../core/validation';
import { signalsOf } from '../signals/gateway-signals';
import { MonitoringBackend, RenderedSignalAlerting, SignalAlertingRequest, SignalQueryLanguage } from '../signals/monitoring-backend';
import { DatadogCollection } from '../signals/signal-types';

/** Datadog monitors of an alerting practice. */
export interface DatadogAlertingOptions {
  /**
   * Where notifications go, per severity (`@pagerduty-...`, `@slack-...`, `@team-...`).
   * @default - `KongMonitoring`'s `notifications`; required without them
   */
  readonly notify?: DatadogNotifyProps;

  /**
   * How Datadog receives Kong's metrics.
   * @default DatadogCollection.AGENT_INTEGRATION
   */
  readonly collection?: DatadogCollection;

  /**
   * Per-signal handles, recovery counts, or no monitor; entries for signals another
   * practice renders are passed to that practice.
   * @default - every signal, notified per `notify`
   */
  readonly signals?: DatadogSignalOptions[];

  /**
   * Re-notification interval of unresolved critical alerts.
   * @default Duration.minutes(60)
   */
  readonly renotifyInterval?: Duration;

  /**
   * Extra monitor tags.
   * @default {}
   */
  readonly tags?: { [key: string]: string };
}

/** Datadog as a monitoring backend: one monitor per signal it can express (`DatadogMonitors`). */
export class DatadogBackend extends MonitoringBackend {
  public readonly id = 'datadog';
  public readonly alertTitle = 'Datadog monitor';
  /** The options the monitors are made with. */
  public readonly options: DatadogAlertingOptions;

  public constructor(options: DatadogAlertingOptions) {
    super();
    checkCall('DatadogBackend', options);
    this.options = options;
  }

  public renderAlerting(scope: Construct, request: SignalAlertingRequest): RenderedSignalAlerting {
    checkCall('DatadogBackend.renderAlerting', scope, request);
    const { gateway } = request;
    const options = this.options;
    const collection = options.collection ?? DatadogCollection.AGENT_INTEGRATION;
    if (options.notify === undefined) {
      failValidation(DATADOG_BACKEND, 'notify is not set, so the monitors would notify no one', 'set notify, or give KongMonitoring notifications');
    }
    const ids = request.signals.map((s) => s.id);
    // Every entry, also those for another practice's signals (they would otherwise never be checked).
    validateSignalOptions(DATADOG_BACKEND, 'signals', signalsOf(gateway).map((s) => s.id), options.signals ?? []);
    const monitors = new DatadogMonitors(scope, this.id, {
      gateway,
      collection,
      notify: options.notify,
      includeSignals: ids,
      // Per-signal entries for signals another practice renders go to that practice.
      signals: (options.signals ?? []).filter((o) => ids.includes(o.signal)),
      renotifyInterval: options.renotifyInterval,
      tags: options.tags,
    });
    return {
      construct: monitors,
      alertedSignals: [...monitors.monitoredSignals],
      skippedSignals: request.signals.filter((s) => s.datadog(collection) === undefined).map((s) => ({
        signal: s.id,
        reason: s.datadogGap ?? `Datadog receives no such data on the ${collection} collection path`,
      })),
      reads: { language: SignalQueryLanguage.DATADOG, datadogCollection: collection },
    };
  }

  /** @internal how errors of the monitors read in the options' terms, under `prefix` */
  public _propPaths(prefix: string): UserPropPaths {
    return { struct: 'DatadogMonitorsProps', prefix, renamed: { gateway: 'gateway' } };
  }
}

const DATADOG_BACKEND = 'DatadogBackend';
