import { createHash } from 'crypto';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1, DeploymentV1SpecTemplateSpecContainerVolumeMount, DeploymentV1SpecTemplateSpecVolume } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { Construct } from 'constructs';
import { KongConfigurationSource } from './configuration-source';
import { failValidation, requirePositiveInteger } from '../core/validation';
import { DeploymentMode, WorkloadKind } from '../gateway/deployment-mode';
import { LoadBalancerCloud, LoadBalancerReadiness } from '../practices/load-balancer-readiness';
import { StatusListener } from '../practices/status-listener';
import { toProviderEnv, toProviderPorts } from './internal/container-rendering';
import { toProviderProbes } from './internal/probe-rendering';
import { KongClusterPlugins } from './kong-cluster-plugins';
import { KongWorkloadSettings } from './kong-workload-settings';
import { PrometheusScrape } from './prometheus-scrape';
import { KubernetesServiceType } from './service-types';
import { KongContainerPort, KongEnvVariable, KongWorkloadOptions } from './workload-options';

/** Where DB-less Kong reads its declarative configuration. */
const DECLARATIVE_DIR = '/kong_dbless';
const DECLARATIVE_FILE = 'kong.yml';

/** Props of `KongDeployment`. */
export interface KongDeploymentProps extends KongWorkloadOptions {
  /**
   * Kong image.
   * @default 'kong:3.9'
   */
  readonly image?: string;

  /**
   * Replicas.
   * @default - the gateway's expectedNodes, else 2
   */
  readonly replicas?: number;

  /**
   * Where configuration comes from.
   * @default - DECLARATIVE_CONFIG_MAP for DB-less, CONTROL_PLANE for hybrid data planes, DATABASE otherwise
   */
  readonly configurationSource?: KongConfigurationSource;

  /**
   * Ingress class, for `INGRESS_CONTROLLER`.
   * @default 'kong'
   */
  readonly ingressClass?: string;

  /**
   * More environment variables (database connection, cluster certificates...). May not
   * redefine a variable the library sets.
   * @default {}
   */
  readonly env?: { [key: string]: string };

  /**
   * Cloud of the proxy load balancer (health check on `/status/ready`).
   * @default LoadBalancerCloud.OTHER
   */
  readonly loadBalancerCloud?: LoadBalancerCloud;

  /**
   * Type of the proxy Service.
   * @default KubernetesServiceType.LOAD_BALANCER
   */
  readonly proxyServiceType?: KubernetesServiceType;

  /**
   * Namespaces allowed to reach the status port through a NetworkPolicy.
   * @default - no NetworkPolicy
   */
  readonly statusAllowedNamespaces?: string[];

  /**
   * Labels for the PodMonitor/ServiceMonitor, matched by the Prometheus Operator's selector.
   * @default {}
   */
  readonly monitorLabels?: { [key: string]: string };
}

/**
 * A complete Kong gateway on Kubernetes with the monitoring practices applied: a Deployment
 * with the status listener, the three probes, Datadog autodiscovery annotations, a rolling
 * update that never lowers the ready count (maxUnavailable 0, maxSurge 1) and a graceful
 * `kong quit --wait=15` on stop; the proxy Service (LoadBalancerReadiness; none for a hybrid
 * control plane, whose proxy listener is off), the ClusterIP status
 * Service (StatusListener), the plugins, and the scrape monitor. DB-less Kong answers 503 on
 * `/status/ready` until it has a configuration, so unless a controller or control plane
 * supplies one, a declarative ConfigMap with the plugins is mounted.
 */
export class KongDeployment extends Construct {
  public readonly deployment: DeploymentV1;
  public readonly settings: KongWorkloadSettings;
  public readonly statusListener: StatusListener;
  /** The proxy Service behind the load balancer; none for a hybrid control plane, which proxies nothing. */
  public readonly proxy?: LoadBalancerReadiness;
  public readonly declarativeConfig?: ConfigMapV1;
  public readonly clusterPlugins?: KongClusterPlugins;
  public readonly scrape: PrometheusScrape;

