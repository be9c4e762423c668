import { KongConfigurationSource } from './configuration-source';
import type { KongDeployment } from './kong-deployment';
import { GkeLoadBalancing, LoadBalancerCloud } from './load-balancer-readiness';
import { KongSecretEnvVariable, KongSecretKeyRef, KongSecretVolume } from './secret-sources';
import { KubernetesServiceType } from './service-types';

/** PostgreSQL of a traditional gateway or a hybrid control plane (`KONG_PG_*`). */
export interface KongDatabaseOptions {
  /** Host name of the PostgreSQL server, without scheme or port, e.g. `postgres.databases.svc.cluster.local`. */
  readonly host: string;

  /**
   * Port of the PostgreSQL server.
   * @default 5432
   */
  readonly port?: number;

  /**
   * Database name.
   * @default 'kong'
   */
  readonly database?: string;

  /**
   * Database user.
   * @default 'kong'
   */
  readonly user?: string;

  /** The Secret key holding the password; it reaches Kong as `KONG_PG_PASSWORD` through `secretKeyRef`, never as a literal. */
  readonly passwordSecret: KongSecretKeyRef;

  /**
   * TLS to PostgreSQL (`KONG_PG_SSL=on`).
   * @default false
   */
  readonly ssl?: boolean;

  /**
   * Run `kong migrations bootstrap` in an init container before Kong starts. Idempotent: on a
   * bootstrapped database it logs "Database already bootstrapped" and exits 0. Upgrades between
   * Kong releases (`kong migrations up`, then `finish`) stay a deliberate step.
   * @default true
   */
  readonly bootstrapMigrations?: boolean;
}

/**
 * Hybrid mode's cluster link: mutual TLS with one certificate both sides share
 * (`cluster_mtls = shared`, Kong's default), the control plane's cluster listener
 * (`cluster_listen`, 8005; Kong Gateway Enterprise adds `cluster_telemetry_listen`, 8006),
 * and where data planes find it.
 */
export interface KongHybridClusterOptions {
  /**
   * A `kubernetes.io/tls` Secret (keys `tls.crt`, `tls.key`) holding the shared cluster
   * certificate, mounted read-only as `KONG_CLUSTER_CERT` / `KONG_CLUSTER_CERT_KEY`.
   * @default - the control plane's, when `controlPlane` is given (required otherwise)
   */
  readonly certificateSecretName?: string;

  /**
   * Data planes: their control plane, deployed in this app. Its cluster Service is the
   * endpoint, its certificate Secret the default, and it configures this data plane's plugins
   * in its database.
   * @default - none: give controlPlaneEndpoint
   */
  readonly controlPlane?: KongDeployment;

  /**
   * Data planes: `host:port` of the control plane's cluster listener (`KONG_CLUSTER_CONTROL_PLANE`),
   * for a control plane deployed elsewhere.
   * @default - the cluster Service of `controlPlane`
   */
  readonly controlPlaneEndpoint?: string;

  /**
   * Data planes of Kong Gateway Enterprise: `host:port` of the control plane's telemetry
   * listener (`KONG_CLUSTER_TELEMETRY_ENDPOINT`).
   * @default - the control plane's host, on port 8006
   */
  readonly telemetryEndpoint?: string;

  /**
   * Control planes with a NetworkPolicy: namespaces of their data planes, admitted to the
   * cluster port (and, on Enterprise, the telemetry port).
   * @default []
   */
  readonly dataPlaneNamespaces?: string[];

  /**
   * Control planes with a NetworkPolicy: IP blocks (CIDRs) of data planes outside this
   * Kubernetes cluster, admitted to the cluster (and telemetry) port.
   * @default []
   */
  readonly dataPlaneCidrs?: string[];
}

/** How a Kong gateway is deployed: everything but the monitoring settings of `KongWorkloadOptions`. */
export interface KongDeploymentOptions {
  /**
   * Kong image. An image whose tag names another Kong release than the gateway's
   * `kongVersion`, or whose repository is the other edition's, is refused.
   * @default - `kong:<kongVersion>` (open source) or `kong/kong-gateway:<kongVersion>` (Enterprise)
   */
  readonly image?: string;

  /**
   * Replicas. Never fewer than the gateway's `expectedNodes`: the expected-count alert would
   * fire for as long as the deployment runs.
   * @default - the gateway's expectedNodes, else 2
   */
  readonly replicas?: number;

  /**
   * Where the deployed Kong gets its configuration.
   * @default - a declarative ConfigMap for DB-less, the control plane for data planes, the database otherwise
   */
  readonly configurationSource?: KongConfigurationSource;

  /**
   * Ingress class, for `INGRESS_CONTROLLER`.
   * @default 'kong'
   */
  readonly ingressClass?: string;

  /**
   * More environment variables with literal values. May not redefine a variable the library
   * sets; secrets belong in `secretEnv` or `envFromSecrets`: a literal value under a secret's
   * name (`*_PASSWORD`, `*_TOKEN`, `*_KEY`, `*_SECRET`...) or a URL with credentials is refused.
   * @default {}
   */
  readonly env?: { [key: string]: string };

  /**
   * Environment variables taken from Secret keys (`valueFrom.secretKeyRef`).
   * @default []
   */
  readonly secretEnv?: KongSecretEnvVariable[];

  /**
   * Secrets whose every key becomes an environment variable (`envFrom.secretRef`).
   * @default []
   */
  readonly envFromSecrets?: string[];

  /**
   * Secrets mounted read-only as files (TLS material, vault credentials...).
   * @default []
   */
  readonly secretVolumes?: KongSecretVolume[];

  /**
   * PostgreSQL, for a traditional gateway or a hybrid control plane (required there).
   * @default - none
   */
  readonly database?: KongDatabaseOptions;

  /**
   * Hybrid mode: the cluster certificate, the control plane's endpoint for data planes, the
   * data planes' sources for the control plane's NetworkPolicy (required for both hybrid modes).
   * @default - none
   */
  readonly cluster?: KongHybridClusterOptions;

  /**
   * Cloud of the proxy load balancer, for its health check on `/status/ready`.
   * @default LoadBalancerCloud.OTHER
   */
  readonly loadBalancerCloud?: LoadBalancerCloud;

  /**
   * GKE: which load balancer fronts the proxy (L4 Service, Ingress with NEGs, or Gateway API);
   * required with `LoadBalancerCloud.GCP`.
   * @default - none
   */
  readonly gkeLoadBalancing?: GkeLoadBalancing;

  /**
   * Type of the proxy Service.
   * @default - LoadBalancer; ClusterIP behind a GKE Ingress or Gateway
   */
  readonly proxyServiceType?: KubernetesServiceType;

  /**
   * Namespaces allowed to reach the status port through a NetworkPolicy (your Prometheus and
   * Datadog Agent namespaces).
   * @default - no NetworkPolicy
   */
  readonly statusAllowedNamespaces?: string[];

  /**
   * IP blocks (CIDRs) allowed to reach the status port through the NetworkPolicy: the subnets of
   * a load balancer that health-checks the pods directly (AWS NLB with IP targets: the VPC or
   * the NLB's subnets; GKE NEGs: Google's health-check ranges 35.191.0.0/16 and 130.211.0.0/22).
   * Required with a NetworkPolicy in front of such a load balancer.
   * @default []
   */
  readonly statusAllowedCidrs?: string[];
}
