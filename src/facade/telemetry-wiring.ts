// What a KongMonitoring's stack provides for its gateway's telemetry, read at synth (after
// the app is built: workload settings may be applied or handed to Helm later in user code).
import { AlertSource } from './alert-source';
import { DeploymentMode } from '../gateway/deployment-mode';
import { KongGateway } from '../gateway/kong-gateway';
import { describePlugins } from '../kubernetes/internal/plugin-set';
import { KongClusterPlugins } from '../kubernetes/kong-cluster-plugins';
import { KongDeployment } from '../kubernetes/kong-deployment';
import { KongWorkloadSettings } from '../kubernetes/kong-workload-settings';
import { KongPluginConfiguration, KongPluginDelivery } from '../kubernetes/plugin-delivery';
import { PrometheusScrape } from '../kubernetes/prometheus-scrape';
import { PrometheusScrapeMethod } from '../kubernetes/scrape-method';
import { SourceStatus, TelemetryWiring, WiringFact, traceSources } from '../signals/lineage';
import { PrometheusPluginFlag, SignalSource } from '../signals/signal-source';

/** What the facade knows of its Kubernetes side; the rest is found by the gateway's identity. */
export interface WiringInputs {
  readonly gateway: KongGateway;
  /** The facade's own workload settings. */
  readonly settings: KongWorkloadSettings;
  /** The user declared the workload wired elsewhere. */
  readonly workloadExternal: boolean;
  /** The user declared the status port scraped by configuration outside the library. */
  readonly scrapeExternal: boolean;
  /** The Kubernetes constructs anywhere in the app that serve this gateway. */
  readonly peers: Array<KongDeployment | PrometheusScrape | KongClusterPlugins>;
}

const FLAG_OF: Array<[PrometheusPluginFlag, 'statusCodeMetrics' | 'latencyMetrics' | 'bandwidthMetrics' | 'upstreamHealthMetrics']> = [
  [PrometheusPluginFlag.STATUS_CODE_METRICS, 'statusCodeMetrics'],
  [PrometheusPluginFlag.LATENCY_METRICS, 'latencyMetrics'],
  [PrometheusPluginFlag.BANDWIDTH_METRICS, 'bandwidthMetrics'],
  [PrometheusPluginFlag.UPSTREAM_HEALTH_METRICS, 'upstreamHealthMetrics'],
];

function workloadFact(inputs: WiringInputs): WiringFact {
  const deployments = inputs.peers.filter((p): p is KongDeployment => p instanceof KongDeployment);
  const applied = [...inputs.settings._applications(), ...deployments.map((d) => `KongDeployment ${d.node.path}`)];
  if (applied.length > 0) return { status: SourceStatus.LIVE, how: [...new Set(applied)].join(', ') };
  if (inputs.workloadExternal) return { status: SourceStatus.DECLARED_EXTERNAL, how: 'kubernetes.workloadManagedExternally' };
  return {
    status: SourceStatus.UNVERIFIED,
    how: "the library's workload settings (status listener, Datadog annotations) are applied to no Kong workload in this app",
    fix: 'apply workloadSettings to the Kong workload (applyTo(<DeploymentV1>), or toHelmValues() in its Helm release), deploy it with kubernetes.deploy or KongDeployment, or set kubernetes.workloadManagedExternally when it is wired elsewhere',
  };
}

/**
 * What is not found is missing only where the stack shows the Kong workload: with nothing of
 * the workload visible (monitoring written apart from the Kong it watches), the library cannot
 * tell, and asks to confirm instead.
 */
function notFound(workload: WiringFact, how: string, fix: string): WiringFact {
  return { status: workload.status === SourceStatus.LIVE ? SourceStatus.MISSING : SourceStatus.UNVERIFIED, how, fix };
}

const SELECTOR_FIX = "give prometheus.labels (or kubernetes.monitorLabels) the labels your Prometheus selects monitors by (kube-prometheus-stack: { release: '<release>' }), or monitorLabels: {} when it selects every monitor";

function scrapeFact(inputs: WiringInputs, workload: WiringFact): WiringFact {
  const scrapes = inputs.peers.filter((p): p is PrometheusScrape => p instanceof PrometheusScrape);
  const monitor = scrapes.find((s) => s.monitor !== undefined);
  if (monitor) {
    const labels = monitor.selectorLabels;
    const name = `${monitor.method} ${monitor.monitor!.node.path}`;
    return labels === undefined
      ? { status: SourceStatus.UNVERIFIED, how: `${name} has no selector labels`, fix: SELECTOR_FIX }
      : { status: SourceStatus.LIVE, how: `${name}${Object.keys(labels).length > 0 ? ` with ${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',')}` : ', every monitor selected'}` };
  }
  if (inputs.scrapeExternal) return { status: SourceStatus.DECLARED_EXTERNAL, how: 'kubernetes.prometheusScrape EXTERNAL' };
  const spec = inputs.settings._spec();
  if (spec.scrape === PrometheusScrapeMethod.SERVICE_MONITOR && inputs.settings._applications().some((a) => a.includes('Helm'))) {
    return spec.monitorLabels === undefined
      ? { status: SourceStatus.UNVERIFIED, how: "the Kong Helm chart's ServiceMonitor has no selector labels", fix: SELECTOR_FIX }
      : { status: SourceStatus.LIVE, how: "the Kong Helm chart's ServiceMonitor (Helm values)" };
  }
  if (spec.scrape === PrometheusScrapeMethod.ANNOTATIONS || scrapes.some((s) => s.method === PrometheusScrapeMethod.ANNOTATIONS)) {
    return {
      status: SourceStatus.UNVERIFIED,
      how: 'prometheus.io pod annotations',
      fix: "confirm your Prometheus' annotation job keeps the pod's namespace and name as the `namespace` and `pod` labels, or use a PodMonitor",
    };
  }
  return notFound(workload, "nothing in this app scrapes the gateway's status port",
    'set kubernetes.prometheusScrape: POD_MONITOR (a PodMonitor), SERVICE_MONITOR (through the Helm values), or EXTERNAL when your Prometheus already scrapes the Kong pods');
}

