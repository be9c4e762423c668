// A backend the library does not ship (test/support/rule-file-backend.ts) gets the same alerts
// as the built-in ones, through the same contract, with no change to the library.
import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  HealthAlerting,
  KongFleet,
  KongGateway,
  KongMonitoring,
  MonitoringBackend,
  RenderedSignalAlerting,
  SignalAlertingRequest,
  SignalQueryLanguage,
} from '../../src';
import { checkRules, PromtoolWorkspace } from '../support/promtool';
import { RuleFileBackend } from '../support/rule-file-backend';
import { annotationsOf } from '../support/synth';

type Json = { resource: Record<string, Record<string, any>> };

function synth(build: (stack: TerraformStack) => void): Json {
  const stack = new TerraformStack(Testing.app(), 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack)) as Json;
}

const gatewayOf = () => KongGateway.hybridDataPlane({ name: 'edge', namespace: 'kong', expectedNodes: 3 });

/** The alerts of one rule file: signal/severity → expression. */
function alertsOf(ruleFile: any): Map<string, string> {
  return new Map(ruleFile.groups.flatMap((g: any) => g.rules.map((r: any) => [`${r.labels.signal}/${r.labels.severity}`, r.expr] as [string, string])));
}

describe('a custom backend beside the built-in ones', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  const monitoring = new KongMonitoring(stack, 'kong', {
    gateway: gatewayOf(),
    prometheus: {},
    backends: [new RuleFileBackend({ namespace: 'monitoring' })],
  });
  const json = JSON.parse(Testing.synth(stack)) as Json;
  const configMaps = json.resource.kubernetes_config_map_v1 ?? {};
  const ruleFiles = Object.values(configMaps).map((c: any) => JSON.parse(c.data['kong.rules.yml']));

  test('renders under each alerting practice with its own id, a logical ID users can rely on', () => {
    const paths = [monitoring.alerting!, monitoring.allNodes!].map((practice) => practice.node.findChild('rule-file').node.findChild('rules').node.path);
    expect(paths).toEqual(['test/kong/alerting/rule-file/rules', 'test/kong/all-nodes/rule-file/rules']);
    expect(Object.keys(configMaps).sort()).toEqual(['kong_alerting_rule-file_rules_8C836045', 'kong_all-nodes_rule-file_rules_94D60A28'].sort());
  });

  test('its rule file is valid for promtool', () => {
    const workspace = new PromtoolWorkspace();
    try {
      ruleFiles.forEach((file, i) => {
        const run = checkRules(workspace.write(`rules-${i}.yml`, JSON.stringify(file)));
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
      });
    } finally {
      workspace.cleanup();
    }
  });

  test('alerts on exactly what the PrometheusRule alerts on, with the same expressions: both come from the catalog', () => {
    const prometheusRules = Object.values(json.resource.kubernetes_manifest).map((m: any) => m.manifest.spec);
    const builtIn = new Map(prometheusRules.flatMap((spec) => [...alertsOf(spec)]));
    const custom = new Map(ruleFiles.flatMap((file) => [...alertsOf(file)]));
    expect(builtIn.size).toBeGreaterThan(10);
    expect(custom).toEqual(builtIn);
  });

  test('its alerts are traced to what emits their data, like the built-in ones', () => {
    const sources = monitoring.alertSources();
    const custom = sources.filter((s) => s.backend === 'rule-file');
    const prometheus = sources.filter((s) => s.backend === 'prometheus');
    expect(custom.map((s) => s.signal)).toEqual(prometheus.map((s) => s.signal));
    expect(custom.map((s) => s.producers)).toEqual(prometheus.map((s) => s.producers));
    expect(custom.every((s) => s.metrics.length > 0)).toBe(true);
  });

  test('the practices hand back what each backend rendered', () => {
    expect(monitoring.alerting!.backendAlerting.map((b) => b.backend.id)).toEqual(['prometheus', 'rule-file']);
    expect(monitoring.allNodes!.backendAlerting.map((b) => b.backend.id)).toEqual(['prometheus', 'rule-file']);
  });
});

describe('a custom backend alone', () => {
  test('is enough for a practice: no built-in backend is needed', () => {
    const json = synth((stack) => new HealthAlerting(stack, 'alerts', { gateway: gatewayOf(), backends: [new RuleFileBackend({ namespace: 'monitoring' })] }));
    expect(Object.keys(json.resource)).toEqual(['kubernetes_config_map_v1']);
  });

  test('is applied by a fleet to each of its gateways', () => {
    const json = synth((stack) => new KongFleet(stack, 'fleet', {
      gateways: [gatewayOf(), KongGateway.hybridDataPlane({ name: 'internal', namespace: 'kong', expectedNodes: 2 })],
      defaults: { backends: [new RuleFileBackend({ namespace: 'monitoring' })] },
    }));
    const names = Object.values(json.resource.kubernetes_config_map_v1).map((c: any) => c.metadata.name).sort();
    expect(names).toEqual(['kong-edge-nodes-rules', 'kong-edge-rules', 'kong-internal-nodes-rules', 'kong-internal-rules']);
  });
});

/** A backend that can express none of the signals, to see what the practice says about them. */
class BlindBackend extends MonitoringBackend {
  public readonly id = 'blind';
  public readonly alertTitle = 'blind alert';
  public renderAlerting(scope: Construct, request: SignalAlertingRequest): RenderedSignalAlerting {
    return {
      construct: new Construct(scope, this.id),
      alertedSignals: [],
      skippedSignals: request.signals.map((s) => ({ signal: s.id, reason: 'the blind service takes no queries' })),
      reads: { language: SignalQueryLanguage.PROMQL },
    };
  }
}

describe('signals a custom backend cannot express', () => {
  test('alone: synth warns that nothing watches them', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const alerting = new HealthAlerting(stack, 'alerts', { gateway: gatewayOf(), backends: [new BlindBackend()] });
    Testing.synth(stack);
    expect(annotationsOf(alerting, 'warn')).toContain(
      "Signal 'node-ready' of KongGateway 'edge' has no blind alert: the blind service takes no queries. Nothing watches it here: add a backend that reads PromQL (grafana or prometheus) to this gateway's monitoring.",
    );
  });

  test('beside a backend that alerts on them: said as information, naming who covers them', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const alerting = new HealthAlerting(stack, 'alerts', { gateway: gatewayOf(), prometheus: {}, backends: [new BlindBackend()] });
    Testing.synth(stack);
    expect(annotationsOf(alerting, 'warn').filter((w) => w.includes('blind'))).toEqual([]);
    expect(annotationsOf(alerting, 'info')).toContain(
      "Signal 'node-ready' of KongGateway 'edge' has no blind alert: the blind service takes no queries. The gateway's Prometheus alerting rules cover it.",
    );
  });
});

describe('backend ids', () => {
  test('two backends with one id are refused, naming both', () => {
    class Impostor extends RuleFileBackend {
      public readonly id = 'prometheus';
    }
    expect(() => synth((stack) => new HealthAlerting(stack, 'alerts', { gateway: gatewayOf(), prometheus: {}, backends: [new Impostor({ namespace: 'monitoring' })] })))
      .toThrow("HealthAlerting 'alerts': backends[0] has id 'prometheus', which prometheus already renders under. Fix: give each backend its own id.");
  });
});
