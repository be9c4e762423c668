// The README's dashboard layout table, from the code: the panels of every deployment mode's
// layout, in section order and then in each section's order.
import { DeploymentMode } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { SignalPractice } from '../../src/gateway/signal-vocabulary';
import { dashboardLayout } from '../../src/signals/dashboard-layout';
import { DatadogCollection } from '../../src/signals/signal-types';

const PRACTICE_CONSTRUCT: Record<SignalPractice, string> = {
  [SignalPractice.HEALTH_ALERTING]: 'HealthAlerting',
  [SignalPractice.ALL_NODES_MONITORED]: 'AllNodesMonitored',
};

/** `section | panel | signal or view | drawing | alerted by` rows, each panel once. */
export function layoutTableRows(): string[] {
  const rows = new Map<string, { section: number; order: number; row: string }>();
  const sections = new Map<string, number>();
  for (const mode of Object.values(DeploymentMode)) {
    // Enterprise 3.10 has every signal of each mode.
    const gateway = new KongGateway({ name: 'edge', mode, edition: KongEdition.ENTERPRISE, kongVersion: '3.10', expectedDataPlanes: mode === DeploymentMode.HYBRID_CONTROL_PLANE ? 2 : undefined });
    for (const section of dashboardLayout(gateway, { collection: DatadogCollection.AGENT_INTEGRATION })) {
      if (!sections.has(section.title)) sections.set(section.title, sections.size);
      for (const p of section.panels) {
        const [what, alertedBy] = p.kind === 'signal'
          ? [`signal \`${p.signal.id}\``, PRACTICE_CONSTRUCT[p.signal.practice]]
          : [`view \`${p.view.id}\``, '—'];
        const row = `| ${section.title} | ${p.panel.title} | ${what} | ${p.panel.drawing} | ${alertedBy} |`;
        rows.set(row, { section: sections.get(section.title)!, order: p.panel.order, row });
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.section - b.section || a.order - b.order).map((r) => r.row);
}
