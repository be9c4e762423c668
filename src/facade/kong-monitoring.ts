import { Construct } from 'constructs';
import { AlertBackend, AlertSource } from './alert-source';
import { KongNotifications } from './kong-notifications';
import { datadogPanels, grafanaPanels, panelSource } from './panel-lineage';
import { PanelSource } from './panel-source';
import { WiringInputs, alertSource, telemetryWiring } from './telemetry-wiring';
import { AppRegistry } from '../core/app-registry';
import { checkConstructArguments, constructSubject } from '../core/input-shape';
import { requireKubernetesLabels } from '../core/labels';
import { failValidation, reportingAs } from '../core/validation';
import { validateSignalOptions } from '../datadog/internal/notify-rules';
import { identityKey, identityTitle } from '../gateway/gateway-identity';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaAlertingPolicyProps } from '../grafana/alerting/grafana-alerting-policy';
import { claimFolder } from '../grafana/claims';
import { Folder } from '../grafana/provider/folder';
import { gatewayUid, validateUidPrefix } from '../grafana/uid';
import { AnnotationMetadataEntryType, Annotations } from '../internal/cdktf';
import { KongDeclarativeConfig } from '../kubernetes/declarative-config';
import { KongDeploymentOptions } from '../kubernetes/deployment-options';
import { GATEWAY_WIRING } from '../kubernetes/gateway-wiring';
import { describePlugins } from '../kubernetes/internal/plugin-set';
import { KongClusterPlugins } from '../kubernetes/kong-cluster-plugins';
import { KongDeployment } from '../kubernetes/kong-deployment';
import { KongWorkloadSettings } from '../kubernetes/kong-workload-settings';
import { KubernetesProbes } from '../kubernetes/kubernetes-probes';
import { KongPluginConfiguration, KongPluginDelivery } from '../kubernetes/plugin-delivery';
import { KongPluginOptions } from '../kubernetes/plugins/plugin-options';
import { KongProbe } from '../kubernetes/probe';
import { PrometheusScrape } from '../kubernetes/prometheus-scrape';
import { PrometheusScrapeMethod } from '../kubernetes/scrape-method';
import { AllNodesMonitored } from '../practices/all-nodes-monitored';
import { HealthAlerting, HealthAlertingDatadogOptions } from '../practices/health-alerting';
import { HealthDashboards } from '../practices/health-dashboards';
import { NoKongHealthCheckCli } from '../practices/no-kong-health-check-cli';
import { allNodesSignals, healthAlertingSignals } from '../practices/signal-split';
import { PrometheusAlertingOptions } from '../prometheus/prometheus-backend';
import { GatewaySignals, signalsOf } from '../signals/gateway-signals';
import { SourceStatus } from '../signals/lineage';
import { MonitoringBackend, SignalQueryLanguage } from '../signals/monitoring-backend';
import { DatadogCollection } from '../signals/signal-types';

/** Datadog side of {@link KongMonitoring}. */
export interface KongMonitoringDatadogOptions extends HealthAlertingDatadogOptions {
  /**
   * Create the Datadog dashboard.
   * @default true
   */
  readonly dashboard?: boolean;
}

/** Grafana side of {@link KongMonitoring}. */
export interface KongMonitoringGrafanaOptions {
  /** UID of the Prometheus data source dashboards and rules query. */
  readonly prometheusDatasourceUid: string;

  /**
   * Title of the folder holding the dashboard and the rule groups. Folder titles must tell
   * gateways apart: two folders of the app with one title fail synth.
   * @default 'Kong <gateway> (<environment>[, <cluster>])'
   */
  readonly folderTitle?: string;

  /**
   * First part of every Grafana UID derived for the gateway. Give each cdktf app its own when
   * several apps write into one Grafana organization and could monitor gateways of the same
   * name, environment and cluster.
   * @default 'kong'
   */
  readonly uidPrefix?: string;

  /**
   * Create the Grafana dashboard.
   * @default true
   */
  readonly dashboard?: boolean;

  /**
   * Label that names each cluster in the Prometheus data source, when it is a central store
   * holding many clusters (Mimir, Thanos, a remote-write target): queries then select the
   * gateway's `cluster` by it. Leave it out when the data source is the cluster's own
   * Prometheus, which never sees external labels such as `cluster`.
   * @default - none: the data source is the gateway's own cluster's Prometheus
   */
  readonly clusterLabel?: string;


