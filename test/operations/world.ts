// A small model of a Kubernetes cluster running Kong, as the series Prometheus would hold:
// pods with names, lifetimes and states; what kube-state-metrics, the scrape target (`up`)
// and Kong's exporter publish for them; and a control plane's rows for every data plane
// it ever heard from. Operations (roll-outs, scale-downs, outages) are edits of this model,
// and the series follow from it the way the real components produce them:
//
// - kube-state-metrics publishes `kube_pod_container_status_ready` per pod while the pod
//   object exists; a deleted pod's series ends, which Prometheus marks stale.
// - A PodMonitor scrape gives `up` per pod (0 until the status listener answers) and every
//   series the pod's exporter prints, labelled with `namespace`, `pod`, `container`,
//   `endpoint`, `job` and `instance`; they go stale when the pod is gone.
// - A control plane prints `kong_data_plane_last_seen`, `_config_hash` and
//   `_version_compatible` for every row of `clustering_data_planes`, live or gone (rows expire
//   14 days after the last contact), on every control-plane pod (Kong
//   `kong/plugins/prometheus/exporter.lua`, control-plane block; `cluster_data_plane_purge_delay`
//   defaults to 1209600 s). Data planes ping every 30 s; each ping rewrites `last_seen` and the
//   configuration hash (`kong/clustering/control_plane.lua`, read thread).
import { createHash } from 'crypto';
import { DeploymentMode } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';

/** Seconds between two scrapes and between two rule evaluations. */
export const STEP = 30;
/** How long each scenario runs: 40 minutes. */
export const HORIZON = 40 * 60;
const STEPS = HORIZON / STEP + 1;

/** A closed-open time interval in seconds. */
export type Interval = readonly [number, number];
const within = (t: number, intervals: readonly Interval[] = []) => intervals.some(([a, b]) => t >= a && t < b);

/** One Kong pod of a gateway, and what happens to it. */
export interface Pod {
  readonly gateway: KongGateway;
  readonly name: string;
  /** When the pod object is created (seconds). */
  readonly start: number;
  /** When the pod object is gone (seconds); it runs to the end otherwise. */
  readonly end?: number;
  /** Seconds from start until `/status/ready` answers 200 (Kong loaded its configuration). */
  readonly readyAfter?: number;
  /** Intervals in which the readiness probe fails. */
  readonly unready?: Interval[];
  /** Intervals in which the node cannot reach its database (`kong_datastore_reachable` 0). */
  readonly datastoreDown?: Interval[];
  /** Data planes: intervals in which it is cut off from its control plane (no pings, gauge 0). */
  readonly disconnected?: Interval[];
  /** Intervals in which the node's status listener does not answer (`up` 0, exporter silent). */
  readonly hung?: Interval[];
  /** Data planes: the configuration hash it runs, over time. */
  readonly configHash?: (t: number) => number;
  /** Data planes: whether the control plane finds it compatible. */
  readonly compatible?: boolean;
  /** Traffic: 5xx share of its requests over time. */
  readonly errorShare?: (t: number) => number;
}

/** One series in promtool's input format. */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

type Sample = number | 'stale' | undefined;

function labelText(labels: { [k: string]: string }): string {
  return `{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`;
}

