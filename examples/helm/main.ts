// For Kong Helm chart users: Kong is installed by the chart (with the Kong Ingress Controller),
// this app provides everything around it.
//  - `KongMonitoring.workloadSettings.toHelmValues()`: the status listener, the three probes
//    and the Datadog autodiscovery pod annotations as chart values. They are a Terraform output
//    here (`terraform output -raw kong_helm_values > values-monitoring.yaml`, then
//    `helm upgrade kong kong/kong -f values.yaml -f values-monitoring.yaml`); with a
//    helm provider binding in your app, pass the same text to a helm_release's `values`;
//  - the Prometheus plugin as a global KongClusterPlugin, which the controller applies;
//  - a PodMonitor for the chart's pods, dashboards and alerts in Datadog and Grafana.
// Pod labels and container name follow the chart's conventions for a release named `kong`.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  KongBestPractices,
  KongGateway,
  KongMonitoring,
  PrometheusScrapeMethod,
  grafana,
} from 'cdktf-kong-monitoring';

export class HelmStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubernetesProvider(this, 'kubernetes', {});
    new DatadogProvider(this, 'datadog', {});
    const grafanaAuth = new TerraformVariable(this, 'grafana_auth', { type: 'string', sensitive: true, description: 'Grafana service account token' });
    new grafana.GrafanaProvider(this, 'grafana', { url: 'https://grafana.example.com', auth: grafanaAuth.stringValue });

    const gateway = KongGateway.dbLess({
      name: 'ingress',
      namespace: 'kong',
      // The chart names the Deployment `<release>-kong` and the Kong container `proxy`.
      workloadName: 'kong-kong',
      podLabels: { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'kong' },
      expectedNodes: 3,
    });

    const monitoring = new KongMonitoring(this, 'kong', {
      gateway,
      // kube-prometheus-stack selects PodMonitors by its release label.
      kubernetes: { clusterPlugins: true, prometheusScrape: PrometheusScrapeMethod.POD_MONITOR, monitorLabels: { release: 'kube-prometheus-stack' } },
      datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong-alerts'] } },
      grafana: { prometheusDatasourceUid: 'prometheus' },
    });

    new TerraformOutput(this, 'kong_helm_values', {
      description: 'Kong Helm chart values: status listener, probes, pod annotations',
      value: monitoring.workloadSettings.toHelmValues(),
    });

    this.addOverride('terraform.required_providers.kubernetes.source', 'hashicorp/kubernetes');
    Aspects.of(this).add(new KongBestPractices());
  }
}

export function buildApp(app: App): void {
  new HelmStack(app, 'kong-helm');
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}
