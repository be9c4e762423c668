import { CustomSignal } from './custom-signal';
import { DeploymentMode, WorkloadKind } from './deployment-mode';
import { DEFAULT_STATUS_PORT } from './kong-facts';
import { DEFAULT_KONG_VERSION, KongEdition, KongVersion, LATEST_OPEN_SOURCE_MINOR } from './kong-version';
import { reservedTags } from './reserved-tags';
import { SignalOverride } from './signal-override';
import { SignalId } from './signal-vocabulary';
import { Duration } from '../core/duration';
import { checkArguments } from '../core/input-shape';
import { requireDatadogTags, requireKubernetesLabels } from '../core/labels';
import { refuseSecretUrl } from '../core/literal-secrets';
import { failValidation, refuseTemplateSyntax, requireDns1123Label, requireDurationAtMost, requirePort, requirePositiveInteger } from '../core/validation';

export { DEFAULT_STATUS_PORT };

/** What describes a Kong gateway, whatever its deployment mode. */
export interface KongGatewayOptions {
  /**
   * Gateway name (DNS-1123 label). Part of every resource name, tag and logical ID the
   * library derives for this gateway: renaming a gateway is the one change that moves its IDs.
   */
  readonly name: string;

  /**
   * Environment the gateway runs in (DNS-1123 label), used in tags, labels and titles.
   * @default 'production'
   */
  readonly environment?: string;

  /**
   * Kubernetes cluster name, added to Datadog filters (`kube_cluster_name`) and Prometheus
   * selectors (`cluster` label) when given.
   * @default - no cluster filter
   */
  readonly cluster?: string;

  /**
   * Kong release the nodes run, `major.minor` or a full release (`3.9.1`, Enterprise
   * `3.10.0.1`). Decides which metrics exist (Kong's exporter gains gauges across releases)
   * and which plugin fields Kong accepts.
   * @default '3.9' (the `kong:3.9` image the library deploys)
   */
  readonly kongVersion?: string;

  /**
   * Open-source Kong or Kong Gateway Enterprise. Some metrics exist in Enterprise only
   * (e.g. `kong_control_plane_connected`, Enterprise 3.10+).
   * @default KongEdition.OPEN_SOURCE
   */
  readonly edition?: KongEdition;

  /**
   * Kubernetes namespace of the Kong workload.
   * @default 'kong'
   */
  readonly namespace?: string;

  /**
   * Kind of the Kong workload.
   * @default WorkloadKind.DEPLOYMENT
   */
  readonly workloadKind?: WorkloadKind;

  /**
   * Name of the Kong workload (the Deployment, DaemonSet or StatefulSet). Pod names start
   * with it, which is how Prometheus selectors find the gateway's pods.
   * @default - the gateway name
   */
  readonly workloadName?: string;

  /**
   * Labels on the Kong pods, used by Services, NetworkPolicies and PodMonitors (Kubernetes
   * label keys and values).
   * @default { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': <name> }
   */
  readonly podLabels?: { [key: string]: string };

  /**
   * Name of the Kong container in the pod.
   * @default 'proxy' (the Kong Helm chart's name)
   */
  readonly containerName?: string;

  /**
   * Port of Kong's status listener (`status_listen`). Since Kong 3.6 the listener is on by
   * default but bound to 127.0.0.1:8007, out of reach of kubelet probes and Prometheus;
   * the library binds it to all addresses on this port.
   * @default 8100
   */
  readonly statusPort?: number;

  /**
   * Number of Kong nodes that should be ready. Alerts fire when fewer are.
   * @default - the replicas the workload itself desires (kube-state-metrics)
   */
  readonly expectedNodes?: number;

  /**
   * Hybrid control planes: how many data planes should be connected to it. The control
   * plane's view counts the data planes it heard from in the last two minutes against it
   * (rows of replaced data planes linger for 14 days and are not counted).
   * @default - at least one: only the loss of every data plane is seen
   */
  readonly expectedDataPlanes?: number;

