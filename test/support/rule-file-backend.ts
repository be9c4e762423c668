// A backend written the way a user writes one: a plain Prometheus rule file in a ConfigMap,
// for a Prometheus that loads rule files from a mounted volume (no Prometheus Operator). It
// reads only the public contract: the request's resolved signals and their catalog facts.
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { Construct } from 'constructs';
import { MonitoringBackend, RenderedSignalAlerting, SignalAlertingRequest, SignalQueryLanguage } from '../../src';

export interface RuleFileBackendOptions {
  readonly namespace: string;
}

export class RuleFileBackend extends MonitoringBackend {
  public readonly id: string = 'rule-file';
  public readonly alertTitle = 'rule-file alert';

  constructor(private readonly options: RuleFileBackendOptions) {
    super();
  }

  public renderAlerting(scope: Construct, request: SignalAlertingRequest): RenderedSignalAlerting {
    const { gateway } = request;
    const rules = request.signals.flatMap((signal) => signal.levels().map((level) => ({
      alert: `Kong_${signal.id.replace(/-/g, '_')}`,
      expr: signal.promqlCondition(level),
      for: signal.window.toPrometheus(),
      labels: { severity: signal.routedSeverity(level), signal: signal.id, gateway: gateway.name },
      annotations: { summary: signal.title, description: signal.description, runbook: signal.runbook },
    })));
    const group = { name: `kong.${gateway.name}.${gateway.environment}${request.nameSuffix ? `.${request.nameSuffix}` : ''}`, rules };
    const construct = new Construct(scope, this.id);
    new ConfigMapV1(construct, 'rules', {
      metadata: { name: `kong-${gateway.name}${request.nameSuffix ? `-${request.nameSuffix}` : ''}-rules`, namespace: this.options.namespace },
      data: { 'kong.rules.yml': JSON.stringify({ groups: [group] }, null, 2) },
    });
    return {
      construct,
      alertedSignals: request.signals.map((s) => s.id),
      skippedSignals: [],
      reads: { language: SignalQueryLanguage.PROMQL },
    };
  }
}
