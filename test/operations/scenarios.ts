// Realistic operations, each for the kinds of cluster it applies to, with what must happen:
// which alerts fire (for which node, how soon after the fault), which may fire (and why),
// and that nothing else does. Expectations are behaviour, never rule text.
import { Interval, Pod, STEP, World, podName } from './world';
import { DeploymentMode } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { Severity, SignalId } from '../../src/gateway/signal-vocabulary';

/** The clusters the suite runs: one per deployment mode, hybrid per Kong edition. */
export enum ClusterKind {
  TRADITIONAL = 'traditional',
  DB_LESS = 'db-less',
  HYBRID_OSS = 'hybrid, open-source 3.9',
  HYBRID_ENTERPRISE = 'hybrid, Enterprise 3.10',
}

export const ALL_KINDS = Object.values(ClusterKind);
const DATABASE_KINDS = [ClusterKind.TRADITIONAL];
const HYBRID_KINDS = [ClusterKind.HYBRID_OSS, ClusterKind.HYBRID_ENTERPRISE];

/** An alert the scenario must raise. */
export interface Expected {
  readonly signal: SignalId;
  readonly severity: Severity;
  /** Labels the alert must carry (e.g. the pod that failed). */
  readonly labels?: { [k: string]: string };
  /** Latest acceptable detection, in seconds after the fault. */
  readonly within: number;
}

/** An alert the scenario may raise besides the expected ones, and why that is right. */
export interface Allowed {
  readonly signal: SignalId;
  readonly severity?: Severity;
  readonly because: string;
}

/** One scenario on one kind of cluster. */
export interface Case {
  readonly world: World;
  readonly gateways: KongGateway[];
  /** When the fault (or the operation) starts, in seconds. */
  readonly at: number;
  readonly expected: Expected[];
  readonly allowed?: Allowed[];
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly kinds: ClusterKind[];
  readonly build: (kind: ClusterKind, externalLabels: { [k: string]: string }) => Case;
}

/** The gateways of a kind of cluster; `cluster` is set so central-store queries can select it. */
export function gatewaysOf(kind: ClusterKind): { main: KongGateway; cp?: KongGateway; dp?: KongGateway } {
  const common = { namespace: 'kong', cluster: 'eu-1', team: 'platform' };
  switch (kind) {
    case ClusterKind.TRADITIONAL:
      return { main: KongGateway.traditional({ name: 'edge', ...common }) };
    case ClusterKind.DB_LESS:
      return { main: KongGateway.dbLess({ name: 'edge', ...common }) };
    default: {
      const enterprise = kind === ClusterKind.HYBRID_ENTERPRISE ? { edition: KongEdition.ENTERPRISE, kongVersion: '3.10.0.1' } : {};
      const dp = KongGateway.hybridDataPlane({ name: 'edge-dp', ...common, ...enterprise });
      const cp = KongGateway.hybridControlPlane({ name: 'edge-cp', ...common, ...enterprise, expectedDataPlanes: 3 });
      return { main: dp, cp, dp };
    }
  }
}

/** `count` healthy pods of a gateway's revision, from time 0, with per-pod changes. */
function podsOf(gateway: KongGateway, revision: string, count: number, change: (i: number) => Partial<Pod> = () => ({})): Pod[] {
  return Array.from({ length: count }, (_, i) => ({ gateway, name: podName(gateway, revision, i), start: 0, ...change(i) }));
}

/** A steady cluster of the kind: 3 proxy nodes (and 2 control-plane nodes in hybrid mode). */
function steady(kind: ClusterKind, externalLabels: { [k: string]: string }, change: (gateway: KongGateway, i: number) => Partial<Pod> = () => ({})) {
  const g = gatewaysOf(kind);
  const world = new World(externalLabels);
  const proxy = g.dp ?? g.main;
  world.add(...podsOf(proxy, '6d5f8b9c7', 3, (i) => change(proxy, i))).desire(proxy, () => 3);
  if (g.cp) world.add(...podsOf(g.cp, '7c9d5f6b8', 2, (i) => change(g.cp!, i))).desire(g.cp, () => 2);
  return { world, gateways: [g.cp, proxy].filter((x): x is KongGateway => x !== undefined), proxy, cp: g.cp, dp: g.dp };
}