  public constructor(scope: Construct, id: string, props: KongDeploymentProps) {
    super(scope, id);
    const subject = `KongDeployment '${id}'`;
    const gateway = props.gateway;
    if (gateway.workloadKind !== WorkloadKind.DEPLOYMENT) {
      failValidation(subject, `gateway '${gateway.name}' is declared as a ${gateway.workloadKind}`, 'declare the gateway with workloadKind WorkloadKind.DEPLOYMENT, or apply KongWorkloadSettings to your own workload');
    }
    const source = props.configurationSource ?? defaultSource(gateway.mode);
    checkSource(subject, gateway.mode, source);
    const replicas = props.replicas ?? gateway.expectedNodes ?? 2;
    requirePositiveInteger(subject, 'replicas', replicas);

    this.settings = new KongWorkloadSettings(props);
    const spec = this.settings._spec();
    const isControlPlane = gateway.mode === DeploymentMode.HYBRID_CONTROL_PLANE;

    this.statusListener = new StatusListener(this, 'status', {
      gateway,
      ports: props.ports,
      tls: props.statusTls,
      allowedNamespaces: props.statusAllowedNamespaces,
    });
    // A control plane's proxy listener is off: a load balancer in front of it would send
    // traffic to ports nothing listens on.
    if (!isControlPlane) {
      this.proxy = new LoadBalancerReadiness(this, 'proxy', {
        gateway,
        cloud: props.loadBalancerCloud ?? LoadBalancerCloud.OTHER,
        serviceType: props.proxyServiceType ?? KubernetesServiceType.LOAD_BALANCER,
        ports: props.ports,
        statusTls: props.statusTls,
      });
    }

    const env: KongEnvVariable[] = [
      { name: 'KONG_DATABASE', value: gateway.hasDatastore ? 'postgres' : 'off' },
      ...(gateway.mode === DeploymentMode.HYBRID_DATA_PLANE ? [{ name: 'KONG_ROLE', value: 'data_plane' }] : []),
      ...(isControlPlane ? [{ name: 'KONG_ROLE', value: 'control_plane' }] : []),
      {
        name: 'KONG_PROXY_LISTEN',
        value: isControlPlane ? 'off' : `0.0.0.0:${spec.ports.proxyHttp}, [::]:${spec.ports.proxyHttp}, 0.0.0.0:${spec.ports.proxyTls} ssl, [::]:${spec.ports.proxyTls} ssl`,
      },
      // The Admin API stays on loopback; nothing here needs it from outside the pod.
      { name: 'KONG_ADMIN_LISTEN', value: `127.0.0.1:${spec.ports.adminHttp}, 127.0.0.1:${spec.ports.adminTls} ssl` },
      { name: 'KONG_PROXY_ACCESS_LOG', value: '/dev/stdout' },
      { name: 'KONG_PROXY_ERROR_LOG', value: '/dev/stderr' },
      { name: 'KONG_ADMIN_ERROR_LOG', value: '/dev/stderr' },
      ...spec.env,
    ];

    const annotations = { ...spec.podAnnotations };
    const volumes: DeploymentV1SpecTemplateSpecVolume[] = [];
    const mounts: DeploymentV1SpecTemplateSpecContainerVolumeMount[] = [];
    if (source === KongConfigurationSource.DECLARATIVE_CONFIG_MAP) {
      if (spec.plugins.plugins().length === 0) {
        failValidation(
          subject,
          'the declarative configuration would be empty, and DB-less Kong answers 503 on /status/ready until it has a non-empty configuration',
          'enable at least one plugin, or set configurationSource to INGRESS_CONTROLLER when a controller supplies configuration',
        );
      }
      const content = spec.plugins.toDeclarativeConfig();
      this.declarativeConfig = new ConfigMapV1(this, 'declarative-config', {
        metadata: { name: `${gateway.workloadName}-declarative-config`, namespace: gateway.namespace, labels: { ...gateway.podLabels } },
        data: { [DECLARATIVE_FILE]: content },
      });
      env.push({ name: 'KONG_DECLARATIVE_CONFIG', value: `${DECLARATIVE_DIR}/${DECLARATIVE_FILE}` });
      volumes.push({ name: 'declarative-config', configMap: { name: this.declarativeConfig.metadata.name } });
      mounts.push({ name: 'declarative-config', mountPath: DECLARATIVE_DIR, readOnly: true });
      // A changed configuration rolls the pods (Kong reads the file only at start).
      annotations['checksum/declarative-config'] = createHash('sha256').update(content).digest('hex');
    } else if (source === KongConfigurationSource.INGRESS_CONTROLLER) {
      this.clusterPlugins = new KongClusterPlugins(this, 'plugins', { gateway, plugins: props.plugins, ingressClass: props.ingressClass });
    }

    for (const [name, value] of Object.entries(props.env ?? {})) {
      if (env.some((e) => e.name === name)) {
        failValidation(subject, `env ${name} is set by the library`, `remove ${name} from env, or use the option that controls it`);
      }
      env.push({ name, value });
    }

    const containerPorts: KongContainerPort[] = [
      ...(isControlPlane ? [] : [{ name: 'proxy', containerPort: spec.ports.proxyHttp }, { name: 'proxy-tls', containerPort: spec.ports.proxyTls }]),
      ...spec.containerPorts,
    ];

    this.deployment = new DeploymentV1(this, 'deployment', {
      metadata: { name: gateway.workloadName, namespace: gateway.namespace, labels: { ...gateway.podLabels } },
      spec: {
        replicas: String(replicas),
        selector: { matchLabels: { ...gateway.podLabels } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '0', maxSurge: '1' } },
        template: {
          metadata: { labels: { ...gateway.podLabels }, annotations },
          spec: {
            terminationGracePeriodSeconds: 30,
            container: [
              {
                name: gateway.containerName,
                image: props.image ?? 'kong:3.9',
                env: toProviderEnv(env),
                port: toProviderPorts(containerPorts),
                ...toProviderProbes(spec.probes),
                lifecycle: { preStop: [{ exec: { command: ['kong', 'quit', '--wait=15'] } }] },
                ...(mounts.length > 0 ? { volumeMount: mounts } : {}),
              },
            ],
            ...(volumes.length > 0 ? { volume: volumes } : {}),
          },
        },
      },
    });

