import { manifestErrors } from './manifest-schemas';
import { manifestsOfKind, synthJson } from './synth-helpers';
import { datadogGatewayTags } from '../../src/gateway/gateway-identity';
import { KongGateway } from '../../src/gateway/kong-gateway';
import { pluginsOnlyDeclarativeConfig } from '../../src/kubernetes/internal/declarative-document';
import { KongPluginSet } from '../../src/kubernetes/internal/plugin-set';
import { KongClusterPlugins } from '../../src/kubernetes/kong-cluster-plugins';
import { StatsdTagStyle, TracePropagationFormat } from '../../src/kubernetes/plugins/plugin-options';

const gateway = KongGateway.dbLess({ name: 'edge', environment: 'staging' });
const allPlugins = {
  datadog: {},
  statsd: { host: 'statsd.monitoring' },
  openTelemetry: { tracesEndpoint: 'http://otel-collector.observability:4318/v1/traces', samplingRate: 0.05, propagation: [TracePropagationFormat.W3C, TracePropagationFormat.B3] },
};

function configOf(set: KongPluginSet, name: string): any {
  return set.plugins().find((p) => p.name === name)?.config;
}

describe('observability plugins', () => {
  test('Prometheus plugin turns on the four metric groups by default (Kong 3.x defaults them to false)', () => {
    expect(configOf(new KongPluginSet('test', gateway), 'prometheus')).toEqual({
      status_code_metrics: true,
      latency_metrics: true,
      bandwidth_metrics: true,
      upstream_health_metrics: true,
      per_consumer: false,
    });
  });

  test('Prometheus plugin flags can be changed or the plugin left out', () => {
    expect(configOf(new KongPluginSet('test', gateway, { prometheus: { bandwidthMetrics: false, perConsumer: true } }), 'prometheus')).toMatchObject({ bandwidth_metrics: false, per_consumer: true, latency_metrics: true });
    expect(new KongPluginSet('test', gateway, { prometheus: { enabled: false } }).plugins()).toEqual([]);
  });

  test('Datadog plugin: gateway tags on every metric, latency as distribution, host from the node', () => {
    const set = new KongPluginSet('test', gateway, { datadog: { extraTags: ['team:edge'] } });
    const config = configOf(set, 'datadog');
    const tags = [...datadogGatewayTags(gateway), 'team:edge'];
    expect(datadogGatewayTags(gateway)).toEqual(['kong_gateway:edge', 'kong_environment:staging']);
    expect(config.host).toBe('{vault://env/kong-datadog-agent-host}');
    expect(config.port).toBe(8125);
    expect(config.prefix).toBe('kong');
    expect(config.metrics).toHaveLength(6);
    for (const metric of config.metrics) expect(metric.tags).toEqual(tags);
    const byName = Object.fromEntries(config.metrics.map((m: any) => [m.name, m]));
    expect(byName.latency.stat_type).toBe('distribution');
    expect(byName.kong_latency.stat_type).toBe('distribution');
    expect(byName.upstream_latency.stat_type).toBe('distribution');
    // kong.request.count is queried with status:5*; the plugin adds the status tag itself.
    expect(byName.request_count).toEqual({ name: 'request_count', stat_type: 'counter', sample_rate: 1, tags });
    expect(set.pluginEnv()).toEqual([{ name: 'KONG_DATADOG_AGENT_HOST', valueFromFieldPath: 'status.hostIP' }]);
  });

  test('Datadog plugin with an explicit host needs no env', () => {
    const set = new KongPluginSet('test', gateway, { datadog: { host: 'datadog-agent.datadog' } });
    expect(configOf(set, 'datadog').host).toBe('datadog-agent.datadog');
    expect(set.pluginEnv()).toEqual([]);
  });

  test('StatsD plugin with DogStatsD tags', () => {
    expect(configOf(new KongPluginSet('test', gateway, { statsd: { host: 'statsd.monitoring', tagStyle: StatsdTagStyle.INFLUXDB } }), 'statsd')).toEqual({
      host: 'statsd.monitoring', port: 8125, prefix: 'kong', tag_style: 'influxdb',
    });
  });

  test('OpenTelemetry plugin: endpoint, sampling rate, propagation, and the tracing env Kong needs', () => {
    const set = new KongPluginSet('test', gateway, { openTelemetry: allPlugins.openTelemetry });
    expect(configOf(set, 'opentelemetry')).toEqual({
      traces_endpoint: 'http://otel-collector.observability:4318/v1/traces',
      sampling_rate: 0.05,
      resource_attributes: { 'service.name': 'kong-edge', 'deployment.environment': 'staging' },
      propagation: { extract: ['w3c', 'b3'], inject: ['preserve'], default_format: 'w3c' },
    });
    expect(set.pluginEnv()).toEqual([
      { name: 'KONG_TRACING_INSTRUMENTATIONS', value: 'all' },
      { name: 'KONG_TRACING_SAMPLING_RATE', value: '0.05' },
    ]);
  });

  test('bad plugin input is refused with a fix', () => {
    expect(() => new KongPluginSet('KongClusterPlugins \'p\'', gateway, { openTelemetry: { tracesEndpoint: 'otel:4318' } })).toThrow("KongClusterPlugins 'p': OpenTelemetry tracesEndpoint 'otel:4318' is not an http(s) URL. Fix:");
    expect(() => new KongPluginSet('x', gateway, { openTelemetry: { tracesEndpoint: 'http://otel:4318', samplingRate: 2 } })).toThrow('x: OpenTelemetry samplingRate 2 is outside 0..1. Fix:');
    expect(() => new KongPluginSet('x', gateway, { datadog: { extraTags: ['team:'] } })).toThrow("x: Datadog plugin tag 'team:' is empty or ends with ':'. Fix:");
    expect(() => new KongPluginSet('x', gateway, { datadog: { port: 0 } })).toThrow('x: plugins.datadog.port 0 is out of range. Fix:');
  });

  test('declarative configuration holds the same plugins as global plugins', () => {
    const set = new KongPluginSet('test', gateway, allPlugins);
    const declarative = JSON.parse(pluginsOnlyDeclarativeConfig(set.plugins()));
    expect(declarative._format_version).toBe('3.0');
    expect(declarative.plugins).toEqual(set.plugins());
    expect(declarative.plugins.map((p: any) => p.name)).toEqual(['prometheus', 'datadog', 'statsd', 'opentelemetry']);
  });
});

