import { TELEMETRY_JSON_KEY } from '../../core/telemetry-declaration';
import { KongEdition, KongVersion } from '../../gateway/kong-version';
import { MetricSource, metricSource, metricsRead } from '../../signals/metric-sources';
import { TelemetryProducer } from '../../signals/signal-source';
import { analysisOf } from '../internal/analysis';
import { alertConditions, alertResourcesOf } from '../internal/monitoring';
import { RuleDefinition, RuleFinding, compliant, notApplicable, violation } from '../internal/rule';
import { datadogChecksOf, pluginConfigsFor, scrapeOf } from '../internal/telemetry';
import { JsonObject, TfResource, asObject } from '../internal/terraform-json';
import { KongWorkload, parseImage } from '../internal/workloads';
import { FindingLevel } from '../types';

/** The check instance the Datadog Agent runs for each producer, from the pod's annotations. */
const AGENT_CHECK: Partial<Record<TelemetryProducer, string>> = {
  [TelemetryProducer.DATADOG_KONG_CHECK]: 'kong',
  [TelemetryProducer.DATADOG_HTTP_CHECK]: 'http_check',
};

interface Problem {
  readonly level: FindingLevel;
  readonly message: string;
  readonly fix: string;
}

function kongRelease(w: KongWorkload): { version?: KongVersion; edition: KongEdition } {
  const image = parseImage(w.container.image ?? 'kong');
  const edition = image.name === 'kong-gateway' ? KongEdition.ENTERPRISE : KongEdition.OPEN_SOURCE;
  if (w.version === undefined) return { edition };
  try {
    return { version: KongVersion.of(`${w.version[0]}.${w.version[1]}`), edition };
  } catch {
    return { edition };
  }
}

/** The stack's author declared the plugins configured outside it (the library writes this for pluginsManagedExternally). */
function pluginsDeclaredExternal(w: KongWorkload): boolean {
  const declaration = asObject(asObject(w.resource.body['//'])[TELEMETRY_JSON_KEY]);
  return declaration.plugins_managed_externally === true;
}

/** What stops one metric of one alert from having data on this workload, if anything. */
function problemsOf(analysis: ReturnType<typeof analysisOf>, w: KongWorkload, language: 'promql' | 'datadog', expression: string, source: MetricSource): Problem[] {
  const out: Problem[] = [];
  const what = `'${source.metric}'`;
  const release = kongRelease(w);
  if (source.availability && release.version && !source.availability.emittedBy(release.version, release.edition)) {
    out.push({
      level: FindingLevel.ERROR,
      message: `${what} exists in ${source.availability.where} only, and ${w.resource.address} runs ${release.edition} Kong ${release.version.majorMinor} (${w.container.image})`,
      fix: `Alert on what this Kong exports instead: ${source.availability.alternative}.`,
    });
  }
  const fromPlugin = source.producer === TelemetryProducer.KONG_PROMETHEUS_PLUGIN || source.origin === TelemetryProducer.KONG_PROMETHEUS_PLUGIN;
  const fromExporter = fromPlugin || source.producer === TelemetryProducer.KONG_NODE_GAUGES || source.origin === TelemetryProducer.KONG_NODE_GAUGES
    || source.producer === TelemetryProducer.PROMETHEUS_SCRAPE;
  const needsPlugin = fromPlugin || source.producer === TelemetryProducer.KONG_DATADOG_PLUGIN;
  const pluginName = source.producer === TelemetryProducer.KONG_DATADOG_PLUGIN ? 'datadog' : 'prometheus';
  if (needsPlugin && !w.opaque && !pluginsDeclaredExternal(w)) {
    const configs = pluginConfigsFor(analysis, w);
    const withPlugin = configs.filter((c) => c.plugins.has(pluginName));
    if (configs.length > 0 && withPlugin.length === 0) {
      out.push({
        level: FindingLevel.ERROR,
        message: `${what} comes from Kong's ${pluginName} plugin, and the plugin configuration of ${w.resource.address} (${configs.map((c) => c.where).join(', ')}) has no global ${pluginName} plugin`,
        fix: `Add the ${pluginName} plugin to the gateway's plugin configuration (KongMonitoring kubernetes.plugins).`,
      });
    } else if (withPlugin.length > 0 && source.pluginFlag && !withPlugin.some((c) => c.plugins.get(pluginName)![source.pluginFlag!] === true)) {
      out.push({
        level: FindingLevel.ERROR,
        message: `${what} needs the Prometheus plugin's ${source.pluginFlag}, which is off in ${withPlugin.map((c) => c.where).join(', ')} (Kong 3.x prints no such metric without it)`,
        fix: `Set ${source.pluginFlag}: true on the Prometheus plugin, or drop the alert.`,
      });
    } else if (configs.length === 0) {
      out.push({
        level: FindingLevel.WARNING,
        message: `${what} comes from Kong's ${pluginName} plugin, and no plugin configuration for ${w.resource.address} is in this stack`,
        fix: 'Confirm the plugin is configured elsewhere (decK, the Admin API, a control plane), or configure it here (KongDeployment, KongClusterPlugins, a declarative ConfigMap).',
      });
    }
  }
  if (language === 'promql' && fromExporter && !w.opaque && scrapeOf(analysis, w) === undefined) {
    out.push({
      level: FindingLevel.WARNING,
      message: `${what} is scraped from the status port of ${w.resource.address}, and no PodMonitor, ServiceMonitor or prometheus.io annotation in this stack selects its pods`,
      fix: 'Add a PodMonitor (PrometheusScrape) whose labels your Prometheus selects, or confirm a scrape configured elsewhere.',
    });
  }
  const agentCheck = AGENT_CHECK[source.producer];
  if (language === 'datadog' && agentCheck && !w.opaque) {
    const checks = datadogChecksOf(w);
    const tags = checks.get(agentCheck);
    if (!tags) {
      out.push({
        level: FindingLevel.ERROR,
        message: `${what} comes from the Datadog Agent's ${agentCheck} check, and the pods of ${w.resource.address} have no autodiscovery annotation that runs it`,
        fix: "Apply the library's workload settings to the Kong workload (they carry the ad.datadoghq.com annotations), or add the check's annotation.",
      });
    } else {
      // The gateway tags the query filters on must be tags the check puts on its data.
      const filtered = [...new Set([...expression.matchAll(/\bkong_(?:gateway|environment|cluster):[a-z0-9-]+/g)].map((m) => m[0]))];
      const untagged = filtered.filter((t) => !tags.includes(t));
      if (untagged.length > 0) {
        out.push({
          level: FindingLevel.ERROR,
          message: `${what} is filtered on ${untagged.join(', ')}, and the ${agentCheck} check on the pods of ${w.resource.address} does not tag its data with ${untagged.length === 1 ? 'it' : 'them'}`,
          fix: "Tag the check instances with the gateway's tags (the library's workload settings do).",
        });
      }
    }
  }
  return out;
}

