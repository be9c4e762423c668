// Retrofitting an existing Kong deployment: the team already declares its DB-less Kong as a
// plain kubernetes_deployment_v1 with its own names and labels, and a LoadBalancer Service.
// Nothing is redeployed by the library:
//  - KongWorkloadSettings.applyTo() adds the status listener (env and port), the readiness,
//    liveness and startup probes and the Datadog autodiscovery annotations to the team's own
//    container. It refuses to overwrite a conflicting probe, env value or port (a former
//    `exec: kong health` liveness probe has to go first; KBP6 would fail it anyway);
//  - the Prometheus plugin goes into the team's declarative ConfigMap
//    (KongWorkloadSettings.addDeclarativeConfigMap), which counts as delivering it;
//  - the team's load balancer Service gets the health check on /status/ready (AWS annotations
//    built from LoadBalancerHealthCheck.kongReady);
//  - KongMonitoring (without `deploy`) adds the dashboards and alerts in Datadog and a
//    PrometheusRule, and a PodMonitor for the existing pods.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { App, Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  KongBestPractices,
  KongGateway,
  KongMonitoring,
  LoadBalancerHealthCheck,
  PrometheusScrapeMethod,
  StatusListener,
} from 'cdktf-kong-monitoring';

export class RetrofitStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubernetesProvider(this, 'kubernetes', {});
    new DatadogProvider(this, 'datadog', {});

    // The existing deployment's names, described to the library.
    const labels = { app: 'kong-legacy', tier: 'edge' };
    const gateway = KongGateway.dbLess({
      name: 'legacy',
      namespace: 'ingress',
      workloadName: 'kong-legacy',
      containerName: 'kong',
      podLabels: labels,
      expectedNodes: 3,
      team: 'web',
    });

    const monitoring = new KongMonitoring(this, 'kong', {
      gateway,
      datadog: { notify: { critical: ['@pagerduty-web'], warning: ['@slack-web-alerts'] } },
      prometheus: { labels: { release: 'kube-prometheus-stack' } },
      kubernetes: { prometheusScrape: PrometheusScrapeMethod.POD_MONITOR },
    });
    const settings = monitoring.workloadSettings;

    // --- The team's own resources, as they were, plus the library's settings ---------------
    // The team's declarative ConfigMap, now written from the library's settings: the
    // Prometheus plugin (four metric groups on) as global plugin; a real configuration would
    // pass its services and routes as declarativeConfig to merge the plugins into.
    const config = settings.addDeclarativeConfigMap(this, 'kong-config', { name: 'kong-legacy-config' });

    const deployment = new DeploymentV1(this, 'kong-legacy', {
      metadata: { name: 'kong-legacy', namespace: 'ingress', labels },
      spec: {
        replicas: '3',
        selector: { matchLabels: labels },
        template: {
          metadata: { labels, annotations: { 'team.example.com/owner': 'web' } },
          spec: {
            container: [{
              name: 'kong',
              image: 'kong:3.9',
              env: [
                { name: 'KONG_DATABASE', value: 'off' },
                { name: 'KONG_DECLARATIVE_CONFIG', value: '/kong/kong.yml' },
                { name: 'KONG_PROXY_LISTEN', value: '0.0.0.0:8000, 0.0.0.0:8443 ssl' },
                { name: 'KONG_ADMIN_LISTEN', value: '127.0.0.1:8001' },
              ],
              port: [{ name: 'proxy', containerPort: 8000 }, { name: 'proxy-tls', containerPort: 8443 }],
              volumeMount: [{ name: 'config', mountPath: '/kong', readOnly: true }],
            }],
            volume: [{ name: 'config', configMap: { name: config.metadata.name } }],
          },
        },
      },
    });
    settings.applyTo(deployment);

    // The team's load balancer, now health-checking Kong's readiness on the status port.
    const check = LoadBalancerHealthCheck.kongReady(gateway);
    new ServiceV1(this, 'kong-legacy-proxy', {
      metadata: {
        name: 'kong-legacy-proxy',
        namespace: 'ingress',
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': check.protocol,
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path': check.path,
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': String(check.port),
        },
      },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        selector: labels,
        port: [
          { name: 'proxy', port: 80, targetPort: '8000' },
          { name: 'proxy-tls', port: 443, targetPort: '8443' },
        ],
      },
    });

    // A ClusterIP Service on the status port for scrapers, reachable from the scrapers'
    // namespaces and from the NLB's subnets (it health-checks each pod's status port).
    new StatusListener(this, 'status', { gateway, allowedNamespaces: ['datadog', 'monitoring'], allowedCidrs: ['10.0.0.0/16'] });

    this.addOverride('terraform.required_providers.kubernetes.source', 'hashicorp/kubernetes');
    Aspects.of(this).add(new KongBestPractices());
  }
}

export function buildApp(app: App): void {
  new RetrofitStack(app, 'kong-retrofit');
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}
