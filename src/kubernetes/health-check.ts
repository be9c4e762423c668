import { KONG_STATUS_READY_PATH } from './probe';
import { Duration } from '../core/duration';
import { checkCall } from '../core/input-shape';
import { failValidation, requireDurationAtMost, requirePort, requirePositiveInteger } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';

/** Most consecutive checks, and longest interval, that AWS and Google Cloud load balancers accept. */
const MAX_THRESHOLD = 10;
const MAX_INTERVAL = Duration.minutes(5);

/** Protocol of a load balancer health check. */
export enum HealthCheckProtocol {
  HTTP = 'HTTP',
  HTTPS = 'HTTPS',
}

/** Timings and thresholds of a load balancer health check. */
export interface LoadBalancerHealthCheckOptions {
  /**
   * Protocol (HTTPS for a status listener with `ssl`).
   * @default HealthCheckProtocol.HTTP
   */
  readonly protocol?: HealthCheckProtocol;

  /**
   * Time between checks: at most 5 minutes (AWS: at least 5 seconds).
   * @default Duration.seconds(10)
   */
  readonly interval?: Duration;

  /**
   * How long one check may take: at least 1 second (AWS: 2 seconds to 2 minutes), shorter than `interval`.
   * @default Duration.seconds(5)
   */
  readonly timeout?: Duration;

  /**
   * Consecutive passes before a target takes traffic: 1 to 10 (AWS: 2 to 10).
   * @default 2
   */
  readonly healthyThreshold?: number;

  /**
   * Consecutive failures before a target stops taking traffic: 1 to 10 (AWS: 2 to 10).
   * @default 2
   */
  readonly unhealthyThreshold?: number;
}

/**
 * A load balancer health check in provider-neutral terms, for the LB resources this library
 * does not write (an `aws_lb_target_group`'s `health_check`, a `google_compute_health_check`...).
 * It always targets `/status/ready` on the gateway's status port: a Kong node that cannot route
 * (no configuration, database gone, draining) answers 503 there and is taken out.
 */
export class LoadBalancerHealthCheck {
  /** The check on `/status/ready` at the gateway's status port. */
  public static kongReady(gateway: KongGateway, options: LoadBalancerHealthCheckOptions = {}): LoadBalancerHealthCheck {
    checkCall('LoadBalancerHealthCheck.kongReady', gateway, options);
    return new LoadBalancerHealthCheck(KONG_STATUS_READY_PATH, gateway.statusPort, options);
  }

  /**
   * A check on any path and port. Constructs that apply it refuse anything but `/status/ready`
   * on the status port; it exists so that refusal is a clear error rather than a type gap.
   */
  public static of(path: string, port: number, options: LoadBalancerHealthCheckOptions = {}): LoadBalancerHealthCheck {
    checkCall('LoadBalancerHealthCheck.of', path, port, options);
    if (!path.startsWith('/')) {
      failValidation('LoadBalancerHealthCheck.of', `path '${path}' does not start with '/'`, `write it as an absolute path, e.g. '${KONG_STATUS_READY_PATH}'`);
    }
    return new LoadBalancerHealthCheck(path, port, options);
  }

  public readonly path: string;
  public readonly port: number;
  public readonly protocol: HealthCheckProtocol;
  public readonly interval: Duration;
  public readonly timeout: Duration;
  public readonly healthyThreshold: number;
  public readonly unhealthyThreshold: number;

  private constructor(path: string, port: number, options: LoadBalancerHealthCheckOptions) {
    const subject = 'LoadBalancerHealthCheck';
    requirePort(subject, 'port', port);
    this.path = path;
    this.port = port;
    this.protocol = options.protocol ?? HealthCheckProtocol.HTTP;
    this.interval = options.interval ?? Duration.seconds(10);
    this.timeout = options.timeout ?? Duration.seconds(5);
    this.healthyThreshold = options.healthyThreshold ?? 2;
    this.unhealthyThreshold = options.unhealthyThreshold ?? 2;
    // AWS and Google Cloud both take 1 (Google) or 2 (AWS) to 10 checks, and intervals up to 300s.
    requirePositiveInteger(subject, 'healthyThreshold', this.healthyThreshold, MAX_THRESHOLD);
    requirePositiveInteger(subject, 'unhealthyThreshold', this.unhealthyThreshold, MAX_THRESHOLD);
    requireDurationAtMost(subject, 'interval', this.interval, MAX_INTERVAL, 'give an interval of at most 5m', ', the longest AWS and Google Cloud load balancers accept');
    if (this.timeout.toSeconds() < 1 || !this.interval.isLongerThan(this.timeout)) {
      failValidation(subject, `timeout ${this.timeout.toPrometheus()} must be at least 1s and shorter than interval ${this.interval.toPrometheus()}`, 'use e.g. timeout 5s with interval 10s');
    }
  }

  /** Fails unless the check targets `/status/ready` on the gateway's status port. */
  public requireKongReadiness(subject: string, gateway: KongGateway): void {
    checkCall('LoadBalancerHealthCheck.requireKongReadiness', subject, gateway);
    if (this.path !== KONG_STATUS_READY_PATH || this.port !== gateway.statusPort) {
      failValidation(
        subject,
        `the load balancer health check targets ${this.path} on port ${this.port}, not ${KONG_STATUS_READY_PATH} on the status port ${gateway.statusPort}`,
        `use LoadBalancerHealthCheck.kongReady(gateway): only ${KONG_STATUS_READY_PATH} turns 503 when a node cannot route (no configuration, database lost, draining)`,
      );
    }
  }

  /** Time a failing target keeps receiving traffic at most: unhealthyThreshold × interval. */
  public get detectionTime(): Duration {
    return Duration.seconds(this.unhealthyThreshold * this.interval.toSeconds());
  }
}
