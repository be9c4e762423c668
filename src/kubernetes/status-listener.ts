import type { NetworkPolicyV1, NetworkPolicyV1SpecIngressFrom } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import type { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Construct } from 'constructs';
import { checkConstructArguments } from '../core/input-shape';
import { failValidation, requireCidr, requireDns1123Label } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';
import { kubernetesResources } from '../internal/provider-resources';
import { claimKubernetesObject, DISTINCT_WORKLOADS_FIX, serviceName } from './internal/object-names';
import { ResolvedPorts, resolvePorts, statusContainerPorts, statusListenerEnv, statusListenValue, statusServiceLabels } from './internal/ports';
import { KongPortOptions, StatusTlsOptions } from './ports';
import { KubernetesServiceType } from './service-types';
import { KongContainerPort, KongEnvVariable } from './workload-options';

/** Props of `StatusListener`. */
export interface StatusListenerProps {
  /** The gateway whose status listener this is. */
  readonly gateway: KongGateway;

  /**
   * Kong's other listener ports, checked against the status port.
   * @default - proxy 8000/8443, admin 8001/8444
   */
  readonly ports?: KongPortOptions;

  /**
   * A TLS status listener next to the plain one.
   * @default - plain HTTP only
   */
  readonly tls?: StatusTlsOptions;

  /**
   * Type of the status Service. Only ClusterIP is accepted: the status API tells anyone who
   * reaches it about memory, connections and configuration, and `/metrics` is costly to render.
   * @default KubernetesServiceType.CLUSTER_IP
   */
  readonly serviceType?: KubernetesServiceType;

  /**
   * Name of the status Service.
   * @default '<workloadName>-status'
   */
  readonly serviceName?: string;

  /**
   * Namespaces allowed to reach the status port (e.g. `monitoring`, `datadog`). When given, a
   * NetworkPolicy admits the status port only from them and leaves Kong's other ports open.
   * @default - no NetworkPolicy
   */
  readonly allowedNamespaces?: string[];

  /**
   * IP blocks (CIDRs) allowed to reach the status port: the subnets of a load balancer that
   * health-checks the pods themselves (AWS NLB IP targets, GKE NEGs). When given, a
   * NetworkPolicy is created as with `allowedNamespaces`.
   * @default []
   */
  readonly allowedCidrs?: string[];

  /**
   * Hybrid control planes: namespaces of the data planes, admitted by the NetworkPolicy to the
   * cluster port (and, on Kong Gateway Enterprise, the telemetry port). A policy on a control
   * plane needs data-plane sources here or in `clusterAllowedCidrs`.
   * @default []
   */
  readonly clusterAllowedNamespaces?: string[];

  /**
   * Hybrid control planes: IP blocks (CIDRs) of data planes outside the Kubernetes cluster.
   * @default []
   */
  readonly clusterAllowedCidrs?: string[];
}

/**
 * Recommendation 1: enable `status_listen`. Binds Kong's status API to all addresses on the
 * gateway's status port (Kong 3.6+ binds 127.0.0.1:8007 by default, out of reach of probes and
 * scrapers), names the container port `status`, gives it a ClusterIP-only Service and,
 * optionally, a NetworkPolicy.
 */
export class StatusListener extends Construct {
  /** `KONG_STATUS_LISTEN` value. */
  public readonly statusListen: string;
  /** The ClusterIP Service in front of the status port. */
  public readonly service: ServiceV1;
  /** The NetworkPolicy, when `allowedNamespaces` or `allowedCidrs` is given. */
  public readonly networkPolicy?: NetworkPolicyV1;
  /** Namespaces the NetworkPolicy admits to a control plane's cluster ports. */
  public readonly clusterAllowedNamespaces: string[];
  private readonly resolved: ResolvedPorts;
  private readonly tls?: StatusTlsOptions;

