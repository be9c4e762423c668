import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack } from 'cdktf';
import { Duration, KongBestPractices, KongGateway, KongMonitoring, LoadBalancerCloud, grafana } from 'cdktf-kong-monitoring';

const app = new App();
const stack = new TerraformStack(app, 'kong-prod-eu');
new KubernetesProvider(stack, 'kubernetes', {});
new DatadogProvider(stack, 'datadog', {});
new grafana.GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com' });

new KongMonitoring(stack, 'kong', {
  gateway: KongGateway.dbLess({ name: 'edge', namespace: 'kong', expectedNodes: 6, tags: { team: 'platform' } }),
  kubernetes: { deploy: true, loadBalancerCloud: LoadBalancerCloud.AWS },
  datadog: {
    notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] },
    renotifyInterval: Duration.minutes(30),
  },
  grafana: { prometheusDatasourceUid: 'prom', folderTitle: 'Kong' },
  prometheus: { labels: { release: 'kube-prometheus-stack' } },
});
Aspects.of(stack).add(new KongBestPractices());
app.synth();
