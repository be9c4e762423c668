// What a stack shows of a Kong workload's telemetry: the plugin configurations that reach it,
// the scrape that selects its pods, and the Datadog autodiscovery annotations on them.
import { StackAnalysis } from './analysis';
import { parseDocument } from './helm-values';
import { JsonObject, TfResource, asObject, isObject, manifestOf, objectList, stringMap, text } from './terraform-json';
import { KongWorkload, envVar } from './workloads';

/** One plugin configuration the stack delivers to a Kong workload. */
export interface PluginConfigEvidence {
  /** Where it is written, e.g. a resource address. */
  readonly where: string;
  /** Plugin name → its `config` object. */
  readonly plugins: Map<string, JsonObject>;
}

const CONFIG_MAP_TYPES = ['kubernetes_config_map_v1', 'kubernetes_config_map'];

function pluginsOf(document: JsonObject | undefined): Map<string, JsonObject> | undefined {
  if (!document || !Array.isArray(document.plugins)) return undefined;
  const out = new Map<string, JsonObject>();
  for (const plugin of document.plugins) {
    // Global plugins only: one scoped to a service or route does not cover the node.
    if (!isObject(plugin) || plugin.service !== undefined || plugin.route !== undefined || plugin.consumer !== undefined) continue;
    const name = text(plugin.name);
    if (name && plugin.enabled !== false) out.set(name, asObject(plugin.config));
  }
  return out;
}

function configMapData(r: TfResource): { name?: string; data: { [key: string]: string } } | undefined {
  if (CONFIG_MAP_TYPES.includes(r.type)) {
    const metadata = Array.isArray(r.body.metadata) ? asObject(r.body.metadata[0]) : asObject(r.body.metadata);
    return { name: text(metadata.name), data: stringMap(r.body.data) };
  }
  const m = manifestOf(r);
  if (m && m.kind === 'ConfigMap') return { name: text(asObject(m.manifest.metadata).name), data: stringMap(m.manifest.data) };
  return undefined;
}

/** What the stack holds that telemetry questions read, indexed once per analysis (a stack of N gateways has N of each). */
interface TelemetryIndex {
  /** Global KongClusterPlugins in resource order: the gateway they are labelled for (or none), name, config. */
  readonly clusterPlugins: Array<{ readonly gateway?: string; readonly name: string; readonly config: JsonObject }>;
  /** ConfigMaps by their Kubernetes name and by their resource reference (`type.name`), each with the global plugins of its keys. */
  readonly configMapsByName: Map<string, ConfigMapPlugins[]>;
  readonly configMapsByRef: Map<string, ConfigMapPlugins[]>;
  /** PodMonitors and ServiceMonitors, in resource order. */
  readonly monitors: MonitorSelection[];
}

interface MonitorSelection {
  readonly resource: TfResource;
  readonly kind: string;
  readonly selector: { [k: string]: string };
  readonly namespaceSelector: JsonObject;
  readonly namespace?: string;
}

interface ConfigMapPlugins {
  readonly resource: TfResource;
  /** Stack order, so evidence keeps the order the resources are written in. */
  readonly order: number;
  readonly plugins: PluginConfigEvidence[];
}

const INDEXES = new WeakMap<StackAnalysis, TelemetryIndex>();
const OWN_CONFIGS = new WeakMap<StackAnalysis, Map<TfResource, PluginConfigEvidence[]>>();
const SCRAPES = new WeakMap<StackAnalysis, Map<TfResource, string | undefined>>();