  /**
   * How long a starting node may stay unready before it counts as a failure: Kong loads
   * its first configuration before `/status/ready` answers 200. Per-node alerts wait
   * this long, and the startup probe allows it. At most 1 hour.
   * @default Duration.minutes(2)
   */
  readonly startupWindow?: Duration;

  /**
   * How often Prometheus scrapes the status port: at least 1 second, at most 1 hour.
   * @default Duration.seconds(30)
   */
  readonly scrapeInterval?: Duration;

  /**
   * Team that owns the gateway, added to monitor tags and alert labels.
   * @default - no team tag
   */
  readonly team?: string;

  /**
   * Extra Datadog tags for monitors, synthetic tests and SLOs: keys and values as Datadog keeps
   * them (lower case; letters, digits, `_`, `-`, `.`, `/`), at most 200 characters per tag, and
   * none of the library's own keys (`kong_gateway`, `kong_environment`, `kong_cluster`,
   * `managed-by`, and `team` when `team` is set).
   * @default {}
   */
  readonly tags?: { [key: string]: string };

  /**
   * Per-signal changes to thresholds and windows, or signals switched off.
   * @default - the catalog's defaults
   */
  readonly signalOverrides?: SignalOverride[];

  /**
   * Signals of your own, each with its query per backend, thresholds and window: alerted on
   * and drawn on the dashboards like the catalog's signals, after them.
   * @default - none
   */
  readonly customSignals?: CustomSignal[];

  /**
   * Base URL of the gateway's runbooks, one page per signal: every backend links
   * `<base>/<signal id>` (Prometheus and Grafana in `runbook_url`, Datadog in the message).
   * @default - no link: alerts carry the catalog's runbook text
   */
  readonly runbookBaseUrl?: string;
}

/** A Kong gateway of a given deployment mode. */
export interface KongGatewayProps extends KongGatewayOptions {
  /** Deployment mode of the gateway. */
  readonly mode: DeploymentMode;
}

/**
 * What is monitored: one Kong gateway (a set of identical nodes) on Kubernetes.
 * Validated when created, so a bad name or port fails synth before any resource exists.
 */
export class KongGateway {
  /** A traditional-mode gateway (nodes read a database). */
  public static traditional(options: KongGatewayOptions): KongGateway {
    checkArguments('KongGateway.traditional', gatewaySubject(options, 'KongGateway.traditional'), [options]);
    return new KongGateway({ ...options, mode: DeploymentMode.TRADITIONAL });
  }

  /** A DB-less gateway (declarative configuration). */
  public static dbLess(options: KongGatewayOptions): KongGateway {
    checkArguments('KongGateway.dbLess', gatewaySubject(options, 'KongGateway.dbLess'), [options]);
    return new KongGateway({ ...options, mode: DeploymentMode.DB_LESS });
  }

  /** The control plane of a hybrid-mode cluster. */
  public static hybridControlPlane(options: KongGatewayOptions): KongGateway {
    checkArguments('KongGateway.hybridControlPlane', gatewaySubject(options, 'KongGateway.hybridControlPlane'), [options]);
    return new KongGateway({ ...options, mode: DeploymentMode.HYBRID_CONTROL_PLANE });
  }

  /** The data planes of a hybrid-mode cluster. */
  public static hybridDataPlane(options: KongGatewayOptions): KongGateway {
    checkArguments('KongGateway.hybridDataPlane', gatewaySubject(options, 'KongGateway.hybridDataPlane'), [options]);
    return new KongGateway({ ...options, mode: DeploymentMode.HYBRID_DATA_PLANE });
  }

