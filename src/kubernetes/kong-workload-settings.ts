import type { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import type { DeploymentV1, DeploymentV1SpecTemplateSpecContainer } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { Construct } from 'constructs';
import { declareTelemetry } from '../core/telemetry-declaration';
import { failValidation, requireDns1123Subdomain } from '../core/validation';
import { DeploymentMode } from '../gateway/deployment-mode';
import { DEFAULT_STATUS_TLS_PORT } from '../gateway/kong-facts';
import { toApiEnvValue, toProviderEnv, toProviderPorts } from './internal/container-rendering';
import { describePlugins } from './internal/plugin-set';
import { toHelmProbes, toProviderProbes } from './internal/probe-rendering';
import { computeWorkloadSpec, WorkloadSpec } from './internal/workload-spec';
import { KongPluginConfiguration, KongPluginDelivery } from './plugin-delivery';
import { KongProbe } from './probe';
import { PrometheusScrapeMethod } from './scrape-method';
import { KongContainerPort, KongEnvVariable, KongWorkloadOptions } from './workload-options';
import { checkArguments, checkCall } from '../core/input-shape';
import { kubernetesResources } from '../internal/provider-resources';

/** Options of `KongWorkloadSettings.toHelmValues()`. */
export interface KongHelmValuesOptions {
  /**
   * Put the plugins into `dblessConfig.config`, for a DB-less release without the ingress
   * controller (otherwise the controller or a control plane supplies configuration, and the
   * plugins go in as `KongClusterPlugins`).
   * @default false
   */
  readonly includeDeclarativeConfig?: boolean;
}

/** Props of `KongWorkloadSettings.addDeclarativeConfigMap()`. */
export interface KongDeclarativeConfigMapProps {
  /** Name of the ConfigMap (the one your DB-less Kong mounts). */
  readonly name: string;

  /**
   * Namespace.
   * @default - the gateway's namespace
   */
  readonly namespace?: string;

  /**
   * Key of the file in the ConfigMap (the file `KONG_DECLARATIVE_CONFIG` names).
   * @default 'kong.yml'
   */
  readonly key?: string;
}

/**
 * Kong's monitoring settings for one workload (status listener env and port, probes, pod
 * annotations, plugins), computed once and rendered three ways: onto a `DeploymentV1` you
 * declare (`applyTo`), as Kong Helm chart values (`toHelmValues`), or by `KongDeployment`.
 */
export class KongWorkloadSettings {
  /** Readiness probe applied. */
  public readonly readinessProbe: KongProbe;
  /** Liveness probe applied. */
  public readonly livenessProbe: KongProbe;
  /** Startup probe applied. */
  public readonly startupProbe: KongProbe;
  /** `KONG_STATUS_LISTEN` value. */
  public readonly statusListen: string;
  private readonly spec: WorkloadSpec;
  private readonly subject: string;
  private pluginConfiguration: () => KongPluginConfiguration;
  /** Where the settings went: workloads they were applied to, Helm values handed out. */
  private readonly applications: string[] = [];

  public constructor(options: KongWorkloadOptions) {
    checkCall('KongWorkloadSettings', options);
    this.subject = `KongWorkloadSettings '${options.gateway.name}'`;
    this.spec = computeWorkloadSpec(this.subject, options);
    this.readinessProbe = this.spec.probes.readiness;
    this.livenessProbe = this.spec.probes.liveness;
    this.startupProbe = this.spec.probes.startup;
    this.statusListen = this.spec.statusListen;
    const delivery = this.spec.pluginsExternal ? KongPluginDelivery.EXTERNAL : KongPluginDelivery.NONE;
    this.pluginConfiguration = () => describePlugins(delivery, delivery === KongPluginDelivery.NONE ? [] : this.spec.plugins.plugins());
  }

  /**
   * Which observability plugins are configured for the gateway and how they reach Kong. On its
   * own the settings object writes no plugin anywhere (NONE, or EXTERNAL with
   * `pluginsManagedExternally`); `KongDeployment` and `KongMonitoring` record the path they
   * provide. Read it once the app is built.
   */
  public configuredPlugins(): KongPluginConfiguration {
    return this.pluginConfiguration();
  }

  /** @internal the construct that delivers the plugins answers for them. */
  public _deliverPlugins(answer: () => KongPluginConfiguration): void {
    this.pluginConfiguration = answer;
  }

  /** @internal records a workload (or Helm values) that carries these settings. */
  public _markApplied(where: string): void {
    if (!this.applications.includes(where)) this.applications.push(where);
  }

  /** @internal the workloads and Helm values that carry these settings, so far. */
  public _applications(): string[] {
    return [...this.applications];
  }

  /** Environment variables for the Kong container. */
  public env(): KongEnvVariable[] {
    return this.spec.env.map((e) => ({ ...e }));
  }

  /** Container ports for the Kong container (`status`, and `status-tls` when TLS is on). */
  public containerPorts(): KongContainerPort[] {
    return this.spec.containerPorts.map((p) => ({ ...p }));
  }

  /** Pod template annotations (Datadog autodiscovery, Prometheus scrape annotations when chosen). */
  public podAnnotations(): { [key: string]: string } {
    return { ...this.spec.podAnnotations };
  }

  /**
   * The DB-less declarative configuration, JSON text that is also valid YAML: your
   * `declarativeConfig` with the library's plugins merged in as global plugins (the plugins
   * alone when you gave none).
   */
  public declarativeConfig(): string {
    return this.spec.declarativeConfig;
  }

  /**
   * Your DB-less Kong's declarative ConfigMap, holding `declarativeConfig()`: the plugins are
   * then delivered by it (`configuredPlugins()` says DECLARATIVE_CONFIG). Mount it where your
   * workload's `KONG_DECLARATIVE_CONFIG` points.
   */
  public addDeclarativeConfigMap(scope: Construct, id: string, props: KongDeclarativeConfigMapProps): ConfigMapV1 {
    checkArguments('KongWorkloadSettings.addDeclarativeConfigMap', this.subject, [scope, id, props]);
    const gateway = this.spec.gateway;
    if (gateway.mode !== DeploymentMode.DB_LESS) {
      failValidation(
        this.subject,
        `a declarative configuration ConfigMap is for DB-less Kong, and this is a ${gateway.mode} gateway`,
        'configure its plugins with KongClusterPlugins, KongDeployment (database import) or declare pluginsManagedExternally',
      );
    }
    if (this.spec.pluginsExternal) {
      failValidation(this.subject, "pluginsManagedExternally is set, so the ConfigMap would carry none of the library's plugins", 'write your ConfigMap yourself, or leave pluginsManagedExternally unset');
    }
    requireDns1123Subdomain(this.subject, 'ConfigMap name', props.name);
    const configMap = new kubernetesResources.ConfigMapV1(scope, id, {
      metadata: { name: props.name, namespace: props.namespace ?? gateway.namespace },
      data: { [props.key ?? 'kong.yml']: this.spec.declarativeConfig },
    });
    const set = this.spec.plugins;
    this._deliverPlugins(() => describePlugins(KongPluginDelivery.DECLARATIVE_CONFIG, set.plugins()));
    return configMap;
  }

  /**
   * Applies the settings to the container named `gateway.containerName` of a Deployment you
   * declared: adds env, ports, the three probes and pod annotations. Fails when the container
   * already has a different probe, env value or port, instead of silently replacing it.
   */
  public applyTo(deployment: DeploymentV1): void {
    checkArguments('KongWorkloadSettings.applyTo', this.subject, [deployment]);
    const gateway = this.spec.gateway;
    const podSpec = deployment.spec.template.spec;
    const containers = podSpec.containerInput;
    if (!Array.isArray(containers)) {
      failValidation(this.subject, `the container list of Deployment '${deployment.node.id}' is not a plain list`, 'declare the containers as a list in the DeploymentV1 config, or use toHelmValues() / KongDeployment');
    }
    const index = containers.findIndex((c) => c.name === gateway.containerName);
    if (index < 0) {
      failValidation(
        this.subject,
        `Deployment '${deployment.node.id}' has no container named '${gateway.containerName}' (it has ${containers.map((c) => `'${c.name}'`).join(', ') || 'none'})`,
        "set the gateway's containerName to the Kong container's name",
      );
    }
    const updated = this.mergeContainer(deployment.node.id, containers[index]);
    podSpec.putContainer(containers.map((c, i) => (i === index ? updated : c)));

    const metadata = deployment.spec.template.metadata;
    const existing = metadata.annotationsInput ?? {};
    for (const [key, value] of Object.entries(this.spec.podAnnotations)) {
      if (existing[key] !== undefined && existing[key] !== value) {
        failValidation(this.subject, `Deployment '${deployment.node.id}' already sets pod annotation '${key}' to another value`, 'remove that annotation from the Deployment; the library writes it');
      }
    }
    metadata.annotations = { ...existing, ...this.spec.podAnnotations };
    if (this.spec.pluginsExternal) declareTelemetry(deployment, { plugins_managed_externally: true });
    this._markApplied(`Deployment ${deployment.node.path}`);
  }

  /**
   * Kong Helm chart values (`status`, `readinessProbe`, `livenessProbe`, `startupProbe`,
   * `podAnnotations`, `env`), as JSON text: valid YAML, ready for a `helm_release`'s `values`.
   */
  public toHelmValues(options: KongHelmValuesOptions = {}): string {
    checkArguments('KongWorkloadSettings.toHelmValues', this.subject, [options]);
    const spec = this.spec;
    const env: { [key: string]: unknown } = {};
    for (const e of spec.env) {
      // The chart writes KONG_STATUS_LISTEN itself from `status.*`.
      if (e.name === 'KONG_STATUS_LISTEN') continue;
      const key = e.name.replace(/^KONG_/, '').toLowerCase();
      env[key] = toApiEnvValue(e);
    }
    const values: { [key: string]: unknown } = {
      status: {
        enabled: true,
        http: { enabled: true, containerPort: spec.ports.status, parameters: [] },
        tls: { enabled: spec.ports.statusTls !== undefined, containerPort: spec.ports.statusTls ?? DEFAULT_STATUS_TLS_PORT, parameters: [] },
      },
      ...toHelmProbes(spec.probes),
      podAnnotations: { ...spec.podAnnotations },
      env,
    };
    if (spec.scrape === PrometheusScrapeMethod.SERVICE_MONITOR) {
      values.serviceMonitor = {
        enabled: true,
        interval: spec.gateway.scrapeInterval.toPrometheus(),
        // The Prometheus Operator selects monitors by these (kube-prometheus-stack: `release`).
        ...(spec.monitorLabels && Object.keys(spec.monitorLabels).length > 0 ? { labels: { ...spec.monitorLabels } } : {}),
      };
    }
    if (options.includeDeclarativeConfig) {
      values.dblessConfig = { config: spec.declarativeConfig };
      if (!spec.pluginsExternal) {
        const set = spec.plugins;
        this._deliverPlugins(() => describePlugins(KongPluginDelivery.DECLARATIVE_CONFIG, set.plugins()));
      }
    }
    this._markApplied('Kong Helm chart values');
    return JSON.stringify(values, null, 2);
  }

  /** @internal the computed spec, for the library's own constructs. */
  public _spec(): WorkloadSpec {
    return this.spec;
  }

  private mergeContainer(deploymentId: string, container: DeploymentV1SpecTemplateSpecContainer): DeploymentV1SpecTemplateSpecContainer {
    const where = `container '${container.name}' of Deployment '${deploymentId}'`;
    const probes = toProviderProbes(this.spec.probes);
    for (const [field, ours] of Object.entries(probes) as Array<[keyof typeof probes, unknown]>) {
      const theirs = container[field];
      if (theirs !== undefined && JSON.stringify(theirs) !== JSON.stringify(ours)) {
        failValidation(
          this.subject,
          `${where} already has a ${field} (${describeProviderProbe(theirs)}) that conflicts with the library's`,
          `remove ${field} from the container and pass your probe as the '${field}' option, where Kong's probe rules check it`,
        );
      }
    }

    const existingEnv = Array.isArray(container.env) ? container.env : container.env === undefined ? [] : undefined;
    const existingPorts = Array.isArray(container.port) ? container.port : container.port === undefined ? [] : undefined;
    if (existingEnv === undefined || existingPorts === undefined) {
      failValidation(this.subject, `${where} has env or ports given as a token`, 'declare env and ports as plain lists');
    }
    const addedEnv = toProviderEnv(this.spec.env).filter((ours) => {
      const theirs = existingEnv.find((e) => e.name === ours.name);
      if (theirs === undefined) return true;
      if (JSON.stringify(theirs) !== JSON.stringify(ours)) {
        failValidation(this.subject, `${where} already sets ${ours.name} to another value`, `remove ${ours.name} from the container; the library sets it`);
      }
      return false;
    });
    const addedPorts = toProviderPorts(this.spec.containerPorts).filter((ours) => {
      const theirs = existingPorts.find((p) => p.name === ours.name || p.containerPort === ours.containerPort);
      if (theirs === undefined) return true;
      if (theirs.name !== ours.name || theirs.containerPort !== ours.containerPort) {
        failValidation(
          this.subject,
          `${where} declares port ${theirs.name ?? '(unnamed)'}:${theirs.containerPort}, which clashes with the status port ${ours.name}:${ours.containerPort}`,
          "free the port or the name 'status' on the container, or choose another statusPort on the gateway",
        );
      }
      return false;
    });
    return { ...container, ...probes, env: [...existingEnv, ...addedEnv], port: [...existingPorts, ...addedPorts] };
  }
}

function describeProviderProbe(probe: unknown): string {
  const p = probe as { httpGet?: { path?: string; port?: string }; exec?: { command?: string[] } };
  if (p.httpGet) return `GET ${p.httpGet.path ?? '/'} on port ${p.httpGet.port ?? '?'}`;
  if (p.exec) return `exec '${(p.exec.command ?? []).join(' ')}'`;
  return 'a probe';
}
