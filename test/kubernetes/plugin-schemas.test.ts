// Every plugin configuration the library can emit, held to Kong's own plugin schemas for each
// supported release (3.3–3.9, and Enterprise 3.10+ where the open-source master, which it
// builds on, is the reference). Kong validates a DB-less file and a controller's /config push
// as a whole: one refused field and the node crash-loops. Fixtures and their schema lines:
// test/fixtures/kong-plugin-schemas/*.json.
import { KongGateway } from '../../src/gateway/kong-gateway';
import { KongEdition } from '../../src/gateway/kong-version';
import { KongPluginSet } from '../../src/kubernetes/internal/plugin-set';
import { KongPluginOptions, StatsdTagStyle, TracePropagationFormat } from '../../src/kubernetes/plugins/plugin-options';
import { pluginConfigErrors } from '../support/kong-plugin-schema';

const ENDPOINT = 'http://otel-collector.observability:4318/v1/traces';

function gatewayOn(kongVersion: string): KongGateway {
  const enterprise = Number(kongVersion.split('.')[1]) >= 10;
  return KongGateway.dbLess({ name: 'edge', kongVersion, edition: enterprise ? KongEdition.ENTERPRISE : KongEdition.OPEN_SOURCE });
}

function render(kongVersion: string, options: KongPluginOptions) {
  return new KongPluginSet('test', gatewayOn(kongVersion), options).plugins();
}

function errorsOf(kongVersion: string, options: KongPluginOptions): string[] {
  const majorMinor = kongVersion.split('.').slice(0, 2).join('.');
  return render(kongVersion, options).flatMap((p) => pluginConfigErrors(p.name, majorMinor, p.config).map((e) => `${p.name} ${e}`));
}

const DEFAULTS: KongPluginOptions = {
  datadog: {},
  statsd: { host: 'statsd.monitoring' },
  openTelemetry: { tracesEndpoint: ENDPOINT },
};

const EVERYTHING: KongPluginOptions = {
  prometheus: { perConsumer: true },
  datadog: { host: 'datadog-agent.datadog', port: 8125, prefix: 'kong_edge', extraTags: ['team:edge', 'tier'] },
  statsd: { host: '10.0.0.12', prefix: 'edge', tagStyle: StatsdTagStyle.INFLUXDB },
  openTelemetry: {
    tracesEndpoint: ENDPOINT,
    samplingRate: 0.2,
    propagation: [TracePropagationFormat.B3_SINGLE, TracePropagationFormat.B3, TracePropagationFormat.W3C, TracePropagationFormat.DATADOG],
    resourceAttributes: { 'service.name': 'edge', 'deployment.environment': 'production' },
  },
};

const SUPPORTED = ['3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.9.3', '3.10', '3.11.0.1'];

describe("the plugin configs against Kong's schemas, per release", () => {
  test.each(SUPPORTED)('Kong %s loads every plugin with default options', (version) => {
    expect(errorsOf(version, DEFAULTS)).toEqual([]);
  });

  test.each(SUPPORTED.filter((v) => Number(v.split('.')[1]) >= 7))('Kong %s loads every plugin with every option the library offers', (version) => {
    expect(errorsOf(version, EVERYTHING)).toEqual([]);
  });

  test.each(['3.3', '3.5', '3.6'])('Kong %s loads every option it has (no propagation before 3.7)', (version) => {
    const { propagation, ...otel } = EVERYTHING.openTelemetry!;
    expect(propagation).toBeDefined();
    expect(errorsOf(version, { ...EVERYTHING, openTelemetry: otel })).toEqual([]);
  });

  test('the fixtures do catch what Kong refuses (the checks above are not vacuous)', () => {
    // kong/tracing/propagation/schema.lua 3.7.0 L8-L9: b3 and b3-single share one extractor, `b3`.
    expect(pluginConfigErrors('opentelemetry', '3.9', { traces_endpoint: ENDPOINT, propagation: { extract: ['b3-single'], inject: ['preserve'], default_format: 'w3c' } }))
      .toEqual(['config.propagation.extract[0]: expected one of: w3c, b3, jaeger, ot, datadog, aws, gcp']);
    // opentelemetry schema.lua 3.7.0 L38: `endpoint` is required; `traces_endpoint` arrives in 3.8.0 L38.
    expect(pluginConfigErrors('opentelemetry', '3.7', { traces_endpoint: ENDPOINT })).toEqual(['config.traces_endpoint: unknown field', 'config.endpoint: required field missing']);
    // typedefs.lua 3.9.3 L24-L35: a host with a port is refused.
    expect(pluginConfigErrors('statsd', '3.9', { host: 'statsd:8125' })).toEqual(['config.host: must not have a port']);
    // statsd schema.lua 3.9.3 L151: host is not referenceable.
    expect(pluginConfigErrors('statsd', '3.9', { host: '{vault://env/statsd-host}' })).toEqual(['config.host: invalid value: {vault://env/statsd-host}']);
    // datadog schema.lua 3.3.0 L77: host is referenceable from 3.3.
    expect(pluginConfigErrors('datadog', '3.3', { host: '{vault://env/kong-datadog-agent-host}', metrics: [] })).toEqual([]);
    // kong/db/schema/init.lua 3.9.3 L990: empty strings are refused; opentelemetry schema.lua L14 for attribute values.
    expect(pluginConfigErrors('datadog', '3.9', { prefix: '', metrics: [] })).toEqual(['config.prefix: length must be at least 1']);
    expect(pluginConfigErrors('opentelemetry', '3.9', { traces_endpoint: ENDPOINT, resource_attributes: { 'service.name': '' } })).toEqual(['config.resource_attributes.service.name: length must be at least 1']);
  });
});