describe('KongClusterPlugins', () => {
  const json = synthJson((scope) => new KongClusterPlugins(scope, 'plugins', { gateway, plugins: allPlugins, ingressClass: 'kong-edge' }));
  const manifests = manifestsOfKind(json, 'KongClusterPlugin');
  const prometheus = manifests.find((m) => m.plugin === 'prometheus');

  test('one global KongClusterPlugin per plugin, labelled global and annotated with the ingress class', () => {
    expect(manifests.map((m) => m.plugin).sort()).toEqual(['datadog', 'opentelemetry', 'prometheus', 'statsd']);
    for (const m of manifests) {
      expect(m.apiVersion).toBe('configuration.konghq.com/v1');
      expect(m.metadata.name).toBe(`edge-${m.plugin}`);
      expect(m.metadata.labels.global).toBe('true');
      expect(m.metadata.annotations).toEqual({ 'kubernetes.io/ingress.class': 'kong-edge' });
      expect(m.metadata.namespace).toBeUndefined(); // cluster-scoped
    }
    expect(prometheus.config).toMatchObject({ status_code_metrics: true, latency_metrics: true, bandwidth_metrics: true, upstream_health_metrics: true });
  });

  test('every manifest is valid against the KongClusterPlugin CRD schema', () => {
    expect(manifests).toHaveLength(4);
    for (const m of manifests) expect(manifestErrors(m)).toEqual([]);
  });

  test('the CRD schema catches a misplaced field (config under spec) and config with configFrom', () => {
    const { config, ...rest } = prometheus;
    expect(manifestErrors({ ...rest, spec: { config } }).join('\n')).toMatch(/must NOT have additional properties.*"additionalProperty":"spec"/);
    const both = { ...prometheus, configFrom: { secretKeyRef: { name: 's', namespace: 'kong', key: 'k' } } };
    expect(manifestErrors(both).join('\n')).toMatch(/must NOT be valid/);
    expect(manifestErrors({ ...prometheus, run_on: 'everywhere' }).join('\n')).toMatch(/\/run_on must be equal to one of the allowed values/);
  });

  test('logical IDs are per plugin name, so adding a plugin does not move the others', () => {
    const ids = Object.keys(json.resource.kubernetes_manifest);
    const onlyPrometheus = Object.keys(synthJson((scope) => new KongClusterPlugins(scope, 'plugins', { gateway })).resource.kubernetes_manifest);
    expect(onlyPrometheus).toHaveLength(1);
    expect(ids).toEqual(expect.arrayContaining(onlyPrometheus));
    // statsd is second here and third in the full set: an ID taken from the position would move.
    const idOf = (synthesized: any, plugin: string) => {
      const byId = synthesized.resource.kubernetes_manifest;
      return Object.keys(byId).find((id) => byId[id].manifest.plugin === plugin);
    };
    const withStatsd = synthJson((scope) => new KongClusterPlugins(scope, 'plugins', { gateway, plugins: { statsd: allPlugins.statsd } }));
    expect(idOf(withStatsd, 'statsd')).toBeTruthy();
    expect(idOf(json, 'statsd')).toBe(idOf(withStatsd, 'statsd'));
    expect(idOf(json, 'prometheus')).toBe(idOf(withStatsd, 'prometheus'));
  });
});