function indexOf(analysis: StackAnalysis): TelemetryIndex {
  let index = INDEXES.get(analysis);
  if (index) return index;
  const built: TelemetryIndex = { clusterPlugins: [], configMapsByName: new Map(), configMapsByRef: new Map(), monitors: [] };
  const file = <K>(map: Map<K, ConfigMapPlugins[]>, key: K, entry: ConfigMapPlugins) => map.set(key, [...(map.get(key) ?? []), entry]);
  analysis.stack.resources.forEach((r, order) => {
    const m = manifestOf(r);
    if (m && m.kind === 'KongClusterPlugin') {
      const name = text(m.manifest.plugin);
      const gateway = stringMap(asObject(m.manifest.metadata).labels).kong_gateway;
      if (name && m.manifest.disabled !== true) built.clusterPlugins.push({ gateway, name, config: asObject(m.manifest.config) });
      return;
    }
    if (m && (m.kind === 'PodMonitor' || m.kind === 'ServiceMonitor')) {
      const spec = asObject(m.manifest.spec);
      built.monitors.push({
        resource: r,
        kind: m.kind,
        selector: stringMap(asObject(spec.selector).matchLabels),
        namespaceSelector: asObject(spec.namespaceSelector),
        namespace: text(asObject(m.manifest.metadata).namespace),
      });
      return;
    }
    const configMap = configMapData(r);
    if (!configMap) return;
    const plugins: PluginConfigEvidence[] = [];
    for (const [key, value] of Object.entries(configMap.data)) {
      const found = pluginsOf(parseDocument(value));
      if (found) plugins.push({ where: `${r.address} (${key})`, plugins: found });
    }
    const entry = { resource: r, order, plugins };
    if (configMap.name) file(built.configMapsByName, configMap.name, entry);
    file(built.configMapsByRef, `${r.type}.${r.name}`, entry);
  });
  INDEXES.set(analysis, built);
  index = built;
  return index;
}

/** Every string of a resource body (keys and values): what a `"name"` in its JSON text can match. */
function stringsOf(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') {out.add(value);} else if (Array.isArray(value)) {value.forEach((v) => stringsOf(v, out));} else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      stringsOf(v, out);
    }
  }
  return out;
}

/**
 * The plugin configurations that reach a workload: global KongClusterPlugins (of its gateway,
 * or of none), declarative or import files in ConfigMaps the workload mounts, and a Kong Helm
 * release's `dblessConfig`.
 */
export function pluginConfigsFor(analysis: StackAnalysis, w: KongWorkload): PluginConfigEvidence[] {
  // A data plane runs the configuration its control plane sends: the control planes' plugins.
  if (envVar(w.container, 'KONG_ROLE')?.value === 'data_plane') {
    return analysis.kongWorkloads
      .filter((cp) => envVar(cp.container, 'KONG_ROLE')?.value === 'control_plane')
      .flatMap((cp) => ownPluginConfigs(analysis, cp).map((c) => ({ ...c, where: `${c.where}, sent by control plane ${cp.resource.address}` })));
  }
  return ownPluginConfigs(analysis, w);
}

/** Each workload's own configurations, worked out once per analysis: rules ask for them per metric of every alert. */
function ownPluginConfigs(analysis: StackAnalysis, w: KongWorkload): PluginConfigEvidence[] {
  let cache = OWN_CONFIGS.get(analysis);
  if (!cache) OWN_CONFIGS.set(analysis, cache = new Map());
  let found = cache.get(w.resource);
  if (!found) cache.set(w.resource, found = computeOwnPluginConfigs(analysis, w));
  return found;
}

