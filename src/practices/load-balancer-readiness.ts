import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Construct } from 'constructs';
import { failValidation, requireDns1123Label, requirePort } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';
import { LoadBalancerHealthCheck } from '../kubernetes/health-check';
import { resolvePorts } from '../kubernetes/internal/ports';
import { KongPortOptions, StatusTlsOptions } from '../kubernetes/ports';
import { ExternalTrafficPolicy, KubernetesServiceType } from '../kubernetes/service-types';

/** Where the load balancer runs, which decides how its health check is configured. */
export enum LoadBalancerCloud {
  /** AWS Load Balancer Controller (NLB, IP targets): `aws-load-balancer-healthcheck-*` annotations. */
  AWS = 'aws',
  /** GKE: a `BackendConfig` with the health check, referenced by `cloud.google.com/backend-config`. */
  GCP = 'gcp',
  /** AKS (cloud-provider-azure): `azure-load-balancer-health-probe-*` and per-port probe annotations. */
  AZURE = 'azure',
  /** Any other load balancer: no annotations; feed `healthCheck` into its resource. */
  OTHER = 'other',
}

/** A port of the proxy Service. */
export interface ProxyServicePort {
  /** Port name. */
  readonly name: string;
  /** Port the load balancer listens on. */
  readonly port: number;
  /** Kong container port the traffic goes to. */
  readonly targetPort: number;
}

/** Props of `LoadBalancerReadiness`. */
export interface LoadBalancerReadinessProps {
  /** The gateway behind the load balancer. */
  readonly gateway: KongGateway;

  /** Cloud whose load balancer fronts the Service. */
  readonly cloud: LoadBalancerCloud;

  /**
   * Health check. Must target `/status/ready` on the status port.
   * @default LoadBalancerHealthCheck.kongReady(gateway)
   */
  readonly healthCheck?: LoadBalancerHealthCheck;

  /**
   * Kong's listener ports.
   * @default - proxy 8000/8443, admin 8001/8444
   */
  readonly ports?: KongPortOptions;

  /**
   * TLS status listener, if any (its port may not be published either).
   * @default - none
   */
  readonly statusTls?: StatusTlsOptions;

  /**
   * Ports of the proxy Service.
   * @default - `proxy` 80 → proxyHttpPort, `proxy-tls` 443 → proxyTlsPort
   */
  readonly servicePorts?: ProxyServicePort[];

  /**
   * Service type. GKE applies a BackendConfig only when the Service backs a GKE Ingress; such
   * a Service may be ClusterIP (container-native load balancing through NEGs).
   * @default KubernetesServiceType.LOAD_BALANCER
   */
  readonly serviceType?: KubernetesServiceType;

  /**
   * `externalTrafficPolicy`. Local is the default: a node-targeted load balancer then checks
   * kube-proxy's health check node port, which passes only on nodes with a ready Kong pod (ready
   * meaning `/status/ready` answered 200), client IPs are kept and no second hop is added. With
   * Cluster, every node passes and forwards to any pod, so the balancer's own check says
   * nothing about Kong. Pod-IP targets (AWS IP mode, GKE NEGs) check each pod's
   * `/status/ready` directly under either policy.
   * @default ExternalTrafficPolicy.LOCAL
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;

  /**
   * Internal (private) load balancer.
   * @default false
   */
  readonly internal?: boolean;

  /**
   * Name of the proxy Service.
   * @default '<workloadName>-proxy'
   */
  readonly serviceName?: string;

  /**
   * Extra Service annotations, merged under the library's.
   * @default {}
   */
  readonly serviceAnnotations?: { [key: string]: string };
}

/**
 * Recommendation 3: the load balancer follows Kong's readiness. Creates the proxy Service with
 * the cloud's health-check settings aimed at `/status/ready` on the status port, and exposes the
 * same check as a provider-neutral `healthCheck` for any other load balancer resource. The
 * status port itself is never published on the Service.
 */
export class LoadBalancerReadiness extends Construct {
  /** The health check, for load balancers configured outside Kubernetes. */
  public readonly healthCheck: LoadBalancerHealthCheck;
  /** The proxy Service. */
  public readonly service: ServiceV1;
  /** The GKE BackendConfig, for `LoadBalancerCloud.GCP`. */
  public readonly backendConfig?: Manifest;