  /**
   * Contact points, notification policy, mute timings, message template (one policy tree
   * per Grafana organization: give it for one gateway only).
   * @default - none: rules route through the organization's existing policy by their labels
   */
  readonly policy?: GrafanaAlertingPolicyProps;
}

/**
 * What {@link KongMonitoring} provisions on Kubernetes. With `deploy`, a `KongDeployment` that
 * starts in the gateway's mode (the deployment options below); without it, plugins and scrape
 * wiring for a Kong deployed elsewhere, and `workloadSettings` for its workload or Helm values.
 */
export interface KongMonitoringKubernetesOptions extends KongDeploymentOptions {
  /**
   * Readiness probe of the Kong workload (recommendation 4), checked against Kong's probe rules.
   * @default KongProbe.statusReady()
   */
  readonly readinessProbe?: KongProbe;

  /**
   * Liveness probe of the Kong workload.
   * @default KongProbe.statusLive()
   */
  readonly livenessProbe?: KongProbe;

  /**
   * Startup probe of the Kong workload.
   * @default KongProbe.startup({ window: gateway.startupWindow })
   */
  readonly startupProbe?: KongProbe;

  /**
   * Deploy a complete Kong gateway (`KongDeployment`) with the status listener, probes and
   * load balancer health check applied. When false, Kong is deployed elsewhere (e.g. the Kong
   * Helm chart, fed with `KongMonitoring.workloadSettings.toHelmValues()`), and the deployment
   * options are refused.
   * @default false
   */
  readonly deploy?: boolean;

  /**
   * Kong plugins. The Prometheus plugin (four metric groups on) is always there; the Datadog
   * plugin is added when Datadog collects through it.
   * @default - derived from the backends
   */
  readonly plugins?: KongPluginOptions;

  /**
   * The plugins are configured outside the library (decK, the Admin API, Konnect, your own
   * declarative file): it then writes none and trusts `plugins` to describe them.
   * @default false
   */
  readonly pluginsManagedExternally?: boolean;

  /**
   * A DB-less gateway's own declarative configuration (services, routes...), into which the
   * library merges its plugins.
   * @default - the library's plugins alone (Kong then answers 404 to every request)
   */
  readonly declarativeConfig?: KongDeclarativeConfig;

  /**
   * How Prometheus scrapes the status port. With `deploy`, the deployed Kong gets it. For a
   * Kong deployed elsewhere: POD_MONITOR creates a PodMonitor here; SERVICE_MONITOR and
   * ANNOTATIONS go into `workloadSettings` (the Kong Helm chart then creates the ServiceMonitor).
   * @default - with `deploy`: POD_MONITOR when Grafana or Prometheus rules are used, else NONE; without `deploy`: nothing created here
   */
  readonly prometheusScrape?: PrometheusScrapeMethod;

  /**
   * Labels of the PodMonitor / ServiceMonitor (and the Helm values' `serviceMonitor.labels`),
   * matched by the Prometheus Operator's selector; added to `prometheus.labels`.
   * @default - prometheus.labels (kube-prometheus-stack selects monitors and rules by the same `release` label)
   */
  readonly monitorLabels?: { [key: string]: string };

  /**
   * For a Kong deployed elsewhere with Kong's ingress controller: create the plugins as
   * global KongClusterPlugins.
   * @default false
   */
  readonly clusterPlugins?: boolean;

  /**
   * The Kong workload gets the library's settings (status listener, probes, Datadog
   * annotations) outside this app, e.g. from Helm values kept in another repository. The
   * library then trusts that instead of warning that `workloadSettings` went nowhere.
   * @default false
   */
  readonly workloadManagedExternally?: boolean;
}

/** How the props of the Kubernetes constructs map onto `kubernetes.*` (the gateway is the facade's own). */
const KUBERNETES_PATHS = (struct: string) => ({ struct, prefix: 'kubernetes.', renamed: { gateway: 'gateway', method: 'kubernetes.prometheusScrape' } });

