import { Construct } from 'constructs';
import { PrometheusAlertingOptions } from './alerting-options';
import { AllNodesMonitored } from './all-nodes-monitored';
import { HealthAlerting, HealthAlertingDatadogOptions } from './health-alerting';
import { HealthDashboards } from './health-dashboards';
import { LoadBalancerCloud } from './load-balancer-readiness';
import { KongGateway } from '../gateway/kong-gateway';
import { GrafanaAlertingPolicyProps } from '../grafana/alerting/grafana-alerting-policy';
import { Folder } from '../grafana/provider/folder';
import { stableUid } from '../grafana/uid';
import { KongConfigurationSource } from '../kubernetes/configuration-source';
import { KongClusterPlugins } from '../kubernetes/kong-cluster-plugins';
import { KongDeployment } from '../kubernetes/kong-deployment';
import { KongWorkloadSettings } from '../kubernetes/kong-workload-settings';
import { KongPluginOptions } from '../kubernetes/plugins/plugin-options';
import { PrometheusScrape } from '../kubernetes/prometheus-scrape';
import { PrometheusScrapeMethod } from '../kubernetes/scrape-method';
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
   * Title of the folder holding the dashboard and the rule groups.
   * @default 'Kong'
   */
  readonly folderTitle?: string;

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
   * Base URL of runbooks; rules link `<base>/<signal id>`.
   * @default - the catalog's runbook text as an annotation
   */
  readonly runbookBaseUrl?: string;

  /**
   * Contact points, notification policy, mute timings, message template (one policy tree
   * per Grafana organization: give it for one gateway only).
   * @default - none: rules route through the organization's existing policy by their labels
   */
  readonly policy?: GrafanaAlertingPolicyProps;
}

/** What {@link KongMonitoring} provisions on Kubernetes. */
export interface KongMonitoringKubernetesOptions {
  /**
   * Deploy a complete Kong gateway (`KongDeployment`) with the status listener, probes and
   * load balancer health check applied. When false, Kong is deployed elsewhere (e.g. the Kong
   * Helm chart, fed with `KongMonitoring.workloadSettings.toHelmValues()`).
   * @default false
   */
  readonly deploy?: boolean;

  /**
   * Kong image, when deployed.
   * @default 'kong:3.9'
   */
  readonly image?: string;

  /**
   * Replicas, when deployed.
   * @default - the gateway's expectedNodes, else 2
   */
  readonly replicas?: number;

  /**
   * Where the deployed Kong gets its configuration.
   * @default - a declarative ConfigMap for DB-less, the control plane for data planes, the database otherwise
   */
  readonly configurationSource?: KongConfigurationSource;

  /**
   * Cloud of the proxy load balancer, for its health-check annotations.
   * @default LoadBalancerCloud.OTHER
   */
  readonly loadBalancerCloud?: LoadBalancerCloud;

  /**
   * Namespaces allowed to reach the status port (NetworkPolicy), e.g. your Prometheus and Datadog Agent namespaces.
   * @default - no NetworkPolicy
   */
  readonly statusAllowedNamespaces?: string[];

  /**
   * Kong plugins. The Prometheus plugin (four metric groups on) is always there; the Datadog
   * plugin is added when Datadog collects through it.
   * @default - derived from the backends
   */
  readonly plugins?: KongPluginOptions;

  /**
   * How Prometheus scrapes the status port. With `deploy`, the deployed Kong gets it. For a
   * Kong deployed elsewhere: POD_MONITOR creates a PodMonitor here; SERVICE_MONITOR and
   * ANNOTATIONS go into `workloadSettings` (the Kong Helm chart then creates the ServiceMonitor).
   * @default - with `deploy`: POD_MONITOR when Grafana or Prometheus rules are used, else NONE; without `deploy`: nothing created here
   */
  readonly prometheusScrape?: PrometheusScrapeMethod;

