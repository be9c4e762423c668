import { Construct } from 'constructs';
import { checkConstructArguments } from '../core/input-shape';
import { KongGateway } from '../gateway/kong-gateway';
import { toHelmProbes } from './internal/probe-rendering';
import { resolveProbes } from './internal/probe-rules';
import { KongProbe } from './probe';

/** Props of `KubernetesProbes`. */
export interface KubernetesProbesProps {
  /** The gateway the probes are for. */
  readonly gateway: KongGateway;

  /**
   * Readiness probe: takes a pod out of Services while Kong cannot route.
   * @default KongProbe.statusReady() (GET /status/ready on `status`, 5s delay, 5s timeout, 10s period, 1/3 thresholds)
   */
  readonly readiness?: KongProbe;

  /**
   * Liveness probe: restarts a hung Kong. On `/status`, which a database outage does not fail.
   * @default KongProbe.statusLive() (GET /status on `status`, same numbers)
   */
  readonly liveness?: KongProbe;

  /**
   * Startup probe: holds liveness back while Kong loads its configuration.
   * @default KongProbe.startup({ window: gateway.startupWindow }) (period 5s, failureThreshold = window / 5s)
   */
  readonly startup?: KongProbe;
}

/**
 * Recommendation 4: Kubernetes liveness and readiness probes (plus a startup probe), checked
 * against Kong's rules at synth. Apply them with `KongWorkloadSettings` / `KongDeployment`, or
 * hand `toHelmValues()` to the Kong Helm chart.
 */
export class KubernetesProbes extends Construct {
  public readonly readiness: KongProbe;
  public readonly liveness: KongProbe;
  public readonly startup: KongProbe;

  public constructor(scope: Construct, id: string, props: KubernetesProbesProps) {
    super(scope, checkConstructArguments('KubernetesProbes', scope, id, props));
    const probes = resolveProbes(`KubernetesProbes '${id}'`, props.gateway, props);
    this.readiness = probes.readiness;
    this.liveness = probes.liveness;
    this.startup = probes.startup;
  }

  /** `readinessProbe`, `livenessProbe` and `startupProbe` in the Kong Helm chart's value layout, as JSON text (valid YAML). */
  public toHelmValues(): string {
    return JSON.stringify(toHelmProbes(this), null, 2);
  }
}
