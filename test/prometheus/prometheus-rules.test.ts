import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { gatewaysOfEveryMode, hybridControlPlane, hybridDataPlane, renderRules, traditionalGateway } from './helpers';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { Testing } from '../../src/internal/cdktf';
import { PromtoolWorkspace, checkRules } from '../support/promtool';

Testing.setupJest();

describe('PrometheusRules', () => {
  test('a PrometheusRule (monitoring.coreos.com/v1) through kubernetes_manifest, one group per gateway', () => {
    const { parsed } = renderRules({ gateways: [hybridControlPlane(), hybridDataPlane()], namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' } });
    const manifests = Object.values(parsed.resource.kubernetes_manifest) as any[];
    expect(manifests).toHaveLength(1);
    const m = manifests[0].manifest;
    expect(m.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(m.kind).toBe('PrometheusRule');
    expect(m.metadata).toEqual({
      name: 'kong.edge-cp.production.alerts',
      namespace: 'monitoring',
      labels: { 'app.kubernetes.io/name': 'kong-alerts', 'app.kubernetes.io/managed-by': 'cdktf-kong-monitoring', 'release': 'kube-prometheus-stack' },
    });
    expect(m.spec.groups.map((g: any) => [g.name, g.interval])).toEqual([['kong.edge-cp.production', '30s'], ['kong.edge-dp.production', '30s']]);
  });

  test('the manifest is a kubernetes Manifest resource', () => {
    const { rules } = renderRules({ gateways: [traditionalGateway()] });
    expect(rules.manifest).toBeInstanceOf(Manifest);
  });

  test('rules carry the catalog condition, for, labels and annotations', () => {
    const gateway = KongGateway.traditional({ name: 'edge', namespace: 'kong', expectedNodes: 3, team: 'platform', runbookBaseUrl: 'https://runbooks.example.com/kong' });
    const { parsed } = renderRules({ gateways: [gateway] });
    const rules = (Object.values(parsed.resource.kubernetes_manifest)[0] as any).manifest.spec.groups[0].rules;
    const ready = rules.find((r: any) => r.alert === 'KongNodeNotReady');
    expect(ready).toEqual({
      alert: 'KongNodeNotReady',
      expr: 'kube_pod_container_status_ready{namespace="kong",pod=~"edge-[a-z0-9]+-[a-z0-9]+",container="proxy"} < 1',
      for: '2m',
      labels: { severity: 'critical', kong_gateway: 'edge', kong_environment: 'production', team: 'platform', signal: 'node-ready' },
      annotations: {
        summary: 'Kong node not ready: pod {{ $labels.pod }} (gateway edge, production)',
        description: expect.stringContaining('Value {{ $value | humanize }} (ready (1) or not (0)), critical when < 1 for 2m.'),
        runbook_url: 'https://runbooks.example.com/kong/node-ready',
      },
    });
    const ratio = rules.filter((r: any) => r.alert === 'Kong5xxResponseRatioHigh');
    expect(ratio.map((r: any) => [r.labels.severity, r.expr.slice(-7), r.for])).toEqual([['critical', ' > 0.05', '5m'], ['warning', ' > 0.01', '5m']]);
  });

  test('toRuleFile holds exactly the PrometheusRule groups', () => {
    const { rules, parsed } = renderRules({ gateways: gatewaysOfEveryMode() });
    const file = JSON.parse(rules.toRuleFile());
    expect(file.groups).toEqual((Object.values(parsed.resource.kubernetes_manifest)[0] as any).manifest.spec.groups);
    expect(file.groups).toHaveLength(6);
  });

  test('rule output is identical from one synth to the next', () => {
    const render = () => renderRules({ gateways: gatewaysOfEveryMode() }).rules.toRuleFile();
    expect(render()).toBe(render());
  });

  test('promtool check rules passes on the rule file of every deployment mode', () => {
    const ws = new PromtoolWorkspace();
    try {
      for (const gateway of gatewaysOfEveryMode()) {
        const { rules } = renderRules({ gateways: [gateway] });
        const file = ws.write(`${gateway.name}-${gateway.environment}.yml`, rules.toRuleFile());
        const run = checkRules(file);
        expect({ gateway: gateway.name, status: run.status, out: run.stderr }).toEqual({ gateway: gateway.name, status: 0, out: '' });
        expect(run.stdout).toMatch(new RegExp(`SUCCESS: ${rules.ruleGroups[0].rules.length} rules found`));
      }
      const all = ws.write('all.yml', renderRules({ gateways: gatewaysOfEveryMode() }).rules.toRuleFile());
      expect(checkRules(all).status).toBe(0);
    } finally {
      ws.cleanup();
    }
  });

  test('promtool check rules rejects a broken rule file (the check can fail)', () => {
    const ws = new PromtoolWorkspace();
    try {
      const { rules } = renderRules({ gateways: [traditionalGateway()] });
      const broken = JSON.parse(rules.toRuleFile());
      broken.groups[0].rules[0].expr = 'sum(kube_pod_container_status_ready{';
      const run = checkRules(ws.write('broken.yml', JSON.stringify(broken)));
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/FAILED|parse error/i);
    } finally {
      ws.cleanup();
    }
  });

  describe('validation', () => {
    test('no gateways', () => {
      expect(() => renderRules({ gateways: [] })).toThrow("PrometheusRules 'alerts': gateways is empty. Fix: give at least one KongGateway to alert on.");
    });
    test('a gateway listed twice', () => {
      expect(() => renderRules({ gateways: [traditionalGateway(), traditionalGateway()] })).toThrow("PrometheusRules 'alerts': gateway 'edge' (production) is listed twice. Fix: list each gateway once; its rules form one group.");
    });
    test('name and namespace', () => {
      expect(() => renderRules({ gateways: [traditionalGateway()], name: 'Kong_Rules' })).toThrow("PrometheusRules 'alerts': name 'Kong_Rules' is not a DNS-1123 subdomain");
      expect(() => renderRules({ gateways: [traditionalGateway()], namespace: 'Monitoring' })).toThrow("PrometheusRules 'alerts': namespace 'Monitoring' is not a DNS-1123 label");
    });
    test('runbookBaseUrl', () => {
      expect(() => KongGateway.traditional({ name: 'edge', runbookBaseUrl: 'wiki/kong' })).toThrow("KongGateway 'edge': runbookBaseUrl 'wiki/kong' is not an http(s) URL");
    });
  });
});
