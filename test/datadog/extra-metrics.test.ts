import { KONG_EXTRA_METRICS_FIXTURE } from './helpers';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { datadogAutodiscoveryAnnotations } from '../../src/kubernetes/internal/datadog-autodiscovery';
import { DATADOG_EXTRA_METRICS } from '../../src/signals/selectors';

describe('metrics the library asks the Kong check for (extra_metrics)', () => {
  test('the catalog requests exactly what the fixture says the Agent will send', () => {
    expect(Object.fromEntries(Object.entries(KONG_EXTRA_METRICS_FIXTURE.requested).map(([k, v]) => [k, v.sent]))).toEqual(DATADOG_EXTRA_METRICS);
    for (const [exposed, { sent, type }] of Object.entries(KONG_EXTRA_METRICS_FIXTURE.requested)) {
      // Counters are requested without `_total` and arrive as `.count`.
      expect(exposed.endsWith('_total')).toBe(false);
      expect(KONG_EXTRA_METRICS_FIXTURE.metrics).toContain(`kong.${sent}${type === 'counter' ? '.count' : ''}`);
    }
  });

  test('every pod annotation asks for them, on the status port check', () => {
    const annotations = datadogAutodiscoveryAnnotations(KongGateway.hybridDataPlane({ name: 'edge' }), 8100, 5);
    const checks = JSON.parse(annotations['ad.datadoghq.com/proxy.checks']);
    expect(checks.kong.instances[0].extra_metrics).toEqual([
      { kong_control_plane_connected: 'control_plane.connected' },
      { kong_data_plane_version_compatible: 'data_plane.version_compatible' },
      { kong_nginx_metric_errors: 'nginx.metric_errors' },
    ]);
  });
});