function computeOwnPluginConfigs(analysis: StackAnalysis, w: KongWorkload): PluginConfigEvidence[] {
  const index = indexOf(analysis);
  // Mounted by name, or by a reference to the ConfigMap resource (`${kubernetes_config_map_v1.x.metadata[0].name}`).
  const strings = stringsOf(w.resource.body, new Set());
  const mounted = new Map<TfResource, ConfigMapPlugins>();
  for (const value of strings) {
    for (const entry of index.configMapsByName.get(value) ?? []) mounted.set(entry.resource, entry);
    for (const ref of value.matchAll(/\$\{([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\./g)) {
      for (const entry of index.configMapsByRef.get(ref[1]) ?? []) mounted.set(entry.resource, entry);
    }
  }
  const out: PluginConfigEvidence[] = [...mounted.values()].sort((a, b) => a.order - b.order).flatMap((e) => e.plugins);
  const clusterPlugins = new Map<string, JsonObject>();
  for (const plugin of index.clusterPlugins) {
    if (plugin.gateway === undefined || plugin.gateway === w.gateway) clusterPlugins.set(plugin.name, plugin.config);
  }
  if (clusterPlugins.size > 0) out.push({ where: 'KongClusterPlugins', plugins: clusterPlugins });
  const release = analysis.chartReleases.find((c) => c.workload.resource === w.resource);
  const dbless = release ? asObject(release.values.dblessConfig).config : undefined;
  if (typeof dbless === 'string' || isObject(dbless)) {
    const plugins = pluginsOf(typeof dbless === 'string' ? parseDocument(dbless) : dbless);
    if (plugins) out.push({ where: `${w.resource.address} (dblessConfig)`, plugins });
  }
  return out;
}

function subset(selector: { [k: string]: string }, labels: { [k: string]: string }): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

function namespaceSelected(selector: JsonObject, monitorNamespace: string | undefined, workloadNamespace: string | undefined): boolean {
  if (selector.any === true) return true;
  const names = Array.isArray(selector.matchNames) ? selector.matchNames.map(String) : undefined;
  if (names) return workloadNamespace === undefined || names.includes(workloadNamespace);
  return monitorNamespace === undefined || workloadNamespace === undefined || monitorNamespace === workloadNamespace;
}

/** What scrapes a workload's pods, in words; undefined when the stack shows nothing that does. */
export function scrapeOf(analysis: StackAnalysis, w: KongWorkload): string | undefined {
  let cache = SCRAPES.get(analysis);
  if (!cache) SCRAPES.set(analysis, cache = new Map());
  if (!cache.has(w.resource)) cache.set(w.resource, computeScrape(analysis, w));
  return cache.get(w.resource);
}

function computeScrape(analysis: StackAnalysis, w: KongWorkload): string | undefined {
  if (w.podAnnotations['prometheus.io/scrape'] === 'true') return 'prometheus.io pod annotations';
  const release = analysis.chartReleases.find((c) => c.workload.resource === w.resource);
  if (release && asObject(release.values.serviceMonitor).enabled === true) return `the ServiceMonitor of ${w.resource.address}`;
  let services: ReturnType<StackAnalysis['services']['filter']> | undefined;
  for (const monitor of indexOf(analysis).monitors) {
    if (!namespaceSelected(monitor.namespaceSelector, monitor.namespace, w.namespace)) continue;
    if (monitor.kind === 'PodMonitor' && subset(monitor.selector, w.podLabels)) return `PodMonitor ${monitor.resource.address}`;
    if (monitor.kind === 'ServiceMonitor') {
      services ??= analysis.services.filter((s) => subset(s.selector, w.podLabels) || s.workload === w.resource);
      if (services.some((s) => subset(monitor.selector, serviceLabels(s.resource)))) return `ServiceMonitor ${monitor.resource.address}`;
    }
  }
  return undefined;
}

/** A Service's own labels, from the provider's resource or a manifest. */
function serviceLabels(r: TfResource): { [k: string]: string } {
  const m = manifestOf(r);
  if (m) return stringMap(asObject(m.manifest.metadata).labels);
  const metadata = Array.isArray(r.body.metadata) ? asObject(r.body.metadata[0]) : asObject(r.body.metadata);
  return stringMap(metadata.labels);
}

/** The Datadog Agent checks a workload's autodiscovery annotations configure, with their instances' tags. */
export function datadogChecksOf(w: KongWorkload): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(w.podAnnotations)) {
    if (!/^ad\.datadoghq\.com\/[^.]+\.checks$/.test(key)) continue;
    let checks: unknown;
    try {
      checks = JSON.parse(value);
    } catch {
      continue;
    }
    for (const [check, body] of Object.entries(asObject(checks))) {
      const tags = objectList(asObject(body).instances).flatMap((i) => (Array.isArray(i.tags) ? i.tags.map(String) : []));
      out.set(check, [...(out.get(check) ?? []), ...tags]);
    }
  }
  return out;
}
