import { DashboardSection, PanelDrawing } from '../gateway/dashboard-vocabulary';

/** Where a panel sits on both dashboards, and how it is drawn (a signal's or a view's). */
export interface PanelPlacement {
  readonly section: DashboardSection;
  /** Position within the section, ascending and unique there; gaps leave room for new panels. */
  readonly order: number;
  readonly drawing: PanelDrawing;
  /** Panel title, the same on both dashboards. */
  readonly title: string;
  /**
   * Display unit, named as Grafana names it: 'reqps', 'ms', 'bytes', 'Bps', 'short', 'd',
   * 'percentunit'. State timelines have none.
   */
  readonly unit?: string;
}

/** What 1 and 0 read as on a state timeline. */
export interface PanelStates {
  readonly healthy: string;
  readonly unhealthy: string;
}

/** A signal's panel: its placement, and how its series read. */
export interface SignalPanel extends PanelPlacement {
  /** Legend of the one series of a signal without groups (grouped series are named by their groups). */
  readonly legend?: string;
  /** State timelines: what the signal's 1 and 0 read as. */
  readonly states?: PanelStates;
}
