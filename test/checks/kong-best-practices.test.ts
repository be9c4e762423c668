import * as fs from 'fs';
import * as path from 'path';
import { DashboardJson } from '@cdktf/provider-datadog/lib/dashboard-json';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { DeploymentV1, DeploymentV1Config } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ComplianceStatus, FindingLevel, KongBestPractices } from '../../src/checks';
import { resourcesOf } from '../../src/checks/kong-best-practices';
import { KongMonitoring } from '../../src/facade/kong-monitoring';
import { KongGateway } from '../../src/gateway';
import { KongDeclarativeConfig, PrometheusScrapeMethod } from '../../src/kubernetes';
import { NoKongHealthCheckCli } from '../../src/practices/no-kong-health-check-cli';

interface KongOptions {
  readonly statusListen?: string;
  readonly livenessCommand?: string[];
}

/** A Kong Deployment written with the plain provider class, as any user would. */
function kongDeployment(scope: Construct, id: string, o: KongOptions = {}): DeploymentV1 {
  const labels = { 'app.kubernetes.io/name': 'kong', 'kong_gateway': 'edge' };
  const config: DeploymentV1Config = {
    metadata: { name: 'edge', namespace: 'kong' },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          container: [{
            name: 'proxy',
            image: 'kong/kong-gateway:3.9',
            env: o.statusListen === undefined ? [] : [{ name: 'KONG_STATUS_LISTEN', value: o.statusListen }],
            port: [{ name: 'status', containerPort: 8100 }],
            readinessProbe: { httpGet: { path: '/status/ready', port: 'status' } },
            livenessProbe: o.livenessCommand ? { exec: { command: o.livenessCommand } } : { httpGet: { path: '/status', port: 'status' } },
          }],
        },
      },
    },
  };
  return new DeploymentV1(scope, id, config);
}

function newStack(app = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, 'kong-prod');
  new KubernetesProvider(stack, 'kubernetes', {});
  new DatadogProvider(stack, 'datadog', {});
  return stack;
}

