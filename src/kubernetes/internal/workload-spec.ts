import { KongGateway } from '../../gateway/kong-gateway';
import { PrometheusScrapeMethod } from '../scrape-method';
import { KongContainerPort, KongEnvVariable, KongWorkloadOptions } from '../workload-options';
import { datadogAutodiscoveryAnnotations } from './datadog-autodiscovery';
import { KongPluginSet } from './plugin-set';
import { ResolvedPorts, resolvePorts, statusContainerPorts, statusListenerEnv, statusListenValue } from './ports';
import { ProbeTriple, resolveProbes } from './probe-rules';
import { prometheusScrapeAnnotations } from './prometheus-annotations';

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
  readonly scrape: PrometheusScrapeMethod;
}

export function computeWorkloadSpec(subject: string, options: KongWorkloadOptions): WorkloadSpec {
  const gateway = options.gateway;
  const ports = resolvePorts(subject, gateway, options.ports, options.statusTls);
  const probes = resolveProbes(subject, gateway, { readiness: options.readinessProbe, liveness: options.livenessProbe, startup: options.startupProbe });

  const plugins = new KongPluginSet(subject, gateway, options.plugins);
  const statusListen = statusListenValue(ports);
  const env = statusListenerEnv(ports, options.statusTls);
  env.push(...plugins.pluginEnv());

  const containerPorts = statusContainerPorts(ports);

  const scrape = options.prometheusScrape ?? PrometheusScrapeMethod.POD_MONITOR;
  const podAnnotations: { [key: string]: string } = {
    ...((options.datadogAutodiscovery ?? true) ? datadogAutodiscoveryAnnotations(gateway, ports.status, probes.readiness.timeout.toSeconds()) : {}),
    ...(scrape === PrometheusScrapeMethod.ANNOTATIONS ? prometheusScrapeAnnotations(ports.status) : {}),
  };

  return { gateway, ports, statusListen, env, containerPorts, probes, podAnnotations, plugins, scrape };
}
