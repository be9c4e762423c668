import { DeploymentV1SpecTemplateSpecContainerReadinessProbe } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KongProbe, ProbeAction, STATUS_PORT_NAME } from '../probe';

/**
 * The one place a `KongProbe` becomes numbers in seconds: the kubernetes provider's probe
 * block (readiness, liveness and startup blocks share this shape) and the Kong Helm chart's
 * probe values (the Kubernetes API shape).
 */
export function toProviderProbe(probe: KongProbe): DeploymentV1SpecTemplateSpecContainerReadinessProbe {
  return {
    ...(probe.action === ProbeAction.HTTP_GET
      ? { httpGet: { path: probe.path, port: portOf(probe), scheme: probe.scheme } }
      : { exec: { command: [...(probe.command ?? [])] } }),
    initialDelaySeconds: probe.initialDelay.toSeconds(),
    timeoutSeconds: probe.timeout.toSeconds(),
    periodSeconds: probe.period.toSeconds(),
    successThreshold: probe.successThreshold,
    failureThreshold: probe.failureThreshold,
  };
}

/** Helm values shape of a probe (`readinessProbe:` in the chart's values.yaml). */
export interface HelmProbe {
  readonly httpGet?: { readonly path: string; readonly port: string | number; readonly scheme: string };
  readonly exec?: { readonly command: string[] };
  readonly initialDelaySeconds: number;
  readonly timeoutSeconds: number;
  readonly periodSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
}

export function toHelmProbe(probe: KongProbe): HelmProbe {
  return {
    ...(probe.action === ProbeAction.HTTP_GET
      ? { httpGet: { path: probe.path ?? '/', port: probe.port ?? STATUS_PORT_NAME, scheme: probe.scheme } }
      : { exec: { command: [...(probe.command ?? [])] } }),
    initialDelaySeconds: probe.initialDelay.toSeconds(),
    timeoutSeconds: probe.timeout.toSeconds(),
    periodSeconds: probe.period.toSeconds(),
    successThreshold: probe.successThreshold,
    failureThreshold: probe.failureThreshold,
  };
}

function portOf(probe: KongProbe): string {
  return probe.port === undefined ? STATUS_PORT_NAME : String(probe.port);
}