/** KBP8: every alert reads data something in the stack produces. */
export const KBP8_LIVE_SOURCES: RuleDefinition = {
  ruleId: 'KBP8',
  name: 'every-alert-has-a-live-source',
  info: 'Every alert reads data the stack produces: the plugin and flag, the scrape, the Datadog annotations, the Kong edition.',
  explanation: "An alert on data nothing produces never fires: Kong 3.x prints request and latency metrics only with the Prometheus plugin's flags on, "
    + 'kong_control_plane_connected exists in Kong Gateway Enterprise 3.10+ only, Prometheus sees nothing its monitors do not select, and a '
    + "Datadog filter on kong_gateway matches only data the Agent's checks tag with it. For each Kong workload of the stack, the rule traces "
    + 'the metrics its alerts read (as the signal catalog declares their producers) to what the stack configures. A contradiction is an error; '
    + 'a source the stack does not show (a scrape or plugin configured elsewhere) is a warning to confirm.',
  fix: 'Turn on what the alert needs (plugin flag, scrape, annotations), run the Kong edition that exports the metric, or drop the alert.',
  level: FindingLevel.ERROR,
  check(config: JsonObject): RuleFinding[] {
    const rule = KBP8_LIVE_SOURCES;
    const analysis = analysisOf(config);
    const kong = analysis.kongWorkloads;
    if (kong.length === 0) return [notApplicable(rule, 'No Kong workload in the stack: the sources of its alerts are not in it.')];
    const alerts = alertResourcesOf(analysis.stack);
    const out: RuleFinding[] = [];
    for (const w of kong) {
      const conditions = analysis.linkedTo(alerts, w).flatMap(alertConditions);
      const reported = new Map<string, { resource: TfResource; problem: Problem; metrics: Set<string> }>();
      let traced = 0;
      for (const c of conditions) {
        for (const metric of metricsRead(c.language, c.expression)) {
          const source = metricSource(metric);
          if (!source) continue;
          traced++;
          for (const problem of problemsOf(analysis, w, c.language, c.expression, source)) {
            const key = `${c.resource.address}\u0000${problem.message}`;
            const entry = reported.get(key) ?? { resource: c.resource, problem, metrics: new Set<string>() };
            entry.metrics.add(metric);
            reported.set(key, entry);
          }
        }
      }
      for (const { resource, problem } of reported.values()) {
        out.push(violation(rule, resource, `Gateway '${w.gateway}': ${problem.message}.`, { level: problem.level, fix: problem.fix }));
      }
      if (reported.size === 0 && traced > 0) {
        out.push(compliant(rule, w.resource, `Gateway '${w.gateway}': ${traced} metric reads of its alerts trace to what the stack configures.`));
      }
    }
    return out.length > 0 ? out : [notApplicable(rule, 'No alert of the stack reads a metric the catalog knows.')];
  },
};