/** Options that describe a Kong deployed by this stack, refused without `deploy`. */
const DEPLOYMENT_ONLY: Array<keyof KongDeploymentOptions> = [
  'image', 'replicas', 'configurationSource', 'ingressClass', 'env', 'secretEnv', 'envFromSecrets', 'secretVolumes', 'database', 'cluster',
  'loadBalancerCloud', 'gkeLoadBalancing', 'proxyServiceType', 'statusAllowedNamespaces', 'statusAllowedCidrs',
];

/** Switches for each practice of {@link KongMonitoring}; all on by default. */
export interface KongMonitoringPractices {
  /**
   * Recommendation 2: dashboards.
   * @default true
   */
  readonly healthDashboards?: boolean;

  /**
   * Recommendation 5: alerts on the health checks.
   * @default true
   */
  readonly healthAlerting?: boolean;

  /**
   * Recommendation 7: every node monitored.
   * @default true
   */
  readonly allNodesMonitored?: boolean;

  /**
   * Recommendation 6: synth fails when any workload of the gateway's stack runs `kong health`
   * as a probe (rule KBP6, `NoKongHealthCheckCli`).
   * @default true
   */
  readonly noKongHealthCheckCli?: boolean;
}

/** Props of {@link KongMonitoring}. */
export interface KongMonitoringProps {
  /** The gateway to monitor. */
  readonly gateway: KongGateway;

  /**
   * Datadog backend.
   * @default - none
   */
  readonly datadog?: KongMonitoringDatadogOptions;

  /**
   * Grafana backend (Prometheus data source).
   * @default - none
   */
  readonly grafana?: KongMonitoringGrafanaOptions;

  /**
   * Prometheus Operator rules for Alertmanager.
   * @default - none
   */
  readonly prometheus?: PrometheusAlertingOptions;

  /**
   * Who is told about which severity, set once for every backend: Datadog monitors notify
   * its handles, and with Grafana a notification policy routes each severity to its contact
   * points. Replaces `datadog.notify` and `grafana.policy` (giving both is refused).
   * @default - `datadog.notify` and `grafana.policy` as given
   */
  readonly notifications?: KongNotifications;

  /**
   * More alerting backends, your own included (subclasses of `MonitoringBackend`): each renders
   * the alerts of both alerting practices under its own child id, from the same catalog.
   * @default []
   */
  readonly backends?: MonitoringBackend[];

  /**
   * Kubernetes side: deploy Kong, or wire plugins and scraping for a Kong deployed elsewhere.
   * @default - nothing on Kubernetes; `workloadSettings` gives Helm values
   */
  readonly kubernetes?: KongMonitoringKubernetesOptions;

  /**
   * Practices to switch off.
   * @default - all on
   */
  readonly practices?: KongMonitoringPractices;
}

/**
 * Kong's seven monitoring recommendations for one gateway, with good defaults: the status
 * listener, load balancer readiness and probes on the Kong workload (when deployed here, or
 * as Helm values), dashboards, alerts on the health checks and on every node, in Datadog,
 * Grafana and Prometheus as configured, and the `kong health` rule on the gateway's stack. Each
 * practice is a child with a stable id (`probes`, `no-kong-health-check-cli`, `dashboards`,
 * `alerting`, `all-nodes`; the status listener and load balancer readiness under `kong`, the
 * deployment, when Kong is deployed here), so enabling a backend or an option never moves an
 * existing resource.
 */
export class KongMonitoring extends Construct {
  /** The gateway monitored. */
  public readonly gateway: KongGateway;
  /** Env, ports, probes and annotations for the Kong workload, as applied or as Helm values. */
  public readonly workloadSettings: KongWorkloadSettings;
  public readonly kongDeployment?: KongDeployment;
  public readonly clusterPlugins?: KongClusterPlugins;
  public readonly prometheusScrape?: PrometheusScrape;
  public readonly grafanaFolder?: Folder;
  public readonly dashboards?: HealthDashboards;
  public readonly alerting?: HealthAlerting;
  public readonly allNodes?: AllNodesMonitored;
  /** Recommendation 4: the probes applied to the Kong workload. */
  public readonly probes: KubernetesProbes;
  /** Recommendation 6: the `kong health` rule on the gateway's stack (unless switched off). */
  public readonly kongHealthCheckRule?: NoKongHealthCheckCli;
  private readonly wiringInputs: WiringInputs;
  private readonly datadogCollection?: DatadogCollection;

