import { Construct } from 'constructs';
import { KongGateway } from '../gateway/kong-gateway';
import { SignalId } from '../gateway/signal-vocabulary';
import { Annotations } from '../internal/cdktf';
import { signalsOf, unavailableSignalsOf as gatewayUnavailableSignals } from '../signals/gateway-signals';
import { UnavailableSignal } from '../signals/unavailable-signal';

/**
 * Signals that make sure every node is watched (recommendation 7): each node scraped, the
 * expected node count, and the control plane's view of each data plane. The rest of the
 * catalog is alerting on the health checks (recommendation 5). Per-node readiness belongs to
 * recommendation 5: it IS the health check, alerted per node.
 */
export const ALL_NODES_SIGNALS: readonly SignalId[] = [
  SignalId.NODE_METRICS_UP,
  SignalId.READY_NODES_BELOW_EXPECTED,
  SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED,
  SignalId.DATA_PLANE_CONFIG_DRIFT,
  SignalId.DATA_PLANE_VERSION_COMPATIBLE,
];

/** The gateway's signals that `AllNodesMonitored` renders. */
export function allNodesSignals(gateway: KongGateway): SignalId[] {
  return signalsOf(gateway).map((s) => s.id).filter((id) => ALL_NODES_SIGNALS.includes(id));
}

/** The gateway's signals that `HealthAlerting` renders. */
export function healthAlertingSignals(gateway: KongGateway): SignalId[] {
  return signalsOf(gateway).map((s) => s.id).filter((id) => !ALL_NODES_SIGNALS.includes(id));
}

/** Signals a practice would render that the gateway's Kong does not export. */
export function unavailableSignalsOf(gateway: KongGateway, practice: 'health-alerting' | 'all-nodes'): UnavailableSignal[] {
  return gatewayUnavailableSignals(gateway).filter((u) => ALL_NODES_SIGNALS.includes(u.id) === (practice === 'all-nodes'));
}

/**
 * Says at synth which signals were left out because the gateway's Kong cannot produce them,
 * and what watches that failure instead: a silently missing alert would look like coverage.
 */
export function warnUnavailableSignals(scope: Construct, gateway: KongGateway, practice: 'health-alerting' | 'all-nodes'): void {
  for (const u of unavailableSignalsOf(gateway, practice)) {
    Annotations.of(scope).addWarning(
      `KongGateway '${gateway.name}' runs ${gateway.edition} Kong ${gateway.kongVersion.text}, which does not export the data of signal '${u.id}' `
      + `(it exists in ${u.where}), so no alert is rendered for it. Instead: ${u.alternative}.`,
    );
  }
}
