// Typed subset of Datadog's dashboard JSON (the body `datadog_dashboard_json` stores, the same
// as the Dashboards API). Internal: never in a public signature.

export interface TemplateVariable {
  readonly name: string;
  readonly prefix: string;
  readonly available_values: string[];
  readonly defaults: string[];
}

export interface Marker {
  readonly value: string;
  readonly display_type: 'error dashed' | 'warning dashed' | 'ok dashed' | 'info dashed';
  readonly label: string;
}

export interface QueryAlias {
  readonly expression: string;
  readonly alias_name: string;
}

export interface TimeseriesRequest {
  readonly q: string;
  readonly display_type: 'line' | 'bars' | 'area';
  readonly metadata?: QueryAlias[];
}

export interface TimeseriesDefinition {
  readonly type: 'timeseries';
  readonly title: string;
  readonly show_legend: boolean;
  readonly requests: TimeseriesRequest[];
  readonly markers?: Marker[];
  readonly yaxis?: { readonly include_zero: boolean; readonly min?: string; readonly max?: string };
}

export interface QueryValueDefinition {
  readonly type: 'query_value';
  readonly title: string;
  readonly precision: number;
  readonly requests: { readonly q: string; readonly aggregator: 'last' | 'avg' | 'min' | 'max' | 'sum' }[];
}

export interface CheckStatusDefinition {
  readonly type: 'check_status';
  readonly title: string;
  readonly check: string;
  readonly grouping: 'cluster' | 'check';
  readonly group_by: string[];
  readonly tags: string[];
}

export interface ManageStatusDefinition {
  readonly type: 'manage_status';
  readonly title: string;
  readonly query: string;
  readonly summary_type: 'monitors' | 'groups' | 'combined';
  readonly display_format: 'counts' | 'countsAndList' | 'list';
  readonly color_preference: 'background' | 'text';
  readonly hide_zero_counts: boolean;
  readonly show_last_triggered: boolean;
  readonly sort: string;
}

export interface NoteDefinition {
  readonly type: 'note';
  readonly content: string;
  readonly background_color: string;
  readonly font_size: string;
  readonly show_tick: boolean;
}

export interface GroupDefinition {
  readonly type: 'group';
  readonly title: string;
  readonly layout_type: 'ordered';
  readonly widgets: Widget[];
}

export type WidgetDefinition =
  | TimeseriesDefinition
  | QueryValueDefinition
  | CheckStatusDefinition
  | ManageStatusDefinition
  | NoteDefinition
  | GroupDefinition;

export interface Widget {
  readonly definition: WidgetDefinition;
}

export interface DashboardModel {
  readonly title: string;
  readonly description: string;
  readonly layout_type: 'ordered';
  readonly reflow_type: 'auto';
  readonly template_variables: TemplateVariable[];
  readonly widgets: Widget[];
  readonly tags: string[];
  readonly notify_list: string[];
}