  public constructor(scope: Construct, id: string, props: KongMonitoringProps) {
    super(scope, checkConstructArguments('KongMonitoring', scope, id, props));
    const subject = constructSubject('KongMonitoring', scope, id);
    const { gateway } = props;
    this.gateway = gateway;
    // The catalog checks the gateway's overrides here, and says so under the gateway's name.
    GatewaySignals.of(gateway);
    // One monitoring per gateway in the whole app: a second would duplicate every monitor and rule.
    AppRegistry.of(this).claim('gateway-monitoring', identityKey(gateway), this, {
      subject,
      what: `gateway ${identityTitle(gateway)}`,
      fix: 'monitor each gateway once (one KongMonitoring, or one KongFleet member); gateways in different clusters need their cluster set to be told apart',
    });
    const practices = props.practices ?? {};
    const k8s = props.kubernetes ?? {};
    // Checked here, under the user's paths: below, they are merged and handed to other constructs.
    requireKubernetesLabels(subject, 'prometheus.labels', props.prometheus?.labels);
    requireKubernetesLabels(subject, 'kubernetes.monitorLabels', k8s.monitorLabels);
    props = withNotifications(subject, props);
    if (props.datadog) this.checkDatadogSignals(subject, props.datadog, practices);
    const usesPrometheus = props.grafana !== undefined || props.prometheus !== undefined;
    const plugins: KongPluginOptions | undefined = k8s.plugins
      ?? (props.datadog?.collection === DatadogCollection.KONG_PLUGIN ? { datadog: {} } : undefined);
    const scrape = k8s.prometheusScrape ?? (usesPrometheus ? PrometheusScrapeMethod.POD_MONITOR : PrometheusScrapeMethod.NONE);
    const datadogAutodiscovery = props.datadog !== undefined;
    // kube-prometheus-stack selects PodMonitors, ServiceMonitors and PrometheusRules by one `release` label.
    // Undefined when no selector labels were given at all: the source check then asks to confirm the selector.
    const monitorLabels = props.prometheus?.labels === undefined && k8s.monitorLabels === undefined
      ? undefined : { ...(props.prometheus?.labels ?? {}), ...(k8s.monitorLabels ?? {}) };
    // Recommendation 4: one set of probes, checked once, for the workload deployed or described.
    this.probes = reportingAs(subject, { struct: 'KubernetesProbesProps', prefix: 'kubernetes.', renamed: { readiness: 'kubernetes.readinessProbe', liveness: 'kubernetes.livenessProbe', startup: 'kubernetes.startupProbe' } },
      () => new KubernetesProbes(this, 'probes', { gateway, readiness: k8s.readinessProbe, liveness: k8s.livenessProbe, startup: k8s.startupProbe }));
    const workload = {
      gateway,
      readinessProbe: this.probes.readiness,
      livenessProbe: this.probes.liveness,
      startupProbe: this.probes.startup,
      plugins,
      pluginsManagedExternally: k8s.pluginsManagedExternally,
      declarativeConfig: k8s.declarativeConfig,
      prometheusScrape: scrape,
      monitorLabels,
      datadogAutodiscovery,
    };

    if (k8s.deploy) {
      if (k8s.clusterPlugins) {
        failValidation(subject, 'kubernetes.clusterPlugins is for a Kong deployed elsewhere, and deploy is set', 'with deploy, set kubernetes.configurationSource: KongConfigurationSource.INGRESS_CONTROLLER (the plugins then become KongClusterPlugins)');
      }
      const deployment: KongDeploymentOptions = Object.fromEntries(DEPLOYMENT_ONLY.map((option) => [option, k8s[option]]));
      this.kongDeployment = reportingAs(subject, KUBERNETES_PATHS('KongDeploymentProps'), () => new KongDeployment(this, 'kong', { ...deployment, ...workload }));
      this.workloadSettings = this.kongDeployment.settings;
    } else {
      for (const option of DEPLOYMENT_ONLY) {
        if (k8s[option] !== undefined) {
          failValidation(subject, `kubernetes.${option} describes a Kong deployed by this stack, and kubernetes.deploy is not set`, `set kubernetes.deploy: true, or remove kubernetes.${option} (configure the Kong deployed elsewhere there)`);
        }
      }
      this.workloadSettings = reportingAs(subject, KUBERNETES_PATHS('KongWorkloadOptions'), () => new KongWorkloadSettings(workload));
      if (k8s.clusterPlugins) {
        if (k8s.pluginsManagedExternally) {
          failValidation(subject, 'kubernetes.clusterPlugins and kubernetes.pluginsManagedExternally are both set', 'keep one: the library writes the KongClusterPlugins, or the plugins are configured elsewhere');
        }
        this.clusterPlugins = reportingAs(subject, KUBERNETES_PATHS('KongClusterPluginsProps'), () => new KongClusterPlugins(this, 'plugins', { gateway, plugins }));
        const set = this.workloadSettings._spec().plugins;
        this.workloadSettings._deliverPlugins(() => describePlugins(KongPluginDelivery.KONG_CLUSTER_PLUGIN, set.plugins()));
      }
      // Only when asked: the Kong may already be scraped (or be deployed by KongDeployment
      // elsewhere in the app). A ServiceMonitor comes with the Kong Helm chart's values
      // (toHelmValues turns it on), so creating one here would scrape twice.
      if (k8s.prometheusScrape === PrometheusScrapeMethod.POD_MONITOR) {
        this.prometheusScrape = reportingAs(subject, KUBERNETES_PATHS('PrometheusScrapeProps'), () => new PrometheusScrape(this, 'scrape', { gateway, method: scrape, monitorLabels }));
      }
    }

    // Recommendation 6, on the stack the gateway is in; the scorecard files stay KongBestPractices'.
    if (practices.noKongHealthCheckCli !== false) {
      this.kongHealthCheckRule = new NoKongHealthCheckCli(this, 'no-kong-health-check-cli', { writeReport: false });
    }

    // One folder for the gateway's dashboard and rule groups.
    if (props.grafana) {
      const grafana = props.grafana;
      this.grafanaFolder = new Folder(this, 'grafana-folder', {
        title: grafana.folderTitle ?? `Kong ${identityTitle(gateway)}`,
        uid: gatewayUid(gateway, validateUidPrefix(subject, grafana.uidPrefix), 'folder'),
      });
      claimFolder(this, subject, this.grafanaFolder);
    }
    const grafanaAlerting = props.grafana && this.grafanaFolder ? {
      prometheusDatasourceUid: props.grafana.prometheusDatasourceUid,
      folder: this.grafanaFolder,
      clusterLabel: props.grafana.clusterLabel,
      uidPrefix: props.grafana.uidPrefix,
    } : undefined;

    const datadogDashboard = props.datadog && props.datadog.dashboard !== false;
    const grafanaDashboard = props.grafana && props.grafana.dashboard !== false;
    if (practices.healthDashboards !== false && (datadogDashboard || grafanaDashboard)) {
      this.dashboards = reportingAs(subject, { struct: 'HealthDashboardsProps', prefix: '' }, () => new HealthDashboards(this, 'dashboards', {
        gateway,
        datadog: datadogDashboard ? { collection: props.datadog!.collection } : undefined,
        grafana: grafanaDashboard ? {
          prometheusDatasourceUid: props.grafana!.prometheusDatasourceUid,
          folder: this.grafanaFolder,
          clusterLabel: props.grafana!.clusterLabel,
          uidPrefix: props.grafana!.uidPrefix,
        } : undefined,
      }));
    }

    this.datadogCollection = props.datadog ? props.datadog.collection ?? DatadogCollection.AGENT_INTEGRATION : undefined;
    this.wiringInputs = {
      gateway,
      settings: this.workloadSettings,
      workloadExternal: k8s.workloadManagedExternally === true,
      scrapeExternal: k8s.prometheusScrape === PrometheusScrapeMethod.EXTERNAL,
      // Filled as the app is built; read at synth.
      peers: AppRegistry.of(this).get(GATEWAY_WIRING, identityKey(gateway)),
    };
    // Read at synth: the user's code may apply the workload settings after this constructor.
    this.node.addValidation({ validate: () => this.checkSources(subject) });

    const anyAlerting = props.datadog || props.grafana || props.prometheus || (props.backends ?? []).length > 0;
    if (practices.healthAlerting !== false && anyAlerting) {
      this.alerting = reportingAs(subject, { struct: 'HealthAlertingProps', prefix: '' }, () => new HealthAlerting(this, 'alerting', {
        gateway,
        declarativeRouteCount: this.kongDeployment?.declarativeRouteCount,
        datadog: props.datadog,
        grafana: grafanaAlerting ? { ...grafanaAlerting, policy: props.grafana!.policy } : undefined,
        prometheus: props.prometheus,
        backends: props.backends,
      }));
    }
    if (practices.allNodesMonitored !== false && anyAlerting) {
      this.allNodes = reportingAs(subject, { struct: 'AllNodesMonitoredProps', prefix: '' }, () => new AllNodesMonitored(this, 'all-nodes', {
        gateway,
        datadog: props.datadog,
        grafana: grafanaAlerting,
        prometheus: props.prometheus,
        backends: props.backends,
      }));
    }
  }