  /**
   * For a Kong deployed elsewhere with Kong's ingress controller: create the plugins as
   * global KongClusterPlugins.
   * @default false
   */
  readonly clusterPlugins?: boolean;
}

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
 * Grafana and Prometheus as configured. Each practice is a child with a stable id
 * (`dashboards`, `alerting`, `all-nodes`, `kong`), so enabling a backend or an option never
 * moves an existing resource.
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

  public constructor(scope: Construct, id: string, props: KongMonitoringProps) {
    super(scope, id);
    const { gateway } = props;
    this.gateway = gateway;
    const practices = props.practices ?? {};
    const k8s = props.kubernetes ?? {};
    const usesPrometheus = props.grafana !== undefined || props.prometheus !== undefined;
    const plugins: KongPluginOptions = k8s.plugins ?? {
      ...(props.datadog?.collection === DatadogCollection.KONG_PLUGIN ? { datadog: {} } : {}),
    };
    const scrape = k8s.prometheusScrape ?? (usesPrometheus ? PrometheusScrapeMethod.POD_MONITOR : PrometheusScrapeMethod.NONE);
    const datadogAutodiscovery = props.datadog !== undefined;

    if (k8s.deploy) {
      this.kongDeployment = new KongDeployment(this, 'kong', {
        gateway,
        image: k8s.image,
        replicas: k8s.replicas,
        configurationSource: k8s.configurationSource,
        loadBalancerCloud: k8s.loadBalancerCloud,
        statusAllowedNamespaces: k8s.statusAllowedNamespaces,
        plugins,
        prometheusScrape: scrape,
        datadogAutodiscovery,
      });
      this.workloadSettings = this.kongDeployment.settings;
    } else {
      this.workloadSettings = new KongWorkloadSettings({ gateway, plugins, prometheusScrape: scrape, datadogAutodiscovery });
      if (k8s.clusterPlugins) {
        this.clusterPlugins = new KongClusterPlugins(this, 'plugins', { gateway, plugins });
      }
      // Only when asked: the Kong may already be scraped (or be deployed by KongDeployment
      // elsewhere in the app). A ServiceMonitor comes with the Kong Helm chart's values
      // (toHelmValues turns it on), so creating one here would scrape twice.
      if (k8s.prometheusScrape === PrometheusScrapeMethod.POD_MONITOR) {
        this.prometheusScrape = new PrometheusScrape(this, 'scrape', { gateway, method: scrape });
      }
    }

    // One folder for the gateway's dashboard and rule groups.
    if (props.grafana) {
      this.grafanaFolder = new Folder(this, 'grafana-folder', {
        title: props.grafana.folderTitle ?? 'Kong',
        uid: stableUid(['kong', gateway.name, gateway.environment, 'folder']),
      });
    }
    const grafanaAlerting = props.grafana && this.grafanaFolder ? {
      prometheusDatasourceUid: props.grafana.prometheusDatasourceUid,
      folder: this.grafanaFolder,
      runbookBaseUrl: props.grafana.runbookBaseUrl,
      clusterLabel: props.grafana.clusterLabel,
    } : undefined;

    const datadogDashboard = props.datadog && props.datadog.dashboard !== false;
    const grafanaDashboard = props.grafana && props.grafana.dashboard !== false;
    if (practices.healthDashboards !== false && (datadogDashboard || grafanaDashboard)) {
      this.dashboards = new HealthDashboards(this, 'dashboards', {
        gateway,
        datadog: datadogDashboard ? { collection: props.datadog!.collection } : undefined,
        grafana: grafanaDashboard ? {
          prometheusDatasourceUid: props.grafana!.prometheusDatasourceUid,
          folder: this.grafanaFolder,
          clusterLabel: props.grafana!.clusterLabel,
        } : undefined,
      });
    }

    const anyAlerting = props.datadog || props.grafana || props.prometheus;
    if (practices.healthAlerting !== false && anyAlerting) {
      this.alerting = new HealthAlerting(this, 'alerting', {
        gateway,
        datadog: props.datadog,
        grafana: grafanaAlerting ? { ...grafanaAlerting, policy: props.grafana!.policy } : undefined,
        prometheus: props.prometheus,
      });
    }
    if (practices.allNodesMonitored !== false && anyAlerting) {
      this.allNodes = new AllNodesMonitored(this, 'all-nodes', {
        gateway,
        datadog: props.datadog,
        grafana: grafanaAlerting,
        prometheus: props.prometheus,
      });
    }
  }
}
