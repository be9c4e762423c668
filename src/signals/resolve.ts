import { SIGNAL_CATALOG } from './catalog';
import { customDefinition } from './custom-definition';
import { ResolvedSignal } from './resolved-signal';
import { GatewayIdentity } from './selectors';
import { SignalDefinition } from './signal-definition';
import { UnavailableSignal } from './unavailable-signal';
import { Duration } from '../core/duration';
import { failValidation, requireDurationAtMost } from '../core/validation';
import { CustomSignal } from '../gateway/custom-signal';
import { DeploymentMode } from '../gateway/deployment-mode';
import { KongEdition, KongVersion } from '../gateway/kong-version';
import { SignalOverride } from '../gateway/signal-override';
import { SignalThreshold } from '../gateway/signal-threshold';
import { SignalId, SignalSetting, SignalUnit, ThresholdDirection } from '../gateway/signal-vocabulary';

type ResolvableGateway = GatewayIdentity & {
  readonly mode: DeploymentMode;
  readonly startupWindow: Duration;
  readonly kongVersion: KongVersion;
  readonly edition: KongEdition;
  readonly customSignals: CustomSignal[];
};

/** The gateway's signals, and those its Kong release or edition cannot produce. */
export interface ResolvedSignals {
  readonly signals: ResolvedSignal[];
  readonly unavailable: UnavailableSignal[];
}

/**
 * Applies a gateway's overrides to the catalog and returns its signals in catalog order.
 * Fails on overrides that would make a wrong alert: thresholds in the wrong order or out of
 * range, signals the mode does not have, duplicates, a readiness window shorter than startup.
 */
export function resolveSignals(gateway: ResolvableGateway, overrides: SignalOverride[]): ResolvedSignals {
  const subject = `KongGateway '${gateway.name}'`;
  const byId = new Map<string, SignalOverride>();
  for (const override of overrides) {
    if (byId.has(override.signal)) {
      failValidation(subject, `signalOverrides lists '${override.signal}' twice`, 'merge the two overrides into one');
    }
    const definition = SIGNAL_CATALOG.find((s) => s.id === override.signal)!;
    if (!definition.modes.includes(gateway.mode)) {
      failValidation(
        subject,
        `signalOverrides changes '${override.signal}', which does not apply to ${gateway.mode} mode`,
        `remove the override; '${override.signal}' applies to ${definition.modes.join(', ')}`,
      );
    }
    byId.set(override.signal, override);
  }

  // The gateway's own signals come after the catalog's and take the same path.
  const definitions = [...SIGNAL_CATALOG, ...gateway.customSignals.map((custom, i) => customDefinition(subject, custom, i))];
  const resolved: ResolvedSignal[] = [];
  const unavailable: UnavailableSignal[] = [];
  for (const definition of definitions) {
    if (!definition.modes.includes(gateway.mode)) continue;
    const override = byId.get(definition.id);
    if (override?.enabled === false) continue;
    const availability = definition.availability;
    if (availability && !availability.emittedBy(gateway.kongVersion, gateway.edition)) {
      // A rule on data this Kong never exports could never fire: leave it out, and say so.
      if (override !== undefined) {
        failValidation(
          subject,
          `signalOverrides changes '${definition.id}', whose data exists in ${availability.where} only (this gateway runs ${gateway.edition} ${gateway.kongVersion.text})`,
          'remove the override, or set kongVersion and edition to the Kong the gateway runs',
        );
      }
      unavailable.push({ id: definition.id, practice: definition.practice, where: availability.where, alternative: availability.alternative });
      continue;
    }
    const where = `signal '${definition.id}'`;
    const warning = override?.warning !== undefined ? thresholdValue(subject, where, definition, 'warning', override.warning) : definition.warning;
    const critical = override?.critical !== undefined ? thresholdValue(subject, where, definition, 'critical', override.critical) : definition.critical;
    const window = override?.window ?? definition.window(gateway);
    for (const [name, value] of [['warning', warning], ['critical', critical]] as const) {
      if (value === undefined) continue;
      if (!Number.isFinite(value) || value < definition.range[0] || value > definition.range[1]) {
        failValidation(subject, `${where} ${name} threshold ${value} is outside ${definition.range[0]}..${definition.range[1]} (${definition.quantity})`, `give the threshold in ${definition.quantity}, between ${definition.range[0]} and ${definition.range[1]}`);
      }
      refuseNeverFiring(subject, definition, name, value);
    }
    if (warning !== undefined) {
      const wrongOrder = definition.direction === ThresholdDirection.ABOVE ? warning >= critical : warning <= critical;
      if (wrongOrder) {
        const relation = definition.direction === ThresholdDirection.ABOVE ? 'below' : 'above';
        failValidation(
          subject,
          `${where} alerts when the value is ${definition.direction} its threshold, but warning ${warning} is not ${relation} critical ${critical}`,
          `set warning ${relation} critical, or drop the warning threshold`,
        );
      }
    }
    if (window.toSeconds() < 1) {
      failValidation(subject, `${where} window ${window.toPrometheus()} is empty`, 'give a window of at least 1s, e.g. Duration.minutes(5)');
    }
    requireDurationAtMost(subject, `${where} window`, window, MAX_WINDOW, 'give a window of at most Duration.days(7)', ', the longest window a Datadog monitor evaluates (last_10080m)');
    if (definition.id === SignalId.NODE_READY && gateway.startupWindow.isLongerThan(window)) {
      failValidation(
        subject,
        `${where} window ${window.toPrometheus()} is shorter than startupWindow ${gateway.startupWindow.toPrometheus()}, so every normal start would alert`,
        'lengthen the window to at least the startup window, or shorten startupWindow',
      );
    }
    const overridden = [
      ...(override?.critical !== undefined ? [SignalSetting.CRITICAL] : []),
      ...(override?.warning !== undefined ? [SignalSetting.WARNING] : []),
      ...(override?.window !== undefined ? [SignalSetting.WINDOW] : []),
    ];
    resolved.push(ResolvedSignal._create(definition, gateway, { warning, critical, window, overridden }));
  }
  return { signals: resolved, unavailable };
}

