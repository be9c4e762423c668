import { Duration } from '../core/duration';
import { checkCall } from '../core/input-shape';
import { failValidation, requireDurationAtMost, requirePort } from '../core/validation';

import { KONG_STATUS_PATH, KONG_STATUS_READY_PATH } from '../gateway/kong-facts';
import { runsKongHealthCli } from '../gateway/kong-health-cli';

export { KONG_STATUS_PATH, KONG_STATUS_READY_PATH };
/** The container port name the status listener gets (the Kong Helm chart's name). */
export const STATUS_PORT_NAME = 'status';

/** How a probe asks the container whether it is healthy. */
export enum ProbeAction {
  /** An HTTP GET; 2xx and 3xx answers pass. */
  HTTP_GET = 'httpGet',
  /** A command run in the container; exit code 0 passes. */
  COMMAND = 'exec',
}

/** Scheme of an HTTP probe. */
export enum ProbeScheme {
  /** Plain HTTP (the status listener's default). */
  HTTP = 'HTTP',
  /** HTTPS (a status listener with the `ssl` flag). */
  HTTPS = 'HTTPS',
}

/** Timings and thresholds of a probe. Every field has Kong Helm chart's default. */
export interface KongProbeOptions {
  /**
   * Container port the HTTP probe calls.
   * @default - the container port named `status`
   */
  readonly port?: number;

  /**
   * Scheme of the HTTP probe.
   * @default ProbeScheme.HTTP
   */
  readonly scheme?: ProbeScheme;

  /**
   * Wait before the first probe; at most 1 hour (a slow start belongs to the startup probe).
   * @default Duration.seconds(5)
   */
  readonly initialDelay?: Duration;

  /**
   * How long one probe may take. Must be shorter than `period`, or probes overlap.
   * @default Duration.seconds(5)
   */
  readonly timeout?: Duration;

  /**
   * Time between probes; at most 1 hour.
   * @default Duration.seconds(10)
   */
  readonly period?: Duration;

  /**
   * Consecutive passes that make a failing container healthy again (at most 2147483647, an int32).
   * Kubernetes only accepts 1 for liveness and startup probes.
   * @default 1
   */
  readonly successThreshold?: number;

  /**
   * Consecutive failures that make the container unhealthy (at most 2147483647, an int32).
   * @default 3
   */
  readonly failureThreshold?: number;
}

/** Options of the startup probe, which holds liveness back while Kong loads its configuration. */
export interface KongStartupProbeOptions {
  /**
   * How long Kong may take to start: the probe allows `ceil(window / period)` failures. At most 1 hour.
   * @default - the gateway's `startupWindow` when built by the library, else Duration.minutes(2)
   */
  readonly window?: Duration;

  /**
   * Container port the probe calls.
   * @default - the container port named `status`
   */
  readonly port?: number;

  /**
   * Scheme of the probe.
   * @default ProbeScheme.HTTP
   */
  readonly scheme?: ProbeScheme;

  /**
   * Time between probes. Short, so a fast start is noticed quickly. At most 1 hour.
   * @default Duration.seconds(5)
   */
  readonly period?: Duration;

  /**
   * How long one probe may take; shorter than `period`.
   * @default Duration.seconds(3)
   */
  readonly timeout?: Duration;

  /**
   * Wait before the first probe; at most 1 hour.
   * @default Duration.seconds(0)
   */
  readonly initialDelay?: Duration;
}

/**
 * One Kubernetes probe on a Kong container, built by intent (`statusReady`, `statusLive`,
 * `startup`) or from raw parts (`fromHttpGet`, `fromCommand`). Times are `Duration`s; they
 * become seconds only where the provider block or the Helm values are written.
 */
export class KongProbe {
  /** Readiness: `GET /status/ready` on the status port. The probe the load balancer should follow too. */
  public static statusReady(options: KongProbeOptions = {}): KongProbe {
    checkCall('KongProbe.statusReady', options);
    return new KongProbe('KongProbe.statusReady', ProbeAction.HTTP_GET, KONG_STATUS_READY_PATH, undefined, options);
  }

  /** Liveness: `GET /status` on the status port, which stays 200 when the database blips. */
  public static statusLive(options: KongProbeOptions = {}): KongProbe {
    checkCall('KongProbe.statusLive', options);
    return new KongProbe('KongProbe.statusLive', ProbeAction.HTTP_GET, KONG_STATUS_PATH, undefined, options);
  }