/** The plugin configuration that reaches Kong: the facade's own, else what another construct of the app delivers. */
function deliveredPlugins(inputs: WiringInputs): KongPluginConfiguration {
  const own = inputs.settings.configuredPlugins();
  if (own.delivery !== KongPluginDelivery.NONE) return own;
  for (const peer of inputs.peers) {
    const theirs = peer instanceof KongDeployment ? peer.configuredPlugins() : peer instanceof KongClusterPlugins ? peer.pluginConfiguration : undefined;
    if (theirs && theirs.delivery !== KongPluginDelivery.NONE) return theirs;
  }
  return own;
}

/** The plugins the gateway's options ask for, delivered or not (a flag turned off is missing either way). */
function intendedPlugins(inputs: WiringInputs): KongPluginConfiguration {
  const delivered = deliveredPlugins(inputs);
  return delivered.delivery === KongPluginDelivery.NONE
    ? describePlugins(KongPluginDelivery.NONE, inputs.settings._spec().plugins.plugins())
    : delivered;
}

function pluginFact(inputs: WiringInputs, workload: WiringFact, plugin: 'prometheus' | 'datadog'): WiringFact {
  const intended = intendedPlugins(inputs);
  if (!intended.plugins.includes(plugin)) {
    return {
      status: SourceStatus.MISSING,
      how: `the ${plugin} plugin is not configured`,
      fix: plugin === 'prometheus' ? 'leave plugins.prometheus enabled (the default)' : 'add plugins.datadog to the gateway\'s kubernetes.plugins, or collect through the Agent (DatadogCollection.AGENT_INTEGRATION)',
    };
  }
  switch (intended.delivery) {
    case KongPluginDelivery.NONE: {
      const dbLess = inputs.gateway.mode === DeploymentMode.DB_LESS;
      return notFound(workload, 'no plugin configuration reaches Kong',
        `deploy Kong with kubernetes.deploy or KongDeployment, ${dbLess ? 'mount workloadSettings.addDeclarativeConfigMap() or pass toHelmValues({ includeDeclarativeConfig: true }), ' : ''}`
        + "set kubernetes.clusterPlugins with Kong's ingress controller, or declare kubernetes.pluginsManagedExternally");
    }
    case KongPluginDelivery.EXTERNAL:
      return { status: SourceStatus.DECLARED_EXTERNAL, how: `the ${plugin} plugin, configured outside the library` };
    default:
      return { status: SourceStatus.LIVE, how: `the ${plugin} plugin, delivered by ${intended.delivery}` };
  }
}

/** The telemetry wiring of one gateway, as far as the stack shows it. */
export function telemetryWiring(inputs: WiringInputs, datadogAutodiscovery: boolean): TelemetryWiring {
  const workload = workloadFact(inputs);
  const prometheus = intendedPlugins(inputs).prometheus;
  return {
    kongWorkload: workload,
    prometheusScrape: scrapeFact(inputs, workload),
    prometheusPlugin: pluginFact(inputs, workload, 'prometheus'),
    prometheusFlags: prometheus ? FLAG_OF.filter(([, key]) => prometheus[key]).map(([flag]) => flag) : [],
    datadogAgentChecks: datadogAutodiscovery
      ? { ...workload, how: `autodiscovery annotations: ${workload.how}` }
      : { status: SourceStatus.MISSING, how: 'no Datadog autodiscovery annotations', fix: 'give the gateway a datadog backend, which turns them on' },
    datadogPlugin: pluginFact(inputs, workload, 'datadog'),
  };
}

/** One rendered alert's lineage. */
export function alertSource(signal: string, backend: string, sources: SignalSource[], wiring: TelemetryWiring): AlertSource {
  const verdict = traceSources(sources, wiring);
  return {
    signal,
    backend,
    producers: [...new Set(sources.map((s) => `${s.producer}${s.pluginFlag ? ` (${s.pluginFlag})` : ''}`))],
    metrics: [...new Set(sources.flatMap((s) => s.metrics))],
    path: verdict.needs,
    status: verdict.status,
    missing: verdict.missing,
    unverified: verdict.unverified,
  };
}
