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

const dashboardJsonModule = onFirstUse(() => require('@cdktf/provider-datadog/lib/dashboard-json') as typeof dashboardJson);
const metricTagConfigurationModule = onFirstUse(() => require('@cdktf/provider-datadog/lib/metric-tag-configuration') as typeof metricTagConfiguration);
const monitorModule = onFirstUse(() => require('@cdktf/provider-datadog/lib/monitor') as typeof monitor);
const serviceLevelObjectiveModule = onFirstUse(() => require('@cdktf/provider-datadog/lib/service-level-objective') as typeof serviceLevelObjective);
const syntheticsTestModule = onFirstUse(() => require('@cdktf/provider-datadog/lib/synthetics-test') as typeof syntheticsTest);
const configMapV1Module = onFirstUse(() => require('@cdktf/provider-kubernetes/lib/config-map-v1') as typeof configMapV1);
const deploymentV1Module = onFirstUse(() => require('@cdktf/provider-kubernetes/lib/deployment-v1') as typeof deploymentV1);
const manifestModule = onFirstUse(() => require('@cdktf/provider-kubernetes/lib/manifest') as typeof manifest);
const networkPolicyV1Module = onFirstUse(() => require('@cdktf/provider-kubernetes/lib/network-policy-v1') as typeof networkPolicyV1);
const serviceV1Module = onFirstUse(() => require('@cdktf/provider-kubernetes/lib/service-v1') as typeof serviceV1);

/** Datadog resource classes (deep paths only: the package root takes over a second to load). */
export const datadogResources = {
  get DashboardJson(): typeof dashboardJson.DashboardJson {
    return dashboardJsonModule().DashboardJson;
  },
  get MetricTagConfiguration(): typeof metricTagConfiguration.MetricTagConfiguration {
    return metricTagConfigurationModule().MetricTagConfiguration;
  },
  get Monitor(): typeof monitor.Monitor {
    return monitorModule().Monitor;
  },
  get ServiceLevelObjective(): typeof serviceLevelObjective.ServiceLevelObjective {
    return serviceLevelObjectiveModule().ServiceLevelObjective;
  },
  get SyntheticsTest(): typeof syntheticsTest.SyntheticsTest {
    return syntheticsTestModule().SyntheticsTest;
  },
};

/** Kubernetes resource classes (deep paths only). */
export const kubernetesResources = {
  get ConfigMapV1(): typeof configMapV1.ConfigMapV1 {
    return configMapV1Module().ConfigMapV1;
  },
  get DeploymentV1(): typeof deploymentV1.DeploymentV1 {
    return deploymentV1Module().DeploymentV1;
  },
  get Manifest(): typeof manifest.Manifest {
    return manifestModule().Manifest;
  },
  get NetworkPolicyV1(): typeof networkPolicyV1.NetworkPolicyV1 {
    return networkPolicyV1Module().NetworkPolicyV1;
  },
  get ServiceV1(): typeof serviceV1.ServiceV1 {
    return serviceV1Module().ServiceV1;
  },
};