  /**
   * Which observability plugins are configured for the gateway and how they reach Kong
   * (declarative configuration, KongClusterPlugins, database import, control plane, external,
   * or none). Read it once the app is built.
   */
  public configuredPlugins(): KongPluginConfiguration {
    return this.workloadSettings.configuredPlugins();
  }

  /**
   * Where each rendered alert's data comes from, and whether this stack makes that source
   * live: the producer (Kong's exporter and the plugin flag it needs, kube-state-metrics, the
   * Datadog Agent's checks, Kong's Datadog plugin), what collects it, and the labels or tags
   * the library attaches. Read it once the app is built. At synth, an alert whose source is
   * missing fails synth with the fix; an unverified one is a warning naming what to confirm.
   */
  public alertSources(): AlertSource[] {
    const wiring = this.wiring();
    const signals = new Map(signalsOf(this.gateway).map((s) => [s.id, s]));
    const out: AlertSource[] = [];
    for (const practice of [this.alerting, this.allNodes]) {
      for (const { backend, rendered } of practice?.backendAlerting ?? []) {
        // Each backend says which form of the signals its alerts read; the form names the sources.
        const { language, datadogCollection } = rendered.reads;
        for (const id of rendered.alertedSignals) {
          const signal = signals.get(id)!;
          const sources = language === SignalQueryLanguage.DATADOG
            ? signal.datadog(datadogCollection ?? DatadogCollection.AGENT_INTEGRATION)?.sources ?? []
            : signal.prometheusSources;
          out.push(alertSource(signal.id, backend.id, sources, wiring));
        }
      }
    }
    return out;
  }

