import type { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import type { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Construct } from 'constructs';
import { HealthCheckProtocol, LoadBalancerHealthCheck } from './health-check';
import { checkConstructArguments } from '../core/input-shape';
import { requireKubernetesAnnotations } from '../core/labels';
import { DNS_1123_LABEL, failValidation, requirePort } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';
import { kubernetesResources } from '../internal/provider-resources';
import { claimKubernetesObject, DISTINCT_WORKLOADS_FIX, serviceName } from './internal/object-names';
import { resolvePorts } from './internal/ports';
import { KongPortOptions, StatusTlsOptions } from './ports';
import { ExternalTrafficPolicy, KubernetesServiceType } from './service-types';

/** Where the load balancer runs, which decides how its health check is configured. */
export enum LoadBalancerCloud {
  /**
   * AWS Load Balancer Controller, NLB with IP targets: the NLB health-checks each ready pod's
   * status port itself (`aws-load-balancer-healthcheck-*` annotations on `/status/ready`).
   */
  AWS = 'aws',
  /** GKE: what the health check honours depends on the path in front of the proxy, named by `GkeLoadBalancing`. */
  GCP = 'gcp',
  /**
   * AKS (cloud-provider-azure): `externalTrafficPolicy: Local`, whose node probe (kube-proxy's
   * health check node port, `/healthz`) passes only on nodes with a ready Kong pod.
   */
  AZURE = 'azure',
  /** Any other load balancer: no annotations; feed `healthCheck` into its resource. */
  OTHER = 'other',
}

/**
 * What fronts the proxy on GKE. Each path honours a different health-check setting
 * (cloud.google.com/kubernetes-engine/docs: LoadBalancer Service parameters, Ingress
 * configuration, Gateway HealthCheckPolicy); a setting another path reads is ignored.
 */
export enum GkeLoadBalancing {
  /**
   * A `type: LoadBalancer` Service: a pass-through L4 load balancer that checks nodes. With
   * `externalTrafficPolicy: Local` its check is kube-proxy's `healthCheckNodePort`, which passes
   * only on nodes with a ready Kong pod (ready meaning `/status/ready` answered 200). No
   * BackendConfig: an L4 load balancer ignores it.
   */
  L4_SERVICE = 'l4-service',
  /**
   * A GKE Ingress (which you declare) routes to a ClusterIP Service with container-native load
   * balancing (`cloud.google.com/neg: {"ingress": true}`); a `BackendConfig` referenced by
   * `cloud.google.com/backend-config` points the backend service's health check at
   * `/status/ready` on each pod's status port.
   */
  INGRESS = 'ingress',
  /**
   * A GKE Gateway (which you declare, with an HTTPRoute to the Service) routes to a ClusterIP
   * Service through NEGs; a `HealthCheckPolicy` (networking.gke.io/v1) targeting the Service
   * points the health check at `/status/ready` on each pod's status port.
   */
  GATEWAY = 'gateway',
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
   * GKE: what fronts the proxy; required with `LoadBalancerCloud.GCP`.
   * @default - none
   */
  readonly gkeLoadBalancing?: GkeLoadBalancing;

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
   * Service type.
   * @default - LoadBalancer; ClusterIP behind a GKE Ingress or Gateway (container-native load balancing)
   */
  readonly serviceType?: KubernetesServiceType;

  /**
   * `externalTrafficPolicy`. Local is the default: a node-targeted load balancer then checks
   * kube-proxy's health check node port, which passes only on nodes with a ready Kong pod (ready
   * meaning `/status/ready` answered 200), client IPs are kept and no second hop is added. With
   * Cluster, every node passes and forwards to any pod, so the balancer's own check says
   * nothing about Kong: Cluster is refused behind a GKE L4 or Azure load balancer. Pod-IP targets
   * (AWS IP mode, GKE NEGs) check each pod's `/status/ready` directly under either policy.
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
  /** The GKE BackendConfig, behind a GKE Ingress. */
  public readonly backendConfig?: Manifest;
  /** The GKE HealthCheckPolicy, behind a GKE Gateway. */
  public readonly healthCheckPolicy?: Manifest;
  /**
   * True when the cloud's health check reaches the pods' status port itself (AWS IP targets,
   * GKE NEGs) rather than a node: a NetworkPolicy on the status port must admit its sources.
   */
  public readonly healthCheckTargetsPods: boolean;

  public constructor(scope: Construct, id: string, props: LoadBalancerReadinessProps) {
    super(scope, checkConstructArguments('LoadBalancerReadiness', scope, id, props));
    const subject = `LoadBalancerReadiness '${id}'`;
    const gateway = props.gateway;
    const ports = resolvePorts(subject, gateway, props.ports, props.statusTls);
    this.healthCheck = props.healthCheck ?? LoadBalancerHealthCheck.kongReady(gateway);
    this.healthCheck.requireKongReadiness(subject, gateway);

    const gke = gkePath(subject, props);
    const behindL7 = gke === GkeLoadBalancing.INGRESS || gke === GkeLoadBalancing.GATEWAY;
    const serviceType = props.serviceType ?? (behindL7 ? KubernetesServiceType.CLUSTER_IP : KubernetesServiceType.LOAD_BALANCER);
    if (behindL7 && serviceType === KubernetesServiceType.LOAD_BALANCER) {
      const policy = gke === GkeLoadBalancing.INGRESS ? 'BackendConfig' : 'HealthCheckPolicy';
      failValidation(
        subject,
        `serviceType LoadBalancer behind a GKE ${gke === GkeLoadBalancing.INGRESS ? 'Ingress' : 'Gateway'} would also create an L4 load balancer, which ignores the ${policy}`,
        `leave serviceType unset (ClusterIP: container-native load balancing through NEGs) and route your GKE ${gke === GkeLoadBalancing.INGRESS ? 'Ingress' : 'Gateway'} to the Service`,
      );
    }
    if (behindL7 && props.internal) {
      failValidation(
        subject,
        `internal is set, but behind a GKE ${gke === GkeLoadBalancing.INGRESS ? 'Ingress' : 'Gateway'} the load balancer's reach is the ${gke === GkeLoadBalancing.INGRESS ? "Ingress's" : "Gateway's"} class`,
        gke === GkeLoadBalancing.INGRESS
          ? "leave internal unset and give your Ingress the class 'gce-internal'"
          : 'leave internal unset and use an internal GatewayClass (e.g. gke-l7-rilb) on your Gateway',
      );
    }
    const publishes = serviceType !== KubernetesServiceType.CLUSTER_IP;
    const trafficPolicy = props.externalTrafficPolicy ?? ExternalTrafficPolicy.LOCAL;
    const checksNodes = props.cloud === LoadBalancerCloud.AZURE || gke === GkeLoadBalancing.L4_SERVICE;
    if (checksNodes && publishes && trafficPolicy !== ExternalTrafficPolicy.LOCAL) {
      failValidation(
        subject,
        `externalTrafficPolicy ${trafficPolicy} behind ${props.cloud === LoadBalancerCloud.AZURE ? 'an Azure' : 'a GKE L4'} load balancer: its node health check then passes on every node while any Kong pod anywhere is ready, so it never sees a node's Kong unready`,
        "use ExternalTrafficPolicy.LOCAL (kube-proxy's health check node port then passes only on nodes with a ready Kong pod)",
      );
    }
    this.healthCheckTargetsPods = props.cloud === LoadBalancerCloud.AWS || behindL7;

    const servicePorts = props.servicePorts ?? [
      { name: 'proxy', port: 80, targetPort: ports.proxyHttp },
      { name: 'proxy-tls', port: 443, targetPort: ports.proxyTls },
    ];
    if (servicePorts.length === 0) failValidation(subject, 'servicePorts is empty', 'list at least the proxy port');
    servicePorts.forEach((p, i) => {
      // Service port names are DNS-1123 labels, unique in the Service, as are the port numbers (kubernetes.io ServiceSpec).
      if (!DNS_1123_LABEL.test(p.name) || p.name.length > 63) {
        failValidation(subject, `servicePorts[${i}] name '${p.name}' is not a DNS-1123 label`, "use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
      }
      if (servicePorts.slice(0, i).some((q) => q.name === p.name)) failValidation(subject, `servicePorts[${i}] name '${p.name}' is used twice`, 'give each Service port its own name');
      if (servicePorts.slice(0, i).some((q) => q.port === p.port)) failValidation(subject, `servicePorts[${i}] port ${p.port} is used twice`, 'give each Service port its own number');
    });
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

    const name = serviceName(subject, 'proxy', gateway, '-proxy', props.serviceName);
    claimKubernetesObject(this, subject, gateway, 'Service', name, DISTINCT_WORKLOADS_FIX);
    requireKubernetesAnnotations(subject, 'serviceAnnotations', props.serviceAnnotations);
    const check = this.healthCheck;
    const annotations: { [key: string]: string } = { ...(props.serviceAnnotations ?? {}) };

    switch (props.cloud) {
      case LoadBalancerCloud.AWS: {
        requireAwsHealthCheck(subject, check);
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
        if (gke === GkeLoadBalancing.L4_SERVICE) {
          if (props.internal) annotations['networking.gke.io/load-balancer-type'] = 'Internal';
        } else if (gke === GkeLoadBalancing.INGRESS) {
          const backendConfigName = `${name}-readiness`;
          claimKubernetesObject(this, subject, gateway, 'BackendConfig', backendConfigName, DISTINCT_WORKLOADS_FIX);
          this.backendConfig = new kubernetesResources.Manifest(this, 'backend-config', {
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
        } else {
          claimKubernetesObject(this, subject, gateway, 'HealthCheckPolicy', `${name}-readiness`, DISTINCT_WORKLOADS_FIX);
          this.healthCheckPolicy = new kubernetesResources.Manifest(this, 'health-check-policy', {
            manifest: {
              apiVersion: 'networking.gke.io/v1',
              kind: 'HealthCheckPolicy',
              metadata: { name: `${name}-readiness`, namespace: gateway.namespace },
              spec: {
                default: {
                  checkIntervalSec: check.interval.toSeconds(),
                  timeoutSec: check.timeout.toSeconds(),
                  healthyThreshold: check.healthyThreshold,
                  unhealthyThreshold: check.unhealthyThreshold,
                  config: {
                    type: check.protocol,
                    [check.protocol === HealthCheckProtocol.HTTPS ? 'httpsHealthCheck' : 'httpHealthCheck']: {
                      portSpecification: 'USE_FIXED_PORT',
                      port: check.port,
                      requestPath: check.path,
                    },
                  },
                },
                targetRef: { group: '', kind: 'Service', name },
              },
            },
          });
        }
        break;
      }
      case LoadBalancerCloud.AZURE: {
        // With externalTrafficPolicy Local the probe is kube-proxy's /healthz on the health check
        // node port, whatever path is annotated; only its timing can be set.
        const azure = 'service.beta.kubernetes.io';
        annotations[`${azure}/azure-load-balancer-health-probe-interval`] = String(check.interval.toSeconds());
        annotations[`${azure}/azure-load-balancer-health-probe-num-of-probe`] = String(check.unhealthyThreshold);
        if (props.internal) annotations[`${azure}/azure-load-balancer-internal`] = 'true';
        break;
      }
      default:
        break;
    }

    this.service = new kubernetesResources.ServiceV1(this, 'service', {
      metadata: {
        name,
        namespace: gateway.namespace,
        labels: { ...gateway.podLabels, 'app.kubernetes.io/component': 'proxy' },
        annotations,
      },
      spec: {
        type: serviceType,
        selector: { ...gateway.podLabels },
        ...(publishes ? { externalTrafficPolicy: trafficPolicy } : {}),
        port: servicePorts.map((p) => ({ name: p.name, port: p.port, targetPort: String(p.targetPort), protocol: 'TCP' })),
      },
    });
  }
}

/** The GKE path: required with GCP, refused elsewhere. */
function gkePath(subject: string, props: LoadBalancerReadinessProps): GkeLoadBalancing | undefined {
  const gke = props.gkeLoadBalancing;
  if (props.cloud !== LoadBalancerCloud.GCP) {
    if (gke !== undefined) failValidation(subject, `gkeLoadBalancing is set, but cloud is ${props.cloud}`, 'remove gkeLoadBalancing, or set cloud to LoadBalancerCloud.GCP');
    return undefined;
  }
  if (gke === undefined || !Object.values(GkeLoadBalancing).includes(gke)) {
    failValidation(
      subject,
      `cloud GCP needs gkeLoadBalancing to say what fronts the proxy${gke === undefined ? '' : ` ('${gke}' is not a GKE path)`}: a BackendConfig applies only behind a GKE Ingress, a HealthCheckPolicy only behind a GKE Gateway, `
        + 'and an L4 LoadBalancer Service follows readiness through externalTrafficPolicy Local',
      'set gkeLoadBalancing to GkeLoadBalancing.L4_SERVICE, GkeLoadBalancing.INGRESS or GkeLoadBalancing.GATEWAY',
    );
  }
  return gke;
}

/**
 * What an AWS target group accepts of a health check: thresholds 2..10, interval 5s..300s,
 * timeout 2s..120s (docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html).
 * The upper bounds every cloud shares are the health check's own.
 */
function requireAwsHealthCheck(subject: string, check: LoadBalancerHealthCheck): void {
  for (const [field, value] of [['healthyThreshold', check.healthyThreshold], ['unhealthyThreshold', check.unhealthyThreshold]] as const) {
    if (value < 2) failValidation(subject, `healthCheck.${field} ${value} is below 2, the fewest an AWS load balancer accepts`, `set ${field} between 2 and 10`);
  }
  if (check.interval.toSeconds() < 5) failValidation(subject, `healthCheck.interval ${check.interval.toPrometheus()} is below 5s, the shortest an AWS load balancer accepts`, 'give an interval between 5s and 5m');
  if (check.timeout.toSeconds() < 2 || check.timeout.toSeconds() > 120) {
    failValidation(subject, `healthCheck.timeout ${check.timeout.toPrometheus()} is outside 2s..2m, what an AWS load balancer accepts`, 'give a timeout between 2s and 2m, shorter than the interval');
  }
}
