import type { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import type {
  DeploymentV1,
  DeploymentV1SpecTemplateSpecContainerEnvFrom,
  DeploymentV1SpecTemplateSpecContainerVolumeMount,
  DeploymentV1SpecTemplateSpecInitContainer,
  DeploymentV1SpecTemplateSpecVolume,
} from '@cdktf/provider-kubernetes/lib/deployment-v1';
import type { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Construct } from 'constructs';
import { KongConfigurationSource } from './configuration-source';
import { KongDeploymentOptions } from './deployment-options';
import { GATEWAY_WIRING } from './gateway-wiring';
import { AppRegistry } from '../core/app-registry';
import { declareTelemetry } from '../core/telemetry-declaration';
import { identityKey } from '../gateway/gateway-identity';
import { toProviderEnv, toProviderPorts } from './internal/container-rendering';
import { databaseSettings, requireSecretKey } from './internal/database-settings';
import { CLUSTER_CERTIFICATE_DIR, CLUSTER_CERTIFICATE_VOLUME, clusterCertificateEnv, controlPlaneListenEnv, endpointHost, requireEndpoint } from './internal/hybrid-cluster';
import { resolveKongImage } from './internal/kong-image';
import { claimKubernetesObject, DISTINCT_WORKLOADS_FIX, serviceName } from './internal/object-names';
import { PLUGIN_IMPORT_DIR, PLUGIN_IMPORT_FILE, pluginImportDocument } from './internal/plugin-import';
import { describePlugins, KongPluginSet } from './internal/plugin-set';
import { toProviderProbes } from './internal/probe-rendering';
import { KongClusterPlugins } from './kong-cluster-plugins';
import { KongWorkloadSettings } from './kong-workload-settings';
import { GkeLoadBalancing, LoadBalancerCloud, LoadBalancerReadiness } from './load-balancer-readiness';
import { KongPluginConfiguration, KongPluginDelivery } from './plugin-delivery';
import { PrometheusScrape } from './prometheus-scrape';
import { StatusListener } from './status-listener';
import { KongContainerPort, KongEnvVariable, KongWorkloadOptions } from './workload-options';
import { checkConstructArguments } from '../core/input-shape';
import { refuseSecretEnv } from '../core/literal-secrets';
import { failValidation, reportingAs, requireDns1123Label, requireDns1123Subdomain, requirePositiveInteger } from '../core/validation';
import { DeploymentMode, WorkloadKind } from '../gateway/deployment-mode';
import { KONG_DEFAULT_PORTS } from '../gateway/kong-facts';
import { KongGateway } from '../gateway/kong-gateway';
import { KongEdition } from '../gateway/kong-version';
import { Lazy } from '../internal/cdktf';
import { createHash } from '../internal/hash';
import { kubernetesResources } from '../internal/provider-resources';

/** Where DB-less Kong reads its declarative configuration. */
const DECLARATIVE_DIR = '/kong_dbless';
const DECLARATIVE_FILE = 'kong.yml';
const DECLARATIVE_VOLUME = 'declarative-config';
const PLUGIN_IMPORT_VOLUME = 'kong-plugins';

/** Props of `KongDeployment`. */
export interface KongDeploymentProps extends KongWorkloadOptions, KongDeploymentOptions {}

/**
 * A complete Kong gateway on Kubernetes that starts in its mode, with the monitoring practices
 * applied: a Deployment with the status listener, the three probes, Datadog autodiscovery
 * annotations, a rolling update that never lowers the ready count (maxUnavailable 0, maxSurge 1)
 * and a graceful `kong quit --wait=15` on stop; the proxy Service (LoadBalancerReadiness; none
 * for a hybrid control plane, whose proxy listener is off), the ClusterIP status Service
 * (StatusListener), the plugins and the scrape monitor.
 *
 * What each mode needs is set from typed options, and missing settings fail synth naming them:
 * traditional Kong and hybrid control planes get `KONG_PG_*` from `database` (the password
 * through a `secretKeyRef`) and run `kong migrations bootstrap` first; control planes open the
 * cluster listener (Enterprise: telemetry too) behind a ClusterIP cluster Service; data planes
 * get `KONG_CLUSTER_CONTROL_PLANE`; both hybrid sides mount the shared cluster certificate.
 *
 * Plugins reach Kong on every path: DB-less, in the declarative ConfigMap (your
 * `declarativeConfig` with the plugins merged in); with the Kong Ingress Controller, as
 * KongClusterPlugins; database-backed Kong without a controller, by an init container running
 * `kong config db_import` on a file holding only the library's plugins (fixed ids, upserted:
 * nothing else in the database is touched, and the Admin API stays on loopback); hybrid data
 * planes, through their control plane's import.
 */
export class KongDeployment extends Construct {
  public readonly deployment: DeploymentV1;
  public readonly settings: KongWorkloadSettings;
  public readonly statusListener: StatusListener;
  /** The proxy Service behind the load balancer; none for a hybrid control plane, which proxies nothing. */
  public readonly proxy?: LoadBalancerReadiness;
  /** The DB-less declarative configuration. */
  public readonly declarativeConfig?: ConfigMapV1;
  /** Routes in the DB-less declarative configuration the library writes (undefined when it writes none). */
  public readonly declarativeRouteCount?: number;
  /** The file of plugins imported into the database. */
  public readonly pluginImport?: ConfigMapV1;
  public readonly clusterPlugins?: KongClusterPlugins;
  /** A control plane's cluster Service, which data planes connect to. */
  public readonly clusterService?: ServiceV1;
  /** A control plane's cluster endpoint, `host:port` (`KONG_CLUSTER_CONTROL_PLANE` of its data planes). */
  public readonly clusterEndpoint?: string;
  /** A Kong Gateway Enterprise control plane's telemetry endpoint, `host:port`. */
  public readonly telemetryEndpoint?: string;
  public readonly scrape: PrometheusScrape;
  /** The Kong image run. */
  public readonly image: string;
  /** The gateway deployed. */
  public readonly gateway: KongGateway;

  private readonly subject: string;
  private readonly delivery: KongPluginDelivery;
  private readonly ownPlugins: KongPluginSet;
  private readonly explicitPlugins: boolean;
  private readonly pluginsExternal: boolean;
  private readonly dataPlaneNamespaces?: string[];
  private readonly certificateSecretName?: string;
  private dataPlanePlugins?: { gateway: KongGateway; plugins: KongPluginSet };
  private controlPlane?: KongDeployment;

  public constructor(scope: Construct, id: string, props: KongDeploymentProps) {
    super(scope, checkConstructArguments('KongDeployment', scope, id, props));
    const subject = `KongDeployment '${id}'`;
    this.subject = subject;
    const gateway = props.gateway;
    this.gateway = gateway;
    if (gateway.workloadKind !== WorkloadKind.DEPLOYMENT) {
      failValidation(subject, `gateway '${gateway.name}' is declared as a ${gateway.workloadKind}`, 'declare the gateway with workloadKind WorkloadKind.DEPLOYMENT, or apply KongWorkloadSettings to your own workload');
    }
    const mode = gateway.mode;
    const isControlPlane = mode === DeploymentMode.HYBRID_CONTROL_PLANE;
    const isDataPlane = mode === DeploymentMode.HYBRID_DATA_PLANE;
    // The Services' names come from the workload's: say so before anything is built from them.
    serviceName(subject, 'status', gateway, '-status', undefined, '');
    const clusterServiceName = isControlPlane ? serviceName(subject, 'cluster', gateway, '-cluster', undefined, '') : undefined;
    if (!isControlPlane) serviceName(subject, 'proxy', gateway, '-proxy', undefined, '');
    claimKubernetesObject(this, subject, gateway, 'Deployment', gateway.workloadName, DISTINCT_WORKLOADS_FIX);
    const source = props.configurationSource ?? defaultSource(mode);
    checkSource(subject, mode, source);
    const replicas = props.replicas ?? gateway.expectedNodes ?? 2;
    requirePositiveInteger(subject, 'replicas', replicas);
    if (gateway.expectedNodes !== undefined && replicas < gateway.expectedNodes) {
      failValidation(
        subject,
        `replicas ${replicas} is below the gateway's expectedNodes ${gateway.expectedNodes}, so the expected-count alert would fire for as long as the deployment runs`,
        `set replicas to at least ${gateway.expectedNodes}, or leave replicas unset (it then follows expectedNodes)`,
      );
    }
    this.image = resolveKongImage(this, subject, gateway, props.image);

    // Settings that belong to another mode first: they name the mix-up, not a missing setting.
    if (props.database !== undefined && !gateway.hasDatastore) {
      failValidation(subject, `database is set, but a ${modeName(mode)} gateway has no database`, 'remove database');
    }
    if (props.cluster !== undefined && !isControlPlane && !isDataPlane) {
      failValidation(subject, `cluster is set, but a ${modeName(mode)} gateway is not part of a hybrid cluster`, 'remove cluster, or declare the gateway with KongGateway.hybridControlPlane or KongGateway.hybridDataPlane');
    }
    if (gateway.hasDatastore && props.database === undefined) {
      failValidation(
        subject,
        `a ${modeName(mode)} gateway reads its configuration from PostgreSQL, and database is not set, so Kong would not start`,
        "set database: { host, passwordSecret: { secretName, key } } (user and database default to 'kong')",
      );
    }
    const database = props.database !== undefined ? databaseSettings(subject, props.database) : undefined;

    this.settings = new KongWorkloadSettings(props);
    const spec = this.settings._spec();
    this.settings._markApplied(`KongDeployment ${this.node.path}`);
    AppRegistry.of(this).add(GATEWAY_WIRING, identityKey(gateway), this);
    this.ownPlugins = spec.plugins;
    this.explicitPlugins = props.plugins !== undefined;
    this.pluginsExternal = spec.pluginsExternal;

    // --- hybrid cluster ------------------------------------------------------------------
    const clusterEnv: KongEnvVariable[] = [];
    if (isControlPlane) {
      const cluster = props.cluster;
      if (cluster?.certificateSecretName === undefined) {
        failValidation(
          subject,
          'a hybrid control plane serves its data planes over mutual TLS with the cluster certificate, and cluster is not set, so Kong would not start',
          "set cluster: { certificateSecretName: '<kubernetes.io/tls Secret with tls.crt and tls.key>' }",
        );
      }
      for (const field of ['controlPlane', 'controlPlaneEndpoint', 'telemetryEndpoint'] as const) {
        if (cluster[field] !== undefined) failValidation(subject, `cluster.${field} is set on a control plane`, 'set it on its data planes');
      }
      requireDns1123Subdomain(subject, 'cluster.certificateSecretName', cluster.certificateSecretName);
      this.certificateSecretName = cluster.certificateSecretName;
      clusterEnv.push(...controlPlaneListenEnv(spec.ports.cluster!, spec.ports.clusterTelemetry), ...clusterCertificateEnv());
    } else if (isDataPlane) {
      const cluster = props.cluster;
      if (cluster === undefined) {
        failValidation(
          subject,
          "a hybrid data plane needs its control plane's address and the cluster certificate, and cluster is not set, so Kong would not start",
          "set cluster: { controlPlane: <the control plane's KongDeployment> }, or cluster: { controlPlaneEndpoint: '<host>:8005', certificateSecretName: '<Secret>' } for a control plane deployed elsewhere",
        );
      }
      for (const field of ['dataPlaneNamespaces', 'dataPlaneCidrs'] as const) {
        if (cluster[field] !== undefined) failValidation(subject, `cluster.${field} is set on a data plane`, 'set it on the control plane, whose NetworkPolicy admits the data planes');
      }
      const cp = cluster.controlPlane;
      if (cp === undefined && cluster.controlPlaneEndpoint === undefined) {
        failValidation(
          subject,
          "a hybrid data plane needs its control plane's address, and neither cluster.controlPlane nor cluster.controlPlaneEndpoint is set, so Kong would not start",
          "set cluster.controlPlane to the control plane's KongDeployment, or cluster.controlPlaneEndpoint to '<host>:8005'",
        );
      }
      const certificate = cluster.certificateSecretName ?? cp?.certificateSecretName;
      if (certificate === undefined) {
        failValidation(
          subject,
          'a hybrid data plane connects over mutual TLS with the cluster certificate, and cluster.certificateSecretName is not set, so Kong would not start',
          "set cluster.certificateSecretName to the control plane's kubernetes.io/tls Secret (the same certificate on both sides)",
        );
      }
      requireDns1123Subdomain(subject, 'cluster.certificateSecretName', certificate);
      this.certificateSecretName = certificate;
      const endpoint = cluster.controlPlaneEndpoint ?? cp!.clusterEndpoint!;
      requireEndpoint(subject, 'cluster.controlPlaneEndpoint', endpoint);
      clusterEnv.push({ name: 'KONG_CLUSTER_CONTROL_PLANE', value: endpoint });
      if (gateway.edition === KongEdition.ENTERPRISE) {
        const telemetry = cluster.telemetryEndpoint
          ?? (cluster.controlPlaneEndpoint !== undefined ? `${endpointHost(cluster.controlPlaneEndpoint)}:${KONG_DEFAULT_PORTS.clusterTelemetry}` : cp!.telemetryEndpoint);
        if (telemetry !== undefined) {
          requireEndpoint(subject, 'cluster.telemetryEndpoint', telemetry);
          clusterEnv.push({ name: 'KONG_CLUSTER_TELEMETRY_ENDPOINT', value: telemetry });
        }
      }
      clusterEnv.push(...clusterCertificateEnv());
      if (cp !== undefined) {
        cp.registerDataPlane(this, cluster.certificateSecretName);
        this.controlPlane = cp;
      } else if (!this.pluginsExternal) {
        failValidation(
          subject,
          "a data plane's plugins are configured by its control plane, which is not in this app",
          'link it with cluster: { controlPlane: <its KongDeployment> }, or set pluginsManagedExternally: true and configure the plugins on the control plane yourself',
        );
      }
    }
    this.dataPlaneNamespaces = isControlPlane ? [...(props.cluster?.dataPlaneNamespaces ?? [])] : undefined;

    // --- Services ------------------------------------------------------------------------
    const networkPolicy = props.statusAllowedNamespaces !== undefined || props.statusAllowedCidrs !== undefined;
    this.statusListener = reportingAs(subject, {
      struct: 'StatusListenerProps',
      prefix: '',
      renamed: {
        tls: 'statusTls',
        allowedNamespaces: 'statusAllowedNamespaces',
        allowedCidrs: 'statusAllowedCidrs',
        clusterAllowedNamespaces: 'cluster.dataPlaneNamespaces',
        clusterAllowedCidrs: 'cluster.dataPlaneCidrs',
      },
    }, () => new StatusListener(this, 'status', {
      gateway,
      ports: props.ports,
      tls: props.statusTls,
      allowedNamespaces: props.statusAllowedNamespaces,
      allowedCidrs: props.statusAllowedCidrs,
      clusterAllowedNamespaces: props.cluster?.dataPlaneNamespaces,
      clusterAllowedCidrs: props.cluster?.dataPlaneCidrs,
    }));
    // A control plane's proxy listener is off: a load balancer in front of it would send
    // traffic to ports nothing listens on.
    if (!isControlPlane) {
      this.proxy = reportingAs(subject, {
        struct: 'LoadBalancerReadinessProps',
        prefix: '',
        renamed: { cloud: 'loadBalancerCloud', serviceType: 'proxyServiceType' },
      }, () => new LoadBalancerReadiness(this, 'proxy', {
        gateway,
        cloud: props.loadBalancerCloud ?? LoadBalancerCloud.OTHER,
        gkeLoadBalancing: props.gkeLoadBalancing,
        serviceType: props.proxyServiceType,
        ports: props.ports,
        statusTls: props.statusTls,
      }));
      if (networkPolicy && this.proxy.healthCheckTargetsPods && (props.statusAllowedCidrs ?? []).length === 0) {
        refuseUnreachableHealthCheck(subject, props, spec.ports.status);
      }
    }
    if (isControlPlane) {
      const clusterPorts = [
        { name: 'cluster', port: spec.ports.cluster! },
        ...(spec.ports.clusterTelemetry !== undefined ? [{ name: 'telemetry', port: spec.ports.clusterTelemetry }] : []),
      ];
      claimKubernetesObject(this, subject, gateway, 'Service', clusterServiceName!, DISTINCT_WORKLOADS_FIX);
      this.clusterService = new kubernetesResources.ServiceV1(this, 'cluster', {
        metadata: { name: clusterServiceName!, namespace: gateway.namespace, labels: { ...gateway.podLabels, 'app.kubernetes.io/component': 'cluster' } },
        spec: {
          type: 'ClusterIP',
          selector: { ...gateway.podLabels },
          port: clusterPorts.map((p) => ({ name: p.name, port: p.port, targetPort: p.name, protocol: 'TCP' })),
        },
      });
      // A reference, so data planes are planned after the Service they connect to.
      const host = `${this.clusterService.metadata.name}.${gateway.namespace}.svc`;
      this.clusterEndpoint = `${host}:${spec.ports.cluster}`;
      this.telemetryEndpoint = spec.ports.clusterTelemetry !== undefined ? `${host}:${spec.ports.clusterTelemetry}` : undefined;
    }

    // --- env, files, init containers -----------------------------------------------------
    const env: KongEnvVariable[] = [
      { name: 'KONG_DATABASE', value: gateway.hasDatastore ? 'postgres' : 'off' },
      ...(isDataPlane ? [{ name: 'KONG_ROLE', value: 'data_plane' }] : []),
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
      ...(database?.env ?? []),
      ...clusterEnv,
    ];

    const annotations: { [key: string]: string } = { ...spec.podAnnotations };
    const volumes: DeploymentV1SpecTemplateSpecVolume[] = [];
    const mounts: DeploymentV1SpecTemplateSpecContainerVolumeMount[] = [];
    if (this.certificateSecretName !== undefined) {
      volumes.push({ name: CLUSTER_CERTIFICATE_VOLUME, secret: { secretName: this.certificateSecretName } });
      mounts.push({ name: CLUSTER_CERTIFICATE_VOLUME, mountPath: CLUSTER_CERTIFICATE_DIR, readOnly: true });
    }

    let delivery: KongPluginDelivery = this.pluginsExternal ? KongPluginDelivery.EXTERNAL : KongPluginDelivery.NONE;
    const initContainers: Array<{ name: string; command: string[]; mounts: DeploymentV1SpecTemplateSpecContainerVolumeMount[] }> = [];
    if (database?.bootstrapMigrations) initContainers.push({ name: 'kong-migrations', command: ['kong', 'migrations', 'bootstrap'], mounts: [] });

    if (source === KongConfigurationSource.DECLARATIVE_CONFIG_MAP) {
      const content = spec.declarativeConfig;
      if (!hasEntities(content)) {
        failValidation(
          subject,
          'the declarative configuration would be empty, and DB-less Kong answers 503 on /status/ready until it has a non-empty configuration',
          'enable at least one plugin, give declarativeConfig with your services and routes, or set configurationSource to INGRESS_CONTROLLER when a controller supplies configuration',
        );
      }
      this.declarativeConfig = new kubernetesResources.ConfigMapV1(this, 'declarative-config', {
        metadata: { name: `${gateway.workloadName}-declarative-config`, namespace: gateway.namespace, labels: { ...gateway.podLabels } },
        data: { [DECLARATIVE_FILE]: content },
      });
      this.declarativeRouteCount = spec.declarativeRouteCount;
      env.push({ name: 'KONG_DECLARATIVE_CONFIG', value: `${DECLARATIVE_DIR}/${DECLARATIVE_FILE}` });
      volumes.push({ name: DECLARATIVE_VOLUME, configMap: { name: this.declarativeConfig.metadata.name } });
      mounts.push({ name: DECLARATIVE_VOLUME, mountPath: DECLARATIVE_DIR, readOnly: true });
      // A changed configuration rolls the pods (Kong reads the file only at start).
      annotations['checksum/declarative-config'] = sha256(content);
      if (!this.pluginsExternal) delivery = KongPluginDelivery.DECLARATIVE_CONFIG;
    } else if (source === KongConfigurationSource.INGRESS_CONTROLLER) {
      if (!this.pluginsExternal) {
        this.clusterPlugins = new KongClusterPlugins(this, 'plugins', { gateway, plugins: props.plugins, ingressClass: props.ingressClass });
        delivery = KongPluginDelivery.KONG_CLUSTER_PLUGIN;
      }
    } else if (source === KongConfigurationSource.DATABASE && !this.pluginsExternal) {
      // Read at synth, after every data plane linked to this control plane has registered.
      const document = Lazy.stringValue({ produce: () => pluginImportDocument(gateway, this.importedPlugins().plugins.plugins()) });
      this.pluginImport = new kubernetesResources.ConfigMapV1(this, 'plugin-import', {
        metadata: { name: `${gateway.workloadName}-plugins`, namespace: gateway.namespace, labels: { ...gateway.podLabels } },
        data: { [PLUGIN_IMPORT_FILE]: document },
      });
      volumes.push({ name: PLUGIN_IMPORT_VOLUME, configMap: { name: this.pluginImport.metadata.name } });
      initContainers.push({
        name: 'kong-plugins',
        command: ['kong', 'config', 'db_import', `${PLUGIN_IMPORT_DIR}/${PLUGIN_IMPORT_FILE}`],
        mounts: [{ name: PLUGIN_IMPORT_VOLUME, mountPath: PLUGIN_IMPORT_DIR, readOnly: true }],
      });
      // Running nodes read plugins at start: a changed set rolls the pods, which import it first.
      annotations['checksum/plugins'] = Lazy.stringValue({ produce: () => sha256(pluginImportDocument(gateway, this.importedPlugins().plugins.plugins())) });
      delivery = KongPluginDelivery.DATABASE_IMPORT;
    } else if (source === KongConfigurationSource.CONTROL_PLANE && this.controlPlane !== undefined) {
      delivery = KongPluginDelivery.CONTROL_PLANE;
    }
    this.delivery = delivery;
    this.settings._deliverPlugins(() => this.configuredPlugins());

    for (const [name, value] of Object.entries(props.env ?? {})) {
      requireEnvName(subject, 'env', name);
      refuseSecretEnv(subject, 'env', name, value);
      if (env.some((e) => e.name === name)) {
        failValidation(subject, `env ${name} is set by the library`, `remove ${name} from env, or use the option that controls it`);
      }
      env.push({ name, value });
    }
    for (const secretEnv of props.secretEnv ?? []) {
      requireEnvName(subject, 'secretEnv', secretEnv.name);
      const already = env.find((e) => e.name === secretEnv.name);
      if (already) {
        failValidation(
          subject,
          `secretEnv ${secretEnv.name} is ${Object.keys(props.env ?? {}).includes(secretEnv.name) ? 'already set by env' : 'set by the library'}`,
          Object.keys(props.env ?? {}).includes(secretEnv.name) ? 'set each variable once' : `remove ${secretEnv.name} from secretEnv, or use the option that controls it`,
        );
      }
      requireDns1123Subdomain(subject, `secretEnv ${secretEnv.name} secretName`, secretEnv.secretName);
      requireSecretKey(subject, `secretEnv ${secretEnv.name} key`, secretEnv.key);
      env.push({ name: secretEnv.name, valueFromSecret: { secretName: secretEnv.secretName, key: secretEnv.key } });
    }
    const envFrom: DeploymentV1SpecTemplateSpecContainerEnvFrom[] = (props.envFromSecrets ?? []).map((name) => {
      requireDns1123Subdomain(subject, 'envFromSecrets', name);
      return { secretRef: { name } };
    });
    for (const v of props.secretVolumes ?? []) {
      requireDns1123Label(subject, 'secretVolumes name', v.name);
      requireDns1123Subdomain(subject, `secretVolumes '${v.name}' secretName`, v.secretName);
      const libraryVolumes = [CLUSTER_CERTIFICATE_VOLUME, DECLARATIVE_VOLUME, PLUGIN_IMPORT_VOLUME];
      if (libraryVolumes.includes(v.name) || volumes.some((existing) => existing.name === v.name)) {
        failValidation(subject, `secretVolumes '${v.name}' clashes with a volume the library mounts`, 'give the volume another name');
      }
      const taken = [...mounts, ...initContainers.flatMap((c) => c.mounts)].find((m) => m.mountPath === v.mountPath);
      if (taken) failValidation(subject, `secretVolumes '${v.name}' mounts at ${v.mountPath}, where the library mounts '${taken.name}'`, 'mount it elsewhere');
      if (!v.mountPath.startsWith('/')) failValidation(subject, `secretVolumes '${v.name}' mountPath '${v.mountPath}' is not absolute`, "give an absolute path, e.g. '/etc/secrets/<name>'");
      volumes.push({ name: v.name, secret: { secretName: v.secretName } });
      mounts.push({ name: v.name, mountPath: v.mountPath, readOnly: true });
    }

    const containerPorts: KongContainerPort[] = [
      ...(isControlPlane ? [] : [{ name: 'proxy', containerPort: spec.ports.proxyHttp }, { name: 'proxy-tls', containerPort: spec.ports.proxyTls }]),
      ...(spec.ports.cluster !== undefined ? [{ name: 'cluster', containerPort: spec.ports.cluster }] : []),
      ...(spec.ports.clusterTelemetry !== undefined ? [{ name: 'telemetry', containerPort: spec.ports.clusterTelemetry }] : []),
      ...spec.containerPorts,
    ];

    const providerEnv = toProviderEnv(env);
    // Init containers run the same Kong with the same settings: the same env and Secrets.
    const initContainer = (c: typeof initContainers[number]): DeploymentV1SpecTemplateSpecInitContainer => ({
      name: c.name,
      image: this.image,
      command: c.command,
      env: providerEnv,
      ...(envFrom.length > 0 ? { envFrom } : {}),
      ...([...mounts, ...c.mounts].length > 0 ? { volumeMount: [...mounts, ...c.mounts] } : {}),
    });

    this.deployment = new kubernetesResources.DeploymentV1(this, 'deployment', {
      metadata: { name: gateway.workloadName, namespace: gateway.namespace, labels: { ...gateway.podLabels } },
      spec: {
        replicas: String(replicas),
        selector: { matchLabels: { ...gateway.podLabels } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '0', maxSurge: '1' } },
        template: {
          metadata: { labels: { ...gateway.podLabels }, annotations },
          spec: {
            terminationGracePeriodSeconds: 30,
            ...(initContainers.length > 0 ? { initContainer: initContainers.map(initContainer) } : {}),
            container: [
              {
                name: gateway.containerName,
                image: this.image,
                env: providerEnv,
                ...(envFrom.length > 0 ? { envFrom } : {}),
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
    if (this.pluginsExternal) declareTelemetry(this.deployment, { plugins_managed_externally: true });

    this.scrape = new PrometheusScrape(this, 'scrape', {
      gateway,
      method: spec.scrape,
      monitorLabels: spec.monitorLabels,
    });
  }

  /**
   * Which observability plugins are configured for this gateway and how they reach Kong. On a
   * control plane, data planes linked later change the answer: read it once the app is built.
   */
  public configuredPlugins(): KongPluginConfiguration {
    const set = this.delivery === KongPluginDelivery.DATABASE_IMPORT ? this.importedPlugins().plugins : this.ownPlugins;
    return describePlugins(this.delivery, this.delivery === KongPluginDelivery.NONE ? [] : set.plugins());
  }

  /** The plugins this control plane imports: those of its data planes, else its own. */
  private importedPlugins(): { gateway: KongGateway; plugins: KongPluginSet } {
    return this.dataPlanePlugins ?? { gateway: this.gateway, plugins: this.ownPlugins };
  }

  /** A data plane links to this control plane: certificate, versions, network reach and plugins must agree. */
  private registerDataPlane(dp: KongDeployment, dpCertificate: string | undefined): void {
    const subject = dp.subject;
    const cp = this.gateway;
    if (cp.mode !== DeploymentMode.HYBRID_CONTROL_PLANE) {
      failValidation(subject, `cluster.controlPlane '${cp.name}' is a ${modeName(cp.mode)} gateway`, 'link a KongDeployment of a KongGateway.hybridControlPlane');
    }
    if (dpCertificate !== undefined && dpCertificate !== this.certificateSecretName) {
      failValidation(
        subject,
        `cluster.certificateSecretName '${dpCertificate}' differs from its control plane's '${this.certificateSecretName}', and shared mTLS needs one certificate on both sides`,
        'leave certificateSecretName unset on the data plane (it then takes the control plane\'s)',
      );
    }
    const dpVersion = dp.gateway.kongVersion;
    if (dpVersion.major !== cp.kongVersion.major || dpVersion.minor > cp.kongVersion.minor) {
      failValidation(
        subject,
        `the data plane runs Kong ${dpVersion.text}, newer than its control plane '${cp.name}' (${cp.kongVersion.text}), and Kong refuses a data plane of a newer minor version`,
        'run the same Kong version on both, or upgrade the control plane first',
      );
    }
    if (dp.gateway.edition !== cp.edition) {
      failValidation(subject, `the data plane runs ${dp.gateway.edition} Kong and its control plane '${cp.name}' ${cp.edition}`, 'run one edition on both sides');
    }
    const admitted = this.statusListener.networkPolicy !== undefined ? this.dataPlaneNamespaces ?? [] : undefined;
    if (admitted !== undefined && !admitted.includes(dp.gateway.namespace)) {
      failValidation(
        subject,
        `the control plane '${cp.name}' admits data planes to its cluster port only from ${admitted.length > 0 ? `namespaces ${admitted.join(', ')}` : 'IP blocks'} (NetworkPolicy), and this data plane runs in ${dp.gateway.namespace}`,
        `add '${dp.gateway.namespace}' to cluster.dataPlaneNamespaces of the control plane`,
      );
    }
    if (this.pluginsExternal !== dp.pluginsExternal) {
      failValidation(
        subject,
        this.pluginsExternal
          ? `its control plane '${cp.name}' has pluginsManagedExternally, so it imports no plugins`
          : `pluginsManagedExternally is set, but its control plane '${cp.name}' imports the plugins`,
        'set pluginsManagedExternally the same way on both sides',
      );
    }
    if (this.pluginsExternal) return;
    if (this.explicitPlugins) {
      failValidation(
        subject,
        `its control plane '${cp.name}' sets plugins itself, and a hybrid cluster has one set of global plugins`,
        'set plugins on the data plane (they run there) and leave them unset on the control plane',
      );
    }
    if (this.dataPlanePlugins !== undefined) {
      failValidation(
        subject,
        `its control plane '${cp.name}' already imports the plugins of data plane gateway '${this.dataPlanePlugins.gateway.name}', and a hybrid cluster has one set of global plugins`,
        'link one data plane gateway to the control plane, and set pluginsManagedExternally: true on the others',
      );
    }
    this.dataPlanePlugins = { gateway: dp.gateway, plugins: dp.ownPlugins };
  }
}

/** A load balancer that checks pods directly is cut off by a NetworkPolicy that admits only namespaces. */
function refuseUnreachableHealthCheck(subject: string, props: KongDeploymentProps, statusPort: number): never {
  const admitted = `namespaces ${(props.statusAllowedNamespaces ?? []).join(', ')}`;
  if (props.loadBalancerCloud === LoadBalancerCloud.GCP) {
    failValidation(
      subject,
      `the GKE ${props.gkeLoadBalancing === GkeLoadBalancing.GATEWAY ? 'Gateway' : 'Ingress'} load balancer health-checks each pod's status port ${statusPort} from Google's health-check ranges, and the NetworkPolicy admits the status port only from ${admitted}: every backend would turn unhealthy`,
      // cloud.google.com/load-balancing/docs/health-check-concepts, "Probe IP ranges and firewall rules".
      "set statusAllowedCidrs to Google's health-check ranges, ['35.191.0.0/16', '130.211.0.0/22']",
    );
  }
  failValidation(
    subject,
    `the AWS load balancer health-checks each pod's status port ${statusPort} from its own subnets, and the NetworkPolicy admits the status port only from ${admitted}: every target would turn unhealthy (the NLB then fails open, and pod readiness gates never pass)`,
    "set statusAllowedCidrs to the VPC or load balancer subnet CIDRs, e.g. ['10.0.0.0/16']",
  );
}

/** True when a declarative document declares any entity (DB-less Kong stays unready on an empty one). */
function hasEntities(document: string): boolean {
  const parsed = JSON.parse(document) as { [key: string]: unknown };
  return Object.entries(parsed).some(([key, value]) => !key.startsWith('_') && Array.isArray(value) && value.length > 0);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function modeName(mode: DeploymentMode): string {
  switch (mode) {
    case DeploymentMode.TRADITIONAL: return 'traditional';
    case DeploymentMode.DB_LESS: return 'DB-less';
    case DeploymentMode.HYBRID_CONTROL_PLANE: return 'hybrid control plane';
    case DeploymentMode.HYBRID_DATA_PLANE: return 'hybrid data plane';
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

/** A container environment variable name as Kubernetes accepts it (EnvVar: letters, digits, `_`, `-`, `.`, not starting with a digit). */
function requireEnvName(subject: string, field: string, name: string): void {
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) {
    failValidation(subject, `${field} '${name}' is not an environment variable name`, "use letters, digits, '_', '-' and '.', not starting with a digit (Kong reads KONG_<SETTING>)");
  }
}
