/** How a Kong node gets its configuration; decides which health signals apply. */
export enum DeploymentMode {
  /** Traditional mode: every node reads configuration from a database (PostgreSQL). */
  TRADITIONAL = 'traditional',
  /** DB-less mode: declarative configuration, answered 503 on `/status/ready` until one is loaded. */
  DB_LESS = 'db-less',
  /** Hybrid mode control plane: owns the database, serves configuration to data planes. */
  HYBRID_CONTROL_PLANE = 'hybrid-control-plane',
  /** Hybrid mode data plane: proxies traffic with configuration received from the control plane. */
  HYBRID_DATA_PLANE = 'hybrid-data-plane',
}

/** The Kubernetes workload that runs the Kong nodes. */
export enum WorkloadKind {
  /** `apps/v1` Deployment (the Kong Helm chart's default). */
  DEPLOYMENT = 'Deployment',
  /** `apps/v1` DaemonSet: one node per Kubernetes node. */
  DAEMON_SET = 'DaemonSet',
  /** `apps/v1` StatefulSet. */
  STATEFUL_SET = 'StatefulSet',
}
