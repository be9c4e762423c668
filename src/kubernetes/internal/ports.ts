import { failValidation, requirePort } from '../../core/validation';
import { DeploymentMode } from '../../gateway/deployment-mode';
import { DEFAULT_STATUS_TLS_PORT, KONG_DEFAULT_PORTS } from '../../gateway/kong-facts';
import { KongGateway } from '../../gateway/kong-gateway';
import { KongEdition } from '../../gateway/kong-version';
import { KongPortOptions, StatusTlsOptions } from '../ports';
import { STATUS_PORT_NAME } from '../probe';
import { KongContainerPort, KongEnvVariable } from '../workload-options';

/** Kong's listener ports after defaults, checked for range and clashes. */
export interface ResolvedPorts {
  readonly proxyHttp: number;
  readonly proxyTls: number;
  readonly adminHttp: number;
  readonly adminTls: number;
  readonly status: number;
  readonly statusTls?: number;
  /** `cluster_listen`, on a hybrid control plane only. */
  readonly cluster?: number;
  /** `cluster_telemetry_listen`, on a Kong Gateway Enterprise control plane only. */
  readonly clusterTelemetry?: number;
  readonly additional: number[];
}

export function resolvePorts(subject: string, gateway: KongGateway, ports: KongPortOptions = {}, tls?: StatusTlsOptions): ResolvedPorts {
  const resolved: ResolvedPorts = {
    proxyHttp: ports.proxyHttpPort ?? KONG_DEFAULT_PORTS.proxyHttp,
    proxyTls: ports.proxyTlsPort ?? KONG_DEFAULT_PORTS.proxyTls,
    adminHttp: ports.adminHttpPort ?? KONG_DEFAULT_PORTS.adminHttp,
    adminTls: ports.adminTlsPort ?? KONG_DEFAULT_PORTS.adminTls,
    status: gateway.statusPort,
    statusTls: tls ? tls.port ?? DEFAULT_STATUS_TLS_PORT : undefined,
    ...clusterPorts(gateway, ports),
    additional: [...(ports.additionalPorts ?? [])],
  };
  const named: Array<[string, number]> = [
    ['statusPort', resolved.status],
    ...(resolved.statusTls !== undefined ? [['statusTls.port', resolved.statusTls] as [string, number]] : []),
    ['proxyHttpPort', resolved.proxyHttp],
    ['proxyTlsPort', resolved.proxyTls],
    ['adminHttpPort', resolved.adminHttp],
    ['adminTlsPort', resolved.adminTls],
    ...(resolved.cluster !== undefined ? [['clusterPort', resolved.cluster] as [string, number]] : []),
    ...(resolved.clusterTelemetry !== undefined ? [['clusterTelemetryPort', resolved.clusterTelemetry] as [string, number]] : []),
    ...resolved.additional.map((port, i) => [`additionalPorts[${i}]`, port] as [string, number]),
  ];
  for (const [field, port] of named) requirePort(subject, field, port);
  const seen = new Map<number, string>();
  for (const [field, port] of named) {
    const other = seen.get(port);
    if (other !== undefined) {
      const statusInvolved = other.startsWith('status') || field.startsWith('status');
      failValidation(
        subject,
        `${field} ${port} clashes with ${other}`,
        statusInvolved
          ? 'give the status listener its own port (8100 is the Kong Helm chart\'s convention; proxy uses 8000/8443, admin 8001/8444)'
          : 'give every Kong listener its own port',
      );
    }
    seen.set(port, field);
  }
  return resolved;
}

/** The cluster listeners a control plane opens: `cluster_listen`, and on Enterprise `cluster_telemetry_listen`. */
function clusterPorts(gateway: KongGateway, ports: KongPortOptions): { cluster?: number; clusterTelemetry?: number } {
  if (gateway.mode !== DeploymentMode.HYBRID_CONTROL_PLANE) return {};
  return {
    cluster: ports.clusterPort ?? KONG_DEFAULT_PORTS.cluster,
    // kong-facts §9.5: the telemetry listener exists in Kong Gateway Enterprise only.
    clusterTelemetry: gateway.edition === KongEdition.ENTERPRISE ? ports.clusterTelemetryPort ?? KONG_DEFAULT_PORTS.clusterTelemetry : undefined,
  };
}

/**
 * `KONG_STATUS_LISTEN`: every IPv4 and IPv6 address, as the Kong Helm chart renders it. Since
 * Kong 3.6 the default is 127.0.0.1:8007, which kubelet probes (sent to the pod IP) never reach.
 */
export function statusListenValue(ports: ResolvedPorts): string {
  const entries = [`0.0.0.0:${ports.status}`, `[::]:${ports.status}`];
  if (ports.statusTls !== undefined) entries.push(`0.0.0.0:${ports.statusTls} ssl`, `[::]:${ports.statusTls} ssl`);
  return entries.join(', ');
}

/** The status listener's env: `KONG_STATUS_LISTEN` and, when given, the TLS certificate paths. */
export function statusListenerEnv(ports: ResolvedPorts, tls?: StatusTlsOptions): KongEnvVariable[] {
  const env: KongEnvVariable[] = [{ name: 'KONG_STATUS_LISTEN', value: statusListenValue(ports) }];
  if (tls?.certificatePath) env.push({ name: 'KONG_STATUS_SSL_CERT', value: tls.certificatePath });
  if (tls?.certificateKeyPath) env.push({ name: 'KONG_STATUS_SSL_CERT_KEY', value: tls.certificateKeyPath });
  return env;
}

/** The status listener's container ports: `status`, and `status-tls` when TLS is on. */
export function statusContainerPorts(ports: ResolvedPorts): KongContainerPort[] {
  const containerPorts: KongContainerPort[] = [{ name: STATUS_PORT_NAME, containerPort: ports.status }];
  if (ports.statusTls !== undefined) containerPorts.push({ name: `${STATUS_PORT_NAME}-tls`, containerPort: ports.statusTls });
  return containerPorts;
}

/** Labels of the ClusterIP status Service; a ServiceMonitor selects the Service by them. */
export function statusServiceLabels(gateway: KongGateway): { [key: string]: string } {
  return { ...gateway.podLabels, 'app.kubernetes.io/component': STATUS_PORT_NAME };
}