/** Datadog evaluates metric monitors over at most `last_10080m` (7 days); the window is the same in every backend. */
const MAX_WINDOW = Duration.days(7);

/**
 * The catalog compares strictly (`<` below, `>` above): a bounded signal (a ratio in 0..1) never
 * falls below its lower bound nor rises above its upper one, so a threshold there never fires.
 */
function refuseNeverFiring(subject: string, definition: SignalDefinition, level: 'warning' | 'critical', threshold: number): void {
  if (!definition.bounds) return;
  const below = definition.direction === ThresholdDirection.BELOW;
  const bound = below ? definition.bounds[0] : definition.bounds[1];
  if (below ? threshold > bound : threshold < bound) return;
  const side = below ? 'below' : 'above';
  const what = definition.unit === SignalUnit.RATIO ? { subject: `the ${definition.quantity}`, it: 'the ratio' } : { subject: `the value (${definition.quantity})`, it: 'the value' };
  const catalog = definition[level];
  failValidation(
    subject,
    `signal '${definition.id}' ${level} threshold ${threshold} can never fire: it alerts when ${what.subject} ${below ? 'falls below' : 'rises above'} ${threshold}, and ${what.it} is never ${side} ${bound}`,
    `give a threshold ${side === 'below' ? 'above' : 'below'} ${bound}${catalog !== undefined ? ` (the catalog's is ${catalog})` : ''}`,
  );
}

/** How a threshold of each unit is written. */
const FACTORY: Record<SignalUnit, string> = {
  [SignalUnit.STATE]: 'SignalThreshold.count(1)',
  [SignalUnit.RATIO]: 'SignalThreshold.ratio(0.05) or SignalThreshold.percent(5)',
  [SignalUnit.MILLISECONDS]: 'SignalThreshold.milliseconds(500) or SignalThreshold.latency(Duration.seconds(1))',
  [SignalUnit.DAYS]: 'SignalThreshold.days(14)',
  [SignalUnit.COUNT]: 'SignalThreshold.count(2)',
};

/** An override's threshold in the signal's unit; a threshold in another unit is refused. */
function thresholdValue(subject: string, where: string, definition: SignalDefinition, level: 'warning' | 'critical', threshold: SignalThreshold): number {
  if (threshold.unit !== definition.unit) {
    failValidation(
      subject,
      `${where} ${level} threshold ${threshold.text} is in ${threshold.unit}, but the signal measures ${definition.quantity} (${definition.unit})`,
      `give the threshold as ${FACTORY[definition.unit]}`,
    );
  }
  return threshold.value;
}
