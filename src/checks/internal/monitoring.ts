// Dashboards and alerts in Terraform JSON, and how they tie to a gateway.
import { StackAnalysis } from './analysis';
import { TfResource, TfStack, asObject, block, blocks, isObject, manifestOf, objectList, text, texts } from './terraform-json';

export const DASHBOARD_TYPES = ['datadog_dashboard', 'datadog_dashboard_json', 'grafana_dashboard'];
export const ALERT_TYPES = ['datadog_monitor', 'grafana_rule_group', 'datadog_synthetics_test'];

/** Dashboards in the stack. */
export function dashboardsOf(stack: TfStack): TfResource[] {
  return stack.resources.filter((r) => DASHBOARD_TYPES.includes(r.type));
}

/** Alerting resources: Datadog monitors and synthetics, Grafana rule groups, PrometheusRules. */
export function alertResourcesOf(stack: TfStack): TfResource[] {
  return stack.resources.filter((r) => ALERT_TYPES.includes(r.type) || isPrometheusRule(r));
}

export function isPrometheusRule(r: TfResource): boolean {
  const m = manifestOf(r);
  return m !== undefined && m.kind === 'PrometheusRule';
}

/** One alert rule's condition, as far as the checker can read it. */
export interface AlertCondition {
  readonly resource: TfResource;
  /** `promql` for Prometheus and Grafana queries, `datadog` for monitor queries. */
  readonly language: 'promql' | 'datadog';
  readonly expression: string;
  /** The rule alerts when its query returns no data. */
  readonly alertsOnNoData: boolean;
}

/** The alert conditions of an alerting resource (a Grafana rule group or PrometheusRule may hold many). */
export function alertConditions(r: TfResource): AlertCondition[] {
  if (r.type === 'datadog_monitor') {
    return [{ resource: r, language: 'datadog', expression: text(r.body.query) ?? '', alertsOnNoData: datadogAlertsOnNoData(r) }];
  }
  if (r.type === 'grafana_rule_group') {
    const out: AlertCondition[] = [];
    for (const rule of blocks(r.body.rule)) {
      const noData = (text(rule.no_data_state) ?? '').toLowerCase() === 'alerting';
      for (const stage of blocks(rule.data)) {
        // Server-side expression stages (reduce, math, threshold) refer to queries, not metrics.
        if (['__expr__', '-100'].includes(text(stage.datasource_uid) ?? '')) continue;
        const expr = modelExpr(stage.model);
        if (expr !== undefined) out.push({ resource: r, language: 'promql', expression: expr, alertsOnNoData: noData });
      }
    }
    return out;
  }
  const m = manifestOf(r);
  if (m && m.kind === 'PrometheusRule') {
    const spec = asObject(m.manifest.spec);
    const out: AlertCondition[] = [];
    for (const group of objectList(spec.groups)) {
      for (const rule of objectList(group.rules)) {
        const expr = text(rule.expr);
        if (rule.alert !== undefined && expr !== undefined) out.push({ resource: r, language: 'promql', expression: expr, alertsOnNoData: false });
      }
    }
    return out;
  }
  return [];
}

/**
 * Whether a Datadog monitor notifies when its data stops. `on_missing_data` (metric monitors)
 * takes precedence over `notify_no_data` when set to anything but `default`; only
 * `show_and_notify_no_data` notifies (Datadog monitor API, options.on_missing_data).
 */
function datadogAlertsOnNoData(r: TfResource): boolean {
  const onMissing = text(r.body.on_missing_data) ?? text(block(r.body.options)?.on_missing_data);
  if (onMissing !== undefined && onMissing !== 'default') return onMissing === 'show_and_notify_no_data';
  return r.body.notify_no_data === true || block(r.body.options)?.notify_no_data === true;
}

function modelExpr(model: unknown): string | undefined {
  let parsed: unknown = model;
  if (typeof model === 'string') {
    try {
      parsed = JSON.parse(model);
    } catch {
      return undefined;
    }
  }
  if (!isObject(parsed)) return undefined;
  return text(parsed.expr);
}

/** Labels and tags that name one node: a pod, a host, an http_check instance, a scrape target. */
const NODE_LABELS = ['pod', 'pod_name', 'kube_pod_name', 'kubernetes_pod_name', 'instance', 'host', 'hostname', 'node', 'kube_node', 'endpoint', 'container_id'];

const AGGREGATIONS = /\b(?:sum|avg|min|max|count|count_values|group|stddev|stdvar|topk|bottomk|quantile|limitk|limit_ratio)\s*(?=\(|by\b|without\b)/g;
const GROUPINGS = /\b(by|without)\s*\(([^)]*)\)/g;

/** A node label matched to one literal value: the selector sees one node, however the result is grouped. */
const PROMQL_PINNED = new RegExp(`(?:^|[{,\\s])(?:${NODE_LABELS.join('|')})\\s*(=|=~)\\s*"([^"]*)"`, 'g');

