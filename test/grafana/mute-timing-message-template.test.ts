import { body, expectValidAgainstSchema, synth } from './helpers';
import { MessageTemplate, MuteTiming } from '../../src/grafana/provider';

describe('MuteTiming', () => {
  test('intervals and times are block arrays; list attributes keep their order', () => {
    const s = synth((stack) => {
      new MuteTiming(stack, 'maintenance', {
        name: 'kong-maintenance',
        intervals: [{
          times: [{ start: '02:00', end: '04:00' }],
          weekdays: ['saturday', 'sunday'],
          daysOfMonth: ['1:7', '-1'],
          months: ['january:march', 'december'],
          years: ['2030:2031'],
          location: 'Europe/Berlin',
        }],
      });
    });
    const mt = body(s, 'grafana_mute_timing', 'maintenance');
    expect(mt.name).toBe('kong-maintenance');
    expect(mt.intervals).toEqual([{
      times: [{ start: '02:00', end: '04:00' }],
      weekdays: ['saturday', 'sunday'],
      days_of_month: ['1:7', '-1'],
      months: ['january:march', 'december'],
      years: ['2030:2031'],
      location: 'Europe/Berlin',
    }]);
    expectValidAgainstSchema(s, 1);
  });

  test('an empty interval (mute all the time) synthesizes as [{}]', () => {
    const s = synth((stack) => {
      new MuteTiming(stack, 'always', { name: 'kong-always', intervals: [{}] });
    });
    expect(body(s, 'grafana_mute_timing', 'always').intervals).toEqual([{}]);
    expectValidAgainstSchema(s, 1);
  });

  test('name getter is a reference for policies', () => {
    const s = synth((stack) => {
      const mt = new MuteTiming(stack, 'm', { name: 'kong-maintenance' });
      new MuteTiming(stack, 'n', { name: `${mt.name}-copy` });
    });
    expect(body(s, 'grafana_mute_timing', 'n').name).toBe('${grafana_mute_timing.m.name}-copy');
  });
});

describe('MessageTemplate', () => {
  test('writes name and Go-template text verbatim, and never an id', () => {
    const template = '{{ define "kong.title" }}[{{ .Status | toUpper }}] Kong {{ .CommonLabels.alertname }}{{ end }}';
    const s = synth((stack) => {
      new MessageTemplate(stack, 'title', { name: 'kong', template, disableProvenance: true });
    });
    const mtpl = body(s, 'grafana_message_template', 'title');
    expect(mtpl.name).toBe('kong');
    expect(mtpl.template).toBe(template);
    expect(mtpl.disable_provenance).toBe(true);
    expect(mtpl.id).toBeUndefined();
    expectValidAgainstSchema(s, 1);
  });
});