  /**
   * Where each dashboard panel's data comes from, read from the rendered dashboards' own
   * queries: the metrics each panel reads, the components that emit them, and whether this
   * stack makes them live. A panel whose source is missing stays empty; synth warns with
   * the fix (a warning, not an error: an empty panel is visible, a dead alert is not).
   */
  public dashboardSources(): PanelSource[] {
    if (!this.dashboards) return [];
    const wiring = this.wiring();
    return [
      ...(this.dashboards.grafana ? grafanaPanels(this.dashboards.grafana.configJson).map((p) => panelSource(AlertBackend.GRAFANA_DASHBOARD, p, wiring)) : []),
      ...(this.dashboards.datadog ? datadogPanels(this.dashboards.datadog.definition).map((p) => panelSource(AlertBackend.DATADOG_DASHBOARD, p, wiring)) : []),
    ];
  }

  private wiring() {
    return telemetryWiring({ ...this.wiringInputs, peers: AppRegistry.of(this).get(GATEWAY_WIRING, identityKey(this.gateway)) }, this.datadogCollection !== undefined);
  }

  /** Panels that stay empty, as one warning per problem (an alert's missing source already fails synth). */
  private checkPanels(subject: string, alertProblems: string[]): void {
    // The same component, whatever fix is offered to an alert or a panel.
    const component = (problem: string) => problem.split('. Fix: ')[0];
    const reported = new Set(alertProblems.map(component));
    const byProblem = new Map<string, string[]>();
    for (const panel of this.dashboardSources()) {
      for (const problem of panel.missing) {
        if (reported.has(component(problem))) continue;
        byProblem.set(problem, [...(byProblem.get(problem) ?? []), `${panel.panel} (${panel.backend})`]);
      }
    }
    for (const [problem, panels] of byProblem) {
      // Added while synth validates, like the source warnings: no stack trace.
      this.node.addMetadata(AnnotationMetadataEntryType.WARN, `${subject}: dashboard panels stay empty: ${panels.join('; ')}: ${problem}`);
    }
  }

