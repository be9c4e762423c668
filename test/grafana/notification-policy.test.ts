import { body, expectValidAgainstSchema, synth } from './helpers';
import { NotificationPolicy, NotificationPolicyPolicy } from '../../src/grafana/provider';

/** A chain of `levels` nested policies, each matching severity=level<n>. */
function chain(levels: number, leaf: Partial<NotificationPolicyPolicy> = {}): NotificationPolicyPolicy {
  const level = (n: number): NotificationPolicyPolicy => ({
    matcher: [{ label: 'level', match: '=', value: `l${n}` }],
    ...(n === levels ? leaf : { policy: [level(n + 1)] }),
  });
  return level(1);
}

describe('NotificationPolicy', () => {
  test('root settings, nested policies and matcher blocks use the provider names and arrays', () => {
    const s = synth((stack) => {
      new NotificationPolicy(stack, 'policy', {
        contactPoint: 'kong-slack',
        groupBy: ['alertname', 'grafana_folder'],
        groupWait: '30s',
        groupInterval: '5m',
        repeatInterval: '4h',
        policy: [{
          contactPoint: 'kong-pagerduty',
          continue: true,
          matcher: [{ label: 'severity', match: '=', value: 'critical' }, { label: 'kong_cluster', match: '=~', value: 'edge|core' }],
          groupBy: ['alertname', 'pod'],
          muteTimings: ['kong-maintenance'],
          policy: [{
            matcher: [{ label: 'node', match: '!=', value: '' }],
            groupWait: '10s',
            repeatInterval: '1h',
          }],
        }],
      });
    });
    const np = body(s, 'grafana_notification_policy', 'policy');
    expect(np.contact_point).toBe('kong-slack');
    expect(np.group_by).toEqual(['alertname', 'grafana_folder']);
    expect(np.group_wait).toBe('30s');
    expect(np.group_interval).toBe('5m');
    expect(np.repeat_interval).toBe('4h');
    const p1 = np.policy[0];
    expect(p1.contact_point).toBe('kong-pagerduty');
    expect(p1.continue).toBe(true);
    expect(p1.mute_timings).toEqual(['kong-maintenance']);
    expect(p1.matcher).toEqual([
      { label: 'severity', match: '=', value: 'critical' },
      { label: 'kong_cluster', match: '=~', value: 'edge|core' },
    ]);
    expect(p1.policy).toEqual([{
      matcher: [{ label: 'node', match: '!=', value: '' }],
      group_wait: '10s',
      repeat_interval: '1h',
    }]);
    expectValidAgainstSchema(s, 1);
  });

  test('nests down to the fifth level, where the provider requires group_by', () => {
    const s = synth((stack) => {
      new NotificationPolicy(stack, 'deep', {
        contactPoint: 'kong-slack',
        groupBy: ['...'],
        policy: [chain(5, { groupBy: ['...'] })],
      });
    });
    let level = body(s, 'grafana_notification_policy', 'deep');
    for (let n = 1; n <= 5; n++) {
      level = level.policy[0];
      expect(level.matcher).toEqual([{ label: 'level', match: '=', value: `l${n}` }]);
    }
    expect(level.group_by).toEqual(['...']);
    expect(level.policy).toBeUndefined();
    expectValidAgainstSchema(s, 1);
  });

  test('refuses a sixth level and a fifth level without groupBy at synth time', () => {
    expect(() => synth((stack) => {
      new NotificationPolicy(stack, 'tooDeep', {
        contactPoint: 'kong-slack',
        groupBy: ['...'],
        policy: [chain(6, { groupBy: ['...'] })],
      });
    })).toThrow(/policies nest at most 5 levels under the root; remove the child policies at level 5/);
    expect(() => synth((stack) => {
      new NotificationPolicy(stack, 'noGroupBy', { contactPoint: 'kong-slack', groupBy: ['...'], policy: [chain(5)] });
    })).toThrow(/requires groupBy on a level-5 policy/);
    expect(NotificationPolicy.maxPolicyDepth).toBe(5);
  });
});