  public constructor(scope: Construct, id: string, props: StatusListenerProps) {
    super(scope, checkConstructArguments('StatusListener', scope, id, props));
    const subject = `StatusListener '${id}'`;
    const gateway = props.gateway;
    this.resolved = resolvePorts(subject, gateway, props.ports, props.tls);
    const serviceType = props.serviceType ?? KubernetesServiceType.CLUSTER_IP;
    if (serviceType !== KubernetesServiceType.CLUSTER_IP) {
      failValidation(
        subject,
        `the status port ${gateway.statusPort} would be exposed through a ${serviceType} Service`,
        'keep the status Service ClusterIP; give load balancers the readiness result through LoadBalancerReadiness (it checks /status/ready without publishing the port)',
      );
    }
    this.tls = props.tls;
    this.statusListen = statusListenValue(this.resolved);
    const name = serviceName(subject, 'status', gateway, '-status', props.serviceName);
    claimKubernetesObject(this, subject, gateway, 'Service', name, DISTINCT_WORKLOADS_FIX);

    this.service = new kubernetesResources.ServiceV1(this, 'service', {
      metadata: {
        name,
        namespace: gateway.namespace,
        labels: statusServiceLabels(gateway),
      },
      spec: {
        type: KubernetesServiceType.CLUSTER_IP,
        selector: { ...gateway.podLabels },
        port: this.containerPorts().map((p) => ({ name: p.name, port: p.containerPort, targetPort: p.name, protocol: 'TCP' })),
      },
    });

    this.clusterAllowedNamespaces = [...(props.clusterAllowedNamespaces ?? [])];
    if (props.allowedNamespaces !== undefined || props.allowedCidrs !== undefined) {
      const namespaces = props.allowedNamespaces ?? [];
      const cidrs = props.allowedCidrs ?? [];
      if (namespaces.length === 0 && cidrs.length === 0) {
        failValidation(subject, 'allowedNamespaces is empty, which would shut out probes from scrapers and the Datadog Agent alike', "name the namespaces that scrape Kong, e.g. ['monitoring'], or leave allowedNamespaces unset");
      }
      for (const ns of namespaces) requireDns1123Label(subject, 'allowedNamespaces', ns);
      for (const cidr of cidrs) requireCidr(subject, 'allowedCidrs', cidr);
      const r = this.resolved;
      const clusterPorts = [r.cluster, r.clusterTelemetry].filter((p): p is number => p !== undefined);
      const clusterSources = sources(subject, 'clusterAllowed', this.clusterAllowedNamespaces, props.clusterAllowedCidrs ?? []);
      if (clusterPorts.length > 0 && clusterSources.length === 0) {
        failValidation(
          subject,
          `the NetworkPolicy would shut the data planes out of the control plane's cluster port ${r.cluster}, so none would get configuration`,
          "name the data planes' namespaces or IP blocks (cluster.dataPlaneNamespaces / cluster.dataPlaneCidrs on KongDeployment; clusterAllowedNamespaces / clusterAllowedCidrs on StatusListener)",
        );
      }
      const otherPorts = [r.proxyHttp, r.proxyTls, r.adminHttp, r.adminTls, ...r.additional];
      const tcp = (ports: number[]) => ports.map((port) => ({ port: String(port), protocol: 'TCP' }));
      claimKubernetesObject(this, subject, gateway, 'NetworkPolicy', name, DISTINCT_WORKLOADS_FIX);
      this.networkPolicy = new kubernetesResources.NetworkPolicyV1(this, 'network-policy', {
        metadata: { name, namespace: gateway.namespace, labels: { ...gateway.podLabels } },
        spec: {
          podSelector: { matchLabels: { ...gateway.podLabels } },
          policyTypes: ['Ingress'],
          ingress: [
            {
              // Status port: only from the named namespaces and blocks. Kubelet probes come from
              // the node and are not subject to NetworkPolicy on common CNIs.
              ports: tcp(this.containerPorts().map((p) => p.containerPort)),
              from: sources(subject, 'allowed', namespaces, cidrs),
            },
            // A control plane's cluster listeners: only from its data planes.
            ...(clusterPorts.length > 0 ? [{ ports: tcp(clusterPorts), from: clusterSources }] : []),
            {
              // A policy that selects the pods denies every port it does not list: keep the
              // proxy, admin and other listeners as reachable as they were.
              ports: tcp(otherPorts),
            },
          ],
        },
      });
    }
  }

  /** Environment variables for the Kong container. */
  public env(): KongEnvVariable[] {
    return statusListenerEnv(this.resolved, this.tls);
  }

  /** Container ports: `status`, and `status-tls` when TLS is on. */
  public containerPorts(): KongContainerPort[] {
    return statusContainerPorts(this.resolved);
  }
}

/** NetworkPolicy peers: one namespace selector per namespace, one IP block per CIDR. */
function sources(subject: string, field: string, namespaces: string[], cidrs: string[]): NetworkPolicyV1SpecIngressFrom[] {
  for (const ns of namespaces) requireDns1123Label(subject, `${field}Namespaces`, ns);
  for (const cidr of cidrs) requireCidr(subject, `${field}Cidrs`, cidr);
  return [
    ...namespaces.map((ns) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } })),
    ...cidrs.map((cidr) => ({ ipBlock: { cidr } })),
  ];
}
