import { manifestErrors } from './manifest-schemas';
import { manifestsOfKind, resourcesOf, synthJson } from './synth-helpers';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongWorkloadSettings } from '../../src/kubernetes/kong-workload-settings';
import { PrometheusScrape } from '../../src/kubernetes/prometheus-scrape';
import { PrometheusScrapeMethod } from '../../src/kubernetes/scrape-method';
import { promSelector } from '../../src/signals/selectors';

const gateway = KongGateway.hybridDataPlane({ name: 'edge', namespace: 'kong-dp' });

function synth(method: PrometheusScrapeMethod): any {
  return synthJson((scope) => new PrometheusScrape(scope, 'scrape', { gateway, method, monitorLabels: { release: 'kube-prometheus-stack' } }));
}

describe('PrometheusScrape', () => {
  test('PodMonitor selects the Kong pods, scrapes status:/metrics at the gateway interval, keeps namespace and pod', () => {
    const [podMonitor] = manifestsOfKind(synth(PrometheusScrapeMethod.POD_MONITOR), 'PodMonitor');
    expect(podMonitor).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'edge', namespace: 'kong-dp', labels: { release: 'kube-prometheus-stack', kong_gateway: 'edge' } },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge' } },
        namespaceSelector: { matchNames: ['kong-dp'] },
        podMetricsEndpoints: [{ port: 'status', path: '/metrics', scheme: 'http', interval: '30s' }],
      },
    });
    // No relabeling that could drop or rename the labels the catalog selects on.
    for (const endpoint of podMonitor.spec.podMetricsEndpoints) {
      expect(endpoint.relabelings).toBeUndefined();
      expect(endpoint.metricRelabelings).toBeUndefined();
    }
    expect(promSelector(gateway)).toContain('namespace="kong-dp"');
    expect(promSelector(gateway)).toContain('pod=~"edge-');
    expect(manifestErrors(podMonitor)).toEqual([]);
  });

  test('ServiceMonitor selects the status Service', () => {
    const [serviceMonitor] = manifestsOfKind(synth(PrometheusScrapeMethod.SERVICE_MONITOR), 'ServiceMonitor');
    expect(serviceMonitor.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': 'edge', 'app.kubernetes.io/component': 'status' });
    expect(serviceMonitor.spec.endpoints).toEqual([{ port: 'status', path: '/metrics', scheme: 'http', interval: '30s' }]);
    expect(manifestErrors(serviceMonitor)).toEqual([]);
  });

  test('the PodMonitor schema catches a wrong field name', () => {
    const [podMonitor] = manifestsOfKind(synth(PrometheusScrapeMethod.POD_MONITOR), 'PodMonitor');
    const wrong = { ...podMonitor, spec: { ...podMonitor.spec, endpoints: podMonitor.spec.podMetricsEndpoints } };
    expect(manifestErrors(wrong).join('\n')).toMatch(/\/spec must NOT have additional properties.*"additionalProperty":"endpoints"/);
    const badInterval = { ...podMonitor, spec: { ...podMonitor.spec, podMetricsEndpoints: [{ port: 'status', interval: '30 seconds' }] } };
    expect(manifestErrors(badInterval).join('\n')).toMatch(/interval must match pattern/);
  });

  test('annotations method creates no monitor; the pod gets prometheus.io annotations instead', () => {
    expect(resourcesOf(synth(PrometheusScrapeMethod.ANNOTATIONS), 'kubernetes_manifest')).toEqual({});
    const annotations = new KongWorkloadSettings({ gateway, prometheusScrape: PrometheusScrapeMethod.ANNOTATIONS }).podAnnotations();
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(annotations['prometheus.io/port']).toBe('8100');
    expect(annotations['prometheus.io/path']).toBe('/metrics');
    expect(new KongWorkloadSettings({ gateway }).podAnnotations()['prometheus.io/scrape']).toBeUndefined();
  });
});
