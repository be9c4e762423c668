import { signalsOf } from './gateway-signals';
import { SignalPanel } from './panel-placement';
import { ResolvedSignal } from './resolved-signal';
import { DashboardQueryOptions, DashboardView, dashboardViews } from './views';
import { DashboardSection } from '../gateway/dashboard-vocabulary';
import { KongGateway } from '../gateway/kong-gateway';

/** The sections in display order, with the title both dashboards give them. */
const SECTION_TITLES: ReadonlyArray<readonly [DashboardSection, string]> = [
  [DashboardSection.NODES, 'Nodes: readiness and expected count'],
  [DashboardSection.TRAFFIC, 'Traffic: requests, errors, latency'],
  [DashboardSection.UPSTREAMS, 'Upstreams'],
  [DashboardSection.CLUSTER_HEALTH, 'Cluster health: datastore and hybrid mode'],
  [DashboardSection.RESOURCES, 'Resources: memory and connections'],
];

/** One panel of the layout: a signal with its panel, or a view. */
export type LaidOutPanel =
  | { readonly kind: 'signal'; readonly signal: ResolvedSignal; readonly panel: SignalPanel }
  | { readonly kind: 'view'; readonly view: DashboardView; readonly panel: DashboardView };

/** One section of the layout, its panels in order. */
export interface LaidOutSection {
  readonly section: DashboardSection;
  readonly title: string;
  readonly panels: LaidOutPanel[];
}

/** The views that apply to the gateway: a gateway that proxies no traffic has no traffic views. */
export function gatewayViews(gateway: KongGateway, queries: DashboardQueryOptions): DashboardView[] {
  return dashboardViews(gateway, queries).filter((view) => gateway.proxiesTraffic || !view.proxiedTraffic);
}

/**
 * The gateway's dashboard, backend-neutral: its signals and views, placed where the catalog
 * and the views say, sections in display order, empty sections left out. Every dashboard
 * renderer draws this layout, so both dashboards show the same sections in the same order
 * and a new signal appears on both through its catalog entry alone. A backend leaves out
 * what it has no data for.
 */
export function dashboardLayout(gateway: KongGateway, queries: DashboardQueryOptions): LaidOutSection[] {
  const panels: LaidOutPanel[] = [
    ...signalsOf(gateway).map((signal) => ({ kind: 'signal' as const, signal, panel: signal._panel })),
    ...gatewayViews(gateway, queries).map((view) => ({ kind: 'view' as const, view, panel: view })),
  ];
  return SECTION_TITLES
    .map(([section, title]) => ({
      section,
      title,
      panels: panels.filter((p) => p.panel.section === section).sort((a, b) => a.panel.order - b.panel.order),
    }))
    .filter((s) => s.panels.length > 0);
}
