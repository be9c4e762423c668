import { checkCall } from '../core/input-shape';
import { failValidation } from '../core/validation';
import { DatadogNotifyProps } from '../datadog/notify';
import { GrafanaAlertingPolicyProps, GrafanaContactPointOptions } from '../grafana/alerting/grafana-alerting-policy';
import { GrafanaNotifier } from '../grafana/alerting/notifier';

/** Somewhere people are told about alerts, in the form each backend reaches it. */
export interface NotificationDestination {
  /** Name, lower-case words joined by `-` (e.g. `platform-oncall`); Grafana's contact point gets it. */
  readonly name: string;

  /**
   * Datadog `@`-handles that reach it, e.g. `['@pagerduty-kong']`.
   * @default - Datadog does not reach it
   */
  readonly datadogHandles?: string[];

  /**
   * Grafana integrations that reach it (its contact point).
   * @default - Grafana does not reach it
   */
  readonly grafanaNotifiers?: GrafanaNotifier[];
}

/** Props of {@link KongNotifications}. */
export interface KongNotificationsProps {
  /** Every destination, once. */
  readonly destinations: NotificationDestination[];

  /** Names of the destinations paged for critical alerts; at least one. */
  readonly critical: string[];

  /**
   * Names of the destinations told about warnings.
   * @default - the critical destinations
   */
  readonly warning?: string[];
}

/**
 * Who is told about which severity, set once and rendered per backend: Datadog monitors
 * notify the destinations' handles (`datadogNotify()`), Grafana routes each severity to a
 * contact point of the destinations' integrations (`grafanaPolicy()`). Prometheus rules carry
 * the same severity in their `severity` label, the key Alertmanager routes on. Give it to
 * `KongMonitoring` or `KongFleet` as `notifications`, in place of `datadog.notify` and
 * `grafana.policy`.
 */
export class KongNotifications {
  /** Destinations by name, in the order given. */
  private readonly destinations: Map<string, NotificationDestination>;
  private readonly critical: string[];
  private readonly warning: string[];

  public constructor(props: KongNotificationsProps) {
    checkCall('KongNotifications', props);
    const subject = 'KongNotifications';
    this.destinations = new Map();
    for (const destination of props.destinations) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(destination.name)) {
        failValidation(subject, `destination name '${destination.name}' is not lower-case words joined by '-'`, "name it like 'platform-oncall'");
      }
      if (this.destinations.has(destination.name)) failValidation(subject, `destinations list '${destination.name}' twice`, 'give each destination once, with every backend\'s form of it');
      if ((destination.datadogHandles ?? []).length === 0 && (destination.grafanaNotifiers ?? []).length === 0) {
        failValidation(subject, `destination '${destination.name}' has neither datadogHandles nor grafanaNotifiers, so no backend could reach it`, 'give it the handles or integrations that reach it');
      }
      for (const handle of destination.datadogHandles ?? []) {
        if (!/^@\S+$/.test(handle)) failValidation(subject, `destination '${destination.name}' datadogHandles entry '${handle}' is not an @-handle`, "write it as Datadog does, e.g. '@pagerduty-kong'");
      }
      this.destinations.set(destination.name, destination);
    }
    if (props.critical.length === 0) failValidation(subject, 'critical names no destination, so critical alerts would page no one', 'name at least one destination in critical');
    this.critical = this.known(subject, 'critical', props.critical);
    this.warning = this.known(subject, 'warning', props.warning ?? props.critical);
  }

  /** The Datadog notification handles per severity. Fails when Datadog reaches no destination of a severity. */
  public datadogNotify(): DatadogNotifyProps {
    return {
      critical: this.handles('critical', this.critical),
      warning: this.handles('warning', this.warning),
    };
  }

  /**
   * A Grafana notification policy routing each severity to its destinations: one contact point
   * per destination Grafana reaches; a severity with several gets one contact point holding
   * all their integrations (`kong-critical`, `kong-warning`). Create it once per Grafana
   * organization (`new GrafanaAlertingPolicy(stack, 'policy', notifications.grafanaPolicy())`);
   * `KongMonitoring` does so when it is given Grafana and these notifications.
   */
  public grafanaPolicy(): GrafanaAlertingPolicyProps {
    const contactPoints: GrafanaContactPointOptions[] = [];
    const contactPointOf = (severity: 'critical' | 'warning', names: string[]): string => {
      const reached = names.map((name) => this.destinations.get(name)!).filter((d) => (d.grafanaNotifiers ?? []).length > 0);
      if (reached.length === 0) {
        failValidation('KongNotifications', `Grafana reaches none of the ${severity} destinations (${names.join(', ')})`, 'give one of them grafanaNotifiers, or leave notifications out of the Grafana backend and set grafana.policy');
      }
      const name = reached.length === 1 ? reached[0].name : `kong-${severity}`;
      if (!contactPoints.some((c) => c.name === name)) {
        contactPoints.push({ name, notifiers: reached.flatMap((d) => d.grafanaNotifiers!) });
      }
      return name;
    };
    const criticalContactPoint = contactPointOf('critical', this.critical);
    const warningContactPoint = contactPointOf('warning', this.warning);
    return { contactPoints, defaultContactPoint: criticalContactPoint, criticalContactPoint, warningContactPoint };
  }

  private known(subject: string, field: string, names: string[]): string[] {
    for (const name of names) {
      if (!this.destinations.has(name)) {
        failValidation(subject, `${field} names '${name}', which is not one of the destinations (${[...this.destinations.keys()].join(', ')})`, 'add it to destinations, or fix the name');
      }
    }
    return [...new Set(names)];
  }

  private handles(severity: string, names: string[]): string[] {
    const handles = [...new Set(names.flatMap((name) => this.destinations.get(name)!.datadogHandles ?? []))];
    if (handles.length === 0) {
      failValidation('KongNotifications', `Datadog reaches none of the ${severity} destinations (${names.join(', ')})`, 'give one of them datadogHandles, or set datadog.notify instead of notifications');
    }
    return handles;
  }
}