/** The matcher that pins a PromQL selector to one node (`pod="edge-0"`), if any. */
function promqlPinnedNode(expr: string): string | undefined {
  for (const m of expr.matchAll(PROMQL_PINNED)) {
    if (m[1] === '=' || !/[.*+?()[\]{}|\\^$]/.test(m[2])) return m[0].replace(/^[{,\s]/, '');
  }
  return undefined;
}

/** The Datadog scope tag (`{pod_name:edge-0}`, `.over("instance:edge-0")`) that pins one node, if any. */
function datadogPinnedNode(query: string): string | undefined {
  const scopes = [...query.matchAll(/\{([^}]*)\}/g), ...query.matchAll(/\.over\(([^)]*)\)/g)].flatMap((m) => m[1].split(','));
  return scopes.map((t) => t.trim().replace(/^["']|["']$/g, '')).find((tag) => {
    const colon = tag.indexOf(':');
    return colon > 0 && NODE_LABELS.includes(tag.slice(0, colon)) && !tag.includes('*') && !tag.slice(colon + 1).startsWith('$');
  });
}

/** The matcher that makes a condition watch a single pod or instance, if any. */
export function pinnedNode(c: AlertCondition): string | undefined {
  return c.language === 'promql' ? promqlPinnedNode(c.expression) : datadogPinnedNode(c.expression);
}

/**
 * True when a PromQL expression keeps one series per node: it has no aggregation, or every
 * aggregation keeps a node label (`by (pod)`, or `without (...)` that leaves it), and no
 * matcher pins a single pod or instance.
 */
export function promqlPerNode(expr: string): boolean {
  if (promqlPinnedNode(expr) !== undefined) return false;
  const aggregations = (expr.match(AGGREGATIONS) ?? []).length;
  if (aggregations === 0) return true;
  let keeping = 0;
  for (const match of expr.matchAll(GROUPINGS)) {
    const labels = match[2].split(',').map((l) => l.trim());
    const keepsNode = match[1] === 'by' ? labels.some((l) => NODE_LABELS.includes(l)) : !labels.some((l) => NODE_LABELS.includes(l));
    if (keepsNode) keeping++;
  }
  return keeping >= aggregations;
}

/** True when a Datadog monitor query is a multi-alert grouped by a node tag. */
export function datadogPerNode(query: string): boolean {
  if (datadogPinnedNode(query) !== undefined) return false;
  const groups: string[] = [];
  for (const m of query.matchAll(/\bby\s*\{([^}]*)\}/g)) groups.push(...m[1].split(','));
  for (const m of query.matchAll(/\.by\(([^)]*)\)/g)) groups.push(...m[1].split(','));
  return groups.map((g) => g.trim().replace(/^["']|["']$/g, '')).some((g) => NODE_LABELS.includes(g));
}

const COUNT_METRICS = /kube_(?:deployment|statefulset|daemonset)_status_|kube_pod_container_status_ready|kube_pod_status_ready|\bup\s*\{|kubernetes_state\.(?:deployment|statefulset|daemonset|pod|container)\.|replicas_(?:ready|available|desired)/;

/** True when a condition watches the number of nodes (expected count) or their absence (no data). */
export function countsNodes(c: AlertCondition): boolean {
  if (c.alertsOnNoData) return true;
  if (c.language === 'promql') {
    if (/\babsent(?:_over_time)?\s*\(/.test(c.expression)) return true;
    return COUNT_METRICS.test(c.expression) && !promqlPerNode(c.expression);
  }
  return COUNT_METRICS.test(c.expression) && !datadogPerNode(c.expression);
}

/** True when a condition is per node. */
export function perNode(c: AlertCondition): boolean {
  return c.language === 'promql' ? promqlPerNode(c.expression) : datadogPerNode(c.expression);
}

const HEALTH_SIGNALS = /kube_pod_container_status_ready|kube_pod_status_ready|\bup\s*\{|status\/ready|http\.can_connect|kong\.can_connect|kong\.openmetrics\.health|kubernetes_state\.(?:container|pod)\.ready|kong_datastore_reachable|kong\.datastore\.reachable|kong_control_plane_connected|replicas_(?:ready|available)|kube_(?:deployment|statefulset|daemonset)_status_/;

/** True when an alerting resource watches a health check (readiness, liveness, scrape health). */
export function watchesHealth(r: TfResource, analysis: StackAnalysis): boolean {
  if (r.type === 'datadog_synthetics_test') return /status(?:\/ready)?/.test(analysis.text(r));
  return alertConditions(r).some((c) => HEALTH_SIGNALS.test(c.expression)) || HEALTH_SIGNALS.test(texts(r.body.tags).join(' '));
}