function synthError(stack: TerraformStack): string {
  try {
    Testing.fullSynth(stack);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth did not fail');
}

describe('KongBestPractices aspect', () => {
  test('a Deployment probing with `kong health` fails synth with KBP6 and the construct path', () => {
    const stack = newStack();
    const gateway = new Construct(stack, 'gateway');
    kongDeployment(gateway, 'kong', { statusListen: '0.0.0.0:8100', livenessCommand: ['kong', 'health'] });
    Aspects.of(stack).add(new KongBestPractices());

    const message = synthError(stack);
    expect(message).toMatch(/\[kong-prod\/gateway\/kong\] \[KBP6\] .*liveness probe runs 'kong health'.* Fix: Replace the exec probe/);
  });

  test('a Deployment without KONG_STATUS_LISTEN fails synth with KBP1', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong');
    Aspects.of(stack).add(new KongBestPractices());

    const message = synthError(stack);
    expect(message).toContain('[kong-prod/kong] [KBP1]');
    expect(message).toContain('does not set KONG_STATUS_LISTEN');
    expect(message).not.toContain('KBP6');
  });

  test('warnings do not fail synth; the scorecards are written beside cdk.tf.json', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { statusListen: '0.0.0.0:8100' });
    Aspects.of(stack).add(new KongBestPractices());

    const outdir = Testing.fullSynth(stack);
    const dir = path.join(outdir, 'stacks', 'kong-prod');
    expect(fs.existsSync(path.join(dir, 'cdk.tf.json'))).toBe(true);
    const card = JSON.parse(fs.readFileSync(path.join(dir, 'kong-best-practices.json'), 'utf8'));
    expect(card.summary.errors).toBe(0);
    expect(card.findings.filter((f: { status: string }) => f.status === 'NON_COMPLIANT').map((f: { ruleId: string }) => f.ruleId).sort())
      .toEqual(['KBP2', 'KBP5', 'KBP7', 'KBP7']);
    const markdown = fs.readFileSync(path.join(dir, 'kong-best-practices.md'), 'utf8');
    expect(markdown).toContain('| KBP1 | COMPLIANT | ERROR | kubernetes_deployment_v1.kong (kong-prod/kong) |');
    // The warnings are on the resource, for the cdktf CLI to print.
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const warnings = manifest.stacks['kong-prod'].annotations.filter((a: { level: string }) => a.level === '@cdktf/warn');
    expect(warnings.map((a: { constructPath: string; message: string }) => `${a.constructPath} ${a.message.slice(0, 6)}`))
      .toEqual(expect.arrayContaining(['kong-prod/kong [KBP2]', 'kong-prod/kong [KBP5]', 'kong-prod/kong [KBP7]']));
  });

  test('a suppression with a reason silences the finding, lands in the JSON and in the scorecard', () => {
    const stack = newStack();
    const legacy = new Construct(stack, 'legacy');
    kongDeployment(legacy, 'kong', { statusListen: '0.0.0.0:8100', livenessCommand: ['kong', 'health'] });
    KongBestPractices.suppress(legacy, 'KBP6', 'legacy gateway, replaced by edge-v2 in March');
    Aspects.of(stack).add(new KongBestPractices());

    const outdir = Testing.fullSynth(stack);
    const dir = path.join(outdir, 'stacks', 'kong-prod');
    const tf = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'));
    expect(Object.values(tf.resource.kubernetes_deployment_v1)[0])
      .toMatchObject({ '//': { kong_best_practices: { suppressions: [{ id: 'KBP6', reason: 'legacy gateway, replaced by edge-v2 in March' }] } } });
    const card = JSON.parse(fs.readFileSync(path.join(dir, 'kong-best-practices.json'), 'utf8'));
    const kbp6 = card.findings.find((f: { ruleId: string }) => f.ruleId === 'KBP6');
    expect(kbp6).toMatchObject({ status: 'NON_COMPLIANT', suppressed: true, suppressionReason: 'legacy gateway, replaced by edge-v2 in March' });
    expect(fs.readFileSync(path.join(dir, 'kong-best-practices.md'), 'utf8')).toMatch(/\| KBP6 \| SUPPRESSED \| ERROR \| .*Suppressed: legacy gateway/);
    expect(card.findings.find((f: { ruleId: string }) => f.ruleId === 'KBPX1')).toMatchObject({ status: 'COMPLIANT', constructPath: 'kong-prod/legacy' });
  });

  test('a suppression without a reason is itself an error, and silences nothing', () => {
    const stack = newStack();
    const d = kongDeployment(stack, 'kong', { statusListen: '0.0.0.0:8100', livenessCommand: ['kong', 'health'] });
    KongBestPractices.suppress(d, 'KBP6', '');
    Aspects.of(stack).add(new KongBestPractices());

    const message = synthError(stack);
    expect(message).toContain('[kong-prod/kong] [KBPX1] kong-prod/kong suppresses KBP6 without a reason');
    expect(message).toContain('[kong-prod/kong] [KBP6]');
  });

  test('levels raise a rule to an error; disabledRules drop it', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { statusListen: '0.0.0.0:8100' });
    Aspects.of(stack).add(new KongBestPractices({ levels: [{ ruleId: 'KBP2', level: FindingLevel.ERROR }], disabledRules: ['KBP5', 'KBP7'] }));
    const message = synthError(stack);
    expect(message).toContain('[KBP2]');
    expect(message).not.toMatch(/KBP5|KBP7/);
  });

  test('two checkers with the same report name on one stack write two scorecards', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { statusListen: '0.0.0.0:8100' });
    Aspects.of(stack).add(new KongBestPractices());
    Aspects.of(stack).add(new KongBestPractices({ onlyRules: ['KBP1'] }));
    const dir = path.join(Testing.fullSynth(stack), 'stacks', 'kong-prod');
    const cards = fs.readdirSync(dir).filter((f) => f.startsWith('kong-best-practices')).sort();
    expect(cards).toEqual(['kong-best-practices-2.json', 'kong-best-practices-2.md', 'kong-best-practices.json', 'kong-best-practices.md']);
    const second = JSON.parse(fs.readFileSync(path.join(dir, 'kong-best-practices-2.json'), 'utf8'));
    expect(second.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['KBP1']);
  });

  test('unknown rule IDs in options are refused at once', () => {
    expect(() => new KongBestPractices({ disabledRules: ['KBP9'] })).toThrow(/disabledRules names 'KBP9', which is not a rule/);
  });

  test('ties a dashboard to its gateway by the kong_gateway tag when the stack holds two gateways', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { statusListen: '0.0.0.0:8100' });
    const other = kongDeployment(stack, 'core', { statusListen: '0.0.0.0:8100' });
    other.addOverride('spec.template.metadata.labels.kong_gateway', 'core');
    new DashboardJson(stack, 'dash', { dashboard: JSON.stringify({ title: 'Kong', widgets: [{ definition: { requests: [{ q: 'avg:kong.x{kong_gateway:edge}' }] } }] }) });
    const report = KongBestPractices.validate(stack);
    expect(report.findingsFor('KBP2').map((f) => `${f.resource} ${f.status}`)).toEqual([
      'kubernetes_deployment_v1.core NON_COMPLIANT',
      'kubernetes_deployment_v1.kong COMPLIANT',
    ]);
  });
});

