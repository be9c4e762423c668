import { pluginsOnlyDeclarativeConfig } from './declarative-document';
import { failValidation } from '../../core/validation';
import { DeploymentMode } from '../../gateway/deployment-mode';
import { KongGateway } from '../../gateway/kong-gateway';
import { PrometheusScrapeMethod } from '../scrape-method';
import { KongContainerPort, KongEnvVariable, KongWorkloadOptions } from '../workload-options';
import { datadogAutodiscoveryAnnotations } from './datadog-autodiscovery';
import { KongPluginSet } from './plugin-set';
import { ResolvedPorts, resolvePorts, statusContainerPorts, statusListenerEnv, statusListenValue } from './ports';
import { ProbeTriple, resolveProbes } from './probe-rules';
import { prometheusScrapeAnnotations } from './prometheus-annotations';
import { requireKubernetesLabels } from '../../core/labels';

/**
 * Everything the library sets on a Kong workload, computed once. `KongDeployment`,
 * `KongWorkloadSettings.applyTo` and `toHelmValues` only render this.
 */
export interface WorkloadSpec {
  readonly gateway: KongGateway;
  readonly ports: ResolvedPorts;
  readonly statusListen: string;
  readonly env: KongEnvVariable[];
  readonly containerPorts: KongContainerPort[];
  readonly probes: ProbeTriple;
  readonly podAnnotations: { [key: string]: string };
  readonly plugins: KongPluginSet;
  /** The plugins are configured outside the library, which then writes none. */
  readonly pluginsExternal: boolean;
  /** The DB-less declarative configuration: the user's, with the library's plugins merged in. */
  readonly declarativeConfig: string;
  /** Routes in that configuration. */
  readonly declarativeRouteCount: number;
  /** Selector labels for the scrape monitor; undefined when none were given. */
  readonly monitorLabels?: { [key: string]: string };
  readonly scrape: PrometheusScrapeMethod;
}

export function computeWorkloadSpec(subject: string, options: KongWorkloadOptions): WorkloadSpec {
  const gateway = options.gateway;
  const ports = resolvePorts(subject, gateway, options.ports, options.statusTls);
  requireKubernetesLabels(subject, 'monitorLabels', options.monitorLabels);
  const probes = resolveProbes(subject, gateway, { readiness: options.readinessProbe, liveness: options.livenessProbe, startup: options.startupProbe });

  const plugins = new KongPluginSet(subject, gateway, options.plugins);
  const pluginsExternal = options.pluginsManagedExternally ?? false;
  if (options.declarativeConfig !== undefined && gateway.mode !== DeploymentMode.DB_LESS) {
    failValidation(
      subject,
      `declarativeConfig is set, but a ${gateway.mode} gateway reads its configuration from ${gateway.mode === DeploymentMode.HYBRID_DATA_PLANE ? 'its control plane' : 'its database'}`,
      'remove declarativeConfig, or declare the gateway with KongGateway.dbLess',
    );
  }
  const libraryPlugins = pluginsExternal ? [] : plugins.plugins();
  const declarativeConfig = options.declarativeConfig?._mergeWith(subject, libraryPlugins) ?? pluginsOnlyDeclarativeConfig(libraryPlugins);
  const statusListen = statusListenValue(ports);
  const env = statusListenerEnv(ports, options.statusTls);
  env.push(...plugins.pluginEnv());

  const containerPorts = statusContainerPorts(ports);

  const scrape = options.prometheusScrape ?? PrometheusScrapeMethod.POD_MONITOR;
  const podAnnotations: { [key: string]: string } = {
    ...((options.datadogAutodiscovery ?? true) ? datadogAutodiscoveryAnnotations(gateway, ports.status, probes.readiness.timeout.toSeconds()) : {}),
    ...(scrape === PrometheusScrapeMethod.ANNOTATIONS ? prometheusScrapeAnnotations(ports.status) : {}),
  };

  return {
    gateway,
    ports,
    statusListen,
    env,
    containerPorts,
    probes,
    podAnnotations,
    plugins,
    pluginsExternal,
    declarativeConfig,
    declarativeRouteCount: options.declarativeConfig?.routeCount ?? 0,
    monitorLabels: options.monitorLabels === undefined ? undefined : { ...options.monitorLabels },
    scrape,
  };
}
