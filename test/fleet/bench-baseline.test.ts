import { buildScenario, countResources, Layout, Variant } from '../../bench/scenario';
import * as library from '../../src';
import { synthApp } from '../support/synth';

// The bench's overhead ratio only means something if the hand-written baseline writes what
// the facade writes: the same Terraform types, the same count of each, per gateway.
function synth(variant: Variant, gateways: number, layout: Layout): { counts: { [type: string]: number }; bytes: number; stacks: number } {
  const stacks = synthApp((app) => buildScenario(app, { variant, gateways, layout, expectedNodes: 3 }, library));
  const counts: { [type: string]: number } = {};
  let bytes = 0;
  for (const json of stacks.values()) {
    bytes += JSON.stringify(json).length;
    for (const [type, n] of Object.entries(countResources(json))) counts[type] = (counts[type] ?? 0) + n;
  }
  return { counts, bytes, stacks: stacks.size };
}

describe('bench scenario', () => {
  test.each([['one-stack', 1], ['stack-per-gateway', 3]] as Array<[Layout, number]>)('%s: facade and baseline write the same resource types and counts', (layout, stackCount) => {
    const facade = synth('facade', 3, layout);
    const baseline = synth('baseline', 3, layout);
    expect(facade.stacks).toBe(stackCount);
    expect(baseline.stacks).toBe(stackCount);
    expect(baseline.counts).toEqual(facade.counts);
    // Every backend of the scenario is there: Datadog, Grafana, Prometheus rules and the PodMonitor.
    expect(Object.keys(facade.counts).sort()).toEqual([
      'datadog_dashboard_json', 'datadog_metric_tag_configuration', 'datadog_monitor', 'datadog_service_level_objective', 'datadog_synthetics_test',
      'grafana_dashboard', 'grafana_folder', 'grafana_rule_group', 'kubernetes_manifest',
    ]);
    // Configs of similar size, so the comparison is of like with like.
    expect(baseline.bytes / facade.bytes).toBeGreaterThan(0.75);
    expect(baseline.bytes / facade.bytes).toBeLessThan(1.25);
  });

  test('resources per gateway do not depend on the number of nodes', () => {
    const per = [3, 30, 300].map((expectedNodes) => {
      const stacks = synthApp((app) => buildScenario(app, { variant: 'facade', gateways: 2, layout: 'one-stack', expectedNodes }, library));
      return countResources(stacks.get('kong')!);
    });
    expect(per[1]).toEqual(per[0]);
    expect(per[2]).toEqual(per[0]);
  });
});