  public constructor(scope: Construct, id: string, props: LoadBalancerReadinessProps) {
    super(scope, id);
    const subject = `LoadBalancerReadiness '${id}'`;
    const gateway = props.gateway;
    const ports = resolvePorts(subject, gateway, props.ports, props.statusTls);
    this.healthCheck = props.healthCheck ?? LoadBalancerHealthCheck.kongReady(gateway);
    this.healthCheck.requireKongReadiness(subject, gateway);

    const serviceType = props.serviceType ?? KubernetesServiceType.LOAD_BALANCER;
    const servicePorts = props.servicePorts ?? [
      { name: 'proxy', port: 80, targetPort: ports.proxyHttp },
      { name: 'proxy-tls', port: 443, targetPort: ports.proxyTls },
    ];
    if (servicePorts.length === 0) failValidation(subject, 'servicePorts is empty', 'list at least the proxy port');
    for (const p of servicePorts) {
      requirePort(subject, `servicePorts '${p.name}' port`, p.port);
      requirePort(subject, `servicePorts '${p.name}' targetPort`, p.targetPort);
      if (p.targetPort === ports.status || p.targetPort === ports.statusTls) {
        failValidation(
          subject,
          `service port '${p.name}' would expose the status port ${p.targetPort} through a ${serviceType} Service`,
          'publish only proxy ports; the load balancer reaches /status/ready through its health check, and scrapers through the ClusterIP status Service',
        );
      }
    }

    const name = props.serviceName ?? `${gateway.workloadName}-proxy`;
    requireDns1123Label(subject, 'serviceName', name);
    const check = this.healthCheck;
    const annotations: { [key: string]: string } = { ...(props.serviceAnnotations ?? {}) };

    switch (props.cloud) {
      case LoadBalancerCloud.AWS: {
        const aws = 'service.beta.kubernetes.io/aws-load-balancer';
        Object.assign(annotations, {
          // IP targets: the NLB health-checks each pod's status port directly.
          [`${aws}-type`]: 'external',
          [`${aws}-nlb-target-type`]: 'ip',
          [`${aws}-scheme`]: props.internal ? 'internal' : 'internet-facing',
          [`${aws}-healthcheck-protocol`]: check.protocol.toLowerCase(),
          [`${aws}-healthcheck-port`]: String(check.port),
          [`${aws}-healthcheck-path`]: check.path,
          [`${aws}-healthcheck-interval`]: String(check.interval.toSeconds()),
          [`${aws}-healthcheck-timeout`]: String(check.timeout.toSeconds()),
          [`${aws}-healthcheck-healthy-threshold`]: String(check.healthyThreshold),
          [`${aws}-healthcheck-unhealthy-threshold`]: String(check.unhealthyThreshold),
          [`${aws}-healthcheck-success-codes`]: '200',
        });
        break;
      }
      case LoadBalancerCloud.GCP: {
        const backendConfigName = `${name}-readiness`;
        this.backendConfig = new Manifest(this, 'backend-config', {
          manifest: {
            apiVersion: 'cloud.google.com/v1',
            kind: 'BackendConfig',
            metadata: { name: backendConfigName, namespace: gateway.namespace },
            spec: {
              healthCheck: {
                type: check.protocol,
                requestPath: check.path,
                port: check.port,
                checkIntervalSec: check.interval.toSeconds(),
                timeoutSec: check.timeout.toSeconds(),
                healthyThreshold: check.healthyThreshold,
                unhealthyThreshold: check.unhealthyThreshold,
              },
            },
          },
        });
        annotations['cloud.google.com/backend-config'] = JSON.stringify({ default: backendConfigName });
        // Container-native load balancing: the health check reaches the pod's status port.
        annotations['cloud.google.com/neg'] = JSON.stringify({ ingress: true });
        if (props.internal && serviceType === KubernetesServiceType.LOAD_BALANCER) {
          annotations['networking.gke.io/load-balancer-type'] = 'Internal';
        }
        break;
      }
      case LoadBalancerCloud.AZURE: {
        const azure = 'service.beta.kubernetes.io';
        annotations[`${azure}/azure-load-balancer-health-probe-request-path`] = check.path;
        annotations[`${azure}/azure-load-balancer-health-probe-interval`] = String(check.interval.toSeconds());
        annotations[`${azure}/azure-load-balancer-health-probe-num-of-probe`] = String(check.unhealthyThreshold);
        for (const p of servicePorts) {
          annotations[`${azure}/port_${p.port}_health-probe_protocol`] = check.protocol.toLowerCase();
          annotations[`${azure}/port_${p.port}_health-probe_port`] = String(check.port);
          annotations[`${azure}/port_${p.port}_health-probe_request-path`] = check.path;
        }
        if (props.internal) annotations[`${azure}/azure-load-balancer-internal`] = 'true';
        break;
      }
      default:
        break;
    }

    const publishes = serviceType !== KubernetesServiceType.CLUSTER_IP;
    this.service = new ServiceV1(this, 'service', {
      metadata: {
        name,
        namespace: gateway.namespace,
        labels: { ...gateway.podLabels, 'app.kubernetes.io/component': 'proxy' },
        annotations,
      },
      spec: {
        type: serviceType,
        selector: { ...gateway.podLabels },
        ...(publishes ? { externalTrafficPolicy: props.externalTrafficPolicy ?? ExternalTrafficPolicy.LOCAL } : {}),
        port: servicePorts.map((p) => ({ name: p.name, port: p.port, targetPort: String(p.targetPort), protocol: 'TCP' })),
      },
    });
  }
}
