import type { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Construct } from 'constructs';
import { GATEWAY_WIRING } from './gateway-wiring';
import { AppRegistry } from '../core/app-registry';
import { identityKey } from '../gateway/gateway-identity';
import { claimKubernetesObject, DISTINCT_WORKLOADS_FIX } from './internal/object-names';
import { statusServiceLabels } from './internal/ports';
import { PrometheusScrapeMethod } from './scrape-method';
import { checkConstructArguments } from '../core/input-shape';
import { requireKubernetesLabels } from '../core/labels';
import { failValidation } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';
import { kubernetesResources } from '../internal/provider-resources';

/** Props of `PrometheusScrape`. */
export interface PrometheusScrapeProps {
  /** The gateway to scrape. */
  readonly gateway: KongGateway;

  /** How Prometheus finds the targets. */
  readonly method: PrometheusScrapeMethod;

  /**
   * Labels the Prometheus Operator's `podMonitorSelector` / `serviceMonitorSelector` matches,
   * e.g. `{ release: 'kube-prometheus-stack' }`.
   * @default {}
   */
  readonly monitorLabels?: { [key: string]: string };

  /**
   * Labels of the status Service, for `SERVICE_MONITOR`.
   * @default - the gateway's pod labels plus `app.kubernetes.io/component: status` (as `StatusListener` labels it)
   */
  readonly statusServiceLabels?: { [key: string]: string };
}

/**
 * Prometheus scrape wiring for the status port's `/metrics`: a PodMonitor or ServiceMonitor
 * (monitoring.coreos.com/v1). Targets keep the `namespace` and `pod` labels the Prometheus
 * Operator gives them; no relabeling drops them, because the signal catalog selects on both.
 * For `ANNOTATIONS` the pod annotations come from `KongWorkloadSettings`; nothing is created here.
 */
export class PrometheusScrape extends Construct {
  /** The PodMonitor or ServiceMonitor, when one is created. */
  public readonly monitor?: Manifest;
  /** How the status port is scraped. */
  public readonly method: PrometheusScrapeMethod;
  /** The selector labels given for the monitor (undefined when none were given). */
  public readonly selectorLabels?: { [key: string]: string };

  public constructor(scope: Construct, id: string, props: PrometheusScrapeProps) {
    super(scope, checkConstructArguments('PrometheusScrape', scope, id, props));
    const gateway = props.gateway;
    const subject = `PrometheusScrape '${id}'`;
    requireKubernetesLabels(subject, 'monitorLabels', props.monitorLabels);
    requireKubernetesLabels(subject, 'statusServiceLabels', props.statusServiceLabels);
    this.method = props.method;
    this.selectorLabels = props.monitorLabels === undefined ? undefined : { ...props.monitorLabels };
    AppRegistry.of(this).add(GATEWAY_WIRING, identityKey(gateway), this);
    const interval = gateway.scrapeInterval.toPrometheus();
    const metadata = {
      name: gateway.workloadName,
      namespace: gateway.namespace,
      labels: { ...(props.monitorLabels ?? {}), kong_gateway: gateway.name },
    };
    switch (props.method) {
      case PrometheusScrapeMethod.POD_MONITOR:
        claimKubernetesObject(this, subject, gateway, 'PodMonitor', metadata.name, `${DISTINCT_WORKLOADS_FIX}; a gateway is scraped by one monitor`);
        this.monitor = new kubernetesResources.Manifest(this, 'pod-monitor', {
          manifest: {
            apiVersion: 'monitoring.coreos.com/v1',
            kind: 'PodMonitor',
            metadata,
            spec: {
              selector: { matchLabels: { ...gateway.podLabels } },
              namespaceSelector: { matchNames: [gateway.namespace] },
              podMetricsEndpoints: [{ port: 'status', path: '/metrics', scheme: 'http', interval }],
            },
          },
        });
        break;
      case PrometheusScrapeMethod.SERVICE_MONITOR:
        claimKubernetesObject(this, subject, gateway, 'ServiceMonitor', metadata.name, `${DISTINCT_WORKLOADS_FIX}; a gateway is scraped by one monitor`);
        this.monitor = new kubernetesResources.Manifest(this, 'service-monitor', {
          manifest: {
            apiVersion: 'monitoring.coreos.com/v1',
            kind: 'ServiceMonitor',
            metadata,
            spec: {
              selector: { matchLabels: props.statusServiceLabels ?? statusServiceLabels(gateway) },
              namespaceSelector: { matchNames: [gateway.namespace] },
              endpoints: [{ port: 'status', path: '/metrics', scheme: 'http', interval }],
            },
          },
        });
        break;
      case PrometheusScrapeMethod.ANNOTATIONS:
      case PrometheusScrapeMethod.EXTERNAL:
      case PrometheusScrapeMethod.NONE:
        break;
      default:
        failValidation(subject, `method '${props.method}' is not a scrape method`, `use one of ${Object.values(PrometheusScrapeMethod).join(', ')}`);
    }
  }
}