  /**
   * Startup: `GET /status` until Kong answers, allowing `window` for the first configuration load.
   * Liveness only starts once this passes, so a slow start is not killed as a hang.
   */
  public static startup(options: KongStartupProbeOptions = {}): KongProbe {
    checkCall('KongProbe.startup', options);
    const window = options.window ?? Duration.minutes(2);
    requireDurationAtMost('KongProbe.startup', 'window', window, Duration.hours(1), 'give a window of at most 1h');
    const period = options.period ?? Duration.seconds(5);
    if (period.toSeconds() < 1) {
      failValidation('KongProbe.startup', `period ${period.toPrometheus()} is too short`, 'use a period of at least 1s');
    }
    const failureThreshold = Math.max(1, Math.ceil(window.toSeconds() / period.toSeconds()));
    return new KongProbe('KongProbe.startup', ProbeAction.HTTP_GET, KONG_STATUS_PATH, undefined, {
      port: options.port,
      scheme: options.scheme,
      initialDelay: options.initialDelay ?? Duration.seconds(0),
      timeout: options.timeout ?? Duration.seconds(3),
      period,
      successThreshold: 1,
      failureThreshold,
    });
  }

  /** An HTTP GET probe on any path (an escape hatch; prefer the intent factories). */
  public static fromHttpGet(path: string, options: KongProbeOptions = {}): KongProbe {
    checkCall('KongProbe.fromHttpGet', path, options);
    if (!path.startsWith('/')) {
      failValidation('KongProbe.fromHttpGet', `path '${path}' does not start with '/'`, `write it as an absolute path, e.g. '${KONG_STATUS_READY_PATH}'`);
    }
    return new KongProbe('KongProbe.fromHttpGet', ProbeAction.HTTP_GET, path, undefined, options);
  }

  /** A command probe (an escape hatch). `kong health` is refused wherever the probe is used. */
  public static fromCommand(command: string[], options: KongProbeOptions = {}): KongProbe {
    checkCall('KongProbe.fromCommand', command, options);
    if (command.length === 0) {
      failValidation('KongProbe.fromCommand', 'the command is empty', "give the command and its arguments, e.g. ['curl', '-f', 'http://localhost:8100/status']");
    }
    return new KongProbe('KongProbe.fromCommand', ProbeAction.COMMAND, undefined, [...command], options);
  }

  /** What the probe does. */
  public readonly action: ProbeAction;
  /** HTTP path, for HTTP probes. */
  public readonly path?: string;
  /** Command and arguments, for command probes. */
  public readonly command?: string[];
  /** Container port number, or undefined for the port named `status`. */
  public readonly port?: number;
  /** HTTP scheme. */
  public readonly scheme: ProbeScheme;
  public readonly initialDelay: Duration;
  public readonly timeout: Duration;
  public readonly period: Duration;
  public readonly successThreshold: number;
  public readonly failureThreshold: number;

  private constructor(call: string, action: ProbeAction, path: string | undefined, command: string[] | undefined, options: KongProbeOptions) {
    if (options.port !== undefined) requirePort(call, 'port', options.port);
    const hour = Duration.hours(1);
    requireDurationAtMost(call, 'period', options.period ?? hour, hour, 'give a period of at most 1h (the Kong Helm chart uses 10s)');
    requireDurationAtMost(call, 'timeout', options.timeout ?? hour, hour, 'give a timeout of at most 1h, shorter than the period');
    requireDurationAtMost(call, 'initialDelay', options.initialDelay ?? hour, hour, 'give an initialDelay of at most 1h; a slow start belongs to the startup probe');
    this.action = action;
    this.path = path;
    this.command = command;
    this.port = options.port;
    this.scheme = options.scheme ?? ProbeScheme.HTTP;
    this.initialDelay = options.initialDelay ?? Duration.seconds(5);
    this.timeout = options.timeout ?? Duration.seconds(5);
    this.period = options.period ?? Duration.seconds(10);
    this.successThreshold = options.successThreshold ?? 1;
    this.failureThreshold = options.failureThreshold ?? 3;
  }

  /** True when the probe runs `kong health` (or the image's `kong-health`), which only checks that a PID is alive. */
  public get runsKongHealthCli(): boolean {
    return this.command !== undefined && runsKongHealthCli(this.command);
  }

  /** A human-readable summary, used in error messages: `GET /status/ready on port status`. */
  public describe(): string {
    if (this.action === ProbeAction.COMMAND) return `exec '${(this.command ?? []).join(' ')}'`;
    return `GET ${this.path} on port ${this.port ?? STATUS_PORT_NAME}`;
  }
}