  /**
   * Per-signal Datadog entries, all of them, under the user's path: each names a signal of the
   * gateway, and one whose practice is switched off is said rather than silently dropped.
   */
  private checkDatadogSignals(subject: string, datadog: KongMonitoringDatadogOptions, practices: KongMonitoringPractices): void {
    validateSignalOptions(subject, 'datadog.signals', signalsOf(this.gateway).map((s) => s.id), datadog.signals ?? []);
    const off = [
      { practice: 'HealthAlerting', option: 'healthAlerting', signals: healthAlertingSignals(this.gateway), on: practices.healthAlerting !== false },
      { practice: 'AllNodesMonitored', option: 'allNodesMonitored', signals: allNodesSignals(this.gateway), on: practices.allNodesMonitored !== false },
    ].filter((p) => !p.on);
    for (const entry of datadog.signals ?? []) {
      const practice = off.find((p) => p.signals.includes(entry.signal));
      if (practice) {
        Annotations.of(this).addWarning(
          `${subject}: datadog.signals configures '${entry.signal}', which only ${practice.practice} alerts on, and practices.${practice.option} is false: the entry has no effect. `
          + `Fix: remove the entry, or switch ${practice.practice} on.`,
        );
      }
    }
  }

  /** Dead alerts as errors; unverified sources as warnings, one per problem. */
  private checkSources(subject: string): string[] {
    const sources = this.alertSources();
    const byProblem = (pick: (s: AlertSource) => string[]) => {
      const grouped = new Map<string, Map<string, string[]>>();
      for (const s of sources) {
        for (const problem of pick(s)) {
          const signals = grouped.get(problem) ?? new Map<string, string[]>();
          signals.set(s.signal, [...(signals.get(s.signal) ?? []), s.backend]);
          grouped.set(problem, signals);
        }
      }
      return [...grouped].map(([problem, signals]) => ({
        problem,
        alerts: [...signals].map(([signal, backends]) => `${signal} (${backends.join(', ')})`).join('; '),
      }));
    };
    for (const { problem, alerts } of byProblem((s) => (s.status === SourceStatus.MISSING ? [] : s.unverified))) {
      // Added while synth validates: a stack trace would show cdktf's validation loop, not the
      // user's code, and capturing one per warning costs more than the check; the message names the construct.
      this.node.addMetadata(AnnotationMetadataEntryType.WARN, `${subject}: confirm the source of ${alerts}: ${problem}`);
    }
    const dead = byProblem((s) => s.missing);
    this.checkPanels(subject, dead.map((d) => d.problem));
    return dead.map(({ problem, alerts }) => `${subject}: no data can reach ${alerts}: ${problem}`);
  }
}

/** The props with the notification strategy rendered into each backend's options. */
function withNotifications(subject: string, props: KongMonitoringProps): KongMonitoringProps {
  const notifications = props.notifications;
  if (!notifications) return props;
  if (props.datadog?.notify !== undefined) {
    failValidation(subject, 'both notifications and datadog.notify are set', 'set who is told once: keep notifications and drop datadog.notify, or the reverse');
  }
  if (props.grafana?.policy !== undefined) {
    failValidation(subject, 'both notifications and grafana.policy are set', 'set who is told once: keep notifications and drop grafana.policy, or the reverse');
  }
  return reportingAs(subject, { struct: 'KongNotificationsProps', prefix: 'notifications.' }, () => ({
    ...props,
    datadog: props.datadog ? { ...props.datadog, notify: notifications.datadogNotify() } : undefined,
    grafana: props.grafana ? { ...props.grafana, policy: notifications.grafanaPolicy() } : undefined,
  }));
}