describe('plugin configurations Kong would refuse are fixed or refused', () => {
  test('b3-single is never an extractor: B3_SINGLE extracts with b3 and stays the default format written upstream', () => {
    const otel = render('3.9', { openTelemetry: { tracesEndpoint: ENDPOINT, propagation: [TracePropagationFormat.B3_SINGLE, TracePropagationFormat.W3C, TracePropagationFormat.B3] } })
      .find((p) => p.name === 'opentelemetry')!.config;
    expect(otel.propagation).toEqual({ extract: ['b3', 'w3c'], inject: ['preserve'], default_format: 'b3-single' });
  });

  test('a Datadog or StatsD host with a port is refused', () => {
    expect(() => render('3.9', { datadog: { host: 'datadog-agent.datadog:8125' } })).toThrow(
      "test: plugins.datadog.host 'datadog-agent.datadog:8125' has a port, which Kong refuses (must not have a port). Fix: give the host alone and the port as plugins.datadog.port.",
    );
    expect(() => render('3.9', { statsd: { host: '10.0.0.12:8125' } })).toThrow(
      "test: plugins.statsd.host '10.0.0.12:8125' has a port, which Kong refuses (must not have a port). Fix: give the host alone and the port as plugins.statsd.port.",
    );
  });

  test('a vault reference as the StatsD host is refused (that field is not referenceable)', () => {
    expect(() => render('3.9', { statsd: { host: '{vault://env/statsd-host}' } })).toThrow(
      "test: plugins.statsd.host '{vault://env/statsd-host}' is a vault reference, which the StatsD plugin's host does not accept (the field is not referenceable). Fix: give a host name or IP address.",
    );
  });

  test('a host that is no host name is refused', () => {
    expect(() => render('3.9', { datadog: { host: 'udp://agent' } })).toThrow("test: plugins.datadog.host 'udp://agent' is not a host name or IP address. Fix: give a host name or IP address, e.g. 'datadog-agent.datadog'.");
  });

  test('empty prefixes and empty resource-attribute values are refused', () => {
    expect(() => render('3.9', { datadog: { prefix: '' } })).toThrow("test: plugins.datadog.prefix is empty, which Kong refuses. Fix: leave prefix unset (default 'kong') or give a non-empty prefix.");
    expect(() => render('3.9', { statsd: { host: 'statsd', prefix: '' } })).toThrow("test: plugins.statsd.prefix is empty, which Kong refuses. Fix: leave prefix unset (default 'kong') or give a non-empty prefix.");
    expect(() => render('3.9', { openTelemetry: { tracesEndpoint: ENDPOINT, resourceAttributes: { 'service.name': 'edge', 'team': '' } } })).toThrow(
      "test: plugins.openTelemetry.resourceAttributes 'team' is empty, which Kong refuses. Fix: give the attribute a value, or leave it out.",
    );
  });

  test('before Kong 3.8 the OpenTelemetry endpoint field is `endpoint`', () => {
    const config = (version: string) => render(version, { openTelemetry: { tracesEndpoint: ENDPOINT, samplingRate: 0.5 } }).find((p) => p.name === 'opentelemetry')!.config;
    expect(config('3.7')).toMatchObject({ endpoint: ENDPOINT, sampling_rate: 0.5 });
    expect(config('3.7').traces_endpoint).toBeUndefined();
    expect(config('3.8')).toMatchObject({ traces_endpoint: ENDPOINT });
    expect(config('3.8').endpoint).toBeUndefined();
    // Before 3.6 the rate is Kong's global setting only (the env the plugin set adds).
    expect(config('3.5').sampling_rate).toBeUndefined();
    expect(new KongPluginSet('test', gatewayOn('3.5'), { openTelemetry: { tracesEndpoint: ENDPOINT, samplingRate: 0.5 } }).pluginEnv())
      .toContainEqual({ name: 'KONG_TRACING_SAMPLING_RATE', value: '0.5' });
  });

  test('propagation formats before Kong 3.7 are refused; without them the plugin keeps the incoming format', () => {
    expect(() => render('3.6', { openTelemetry: { tracesEndpoint: ENDPOINT, propagation: [TracePropagationFormat.W3C] } })).toThrow(
      'test: plugins.openTelemetry.propagation needs Kong 3.7 (the gateway runs 3.6). Fix: leave propagation unset (Kong then keeps the incoming trace header format), or run Kong 3.7 or later.',
    );
    expect(render('3.6', { openTelemetry: { tracesEndpoint: ENDPOINT } }).find((p) => p.name === 'opentelemetry')!.config.propagation).toBeUndefined();
  });
});
