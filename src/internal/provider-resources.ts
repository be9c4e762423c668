// Prebuilt provider resource classes, each loaded when a construct first creates one. Their
// modules are large (the Kubernetes DeploymentV1 module alone takes about 80 ms to load), so a
// stack pays only for what it writes: one that deploys no Kong never loads DeploymentV1, one
// without Datadog loads no Datadog class. `new datadogResources.Monitor(...)` reads the class
// and constructs it in the caller's frame, so resources are created no deeper in the stack.
// Types come from `import type`: public signatures still name the provider classes.
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as dashboardJson from '@cdktf/provider-datadog/lib/dashboard-json';
import type * as metricTagConfiguration from '@cdktf/provider-datadog/lib/metric-tag-configuration';
import type * as monitor from '@cdktf/provider-datadog/lib/monitor';
import type * as serviceLevelObjective from '@cdktf/provider-datadog/lib/service-level-objective';
import type * as syntheticsTest from '@cdktf/provider-datadog/lib/synthetics-test';
import type * as configMapV1 from '@cdktf/provider-kubernetes/lib/config-map-v1';
import type * as deploymentV1 from '@cdktf/provider-kubernetes/lib/deployment-v1';
import type * as manifest from '@cdktf/provider-kubernetes/lib/manifest';
import type * as networkPolicyV1 from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import type * as serviceV1 from '@cdktf/provider-kubernetes/lib/service-v1';
import { onFirstUse } from './on-first-use';

/** An object whose properties each load their value on first read (then keep it). */
function loadedOnFirstUse<T extends object>(loaders: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(loaders) as Array<keyof T>) {
    Object.defineProperty(out, key, { get: onFirstUse(loaders[key]), enumerable: true });
  }
  return out;
}

/** Datadog resource classes (deep paths only: the package root takes over a second to load). */
export const datadogResources = loadedOnFirstUse({
  DashboardJson: () => (require('@cdktf/provider-datadog/lib/dashboard-json') as typeof dashboardJson).DashboardJson,
  MetricTagConfiguration: () => (require('@cdktf/provider-datadog/lib/metric-tag-configuration') as typeof metricTagConfiguration).MetricTagConfiguration,
  Monitor: () => (require('@cdktf/provider-datadog/lib/monitor') as typeof monitor).Monitor,
  ServiceLevelObjective: () => (require('@cdktf/provider-datadog/lib/service-level-objective') as typeof serviceLevelObjective).ServiceLevelObjective,
  SyntheticsTest: () => (require('@cdktf/provider-datadog/lib/synthetics-test') as typeof syntheticsTest).SyntheticsTest,
});

/** Kubernetes resource classes (deep paths only). */
export const kubernetesResources = loadedOnFirstUse({
  ConfigMapV1: () => (require('@cdktf/provider-kubernetes/lib/config-map-v1') as typeof configMapV1).ConfigMapV1,
  DeploymentV1: () => (require('@cdktf/provider-kubernetes/lib/deployment-v1') as typeof deploymentV1).DeploymentV1,
  Manifest: () => (require('@cdktf/provider-kubernetes/lib/manifest') as typeof manifest).Manifest,
  NetworkPolicyV1: () => (require('@cdktf/provider-kubernetes/lib/network-policy-v1') as typeof networkPolicyV1).NetworkPolicyV1,
  ServiceV1: () => (require('@cdktf/provider-kubernetes/lib/service-v1') as typeof serviceV1).ServiceV1,
});