    this.scrape = new PrometheusScrape(this, 'scrape', {
      gateway,
      method: spec.scrape,
      monitorLabels: props.monitorLabels,
    });
  }
}

function defaultSource(mode: DeploymentMode): KongConfigurationSource {
  switch (mode) {
    case DeploymentMode.DB_LESS:
      return KongConfigurationSource.DECLARATIVE_CONFIG_MAP;
    case DeploymentMode.HYBRID_DATA_PLANE:
      return KongConfigurationSource.CONTROL_PLANE;
    default:
      return KongConfigurationSource.DATABASE;
  }
}

function checkSource(subject: string, mode: DeploymentMode, source: KongConfigurationSource): void {
  const allowed: Record<KongConfigurationSource, DeploymentMode[]> = {
    [KongConfigurationSource.DECLARATIVE_CONFIG_MAP]: [DeploymentMode.DB_LESS],
    [KongConfigurationSource.INGRESS_CONTROLLER]: [DeploymentMode.DB_LESS, DeploymentMode.TRADITIONAL],
    [KongConfigurationSource.CONTROL_PLANE]: [DeploymentMode.HYBRID_DATA_PLANE],
    [KongConfigurationSource.DATABASE]: [DeploymentMode.TRADITIONAL, DeploymentMode.HYBRID_CONTROL_PLANE],
  };
  if (!(allowed[source] ?? []).includes(mode)) {
    failValidation(subject, `configurationSource '${source}' does not fit a ${mode} gateway`, `use one of: ${Object.entries(allowed).filter(([, modes]) => modes.includes(mode)).map(([s]) => s).join(', ')}`);
  }
}