describe('KongBestPractices.validate / validateJson / rules', () => {
  test('validate(scope) returns a report without annotating', () => {
    const stack = newStack();
    const d = kongDeployment(stack, 'kong', { livenessCommand: ['kong', 'health'] });
    const report = KongBestPractices.validate(stack);
    expect(report.source).toBe('kong-prod');
    expect(report.errors.map((f) => f.ruleId).sort()).toEqual(['KBP1', 'KBP6']);
    expect(report.warnings.map((f) => f.ruleId)).toContain('KBP4');
    expect(report.hasErrors).toBe(true);
    expect(d.node.metadata.filter((m) => m.type.includes('error'))).toEqual([]);
    expect(KongBestPractices.validate(stack, { onlyRules: ['KBP6'] }).findings.map((f) => f.ruleId)).toEqual(['KBP6']);
  });

  test('validate honours suppressions found by walking up the tree (no synth needed)', () => {
    const app = Testing.app();
    const stack = newStack(app);
    kongDeployment(stack, 'kong', { statusListen: '0.0.0.0:8100', livenessCommand: ['kong', 'health'] });
    KongBestPractices.suppress(app, 'KBP6', 'whole app: sidecar image without curl yet');
    const report = KongBestPractices.validate(stack);
    expect(report.hasErrors).toBe(false);
    expect(report.suppressed.map((f) => f.ruleId)).toEqual(['KBP6']);
    expect(KongBestPractices.suppressionsOf(stack.node.findChild('kong'))).toEqual([{ ruleId: 'KBP6', reason: 'whole app: sidecar image without curl yet' }]);
  });

  test('validateJson reads any synthesized stack, suppressions included', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { statusListen: '127.0.0.1:8007' });
    const report = KongBestPractices.validateJson(Testing.synth(stack));
    expect(report.errors.map((f) => f.ruleId)).toEqual(['KBP1']);
    expect(() => KongBestPractices.validateJson('{nope')).toThrow(/not JSON/);
  });

  test('the rule table exposes every rule with info, explanation and fix', () => {
    expect(KongBestPractices.rules().map((r) => r.ruleId)).toEqual(['KBP1', 'KBP2', 'KBP3', 'KBP4', 'KBP5', 'KBP6', 'KBP7', 'KBP8', 'KBPS1', 'KBPX1']);
    for (const r of KongBestPractices.rules()) {
      expect(r.info.length).toBeGreaterThan(20);
      expect(r.explanation.length).toBeGreaterThan(50);
      expect(r.fix.length).toBeGreaterThan(20);
    }
  });

  test('a finding reports COMPLIANT / NOT_APPLICABLE too, for the scorecard', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { statusListen: '0.0.0.0:8100' });
    const report = KongBestPractices.validate(stack);
    expect(report.findingsFor('KBP1')[0].status).toBe(ComplianceStatus.COMPLIANT);
    expect(report.findingsFor('KBP3')[0].status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });
});

