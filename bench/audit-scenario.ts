// The stack the audit is timed on: the facade as examples/full uses it, with Kong deployed
// (so every rule has workloads, Services and probes to read), N gateways in one stack.
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { gatewayName } from './scenario';
import { KongMonitoring } from '../src/facade/kong-monitoring';
import { KongGateway } from '../src/gateway/kong-gateway';
import { GrafanaProvider } from '../src/grafana/provider/provider';
import { KongDeclarativeConfig } from '../src/kubernetes/declarative-config';
import { LoadBalancerCloud } from '../src/kubernetes/load-balancer-readiness';

export const AUDIT_STACK = 'kong-audit';

/** Each gateway's own routes: the endpoint synthetic test needs one to answer. */
const ROUTES = KongDeclarativeConfig.fromString([
  '_format_version: "3.0"',
  'services:',
  '  - name: echo',
  '    url: http://echo.default.svc:8080',
  '    routes:',
  '      - name: echo',
  '        paths: ["/"]',
].join('\n'));

/** One stack with `gateways` deployed and monitored gateways; returns it. */
export function buildAuditStack(app: App, gateways: number): TerraformStack {
  const stack = new TerraformStack(app, AUDIT_STACK);
  new DatadogProvider(stack, 'datadog', {});
  new KubernetesProvider(stack, 'kubernetes', {});
  const auth = new TerraformVariable(stack, 'grafana_auth', { type: 'string', sensitive: true });
  new GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com', auth: auth.stringValue });
  for (let i = 0; i < gateways; i++) {
    const name = gatewayName(i);
    new KongMonitoring(stack, name, {
      gateway: KongGateway.dbLess({ name, environment: 'production', namespace: 'kong', expectedNodes: 3, team: 'platform' }),
      kubernetes: { deploy: true, loadBalancerCloud: LoadBalancerCloud.AWS, declarativeConfig: ROUTES },
      datadog: {
        notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] },
        synthetics: { endpoint: { url: `https://${name}.example.com/` } },
        slo: { targetPercent: 99.9 },
      },
      grafana: { prometheusDatasourceUid: 'prometheus' },
      prometheus: { labels: { release: 'kps' } },
    });
  }
  return stack;
}
