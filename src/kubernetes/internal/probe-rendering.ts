import { DeploymentV1SpecTemplateSpecContainerReadinessProbe } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KongProbe, ProbeAction, STATUS_PORT_NAME } from '../probe';
import { ProbeTriple } from './probe-rules';

/**
 * The one place a `KongProbe` becomes numbers in seconds: the kubernetes provider's probe
 * block (readiness, liveness and startup blocks share this shape) and the Kong Helm chart's
 * probe values (the Kubernetes API shape). Both layouts are the same but for the port: the
 * provider takes it as a string, Helm as a name or a number.
 */
export function toProviderProbe(probe: KongProbe): DeploymentV1SpecTemplateSpecContainerReadinessProbe {
  return render(probe, probe.port === undefined ? STATUS_PORT_NAME : String(probe.port));
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
  return render(probe, probe.port ?? STATUS_PORT_NAME);
}

/** The three probes as the container fields (`readinessProbe`, `livenessProbe`, `startupProbe`) of the provider block. */
export function toProviderProbes(probes: ProbeTriple) {
  return {
    readinessProbe: toProviderProbe(probes.readiness),
    livenessProbe: toProviderProbe(probes.liveness),
    startupProbe: toProviderProbe(probes.startup),
  };
}

/** The three probes as the Kong Helm chart's top-level values (`readinessProbe`, `livenessProbe`, `startupProbe`). */
export function toHelmProbes(probes: ProbeTriple): { readinessProbe: HelmProbe; livenessProbe: HelmProbe; startupProbe: HelmProbe } {
  return {
    readinessProbe: toHelmProbe(probes.readiness),
    livenessProbe: toHelmProbe(probes.liveness),
    startupProbe: toHelmProbe(probes.startup),
  };
}

function render<Port extends string | number>(probe: KongProbe, port: Port) {
  return {
    ...(probe.action === ProbeAction.HTTP_GET
      ? { httpGet: { path: probe.path ?? '/', port, scheme: probe.scheme } }
      : { exec: { command: [...(probe.command ?? [])] } }),
    initialDelaySeconds: probe.initialDelay.toSeconds(),
    timeoutSeconds: probe.timeout.toSeconds(),
    periodSeconds: probe.period.toSeconds(),
    successThreshold: probe.successThreshold,
    failureThreshold: probe.failureThreshold,
  };
}
