import { ResolvedSignal } from '../signals/resolved-signal';

/**
 * Grafana legend naming each series of a signal by the labels the catalog groups it by,
 * e.g. `{{pod}} {{shared_dict}}`; `ungrouped` for a signal that yields one series.
 */
export function groupLegend(signal: ResolvedSignal, ungrouped = ''): string {
  return signal.promqlGroupBy.length > 0 ? signal.promqlGroupBy.map((l) => `{{${l}}}`).join(' ') : ungrouped;
}
