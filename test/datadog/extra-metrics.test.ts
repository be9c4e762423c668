import { KONG_CHECK_DISTRIBUTIONS_FIXTURE, KONG_EXTRA_METRICS_FIXTURE } from './helpers';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { datadogAutodiscoveryAnnotations } from '../../src/kubernetes/internal/datadog-autodiscovery';
import { DATADOG_EXTRA_METRICS } from '../../src/signals/selectors';

function kongInstance(): any {
  const annotations = datadogAutodiscoveryAnnotations(KongGateway.hybridDataPlane({ name: 'edge' }), 8100, 5);
  return JSON.parse(annotations['ad.datadoghq.com/proxy.checks']).kong.instances[0];
}

describe('metrics the library asks the Kong check for (extra_metrics)', () => {
  test('the catalog requests exactly what the fixture says the Agent will send, with the transformer type', () => {
    expect(DATADOG_EXTRA_METRICS).toEqual(KONG_EXTRA_METRICS_FIXTURE.requested);
    for (const [exposed, { name, type }] of Object.entries(KONG_EXTRA_METRICS_FIXTURE.requested)) {
      // Counters are requested by family name (no `_total`) and arrive as `.count`
      // (integrations-core openmetrics/v2/transformers/counter.py).
      expect(exposed.endsWith('_total')).toBe(false);
      expect(['gauge', 'counter', 'time_elapsed']).toContain(type);
      expect(KONG_EXTRA_METRICS_FIXTURE.metrics).toContain(`kong.${name}${type === 'counter' ? '.count' : ''}`);
    }
  });

  test('the cluster certificate expiry timestamp is sent as time elapsed (now - expiry), not as the raw timestamp', () => {
    // transformers/time_elapsed.py: gauge(name, get_timestamp() - sample.value): the seconds since
    // the expiry, negative while the certificate is valid. Datadog has no clock in monitor
    // queries, so the Agent's subtraction is what makes "days until expiry" expressible.
    expect(DATADOG_EXTRA_METRICS.kong_data_plane_cluster_cert_expiry_timestamp).toEqual({
      name: 'data_plane.cluster_cert.seconds_since_expiry',
      type: 'time_elapsed',
    });
  });

  test('every pod annotation asks for them in the mapping form {exposed: {name, type}}, on the status port check', () => {
    expect(kongInstance().extra_metrics).toEqual([
      { kong_control_plane_connected: { name: 'control_plane.connected', type: 'gauge' } },
      { kong_data_plane_version_compatible: { name: 'data_plane.version_compatible', type: 'gauge' } },
      { kong_nginx_metric_errors: { name: 'nginx.metric_errors', type: 'counter' } },
      { kong_data_plane_cluster_cert_expiry_timestamp: { name: 'data_plane.cluster_cert.seconds_since_expiry', type: 'time_elapsed' } },
      { kong_data_plane_last_seen: { name: 'data_plane.seconds_since_last_seen', type: 'time_elapsed' } },
    ]);
  });
});

describe("Kong's latency histograms as distributions on the Agent path", () => {
  test('the Kong check instance sends histogram buckets as distributions and keeps .sum/.count', () => {
    // transform.py: collect_counters_with_distributions implies histogram_buckets_as_distributions,
    // which implies collect_histogram_buckets; all three are spelled out for the reader.
    const instance = kongInstance();
    for (const [option, value] of Object.entries(KONG_CHECK_DISTRIBUTIONS_FIXTURE.instanceOptions)) {
      expect([option, instance[option]]).toEqual([option, value]);
    }
  });
});
