import { failValidation } from '../../core/validation';
import { Token } from '../../internal/cdktf';
import { KongEnvVariable } from '../workload-options';

/** Where both sides of a hybrid cluster mount the shared cluster certificate Secret. */
export const CLUSTER_CERTIFICATE_VOLUME = 'cluster-certificate';
export const CLUSTER_CERTIFICATE_DIR = '/etc/secrets/kong-cluster-certificate';

/** `cluster_cert` and `cluster_cert_key`: the `kubernetes.io/tls` Secret's keys as files. */
export function clusterCertificateEnv(): KongEnvVariable[] {
  return [
    { name: 'KONG_CLUSTER_CERT', value: `${CLUSTER_CERTIFICATE_DIR}/tls.crt` },
    { name: 'KONG_CLUSTER_CERT_KEY', value: `${CLUSTER_CERTIFICATE_DIR}/tls.key` },
  ];
}

/** A control plane's listeners for its data planes, on all addresses. */
export function controlPlaneListenEnv(clusterPort: number, telemetryPort?: number): KongEnvVariable[] {
  return [
    { name: 'KONG_CLUSTER_LISTEN', value: `0.0.0.0:${clusterPort}` },
    ...(telemetryPort !== undefined ? [{ name: 'KONG_CLUSTER_TELEMETRY_LISTEN', value: `0.0.0.0:${telemetryPort}` }] : []),
  ];
}

/** `host:port` of a control plane listener, or a Terraform reference to one. */
export function requireEndpoint(subject: string, field: string, endpoint: string): void {
  if (Token.isUnresolved(endpoint)) return;
  if (typeof endpoint !== 'string' || !/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?:\d{1,5}$/.test(endpoint)) {
    failValidation(subject, `${field} '${endpoint}' is not host:port`, "give the control plane's cluster listener as '<host>:<port>', e.g. 'kong-cp-cluster.kong.svc:8005'");
  }
}

/** The host of `host:port`, for the telemetry endpoint of the same control plane. */
export function endpointHost(endpoint: string): string {
  return endpoint.slice(0, endpoint.lastIndexOf(':'));
}