  public readonly name: string;
  public readonly mode: DeploymentMode;
  public readonly environment: string;
  public readonly cluster?: string;
  /** Kong release the nodes run. */
  public readonly kongVersion: KongVersion;
  /** Open-source Kong or Kong Gateway Enterprise. */
  public readonly edition: KongEdition;
  public readonly namespace: string;
  public readonly workloadKind: WorkloadKind;
  public readonly workloadName: string;
  public readonly podLabels: { [key: string]: string };
  public readonly containerName: string;
  public readonly statusPort: number;
  public readonly expectedNodes?: number;
  /** Hybrid control planes: how many data planes should be connected. */
  public readonly expectedDataPlanes?: number;
  public readonly startupWindow: Duration;
  public readonly scrapeInterval: Duration;
  public readonly team?: string;
  public readonly tags: { [key: string]: string };
  /** Per-signal changes; the signal catalog applies them (`GatewaySignals.of(gateway)`). */
  public readonly signalOverrides: SignalOverride[];
  /** The gateway's own signals, after the catalog's. */
  public readonly customSignals: CustomSignal[];
  /** Base URL of the gateway's runbooks. */
  public readonly runbookBaseUrl?: string;

  public constructor(props: KongGatewayProps) {
    checkArguments('KongGateway', gatewaySubject(props, 'KongGateway'), [props]);
    const subject = `KongGateway '${props.name}'`;
    requireDns1123Label(subject, 'name', props.name);
    this.name = props.name;
    this.mode = props.mode;
    this.environment = props.environment ?? 'production';
    requireDns1123Label(subject, 'environment', this.environment);
    if (props.cluster !== undefined) requireDns1123Label(subject, 'cluster', props.cluster);
    this.cluster = props.cluster;
    this.edition = props.edition ?? KongEdition.OPEN_SOURCE;
    this.kongVersion = KongVersion._parse(subject, 'kongVersion', props.kongVersion ?? DEFAULT_KONG_VERSION);
    if (this.edition === KongEdition.OPEN_SOURCE && this.kongVersion.atLeast(3, LATEST_OPEN_SOURCE_MINOR + 1)) {
      failValidation(
        subject,
        `kongVersion '${this.kongVersion.text}' with edition ${KongEdition.OPEN_SOURCE}: open-source Kong has no release after 3.${LATEST_OPEN_SOURCE_MINOR}`,
        `set edition: KongEdition.ENTERPRISE for Kong Gateway Enterprise ${this.kongVersion.majorMinor}, or kongVersion '3.${LATEST_OPEN_SOURCE_MINOR}' for the open-source image`,
      );
    }
    this.namespace = props.namespace ?? 'kong';
    requireDns1123Label(subject, 'namespace', this.namespace);
    this.workloadKind = props.workloadKind ?? WorkloadKind.DEPLOYMENT;
    this.workloadName = props.workloadName ?? props.name;
    requireDns1123Label(subject, 'workloadName', this.workloadName);
    this.containerName = props.containerName ?? 'proxy';
    requireDns1123Label(subject, 'containerName', this.containerName);
    this.podLabels = props.podLabels ?? { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': this.name };
    if (Object.keys(this.podLabels).length === 0) {
      failValidation(subject, 'podLabels is empty', "give at least one label that selects the Kong pods, e.g. { 'app.kubernetes.io/instance': '" + this.name + "' }");
    }
    requireKubernetesLabels(subject, 'podLabels', this.podLabels);
    this.statusPort = props.statusPort ?? DEFAULT_STATUS_PORT;
    requirePort(subject, 'statusPort', this.statusPort);
    if (props.expectedNodes !== undefined) requirePositiveInteger(subject, 'expectedNodes', props.expectedNodes);
    this.expectedNodes = props.expectedNodes;
    if (props.expectedDataPlanes !== undefined) {
      if (props.mode !== DeploymentMode.HYBRID_CONTROL_PLANE) {
        failValidation(subject, `expectedDataPlanes is set on a ${props.mode} gateway`, 'set it on the hybrid control plane (KongGateway.hybridControlPlane), which counts its data planes; use expectedNodes for this gateway\'s own nodes');
      }
      requirePositiveInteger(subject, 'expectedDataPlanes', props.expectedDataPlanes);
    }
    this.expectedDataPlanes = props.expectedDataPlanes;
    this.startupWindow = props.startupWindow ?? Duration.minutes(2);
    this.scrapeInterval = props.scrapeInterval ?? Duration.seconds(30);
    if (this.scrapeInterval.toSeconds() < 1) {
      failValidation(subject, `scrapeInterval ${this.scrapeInterval.toPrometheus()} is too short`, 'use a scrape interval of at least 1s (30s is common)');
    }
    requireDurationAtMost(subject, 'scrapeInterval', this.scrapeInterval, Duration.hours(1), 'give a scrape interval of at most 1h (30s is common)');
    requireDurationAtMost(subject, 'startupWindow', this.startupWindow, Duration.hours(1), 'give a startup window of at most 1h (Kong loads its configuration in seconds to minutes)');
    this.team = props.team;
    if (props.team !== undefined) requireDns1123Label(subject, 'team', props.team);
    requireDatadogTags(subject, 'tags', props.tags, reservedTags(this));
    this.tags = { ...(props.tags ?? {}) };
    this.signalOverrides = [...(props.signalOverrides ?? [])];
    this.customSignals = [...(props.customSignals ?? [])];
    checkCustomSignalIds(subject, this.customSignals);
    validateRunbookBaseUrl(subject, props.runbookBaseUrl);
    this.runbookBaseUrl = props.runbookBaseUrl;
  }

  /** True for modes that read a database (traditional, hybrid control plane). */
  public get hasDatastore(): boolean {
    return this.mode === DeploymentMode.TRADITIONAL || this.mode === DeploymentMode.HYBRID_CONTROL_PLANE;
  }

  /** True for modes whose nodes proxy traffic (all but the hybrid control plane). */
  public get proxiesTraffic(): boolean {
    return this.mode !== DeploymentMode.HYBRID_CONTROL_PLANE;
  }

  /** Common tags: gateway, environment, namespace, team and the user's tags. */
  public commonTags(): { [key: string]: string } {
    return {
      kong_gateway: this.name,
      kong_environment: this.environment,
      kube_namespace: this.namespace,
      ...(this.team ? { team: this.team } : {}),
      ...this.tags,
    };
  }
}

/** `KongGateway 'edge'` once the name is a string, else the call itself (`KongGateway.dbLess`). */
function gatewaySubject(options: unknown, call: string): string {
  const name = (options as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() !== '' ? `KongGateway '${name}'` : call;
}

/** Custom signal ids name alerts, rule uids and logical IDs: one shape, one meaning per gateway. */
function checkCustomSignalIds(subject: string, customSignals: CustomSignal[]): void {
  const seen = new Set<string>();
  const catalog = new Set<string>(Object.values(SignalId));
  for (const custom of customSignals) {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(custom.id) || custom.id.length > 40) {
      failValidation(subject, `customSignals id '${custom.id}' is not lower-case words joined by '-' (at most 40 characters)`, "give an id such as 'rate-limited-ratio'");
    }
    if (catalog.has(custom.id)) {
      failValidation(subject, `customSignals id '${custom.id}' is a catalog signal's id`, 'give the custom signal its own id, or change the catalog signal with signalOverrides');
    }
    if (seen.has(custom.id)) failValidation(subject, `customSignals lists '${custom.id}' twice`, 'give each custom signal its own id');
    seen.add(custom.id);
  }
}

/** A runbook base URL is printed into every alert: a literal http(s) page, never a secret. */
function validateRunbookBaseUrl(subject: string, url: string | undefined): void {
  if (url === undefined) return;
  refuseSecretUrl(subject, 'runbookBaseUrl', url);
  refuseTemplateSyntax(subject, 'runbookBaseUrl', url, 'Prometheus and Grafana read', 'give the base URL literally; the signal id is appended');
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(url)) {
    failValidation(subject, `runbookBaseUrl '${url}' is not an http(s) URL`, "give the page that holds one runbook per signal, e.g. 'https://runbooks.example.com/kong' (the signal id is appended)");
  }
}
