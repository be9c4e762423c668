/** One key of a Kubernetes Secret in the workload's namespace. */
export interface KongSecretKeyRef {
  /** Name of the Secret. */
  readonly secretName: string;
  /** Key in the Secret. */
  readonly key: string;
}

/** An environment variable of the Kong container taken from a Secret (`valueFrom.secretKeyRef`). */
export interface KongSecretEnvVariable {
  /** Variable name, e.g. `KONG_PG_PASSWORD`. */
  readonly name: string;
  /** Name of the Secret. */
  readonly secretName: string;
  /** Key in the Secret. */
  readonly key: string;
}

/** A Secret mounted read-only into the Kong container as files (one file per key). */
export interface KongSecretVolume {
  /** Volume name (DNS-1123 label), unique in the pod. */
  readonly name: string;
  /** Name of the Secret. */
  readonly secretName: string;
  /** Directory the keys appear in, e.g. `/etc/secrets/kong-tls`. */
  readonly mountPath: string;
}
