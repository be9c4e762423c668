import { Construct } from 'constructs';
import { KongGateway } from '../gateway/kong-gateway';
import { SignalPractice } from '../gateway/signal-vocabulary';
import { Annotations } from '../internal/cdktf';
import { signalsOf, unavailableSignalsOf as gatewayUnavailableSignals } from '../signals/gateway-signals';
import { UnavailableSignal } from '../signals/unavailable-signal';

/** The practice a practice construct's option name stands for. */
const PRACTICE: Record<'health-alerting' | 'all-nodes', SignalPractice> = {
  'health-alerting': SignalPractice.HEALTH_ALERTING,
  'all-nodes': SignalPractice.ALL_NODES_MONITORED,
};

/** The gateway's signals the catalog gives to `practice`, in catalog order. */
function signalsOfPractice(gateway: KongGateway, practice: SignalPractice): string[] {
  return signalsOf(gateway).filter((s) => s.practice === practice).map((s) => s.id);
}

/** The gateway's signals that `AllNodesMonitored` renders. */
export function allNodesSignals(gateway: KongGateway): string[] {
  return signalsOfPractice(gateway, SignalPractice.ALL_NODES_MONITORED);
}

/** The gateway's signals that `HealthAlerting` renders. */
export function healthAlertingSignals(gateway: KongGateway): string[] {
  return signalsOfPractice(gateway, SignalPractice.HEALTH_ALERTING);
}

/** Signals a practice would render that the gateway's Kong does not export. */
export function unavailableSignalsOf(gateway: KongGateway, practice: 'health-alerting' | 'all-nodes'): UnavailableSignal[] {
  return gatewayUnavailableSignals(gateway).filter((u) => u.practice === PRACTICE[practice]);
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
