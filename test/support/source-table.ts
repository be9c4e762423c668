// The README's "Where each alert's data comes from" table, built from the catalog: for every
// signal, what produces its data on each backend, what that needs, and in which Kong.
import { DeploymentMode } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { SIGNAL_CATALOG } from '../../src/signals/catalog';
import { signalsOf } from '../../src/signals/gateway-signals';
import { SignalSource } from '../../src/signals/signal-source';
import { DatadogCollection } from '../../src/signals/signal-types';

function describeSources(sources: SignalSource[] | undefined): string {
  if (!sources || sources.length === 0) return '—';
  return sources.map((s) => {
    const needs = [s.pluginFlag, s.origin && s.origin !== s.producer ? `from ${s.origin}` : undefined].filter((x) => x !== undefined);
    return `${s.producer}: ${s.metrics.map((m) => `\`${m}\``).join(', ')}${needs.length > 0 ? ` (${needs.join('; ')})` : ''}`;
  }).join('; ');
}

/** One row per signal: id, Prometheus and Grafana source, Datadog Agent source, Datadog plugin source, Kong. */
export function sourceTableRows(): string[] {
  return SIGNAL_CATALOG.map((definition) => {
    const mode = definition.modes[0];
    const gateway = new KongGateway({
      name: 'edge',
      mode,
      edition: KongEdition.ENTERPRISE,
      kongVersion: '3.10',
      expectedDataPlanes: mode === DeploymentMode.HYBRID_CONTROL_PLANE ? 2 : undefined,
    });
    const signal = signalsOf(gateway).find((s) => s.id === definition.id)!;
    const cells = [
      `\`${definition.id}\``,
      describeSources(signal.prometheusSources),
      describeSources(signal.datadog(DatadogCollection.AGENT_INTEGRATION)?.sources),
      describeSources(signal.datadog(DatadogCollection.KONG_PLUGIN)?.sources),
      definition.availability?.where ?? 'every supported release (3.3+)',
    ];
    return `| ${cells.join(' | ')} |`;
  });
}