const FAULT = 5 * 60;
const FOREVER: Interval = [FAULT, Number.MAX_SAFE_INTEGER];
/** How long a rule may take past its window: two scrape/evaluation steps. */
const SLACK = 2 * STEP;
/** A new pod of a roll-out: Kong loads its configuration in 40 s. */
const START_TIME = 40;

/**
 * A rolling update (maxSurge 1, maxUnavailable 0, as the library's Deployment does): every
 * 90 s a pod of the new revision starts; once it is ready, one old pod is deleted.
 */
function rolledOut(gateway: KongGateway, from: number, count: number, change: (i: number) => Partial<Pod> = () => ({})): Pod[] {
  const out: Pod[] = [];
  for (let i = 0; i < count; i++) {
    const start = from + i * 90;
    out.push({ gateway, name: podName(gateway, '6d5f8b9c7', i), start: 0, end: start + START_TIME + 15 });
    out.push({ gateway, name: podName(gateway, '8e4a2d1f0', i + 3), start, readyAfter: START_TIME, ...change(i) });
  }
  return out;
}

const expectedCount = (severity: Severity, because: string): Allowed => ({ signal: SignalId.READY_NODES_BELOW_EXPECTED, severity, because });

export const SCENARIOS: Scenario[] = [
  {
    id: 'healthy',
    title: 'healthy',
    kinds: ALL_KINDS,
    build: (kind, labels) => ({ ...steady(kind, labels), at: 0, expected: [] }),
  },
  {
    id: 'one-node-unready',
    title: 'one node unready',
    kinds: ALL_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels, (g, i) => (isProxy(g) && i === 1 ? { unready: [FOREVER] } : {}));
      const pod = podName(s.proxy, '6d5f8b9c7', 1);
      return {
        ...s,
        at: FAULT,
        expected: [{ signal: SignalId.NODE_READY, severity: Severity.CRITICAL, labels: { pod }, within: s.proxy.startupWindow.toSeconds() + SLACK }],
        allowed: [expectedCount(Severity.WARNING, '2 of 3 nodes ready for 10 minutes is below the expected count')],
      };
    },
  },
  {
    id: 'node-starting',
    title: 'node starting (ready after 90 s, inside the startup window)',
    kinds: ALL_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels);
      s.world.add({ gateway: s.proxy, name: podName(s.proxy, '6d5f8b9c7', 3), start: FAULT, readyAfter: 90 }).desire(s.proxy, (t) => (t >= FAULT ? 4 : 3));
      return { ...s, at: FAULT, expected: [] };
    },
  },
  {
    id: 'rolling-update',
    title: 'rolling update (every pod replaced by a new name)',
    kinds: ALL_KINDS,
    build: (kind, labels) => {
      const g = gatewaysOf(kind);
      const world = new World(labels);
      const proxy = g.dp ?? g.main;
      world.add(...rolledOut(proxy, FAULT, 3)).desire(proxy, () => 3);
      if (g.cp) world.add(...podsOf(g.cp, '7c9d5f6b8', 2)).desire(g.cp, () => 2);
      // In hybrid mode, the three replaced data planes leave rows on the control plane for 14 days.
      return { world, gateways: [g.cp, proxy].filter((x): x is KongGateway => x !== undefined), at: FAULT, expected: [] };
    },
  },
  {
    id: 'node-gone',
    title: 'node gone (pod deleted and not rescheduled)',
    kinds: ALL_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels, (g, i) => (isProxy(g) && i === 2 ? { end: FAULT } : {}));
      return {
        ...s,
        at: FAULT,
        expected: [{ signal: SignalId.READY_NODES_BELOW_EXPECTED, severity: Severity.WARNING, within: 10 * 60 + SLACK }],
        allowed: s.cp ? [{ signal: SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED, severity: Severity.WARNING, because: 'the control plane hears from 2 of its 3 data planes' }] : [],
      };
    },
  },
  {
    id: 'scale-up',
    title: 'scale up (3 → 5 nodes)',
    kinds: ALL_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels);
      s.world.desire(s.proxy, (t) => (t >= FAULT ? 5 : 3));
      for (const i of [3, 4]) s.world.add({ gateway: s.proxy, name: podName(s.proxy, '6d5f8b9c7', i), start: FAULT + 5, readyAfter: START_TIME });
      return { ...s, at: FAULT, expected: [] };
    },
  },
  {
    id: 'scale-down',
    title: 'scale down (3 → 2 nodes)',
    kinds: ALL_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels, (g, i) => (isProxy(g) && i === 2 ? { end: FAULT + 20 } : {}));
      s.world.desire(s.proxy, (t) => (t >= FAULT ? 2 : 3));
      // A control plane expecting 3 data planes is told of the new number with the change.
      return {
        ...s,
        at: FAULT,
        expected: [],
        allowed: s.cp ? [{ signal: SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED, severity: Severity.WARNING, because: 'expectedDataPlanes still says 3: a planned scale-down changes it in the same pull request' }] : [],
      };
    },
  },
  {
    id: 'datastore-unreachable',
    title: 'datastore unreachable (every node unready)',
    kinds: DATABASE_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels, () => ({ datastoreDown: [FOREVER], unready: [FOREVER] }));
      const pods = [0, 1, 2].map((i) => podName(s.proxy, '6d5f8b9c7', i));
      return {
        ...s,
        at: FAULT,
        expected: [
          ...pods.map((pod) => ({ signal: SignalId.DATASTORE_REACHABLE, severity: Severity.CRITICAL, labels: { pod }, within: 2 * 60 + SLACK })),
          ...pods.map((pod) => ({ signal: SignalId.NODE_READY, severity: Severity.CRITICAL, labels: { pod }, within: 2 * 60 + SLACK })),
          { signal: SignalId.READY_NODES_BELOW_EXPECTED, severity: Severity.CRITICAL, within: 10 * 60 + SLACK },
        ],
        allowed: [expectedCount(Severity.WARNING, 'no node ready is also below the warning level')],
      };
    },
  },
  {
    id: 'one-datastore-lost-ready',
    title: 'one node loses its datastore and stays ready',
    kinds: DATABASE_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels, (_g, i) => (i === 0 ? { datastoreDown: [FOREVER] } : {}));
      return {
        ...s,
        at: FAULT,
        expected: [{ signal: SignalId.DATASTORE_REACHABLE, severity: Severity.CRITICAL, labels: { pod: podName(s.proxy, '6d5f8b9c7', 0) }, within: 2 * 60 + SLACK }],
      };
    },
  },
  {
    id: 'dp-loses-cp',
    title: 'data plane loses its control plane (keeps serving, stays ready)',
    kinds: HYBRID_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels, (g, i) => (isProxy(g) && i === 0 ? { disconnected: [FOREVER] } : {}));
      const pod = podName(s.dp!, '6d5f8b9c7', 0);
      const recent = 120;
      return {
        ...s,
        at: FAULT,
        expected: [
          // The control plane stops hearing from it: not recent after 120 s, then the 2m window.
          { signal: SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED, severity: Severity.WARNING, within: recent + 2 * 60 + SLACK },
          // Only Enterprise 3.10+ exports the data plane's own gauge.
          ...(kind === ClusterKind.HYBRID_ENTERPRISE ? [{ signal: SignalId.CONTROL_PLANE_CONNECTED, severity: Severity.CRITICAL, labels: { pod }, within: 2 * 60 + SLACK }] : []),
        ],
      };
    },
  },
  {
    id: 'dp-stops-reporting',
    title: 'one data plane stops reporting (hung: no pings, no metrics)',
    kinds: HYBRID_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels, (g, i) => (isProxy(g) && i === 2 ? { hung: [FOREVER] } : {}));
      const pod = podName(s.dp!, '6d5f8b9c7', 2);
      return {
        ...s,
        at: FAULT,
        expected: [
          { signal: SignalId.DATA_PLANES_SEEN_BELOW_EXPECTED, severity: Severity.WARNING, within: 120 + 2 * 60 + SLACK },
          { signal: SignalId.NODE_READY, severity: Severity.CRITICAL, labels: { pod }, within: s.dp!.startupWindow.toSeconds() + SLACK },
          { signal: SignalId.NODE_METRICS_UP, severity: Severity.WARNING, labels: { pod }, within: s.dp!.startupWindow.toSeconds() + SLACK },
        ],
        allowed: [expectedCount(Severity.WARNING, '2 of 3 data planes ready for 10 minutes')],
      };
    },
  },
  {
    id: 'dp-rolled-rows-linger',
    title: 'data planes rolled; old rows linger on the control plane',
    kinds: HYBRID_KINDS,
    build: (kind, labels) => {
      const g = gatewaysOf(kind);
      const world = new World(labels).add(...rolledOut(g.dp!, FAULT, 3)).desire(g.dp!, () => 3);
      world.add(...podsOf(g.cp!, '7c9d5f6b8', 2)).desire(g.cp!, () => 2);
      return { world, gateways: [g.cp!, g.dp!], at: FAULT, expected: [] };
    },
  },
  {
    id: 'new-configuration',
    title: 'new configuration rolled out to every data plane',
    kinds: HYBRID_KINDS,
    build: (kind, labels) => {
      // The control plane pushes at FAULT; data planes apply it within 20 s of each other.
      const s = steady(kind, labels, (g, i) => (isProxy(g) ? { configHash: (t: number) => (t >= FAULT + i * 10 ? 2222 : 1111) } : {}));
      return { ...s, at: FAULT, expected: [] };
    },
  },
  {
    id: 'dp-stuck-old-configuration',
    title: 'one live data plane stuck on the old configuration',
    kinds: HYBRID_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels, (g, i) => (isProxy(g) ? { configHash: (t: number) => (t >= FAULT && i !== 1 ? 2222 : 1111) } : {}));
      return { ...s, at: FAULT, expected: [{ signal: SignalId.DATA_PLANE_CONFIG_DRIFT, severity: Severity.WARNING, within: 5 * 60 + SLACK }] };
    },
  },
  {
    id: 'incompatible-dp',
    title: 'an incompatible data plane joins',
    kinds: HYBRID_KINDS,
    build: (kind, labels) => {
      const s = steady(kind, labels);
      const name = podName(s.dp!, '9b1c3e5a7', 4);
      // The control plane sends it no configuration: it never becomes ready.
      s.world.add({ gateway: s.dp!, name, start: FAULT, compatible: false, unready: [FOREVER] }).desire(s.dp!, (t) => (t >= FAULT ? 4 : 3));
      const expected: Expected[] = [
        { signal: SignalId.DATA_PLANE_VERSION_COMPATIBLE, severity: Severity.CRITICAL, labels: { hostname: name }, within: STEP + 60 + SLACK },
        { signal: SignalId.NODE_READY, severity: Severity.CRITICAL, labels: { pod: name }, within: s.dp!.startupWindow.toSeconds() + STEP + SLACK },
      ];
      return { ...s, at: FAULT, expected, allowed: [expectedCount(Severity.WARNING, '3 of 4 desired data planes ready')] };
    },
  },
  {
    id: 'control-plane-roll-out',
    title: 'control-plane roll-out (both control-plane pods replaced)',
    kinds: HYBRID_KINDS,
    build: (kind, labels) => {
      const g = gatewaysOf(kind);
      const world = new World(labels).add(...podsOf(g.dp!, '6d5f8b9c7', 3)).desire(g.dp!, () => 3);
      // Data planes reconnect to the new pods within a ping: their rows stay recent.
      const cpPods: Pod[] = [];
      for (let i = 0; i < 2; i++) {
        const start = FAULT + i * 90;
        cpPods.push({ gateway: g.cp!, name: podName(g.cp!, '7c9d5f6b8', i), start: 0, end: start + START_TIME + 15 });
        cpPods.push({ gateway: g.cp!, name: podName(g.cp!, '5a3e7c1d9', i + 3), start, readyAfter: START_TIME });
      }
      world.add(...cpPods).desire(g.cp!, () => 2);
      return { world, gateways: [g.cp!, g.dp!], at: FAULT, expected: [] };
    },
  },
];

/** The proxy nodes (data planes in hybrid mode): the pods most scenarios edit. */
function isProxy(gateway: KongGateway): boolean {
  return gateway.mode !== DeploymentMode.HYBRID_CONTROL_PLANE;
}
