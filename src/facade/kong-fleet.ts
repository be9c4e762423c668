import { Construct } from 'constructs';
import {
  KongMonitoring,
  KongMonitoringDatadogOptions,
  KongMonitoringGrafanaOptions,
  KongMonitoringKubernetesOptions,
  KongMonitoringPractices,
} from './kong-monitoring';
import { KongNotifications } from './kong-notifications';
import { checkArguments, checkConstructArguments, constructSubject } from '../core/input-shape';
import { failValidation } from '../core/validation';
import { DeploymentMode } from '../gateway/deployment-mode';
import { KongGateway } from '../gateway/kong-gateway';
import { TerraformOutput } from '../internal/cdktf';
import { PrometheusAlertingOptions } from '../prometheus/prometheus-backend';
import { MonitoringBackend } from '../signals/monitoring-backend';

/**
 * Backends and options of {@link KongMonitoring}, without the gateway: what a fleet applies
 * to each of its gateways. A backend given for one gateway (`addGateway`) replaces the
 * fleet's defaults for that backend, whole.
 */
export interface KongFleetOptions {
  /**
   * Datadog backend.
   * @default - none
   */
  readonly datadog?: KongMonitoringDatadogOptions;

  /**
   * Grafana backend. Its `policy` is refused: Grafana has one notification policy tree per
   * organization, so a fleet's gateways cannot each own one (create `GrafanaAlertingPolicy`
   * once, in the stack that owns the organization's alerting).
   * @default - none
   */
  readonly grafana?: KongMonitoringGrafanaOptions;

  /**
   * Prometheus Operator rules.
   * @default - none
   */
  readonly prometheus?: PrometheusAlertingOptions;

  /**
   * Who is told about which severity: Datadog monitors notify its handles (in place of
   * `datadog.notify`). Grafana's policy is one per organization, so a fleet does not create
   * it: pass `notifications.grafanaPolicy()` to one `GrafanaAlertingPolicy` in the stack that
   * owns the organization's alerting.
   * @default - `datadog.notify` as given
   */
  readonly notifications?: KongNotifications;

  /**
   * More alerting backends, your own included (`MonitoringBackend` subclasses).
   * @default []
   */
  readonly backends?: MonitoringBackend[];

  /**
   * Kubernetes side.
   * @default - nothing on Kubernetes
   */
  readonly kubernetes?: KongMonitoringKubernetesOptions;

  /**
   * Practices to switch off.
   * @default - all on
   */
  readonly practices?: KongMonitoringPractices;
}

/** Props of {@link KongFleet}. */
export interface KongFleetProps {
  /**
   * Gateways monitored with the fleet's defaults. Names must be unique within the fleet:
   * each name is the construct id (and so part of every logical ID) of its gateway.
   * @default - none; add them with `addGateway`
   */
  readonly gateways?: KongGateway[];

  /**
   * Backends and options every gateway of the fleet gets.
   * @default - no backend
   */
  readonly defaults?: KongFleetOptions;

  /**
   * Hand each gateway's workload settings to its Kong Helm release through a stack output,
   * `<gateway>-kong-helm-values` (the chart values of `workloadSettings.toHelmValues()`; for a
   * DB-less gateway whose plugins nothing else delivers, with the declarative configuration).
   * Read them with `terraform output -json` where the releases are deployed. Without it, each
   * gateway's workload must be wired some other way (`kubernetes.deploy`, `applyTo`, or
   * `kubernetes.workloadManagedExternally`), or synth warns that its alerts may have no data.
   * @default false
   */
  readonly helmValuesOutputs?: boolean;
}

/**
 * Many gateways with shared defaults in one stack: one {@link KongMonitoring} per gateway,
 * with the gateway's name as its construct id. Put one fleet in each stack, one stack per
 * cluster or environment, so that synth, plan and apply stay small, linear and parallel.
 *
 * Logical IDs are `<fleet id>_<gateway name>_<practice>_...`: adding or removing a gateway
 * leaves every other gateway's IDs alone, and renaming a gateway is the one change that moves
 * its IDs (Terraform then replaces its monitors and dashboards).
 */
export class KongFleet extends Construct {
  private readonly defaults: KongFleetOptions;
  private readonly helmValuesOutputs: boolean;
  private readonly byName = new Map<string, KongMonitoring>();
  private readonly subject: string;

