import { KongGateway } from '../gateway/kong-gateway';
import { SignalId } from '../signals/signal-types';

/**
 * Signals that make sure every node is watched (recommendation 7): each node scraped, the
 * expected node count, and the control plane's view of each data plane. The rest of the
 * catalog is alerting on the health checks (recommendation 5). Per-node readiness belongs to
 * recommendation 5: it IS the health check, alerted per node.
 */
export const ALL_NODES_SIGNALS: readonly SignalId[] = [
  SignalId.NODE_METRICS_UP,
  SignalId.READY_NODES_BELOW_EXPECTED,
  SignalId.DATA_PLANE_LAST_SEEN,
  SignalId.DATA_PLANE_CONFIG_DRIFT,
  SignalId.DATA_PLANE_VERSION_COMPATIBLE,
];

/** The gateway's signals that `AllNodesMonitored` renders. */
export function allNodesSignals(gateway: KongGateway): SignalId[] {
  return gateway.signals().map((s) => s.id).filter((id) => ALL_NODES_SIGNALS.includes(id));
}

/** The gateway's signals that `HealthAlerting` renders. */
export function healthAlertingSignals(gateway: KongGateway): SignalId[] {
  return gateway.signals().map((s) => s.id).filter((id) => !ALL_NODES_SIGNALS.includes(id));
}
