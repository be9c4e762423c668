import type { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Construct } from 'constructs';
import { GATEWAY_WIRING } from './gateway-wiring';
import { AppRegistry } from '../core/app-registry';
import { checkConstructArguments } from '../core/input-shape';
import { requireDns1123Label } from '../core/validation';
import { identityKey } from '../gateway/gateway-identity';
import { KongGateway } from '../gateway/kong-gateway';
import { describePlugins, KongPluginSet } from './internal/plugin-set';
import { KongPluginConfiguration, KongPluginDelivery } from './plugin-delivery';
import { KongPluginOptions } from './plugins/plugin-options';
import { kubernetesResources } from '../internal/provider-resources';
import { claimKubernetesObject } from './internal/object-names';

/** Props of `KongClusterPlugins`. */
export interface KongClusterPluginsProps {
  /** The gateway whose ingress controller applies the plugins. */
  readonly gateway: KongGateway;

  /**
   * Plugins to enable globally.
   * @default - the Prometheus plugin with its four metric groups on
   */
  readonly plugins?: KongPluginOptions;

  /**
   * Ingress class of the gateway's Kong Ingress Controller (`kubernetes.io/ingress.class`).
   * The controller only applies global plugins of its own class.
   * @default 'kong'
   */
  readonly ingressClass?: string;
}

/**
 * The observability plugins as global `KongClusterPlugin` resources (configuration.konghq.com/v1,
 * label `global: "true"`), for gateways configured by the Kong Ingress Controller.
 * Cluster-scoped, so names carry the gateway's name.
 */
export class KongClusterPlugins extends Construct {
  /** The plugins these KongClusterPlugins configure. */
  public readonly pluginConfiguration: KongPluginConfiguration;
  /** The manifests, keyed by plugin name (`prometheus`, `datadog`, `statsd`, `opentelemetry`). */
  public readonly manifests: { [plugin: string]: Manifest } = {};

  public constructor(scope: Construct, id: string, props: KongClusterPluginsProps) {
    super(scope, checkConstructArguments('KongClusterPlugins', scope, id, props));
    const subject = `KongClusterPlugins '${id}'`;
    const ingressClass = props.ingressClass ?? 'kong';
    requireDns1123Label(subject, 'ingressClass', ingressClass);
    const set = new KongPluginSet(subject, props.gateway, props.plugins);
    this.pluginConfiguration = describePlugins(KongPluginDelivery.KONG_CLUSTER_PLUGIN, set.plugins());
    AppRegistry.of(this).add(GATEWAY_WIRING, identityKey(props.gateway), this);
    for (const plugin of set.plugins()) {
      const name = `${props.gateway.name}-${plugin.name}`;
      claimKubernetesObject(this, subject, props.gateway, 'KongClusterPlugin', name,
        'KongClusterPlugins are cluster-wide: give the gateways different names, or deliver the plugins another way (declarative configuration)', true);
      // One construct id per plugin name: adding a plugin never moves another's logical ID.
      this.manifests[plugin.name] = new kubernetesResources.Manifest(this, plugin.name, {
        manifest: {
          apiVersion: 'configuration.konghq.com/v1',
          kind: 'KongClusterPlugin',
          metadata: {
            name,
            labels: { global: 'true', kong_gateway: props.gateway.name },
            annotations: { 'kubernetes.io/ingress.class': ingressClass },
          },
          plugin: plugin.name,
          config: plugin.config,
        },
      });
    }
  }
}
