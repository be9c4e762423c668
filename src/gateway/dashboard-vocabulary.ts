// The words a signal's dashboard placement is given in. They sit below the catalog, beside
// the signal vocabulary, so a signal declared with a gateway could be placed the same way.

/** A section of the gateway's dashboards; both backends show the sections in this order. */
export enum DashboardSection {
  /** Readiness of each node and the ready count against the expected one. */
  NODES = 'nodes',
  /** Proxied requests: rates, errors, latency, bandwidth. */
  TRAFFIC = 'traffic',
  /** The upstream services behind the gateway. */
  UPSTREAMS = 'upstreams',
  /** The datastore, and hybrid mode's links between control plane and data planes. */
  CLUSTER_HEALTH = 'cluster-health',
  /** Memory and connections inside each node. */
  RESOURCES = 'resources',
}

/** How a panel is best drawn; each backend draws it with the closest widget it has. */
export enum PanelDrawing {
  /** Lines over time. */
  TIME_SERIES = 'time-series',
  /** A 0/1 state per group over time (up or down per node). */
  STATE_TIMELINE = 'state-timeline',
  /** The current values, large. */
  STAT = 'stat',
}
