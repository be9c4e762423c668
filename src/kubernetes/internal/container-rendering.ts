import { DeploymentV1SpecTemplateSpecContainerEnv, DeploymentV1SpecTemplateSpecContainerPort } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KongContainerPort, KongEnvVariable } from '../workload-options';

/** Workload env in the kubernetes provider's shape. */
export function toProviderEnv(env: KongEnvVariable[]): DeploymentV1SpecTemplateSpecContainerEnv[] {
  return env.map((e) =>
    e.valueFromFieldPath !== undefined
      ? { name: e.name, valueFrom: { fieldRef: { fieldPath: e.valueFromFieldPath } } }
      : { name: e.name, value: e.value },
  );
}

/** Container ports in the kubernetes provider's shape. */
export function toProviderPorts(ports: KongContainerPort[]): DeploymentV1SpecTemplateSpecContainerPort[] {
  return ports.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: 'TCP' }));
}