describe('NoKongHealthCheckCli', () => {
  test('fails synth on `kong health` and checks nothing else', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { livenessCommand: ['sh', '-c', 'kong health'] });
    new NoKongHealthCheckCli(stack, 'NoKongHealthCheckCli');
    new NoKongHealthCheckCli(stack, 'AnotherOne');
    expect(Aspects.of(stack).all).toHaveLength(1);

    const message = synthError(stack);
    expect(message).toContain('[kong-prod/kong] [KBP6]');
    expect(message).not.toContain('KBP1');
  });

  test('passes a stack whose probes use HTTP, and writes its own scorecard', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong');
    new NoKongHealthCheckCli(stack, 'NoKongHealthCheckCli');
    const outdir = Testing.fullSynth(stack);
    const card = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'kong-prod', 'no-kong-health-check-cli.json'), 'utf8'));
    expect(card.findings.map((f: { ruleId: string; status: string }) => `${f.ruleId} ${f.status}`)).toEqual(['KBP6 COMPLIANT', 'KBPX1 NOT_APPLICABLE']);
  });

  test('with the full pack on the same stack, each message is reported once', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { statusListen: '0.0.0.0:8100', livenessCommand: ['kong', 'health'] });
    new NoKongHealthCheckCli(stack, 'NoKongHealthCheckCli');
    Aspects.of(stack).add(new KongBestPractices());
    const message = synthError(stack);
    expect(message.match(/\[KBP6\]/g)).toHaveLength(1);
  });
});

describe('a check that reads a few resource types serializes only those', () => {
  /**
   * NoKongHealthCheckCli's rule reads workloads only, so its check serializes the workloads
   * instead of the whole stack (most of a check's cost as stacks grow). What it reads must be
   * exactly what `toTerraform()` writes for those resources, tokens resolved.
   */
  test('the partial JSON equals the whole stack\'s JSON for the types read', () => {
    const stack = newStack();
    kongDeployment(stack, 'kong', { livenessCommand: ['kong', 'health'] });
    new KongMonitoring(stack, 'monitoring', {
      gateway: KongGateway.dbLess({ name: 'edge', namespace: 'kong', expectedNodes: 2 }),
      prometheus: {},
      kubernetes: { deploy: true, declarativeConfig: KongDeclarativeConfig.fromString('_format_version: "3.0"\nservices: []\n'), prometheusScrape: PrometheusScrapeMethod.POD_MONITOR },
    });
    const whole = stack.toTerraform().resource;
    const types = new Set(['kubernetes_deployment_v1', 'kubernetes_manifest', 'helm_release']);
    const expected = Object.fromEntries(Object.entries(whole).filter(([type]) => types.has(type)));
    expect(Object.keys(expected).sort()).toEqual(['kubernetes_deployment_v1', 'kubernetes_manifest']);
    expect(Object.keys(expected.kubernetes_deployment_v1 as object)).toHaveLength(2);
    expect(resourcesOf(stack, types)).toEqual({ resource: expected });
    // Manifests of named kinds only: the PodMonitor is left out, a Deployment manifest would stay.
    const podMonitors = Object.entries(whole.kubernetes_manifest as object).filter(([, r]) => (r as any).manifest.kind === 'PodMonitor');
    expect(podMonitors).toHaveLength(1);
    const workloads = resourcesOf(stack, new Set(['kubernetes_deployment_v1', 'kubernetes_manifest:Deployment']));
    expect(workloads).toEqual({ resource: { kubernetes_deployment_v1: whole.kubernetes_deployment_v1 } });
  });
});
