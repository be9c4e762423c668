import { KongGateway } from '../gateway/kong-gateway';
import { DatadogCollection } from '../signals/signal-types';

/** What every Datadog construct of the library takes: the gateway and how its data reaches Datadog. */
export interface DatadogGatewayProps {
  /** The gateway to monitor. */
  readonly gateway: KongGateway;

  /**
   * How Kong's metrics reach Datadog for this gateway. Monitors and dashboards use the
   * catalog's form for that path; signals without one are skipped (see `skippedSignals`).
   * @default DatadogCollection.AGENT_INTEGRATION
   */
  readonly collection?: DatadogCollection;
}
