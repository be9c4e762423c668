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

function ownPluginConfigs(analysis: StackAnalysis, w: KongWorkload): PluginConfigEvidence[] {
  const out: PluginConfigEvidence[] = [];
  const clusterPlugins = new Map<string, JsonObject>();
  for (const r of analysis.stack.resources) {
    const m = manifestOf(r);
    if (m && m.kind === 'KongClusterPlugin') {
      const labels = stringMap(asObject(m.manifest.metadata).labels);
      if (labels.kong_gateway !== undefined && labels.kong_gateway !== w.gateway) continue;
      const name = text(m.manifest.plugin);
      if (name && m.manifest.disabled !== true) clusterPlugins.set(name, asObject(m.manifest.config));
      continue;
    }
    const configMap = configMapData(r);
    // Mounted by name, or by a reference to the ConfigMap resource (`${kubernetes_config_map_v1.x.metadata[0].name}`).
    const workloadText = analysis.text(w.resource);
    if (configMap && ((configMap.name && workloadText.includes(`"${configMap.name}"`)) || workloadText.includes(`\${${r.type}.${r.name}.`))) {
      for (const [key, value] of Object.entries(configMap.data)) {
        const plugins = pluginsOf(parseDocument(value));
        if (plugins) out.push({ where: `${r.address} (${key})`, plugins });
      }
    }
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
  if (w.podAnnotations['prometheus.io/scrape'] === 'true') return 'prometheus.io pod annotations';
  const release = analysis.chartReleases.find((c) => c.workload.resource === w.resource);
  if (release && asObject(release.values.serviceMonitor).enabled === true) return `the ServiceMonitor of ${w.resource.address}`;
  const services = analysis.services.filter((s) => subset(s.selector, w.podLabels) || s.workload === w.resource);
  for (const r of analysis.stack.resources) {
    const m = manifestOf(r);
    if (!m || (m.kind !== 'PodMonitor' && m.kind !== 'ServiceMonitor')) continue;
    const spec = asObject(m.manifest.spec);
    const selector = stringMap(asObject(spec.selector).matchLabels);
    const monitorNamespace = text(asObject(m.manifest.metadata).namespace);
    if (!namespaceSelected(asObject(spec.namespaceSelector), monitorNamespace, w.namespace)) continue;
    if (m.kind === 'PodMonitor' && subset(selector, w.podLabels)) return `PodMonitor ${r.address}`;
    if (m.kind === 'ServiceMonitor' && services.some((s) => subset(selector, serviceLabels(s.resource)))) {
      return `ServiceMonitor ${r.address}`;
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
