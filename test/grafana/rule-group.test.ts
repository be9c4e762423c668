import { body, expectValidAgainstSchema, synth } from './helpers';
import { Folder, RuleGroup, RuleGroupRuleData } from '../../src/grafana/provider';

const query: RuleGroupRuleData = {
  refId: 'A',
  datasourceUid: 'prom',
  model: JSON.stringify({ refId: 'A', expr: 'sum by (pod) (kong_upstream_target_health{state="healthy"})' }),
  relativeTimeRange: { from: 600, to: 0 },
};
const threshold: RuleGroupRuleData = {
  refId: 'B',
  datasourceUid: '__expr__',
  queryType: '',
  model: JSON.stringify({ refId: 'B', type: 'threshold', expression: 'A', conditions: [{ evaluator: { type: 'lt', params: [1] } }] }),
  relativeTimeRange: { from: 0, to: 0 },
};

describe('RuleGroup', () => {
  test('writes rules with data stages, time ranges and states under the provider names', () => {
    const s = synth((stack) => {
      const folder = new Folder(stack, 'kong', { title: 'Kong', uid: 'kong' });
      new RuleGroup(stack, 'health', {
        name: 'kong-health',
        folderUid: folder.uid,
        intervalSeconds: 60,
        rule: [{
          name: 'Kong node not ready',
          uid: 'kong-node-not-ready',
          condition: 'B',
          for: '2m',
          keepFiringFor: '1m',
          noDataState: 'Alerting',
          execErrState: 'Error',
          labels: { severity: 'critical', kongCluster: 'edge' },
          annotations: { summary: 'Kong node {{ $labels.pod }} is not ready', runbook_url: 'https://runbooks.example.com/kong' },
          isPaused: false,
          data: [query, threshold],
        }],
      });
    });
    expect(s.json).toHaveResourceWithProperties(RuleGroup, { name: 'kong-health', interval_seconds: 60 });
    const rg = body(s, 'grafana_rule_group', 'health');
    expect(rg.folder_uid).toBe('${grafana_folder.kong.uid}');
    expect(Array.isArray(rg.rule)).toBe(true);
    const rule = rg.rule[0];
    expect(rule.for).toBe('2m');
    expect(rule.keep_firing_for).toBe('1m');
    expect(rule.condition).toBe('B');
    expect(rule.no_data_state).toBe('Alerting');
    expect(rule.exec_err_state).toBe('Error');
    expect(rule.is_paused).toBe(false);
    // Map attributes keep their keys verbatim (no snake-casing of label names).
    expect(rule.labels).toEqual({ severity: 'critical', kongCluster: 'edge' });
    expect(rule.annotations.summary).toBe('Kong node {{ $labels.pod }} is not ready');
    expect(rule.data).toHaveLength(2);
    expect(rule.data[0].ref_id).toBe('A');
    expect(rule.data[0].datasource_uid).toBe('prom');
    expect(typeof rule.data[0].model).toBe('string');
    expect(JSON.parse(rule.data[0].model).expr).toContain('kong_upstream_target_health');
    // relative_time_range is a max-one block: still a one-element array in Terraform JSON.
    expect(rule.data[0].relative_time_range).toEqual([{ from: 600, to: 0 }]);
    expect(rule.data[1].relative_time_range).toEqual([{ from: 0, to: 0 }]);
    expect(rule.data[1].query_type).toBe('');
    expect(rule.notification_settings).toBeUndefined();
    expectValidAgainstSchema(s, 2);
  });

  test('notification_settings and record are one-element block arrays', () => {
    const s = synth((stack) => {
      new RuleGroup(stack, 'routed', {
        name: 'kong-routed',
        folderUid: 'kong',
        intervalSeconds: 30,
        rule: [
          {
            name: 'Kong 5xx rate',
            condition: 'B',
            data: [query, threshold],
            notificationSettings: {
              contactPoint: 'kong-pagerduty',
              groupBy: ['alertname', 'grafana_folder', 'pod'],
              groupWait: '30s',
              groupInterval: '5m',
              repeatInterval: '4h',
              muteTimings: ['kong-maintenance'],
              activeTimings: ['business-hours'],
            },
          },
          {
            name: 'kong:ready_nodes',
            data: [query],
            record: { from: 'A', metric: 'kong:ready_nodes', targetDatasourceUid: 'prom' },
          },
        ],
      });
    });
    const rules = body(s, 'grafana_rule_group', 'routed').rule;
    expect(rules[0].notification_settings).toEqual([{
      contact_point: 'kong-pagerduty',
      group_by: ['alertname', 'grafana_folder', 'pod'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      mute_timings: ['kong-maintenance'],
      active_timings: ['business-hours'],
    }]);
    expect(rules[1].record).toEqual([{ from: 'A', metric: 'kong:ready_nodes', target_datasource_uid: 'prom' }]);
    expect(rules[1].condition).toBeUndefined();
    expectValidAgainstSchema(s, 1);
  });
});
