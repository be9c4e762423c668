import { ResolvedSignals, resolveSignals } from './resolve';
import { ResolvedSignal } from './resolved-signal';
import { UnavailableSignal } from './unavailable-signal';
import { checkCall } from '../core/input-shape';
import { KongGateway } from '../gateway/kong-gateway';

const RESOLVED = new WeakMap<KongGateway, GatewaySignals>();

/**
 * The health signals of one gateway: the catalog's signals for its mode, Kong release and
 * edition, with its `signalOverrides` applied. Resolved once per gateway; a bad override fails
 * here, naming the gateway, the first time a construct reads its signals.
 */
export class GatewaySignals {
  /** The signals of `gateway`. */
  public static of(gateway: KongGateway): GatewaySignals {
    checkCall('GatewaySignals.of', gateway);
    return resolvedOf(gateway);
  }

  /** @internal */
  public static _resolve(gateway: KongGateway): GatewaySignals {
    return new GatewaySignals(gateway, resolveSignals(gateway, gateway.signalOverrides));
  }

  /** The gateway. */
  public readonly gateway: KongGateway;
  private readonly resolved: ResolvedSignals;

  private constructor(gateway: KongGateway, resolved: ResolvedSignals) {
    this.gateway = gateway;
    this.resolved = resolved;
  }

  /** The health signals that apply to the gateway, with overrides applied, in catalog order. */
  public signals(): ResolvedSignal[] {
    return [...this.resolved.signals];
  }

  /**
   * Signals of the gateway's mode that its Kong release or edition does not export, each
   * with the signal that watches the same failure instead.
   */
  public unavailable(): UnavailableSignal[] {
    return this.resolved.unavailable.map((u) => ({ ...u }));
  }
}

/** The gateway's resolved signals (internal shorthand for `GatewaySignals.of(gateway).signals()`). */
export function signalsOf(gateway: KongGateway): ResolvedSignal[] {
  return resolvedOf(gateway).signals();
}

/** Internal callers pass a checked gateway: no argument check on this hot path. */
function resolvedOf(gateway: KongGateway): GatewaySignals {
  let found = RESOLVED.get(gateway);
  if (!found) {
    found = GatewaySignals._resolve(gateway);
    RESOLVED.set(gateway, found);
  }
  return found;
}

/** The gateway's signals that its Kong cannot produce. */
export function unavailableSignalsOf(gateway: KongGateway): UnavailableSignal[] {
  return resolvedOf(gateway).unavailable();
}