/** A deterministic node id for a data-plane incarnation (a replaced pod is a new node). */
function nodeId(pod: string): string {
  const hex = createHash('sha256').update(pod).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The cluster: its pods, desired replica counts and the series they make. */
export class World {
  private readonly pods: Pod[] = [];
  private readonly desired = new Map<KongGateway, (t: number) => number>();

  constructor(
    /** Labels every series carries, e.g. `{ cluster: 'eu-1' }` in a central store; none in-cluster. */
    private readonly externalLabels: { [k: string]: string } = {},
  ) {}

  /** Adds pods. */
  public add(...pods: Pod[]): this {
    this.pods.push(...pods);
    return this;
  }

  /** Sets the workload's desired replicas over time (kube-state-metrics). */
  public desire(gateway: KongGateway, replicas: (t: number) => number): this {
    this.desired.set(gateway, replicas);
    return this;
  }

  /** Every series, as promtool reads them. */
  public series(): InputSeries[] {
    const out: InputSeries[] = [];
    for (const [gateway, replicas] of this.desired) {
      out.push(this.emit('kube_deployment_spec_replicas', { namespace: gateway.namespace, deployment: gateway.workloadName }, (t) => () => replicas(t)));
    }
    for (const pod of this.pods) out.push(...this.podSeries(pod));
    for (const cp of this.pods.filter((p) => p.gateway.mode === DeploymentMode.HYBRID_CONTROL_PLANE)) {
      out.push(...this.controlPlaneRows(cp));
    }
    return out;
  }

  private alive(pod: Pod, t: number): boolean {
    return t >= pod.start && (pod.end === undefined || t < pod.end);
  }

  private ready(pod: Pod, t: number): boolean {
    return t >= pod.start + (pod.readyAfter ?? STEP) && !within(t, pod.unready) && !within(t, pod.hung);
  }

  /** Kong's exporter answers from the first scrape after the container started. */
  private exporting(pod: Pod, t: number): boolean {
    return t >= pod.start + STEP && !within(t, pod.hung);
  }

  /**
   * A series over the horizon: `value(t)` while it exists, a staleness marker when it stops
   * (pod gone, or a gauge no longer printed), nothing before it starts.
   */
  private emit(metric: string, labels: { [k: string]: string }, value: (t: number) => (() => number) | undefined): InputSeries {
    const tokens: string[] = [];
    let previous: Sample;
    for (let i = 0; i < STEPS; i++) {
      const t = i * STEP;
      const f = value(t);
      let sample: Sample = f === undefined ? undefined : f();
      if (sample === undefined && previous !== undefined && previous !== 'stale') sample = 'stale';
      tokens.push(sample === undefined ? '_' : String(sample));
      previous = sample;
    }
    return { series: `${metric}${labelText({ ...this.externalLabels, ...labels })}`, values: tokens.join(' ') };
  }

  private podSeries(pod: Pod): InputSeries[] {
    const g = pod.gateway;
    const scrape = { namespace: g.namespace, pod: pod.name, container: g.containerName, endpoint: 'status', job: `${g.namespace}/${g.workloadName}`, instance: `${pod.name}:8100` };
    const whileAlive = (f: (t: number) => number) => (t: number) => (this.alive(pod, t) ? () => f(t) : undefined);
    const whileExporting = (f: (t: number) => number) => (t: number) => (this.alive(pod, t) && this.exporting(pod, t) ? () => f(t) : undefined);
    const out: InputSeries[] = [
      this.emit('kube_pod_container_status_ready', { namespace: g.namespace, pod: pod.name, container: g.containerName, uid: nodeId(pod.name) },
        whileAlive((t) => (this.ready(pod, t) ? 1 : 0))),
      this.emit('up', scrape, whileAlive((t) => (this.exporting(pod, t) ? 1 : 0))),
      this.emit('kong_memory_lua_shared_dict_bytes', { ...scrape, node_id: nodeId(pod.name), shared_dict: 'kong', kong_subsystem: 'http' }, whileExporting(() => 1_500_000)),
      this.emit('kong_memory_lua_shared_dict_total_bytes', { ...scrape, node_id: nodeId(pod.name), shared_dict: 'kong', kong_subsystem: 'http' }, whileExporting(() => 5_242_880)),
      this.emit('kong_nginx_metric_errors_total', scrape, whileExporting(() => 0)),
    ];
    if (g.hasDatastore) {
      out.push(this.emit('kong_datastore_reachable', scrape, whileExporting((t) => (within(t, pod.datastoreDown) ? 0 : 1))));
    }
    if (g.mode === DeploymentMode.HYBRID_DATA_PLANE) {
      // The cluster certificate is read at start; 90 days left.
      out.push(this.emit('kong_data_plane_cluster_cert_expiry_timestamp', scrape, whileExporting(() => 90 * 86400)));
      if (g.edition === KongEdition.ENTERPRISE && g.kongVersion.atLeast(3, 10)) {
        out.push(this.emit('kong_control_plane_connected', scrape, whileExporting((t) => (within(t, pod.disconnected) ? 0 : 1))));
      }
    }
    if (g.proxiesTraffic) out.push(...this.trafficSeries(pod, scrape, whileExporting));
    return out;
  }

  /** 10 requests a second per node, 0.1 % 5xx unless the scenario says otherwise; latency mostly under 100 ms. */
  private trafficSeries(pod: Pod, scrape: { [k: string]: string }, whileExporting: (f: (t: number) => number) => (t: number) => (() => number) | undefined): InputSeries[] {
    const rps = 10;
    const served = (t: number) => Math.max(0, t - pod.start - STEP) * rps;
    const share = pod.errorShare ?? (() => 0.001);
    // 5xx answers so far: the share integrated over time, so a change of share changes the rate from then on.
    const errorCount = (t: number) => {
      let errors = 0;
      for (let s = pod.start + 2 * STEP; s <= t; s += STEP) errors += STEP * rps * share(s);
      return Math.round(errors);
    };
    const request = { ...scrape, service: 'orders', route: 'orders', workspace: 'default', consumer: '' };
    const out = [
      this.emit('kong_http_requests_total', { ...request, code: '200', source: 'service' }, whileExporting((t) => served(t) - errorCount(t))),
    ];
    out.push(this.emit('kong_http_requests_total', { ...request, code: '503', source: 'service' }, whileExporting((t) => errorCount(t))));
    for (const [histogram, typical] of [['kong_request_latency_ms', 80], ['kong_kong_latency_ms', 4]] as const) {
      for (const le of [5, 10, 50, 100, 500, 1000, 5000, '+Inf'] as const) {
        // 99.5 % of requests under twice the typical latency, the rest under 500 ms.
        const share2 = le === '+Inf' ? 1 : le >= typical * 2 ? (le >= 500 ? 1 : 0.995) : le >= typical ? 0.5 : 0;
        out.push(this.emit(`${histogram}_bucket`, { ...request, le: String(le) }, whileExporting((t) => Math.round(served(t) * share2))));
      }
    }
    out.push(this.emit('kong_upstream_target_health', { ...scrape, upstream: 'orders', target: 'orders.svc:80', address: '10.0.0.9:80', state: 'healthy', subsystem: 'http' }, whileExporting(() => 1)));
    out.push(this.emit('kong_upstream_target_health', { ...scrape, upstream: 'orders', target: 'orders.svc:80', address: '10.0.0.9:80', state: 'unhealthy', subsystem: 'http' }, whileExporting(() => 0)));
    return out;
  }

  /** The rows a control-plane pod prints: one per data-plane incarnation that ever connected. */
  private controlPlaneRows(cp: Pod): InputSeries[] {
    const out: InputSeries[] = [];
    for (const dp of this.pods.filter((p) => p.gateway.mode === DeploymentMode.HYBRID_DATA_PLANE)) {
      const firstContact = dp.start + STEP;
      const pinging = (t: number) => this.alive(dp, t) && this.exporting(dp, t) && !within(t, dp.disconnected);
      // last_seen: the latest ping (10 s before each scrape) while pinging, frozen after.
      const lastSeen = (t: number): number | undefined => {
        for (let s = Math.floor(t / STEP) * STEP; s >= firstContact; s -= STEP) if (pinging(s)) return s - 10;
        return undefined;
      };
      const hashAt = (t: number) => {
        for (let s = Math.floor(t / STEP) * STEP; s >= firstContact; s -= STEP) if (pinging(s)) return (dp.configHash ?? (() => 1111))(s);
        return 0;
      };
      const row = { namespace: cp.gateway.namespace, pod: cp.name, container: cp.gateway.containerName, endpoint: 'status', job: `${cp.gateway.namespace}/${cp.gateway.workloadName}`, instance: `${cp.name}:8100`, node_id: nodeId(dp.name), hostname: dp.name, ip: '10.1.0.1' };
      const printed = (f: (t: number) => number | undefined) => (t: number) => {
        if (!this.alive(cp, t) || !this.exporting(cp, t) || t < firstContact + STEP) return undefined;
        const v = f(t);
        return v === undefined ? undefined : () => v;
      };
      out.push(this.emit('kong_data_plane_last_seen', row, printed(lastSeen)));
      out.push(this.emit('kong_data_plane_config_hash', row, printed(hashAt)));
      out.push(this.emit('kong_data_plane_version_compatible', { ...row, kong_version: dp.gateway.kongVersion.text }, printed(() => (dp.compatible === false ? 0 : 1))));
    }
    return out;
  }
}

/** Pod names as a Deployment's ReplicaSet gives them: `<workload>-<template hash>-<suffix>`. */
export function podName(gateway: KongGateway, revision: string, index: number): string {
  const suffix = ['x2k9z', 'b7q4m', 'n3c8v', 'p5t1w', 'h6r2j', 'd9f3s', 'm4k7q', 'z8v5l', 'w1n6c'][index % 9];
  return `${gateway.workloadName}-${revision}-${suffix}`;
}
