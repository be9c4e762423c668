import { SyntheticsTest } from '@cdktf/provider-datadog/lib/synthetics-test';
import { BASE, NOTIFY, handlesOf, resources, synth } from './helpers';
import { Duration } from '../../src/core/duration';
import { DatadogSynthetics } from '../../src/datadog/synthetics';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { Token } from '../../src/internal/cdktf';

const gateway = KongGateway.hybridDataPlane(BASE);

describe('DatadogSynthetics', () => {
  let construct!: DatadogSynthetics;
  const s = synth((stack) => {
    construct = new DatadogSynthetics(stack, 'synthetics', {
      gateway,
      notify: NOTIFY,
      endpoint: { url: 'https://api.example.com/health' },
      readiness: { host: 'edge-status.kong.svc.cluster.local', privateLocations: ['pl:kong-eu-abc123'] },
    });
  });
  const tests = Object.values(resources(s, 'datadog_synthetics_test')) as any[];
  const endpoint = tests.find((t) => t.request_definition.url.startsWith('https://'));
  const readiness = tests.find((t) => t.request_definition.url.includes('/status/ready'));

  test('two API tests: endpoint from managed locations, readiness from the private location', () => {
    expect(tests).toHaveLength(2);
    expect(endpoint).toMatchObject({
      name: '[Kong edge production] Kong endpoint api.example.com/health down',
      type: 'api',
      subtype: 'http',
      status: 'live',
      locations: ['aws:eu-central-1', 'aws:us-east-2'],
      request_definition: { method: 'GET', url: 'https://api.example.com/health', timeout: 30 },
      assertion: [
        { type: 'statusCode', operator: 'is', target: '200' },
        { type: 'responseTime', operator: 'lessThan', target: '2000' },
      ],
    });
    expect(endpoint.options_list).toMatchObject({ tick_every: 60, min_failure_duration: 120, monitor_priority: 1, monitor_options: { renotify_interval: 60 } });
    expect(readiness).toMatchObject({
      locations: ['pl:kong-eu-abc123'],
      request_definition: { method: 'GET', url: 'http://edge-status.kong.svc.cluster.local:8100/status/ready' },
      assertion: [{ type: 'statusCode', operator: 'is', target: '200' }],
    });
    expect(readiness.options_list.monitor_priority).toBe(3);
  });

  test('messages: endpoint pages critical, readiness tells warning; tags identify the gateway', () => {
    expect(handlesOf(endpoint.message, 'is_alert')).toEqual(['@pagerduty-kong']);
    expect(handlesOf(endpoint.message, 'is_recovery')).toEqual(['@pagerduty-kong']);
    expect(handlesOf(readiness.message, 'is_alert')).toEqual(['@slack-kong-alerts']);
    expect(endpoint.tags).toEqual(['kong_gateway:edge', 'kong_environment:production', 'team:platform', 'managed-by:cdktf-kong-monitoring']);
  });

  test('monitor ids are exposed as tokens that reference the tests', () => {
    expect(Token.isUnresolved(construct.endpointMonitorId)).toBe(true);
    expect(Token.isUnresolved(construct.readinessMonitorId)).toBe(true);
    expect(s.json).toHaveResourceWithProperties(SyntheticsTest, { type: 'api', subtype: 'http' });
  });

  test('options: interval, expected status, response time, no readiness test', () => {
    let only!: DatadogSynthetics;
    const t = synth((stack) => {
      only = new DatadogSynthetics(stack, 'synthetics', {
        gateway,
        notify: NOTIFY,
        endpoint: { url: 'https://api.example.com/', interval: Duration.minutes(5), expectedStatus: 204, maxResponseTime: Duration.seconds(1), locations: ['aws:ap-northeast-1'] },
        renotifyInterval: Duration.minutes(120),
      });
    });
    const [test] = Object.values(resources(t, 'datadog_synthetics_test')) as any[];
    expect(test.options_list.tick_every).toBe(300);
    expect(test.options_list.monitor_options.renotify_interval).toBe(120);
    expect(test.assertion).toEqual([
      { type: 'statusCode', operator: 'is', target: '204' },
      { type: 'responseTime', operator: 'lessThan', target: '1000' },
    ]);
    expect(test.locations).toEqual(['aws:ap-northeast-1']);
    expect(only.readinessMonitorId).toBeUndefined();
    expect(only.readinessTest).toBeUndefined();
  });

  test('a status-port endpoint test is fine from private locations only', () => {
    const t = synth((stack) => {
      new DatadogSynthetics(stack, 'synthetics', { gateway, notify: NOTIFY, endpoint: { url: 'http://10.0.0.5:8100/status/ready', locations: ['pl:kong-eu-abc123'] } });
    });
    expect(Object.keys(resources(t, 'datadog_synthetics_test'))).toHaveLength(1);
  });
});
