import { DeploymentV1SpecTemplateSpecContainerEnv, DeploymentV1SpecTemplateSpecContainerPort } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KongContainerPort, KongEnvVariable } from '../workload-options';

/** Workload env in the kubernetes provider's shape. */
export function toProviderEnv(env: KongEnvVariable[]): DeploymentV1SpecTemplateSpecContainerEnv[] {
  return env.map((e) => {
    if (e.valueFromFieldPath !== undefined) return { name: e.name, valueFrom: { fieldRef: { fieldPath: e.valueFromFieldPath } } };
    if (e.valueFromSecret !== undefined) return { name: e.name, valueFrom: { secretKeyRef: { name: e.valueFromSecret.secretName, key: e.valueFromSecret.key } } };
    return { name: e.name, value: e.value };
  });
}

/** Workload env in the Kubernetes API shape (Helm values, manifests). */
export function toApiEnvValue(e: KongEnvVariable): unknown {
  if (e.valueFromFieldPath !== undefined) return { valueFrom: { fieldRef: { fieldPath: e.valueFromFieldPath } } };
  if (e.valueFromSecret !== undefined) return { valueFrom: { secretKeyRef: { name: e.valueFromSecret.secretName, key: e.valueFromSecret.key } } };
  return e.value;
}

/** Container ports in the kubernetes provider's shape. */
export function toProviderPorts(ports: KongContainerPort[]): DeploymentV1SpecTemplateSpecContainerPort[] {
  return ports.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: 'TCP' }));
}