  public constructor(scope: Construct, id: string, props: KongFleetProps = {}) {
    super(scope, checkConstructArguments('KongFleet', scope, id, props));
    this.subject = constructSubject('KongFleet', scope, id);
    this.defaults = props.defaults ?? {};
    this.helmValuesOutputs = props.helmValuesOutputs ?? false;
    this.refusePolicy(this.defaults, 'defaults');
    for (const gateway of props.gateways ?? []) this.addGateway(gateway);
  }

  /** The monitoring of each gateway, in the order they were added. */
  public get members(): KongMonitoring[] {
    return [...this.byName.values()];
  }

  /**
   * Adds a gateway. Each backend given in `options` replaces the fleet's default for that
   * backend (e.g. a Datadog block with this gateway's synthetics endpoint); the others apply.
   */
  public addGateway(gateway: KongGateway, options: KongFleetOptions = {}): KongMonitoring {
    checkArguments('KongFleet.addGateway', this.subject, [gateway, options]);
    const existing = this.byName.get(gateway.name);
    if (existing) {
      failValidation(
        this.subject,
        `gateway name '${gateway.name}' is used twice (environments '${existing.gateway.environment}' and '${gateway.environment}'); `
        + 'a gateway\'s name is its construct id and part of its monitor names, dashboard and rule UIDs',
        'give each gateway of a stack its own name (e.g. \'edge-eu\' and \'edge-us\'), or put the gateways in separate stacks, one per cluster or environment',
      );
    }
    const child = this.node.tryFindChild(gateway.name);
    if (child !== undefined) {
      failValidation(
        this.subject,
        `gateway name '${gateway.name}' is already the id of another construct in the fleet (${child.node.path})`,
        'add every gateway of the fleet with addGateway (or gateways), and give other constructs another scope',
      );
    }
    this.refusePolicy(options, `gateway '${gateway.name}'`);
    const monitoring = new KongMonitoring(this, gateway.name, {
      gateway,
      datadog: this.datadogOf(options),
      grafana: options.grafana ?? this.defaults.grafana,
      prometheus: options.prometheus ?? this.defaults.prometheus,
      backends: options.backends ?? this.defaults.backends,
      kubernetes: options.kubernetes ?? this.defaults.kubernetes,
      practices: options.practices ?? this.defaults.practices,
    });
    this.byName.set(gateway.name, monitoring);
    if (this.helmValuesOutputs) {
      const k8s = options.kubernetes ?? this.defaults.kubernetes ?? {};
      const settings = monitoring.workloadSettings;
      // A DB-less gateway's plugins travel in the chart's dblessConfig unless something else delivers them.
      const declarative = gateway.mode === DeploymentMode.DB_LESS && !k8s.clusterPlugins && !k8s.pluginsManagedExternally && !k8s.deploy;
      new TerraformOutput(monitoring, 'helm-values', {
        description: `Kong Helm chart values for gateway ${gateway.name} (${gateway.environment}): status listener, probes, Datadog annotations${declarative ? ', declarative configuration with the plugins' : ''}`,
        value: settings.toHelmValues({ includeDeclarativeConfig: declarative }),
      });
    }
    return monitoring;
  }

  /**
   * The monitoring of the gateway with this name.
   * @returns undefined when the fleet has no such gateway
   */
  public monitoringOf(name: string): KongMonitoring | undefined {
    checkArguments('KongFleet.monitoringOf', this.subject, [name]);
    return this.byName.get(name);
  }

  /** The gateway's Datadog options, with the notification strategy's handles. */
  private datadogOf(options: KongFleetOptions): KongMonitoringDatadogOptions | undefined {
    const datadog = options.datadog ?? this.defaults.datadog;
    const notifications = options.notifications ?? this.defaults.notifications;
    if (!datadog || !notifications) return datadog;
    if (datadog.notify !== undefined) {
      failValidation(this.subject, 'both notifications and datadog.notify are set', 'set who is told once: keep notifications and drop datadog.notify, or the reverse');
    }
    return { ...datadog, notify: notifications.datadogNotify() };
  }

  private refusePolicy(options: KongFleetOptions, where: string): void {
    if (options.grafana?.policy !== undefined) {
      failValidation(
        this.subject,
        `grafana.policy is given in ${where}, but Grafana has one notification policy tree per organization`,
        'create one GrafanaAlertingPolicy in the stack that owns the organization\'s alerting, and leave policy out of the fleet',
      );
    }
  }
}
