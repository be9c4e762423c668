import { WorkloadKind } from '../../src/gateway/deployment-mode';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { TerraformStack, Testing } from '../../src/internal/cdktf';
import { PrometheusAlertRule, PrometheusRules, PrometheusRulesProps } from '../../src/prometheus';

/** A 3-node traditional gateway, the shape most tests alert on. */
export function traditionalGateway(): KongGateway {
  return KongGateway.traditional({ name: 'edge', namespace: 'kong', expectedNodes: 3, team: 'platform' });
}

export function hybridControlPlane(): KongGateway {
  return KongGateway.hybridControlPlane({ name: 'edge-cp', namespace: 'kong', expectedNodes: 1 });
}

/** A data plane on Kong Gateway Enterprise 3.10, whose exporter has `kong_control_plane_connected`. */
export function hybridDataPlane(): KongGateway {
  return KongGateway.hybridDataPlane({ name: 'edge-dp', namespace: 'kong', expectedNodes: 3, edition: KongEdition.ENTERPRISE, kongVersion: '3.10' });
}

/** The same data plane on open-source Kong 3.9 (the library's default), which lacks that gauge. */
export function openSourceDataPlane(): KongGateway {
  return KongGateway.hybridDataPlane({ name: 'edge-dp', namespace: 'kong', expectedNodes: 3 });
}

export function dbLessGateway(): KongGateway {
  return KongGateway.dbLess({ name: 'edge-dbless', namespace: 'kong' });
}

/** One gateway of each deployment mode, with the workload kinds and options varied. */
export function gatewaysOfEveryMode(): KongGateway[] {
  return [
    traditionalGateway(),
    dbLessGateway(),
    hybridControlPlane(),
    hybridDataPlane(),
    KongGateway.hybridDataPlane({ name: 'edge-ds', namespace: 'kong-dp', cluster: 'eu-1', workloadKind: WorkloadKind.DAEMON_SET, environment: 'staging' }),
    KongGateway.traditional({ name: 'edge-sts', workloadKind: WorkloadKind.STATEFUL_SET, environment: 'dev' }),
  ];
}

/** Builds PrometheusRules in a fresh stack and returns the construct and the synthesized JSON. */
export function renderRules(props: PrometheusRulesProps): { rules: PrometheusRules; parsed: any } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  const rules = new PrometheusRules(stack, 'alerts', props);
  return { rules, parsed: JSON.parse(Testing.synth(stack)) };
}

/**
 * The annotations promtool shows for a firing alert: the rule's templates with the alert's
 * labels and the value text the test expects filled in.
 */
export function expandAnnotations(rule: PrometheusAlertRule, labels: { [key: string]: string }, valueText: string): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const [key, template] of Object.entries(rule.annotations)) {
    out[key] = template
      .replace(/\{\{ \$labels\.([a-zA-Z_][a-zA-Z0-9_]*) \}\}/g, (_, name: string) => labels[name] ?? '')
      .replace(/\{\{ \$value \| humanize \}\}/g, valueText);
  }
  return out;
}
