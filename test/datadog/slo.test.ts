import { ALLOWED_METRICS, BASE, NOTIFY, monitorOf, resources, synth } from './helpers';
import { DatadogMonitors } from '../../src/datadog/monitors';
import { DatadogSlo, DatadogSloSource, DatadogSloTimeframe } from '../../src/datadog/slo';
import { DatadogSynthetics } from '../../src/datadog/synthetics';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { DatadogCollection } from '../../src/signals/signal-types';
import { parseMetricExpression } from '../support/datadog-query';

const gateway = KongGateway.hybridDataPlane(BASE);
const only = (s: ReturnType<typeof synth>) => {
  const all = Object.values(resources(s, 'datadog_service_level_objective')) as any[];
  expect(all).toHaveLength(1);
  return all[0];
};

describe('DatadogSlo', () => {
  test('default: count-based on the catalog request counts, 99.9% over 30 days', () => {
    const slo = only(synth((stack) => new DatadogSlo(stack, 'slo', { gateway })));
    expect(slo.type).toBe('metric');
    expect(slo.query).toEqual({
      numerator: 'sum:kong.http.requests.count{kong_gateway:edge,kong_environment:production}.as_count() - sum:kong.http.requests.count{kong_gateway:edge,kong_environment:production,code:5*}.as_count()',
      denominator: 'sum:kong.http.requests.count{kong_gateway:edge,kong_environment:production}.as_count()',
    });
    expect(slo.thresholds).toEqual([{ timeframe: '30d', target: 99.9 }]);
    expect(slo.timeframe).toBe('30d');
    expect(slo.target_threshold).toBe(99.9);
    expect(slo.name).toBe('[Kong edge production] Kong availability (error-ratio)');
    expect(slo.tags).toContain('kong_slo:error-ratio');
  });

  test('numerator and denominator parse and use known metrics, on both collection paths', () => {
    for (const collection of [DatadogCollection.AGENT_INTEGRATION, DatadogCollection.KONG_PLUGIN]) {
      const slo = only(synth((stack) => new DatadogSlo(stack, 'slo', { gateway, collection })));
      for (const q of [slo.query.numerator, slo.query.denominator]) {
        const parsed = parseMetricExpression(q);
        for (const metric of parsed.metrics) expect(ALLOWED_METRICS).toContain(metric);
        // Count SLOs take sums of counts only.
        for (const term of parsed.terms) expect([term.spaceAggregation, term.modifier]).toEqual(['sum', 'as_count']);
      }
    }
  });

  test('several timeframes with a warning level', () => {
    const slo = only(synth((stack) => new DatadogSlo(stack, 'slo', {
      gateway,
      targetPercent: 99.5,
      warningPercent: 99.8,
      timeframes: [DatadogSloTimeframe.SEVEN_DAYS, DatadogSloTimeframe.NINETY_DAYS],
    })));
    expect(slo.thresholds).toEqual([
      { timeframe: '7d', target: 99.5, warning: 99.8 },
      { timeframe: '90d', target: 99.5, warning: 99.8 },
    ]);
    expect(slo.timeframe).toBe('7d');
    expect(slo.warning_threshold).toBe(99.8);
  });

  test('monitor-based on the readiness monitor references its id', () => {
    const s = synth((stack) => {
      const monitors = new DatadogMonitors(stack, 'monitors', { gateway, notify: NOTIFY });
      new DatadogSlo(stack, 'slo', { gateway, source: DatadogSloSource.READINESS_MONITOR, monitors });
    });
    const slo = only(s);
    expect(slo.type).toBe('monitor');
    const readyId = Object.entries(resources(s, 'datadog_monitor')).find(([, m]) => m === monitorOf(s, SignalId.NODE_READY))![0];
    expect(slo.monitor_ids).toEqual([`\${datadog_monitor.${readyId}.id}`]);
    expect(slo.query).toBeUndefined();
  });

  test('monitor-based on the synthetic endpoint test references its monitor_id', () => {
    const s = synth((stack) => {
      const synthetics = new DatadogSynthetics(stack, 'synthetics', { gateway, notify: NOTIFY, endpoint: { url: 'https://api.example.com/health' } });
      new DatadogSlo(stack, 'slo', { gateway, source: DatadogSloSource.SYNTHETIC_TEST, synthetics });
    });
    const [testId] = Object.keys(resources(s, 'datadog_synthetics_test'));
    expect(only(s).monitor_ids).toEqual([`\${datadog_synthetics_test.${testId}.monitor_id}`]);
  });
});
