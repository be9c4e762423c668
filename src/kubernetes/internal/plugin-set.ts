import { requireDatadogTags } from '../../core/labels';
import { refuseSecretUrl } from '../../core/literal-secrets';
import { failValidation, requirePort } from '../../core/validation';
import { datadogGatewayTags } from '../../gateway/gateway-identity';
import { KONG_PLUGIN_FIELD_SINCE } from '../../gateway/kong-facts';
import { KongGateway } from '../../gateway/kong-gateway';
import { reservedTags } from '../../gateway/reserved-tags';
import { KongPluginConfiguration, KongPluginDelivery } from '../plugin-delivery';
import { KongPluginOptions, OpenTelemetryPluginOptions, StatsdTagStyle, TracePropagationFormat } from '../plugins/plugin-options';
import { KongEnvVariable } from '../workload-options';

/** Env vault reference the Datadog plugin reads its host from (Kubernetes cannot set the field to null). */
export const DATADOG_AGENT_HOST_REFERENCE = '{vault://env/kong-datadog-agent-host}';

/** One plugin as Kong's Admin API and declarative config spell it. */
export interface RenderedPlugin {
  /** Plugin name (`prometheus`, `datadog`, `statsd`, `opentelemetry`). */
  readonly name: string;
  /** Plugin `config` object. */
  readonly config: { [key: string]: unknown };
}

/**
 * The observability plugins of one gateway, rendered once and used by every output:
 * KongClusterPlugin manifests, declarative configuration and workload env.
 */
export class KongPluginSet {
  private readonly rendered: RenderedPlugin[];
  private readonly env: KongEnvVariable[];

  public constructor(subject: string, gateway: KongGateway, options: KongPluginOptions = {}) {
    this.rendered = [];
    this.env = [];
    const prometheus = options.prometheus ?? {};
    if (prometheus.enabled ?? true) {
      this.rendered.push({
        name: 'prometheus',
        config: {
          status_code_metrics: prometheus.statusCodeMetrics ?? true,
          latency_metrics: prometheus.latencyMetrics ?? true,
          bandwidth_metrics: prometheus.bandwidthMetrics ?? true,
          upstream_health_metrics: prometheus.upstreamHealthMetrics ?? true,
          per_consumer: prometheus.perConsumer ?? false,
        },
      });
    }

    if (options.datadog) {
      const dd = options.datadog;
      const port = dd.port ?? 8125;
      requirePort(subject, 'plugins.datadog.port', port);
      if (dd.host !== undefined) {
        // datadog schema.lua: host is typedefs.host { referenceable = true } (from 3.3).
        if (!isVaultReference(dd.host) || !atLeast(gateway, KONG_PLUGIN_FIELD_SINCE.datadogHostReference)) requireHost(subject, 'plugins.datadog.host', dd.host);
      }
      requireNonEmptyPrefix(subject, 'plugins.datadog.prefix', dd.prefix);
      for (const tag of dd.extraTags ?? []) {
        if (tag.endsWith(':') || tag.length === 0) {
          failValidation(subject, `Datadog plugin tag '${tag}' is empty or ends with ':'`, "write tags as 'key:value' or 'key'");
        }
      }
      // The plugin's metrics carry the gateway's identity tags, which every Datadog query selects by.
      const split = (tag: string) => (tag.includes(':') ? [tag.slice(0, tag.indexOf(':')), tag.slice(tag.indexOf(':') + 1)] : [tag, '']);
      requireDatadogTags(subject, 'plugins.datadog.extraTags', Object.fromEntries((dd.extraTags ?? []).map(split)), reservedTags(gateway), true);
      const tags = [...datadogGatewayTags(gateway), ...(dd.extraTags ?? [])];
      // Latency and sizes as distributions: the catalog queries p99:kong.latency{...}, which
      // only distributions give (timers become Agent-side p95/avg series, not global percentiles).
      const distribution = (name: string) => ({ name, stat_type: 'distribution', tags });
      this.rendered.push({
        name: 'datadog',
        config: {
          host: dd.host ?? DATADOG_AGENT_HOST_REFERENCE,
          port,
          prefix: dd.prefix ?? 'kong',
          metrics: [
            { name: 'request_count', stat_type: 'counter', sample_rate: 1, tags },
            distribution('latency'),
            distribution('kong_latency'),
            distribution('upstream_latency'),
            distribution('request_size'),
            distribution('response_size'),
          ],
        },
      });
      if (dd.host === undefined) this.env.push({ name: 'KONG_DATADOG_AGENT_HOST', valueFromFieldPath: 'status.hostIP' });
    }

    if (options.statsd) {
      const statsd = options.statsd;
      if (isVaultReference(statsd.host)) {
        // statsd schema.lua: host is typedefs.host without `referenceable`.
        failValidation(
          subject,
          `plugins.statsd.host '${statsd.host}' is a vault reference, which the StatsD plugin's host does not accept (the field is not referenceable)`,
          'give a host name or IP address',
        );
      }
      requireHost(subject, 'plugins.statsd.host', statsd.host);
      const port = statsd.port ?? 8125;
      requirePort(subject, 'plugins.statsd.port', port);
      requireNonEmptyPrefix(subject, 'plugins.statsd.prefix', statsd.prefix);
      const tagStyle = statsd.tagStyle ?? StatsdTagStyle.DOGSTATSD;
      if (!Object.values(StatsdTagStyle).includes(tagStyle)) {
        failValidation(subject, `plugins.statsd.tagStyle '${tagStyle}' is not a tag style`, `use one of ${Object.values(StatsdTagStyle).join(', ')}`);
      }
      this.rendered.push({
        name: 'statsd',
        config: {
          host: statsd.host,
          port,
          prefix: statsd.prefix ?? 'kong',
          // statsd `tag_style` exists from Kong 3.2; the library supports 3.3 and later.
          ...(atLeast(gateway, KONG_PLUGIN_FIELD_SINCE.statsdTagStyle) ? { tag_style: tagStyle } : {}),
        },
      });
    }

    if (options.openTelemetry) {
      this.rendered.push({ name: 'opentelemetry', config: openTelemetryConfig(subject, gateway, options.openTelemetry) });
      const rate = options.openTelemetry.samplingRate ?? 0.01;
      // Kong creates no spans unless instrumentations are on (default 'off').
      this.env.push({ name: 'KONG_TRACING_INSTRUMENTATIONS', value: 'all' });
      this.env.push({ name: 'KONG_TRACING_SAMPLING_RATE', value: String(rate) });
    }
  }

  /** The enabled plugins, in a fixed order (prometheus, datadog, statsd, opentelemetry). */
  public plugins(): RenderedPlugin[] {
    return this.rendered.map((p) => ({ name: p.name, config: structuredClone(p.config) }));
  }

  /** Environment variables the plugins need on the Kong container. */
  public pluginEnv(): KongEnvVariable[] {
    return this.env.map((e) => ({ ...e }));
  }
}

/** The plugins configured and how, with the Prometheus plugin's flags. */
export function describePlugins(delivery: KongPluginDelivery, plugins: RenderedPlugin[]): KongPluginConfiguration {
  const prometheus = plugins.find((p) => p.name === 'prometheus')?.config as { [flag: string]: boolean } | undefined;
  return {
    delivery,
    plugins: plugins.map((p) => p.name),
    ...(prometheus ? {
      prometheus: {
        statusCodeMetrics: prometheus.status_code_metrics,
        latencyMetrics: prometheus.latency_metrics,
        bandwidthMetrics: prometheus.bandwidth_metrics,
        upstreamHealthMetrics: prometheus.upstream_health_metrics,
        perConsumer: prometheus.per_consumer,
      },
    } : {}),
  };
}

/** Kong's `is_reference`: a `{vault://...}` string. */
function isVaultReference(value: string): boolean {
  return /^\{vault:\/\/[^}]+\}$/.test(value);
}

function atLeast(gateway: KongGateway, since: readonly [number, number]): boolean {
  return gateway.kongVersion.atLeast(since[0], since[1]);
}

/** typedefs.host: a host name or an IP address, never with a port. */
function requireHost(subject: string, field: string, host: string): void {
  const portField = field.replace(/host$/, 'port');
  if (/^\[[0-9a-fA-F:]+\]:\d+$/.test(host) || /^[^:]+:\d+$/.test(host)) {
    failValidation(subject, `${field} '${host}' has a port, which Kong refuses (must not have a port)`, `give the host alone and the port as ${portField}`);
  }
  const hostName = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
  const ipv6 = /^\[?[0-9a-fA-F:]+\]?$/;
  if (!hostName.test(host) && !ipv6.test(host)) {
    failValidation(subject, `${field} '${host}' is not a host name or IP address`, "give a host name or IP address, e.g. 'datadog-agent.datadog'");
  }
}

/** Kong refuses empty strings in plugin configs (kong/db/schema/init.lua: `len_min` defaults to 1). */
function requireNonEmptyPrefix(subject: string, field: string, value: string | undefined): void {
  if (value !== undefined && value.length === 0) {
    failValidation(subject, `${field} is empty, which Kong refuses`, "leave prefix unset (default 'kong') or give a non-empty prefix");
  }
}

/**
 * The OpenTelemetry plugin's config for the gateway's Kong release: `traces_endpoint` from 3.8
 * (`endpoint` before), `sampling_rate` from 3.6, `propagation` from 3.7. `b3-single` is no
 * extractor (the `b3` extractor reads both B3 forms); it may only be the default format.
 */
function openTelemetryConfig(subject: string, gateway: KongGateway, otel: OpenTelemetryPluginOptions): { [key: string]: unknown } {
  refuseSecretUrl(subject, 'plugins.openTelemetry.tracesEndpoint', otel.tracesEndpoint);
  if (!/^https?:\/\/[^\s/]+/.test(otel.tracesEndpoint)) {
    failValidation(subject, `OpenTelemetry tracesEndpoint '${otel.tracesEndpoint}' is not an http(s) URL`, "give the collector's OTLP/HTTP URL, e.g. 'http://otel-collector.observability:4318/v1/traces'");
  }
  const rate = otel.samplingRate ?? 0.01;
  if (!(rate >= 0 && rate <= 1)) {
    failValidation(subject, `OpenTelemetry samplingRate ${rate} is outside 0..1`, 'give a share of requests between 0 and 1, e.g. 0.05');
  }
  const attributes = otel.resourceAttributes ?? { 'service.name': `kong-${gateway.name}`, 'deployment.environment': gateway.environment };
  for (const [key, value] of Object.entries(attributes)) {
    if (key.length === 0 || value.length === 0) {
      failValidation(subject, `plugins.openTelemetry.resourceAttributes '${key}' is empty, which Kong refuses`, 'give the attribute a value, or leave it out');
    }
  }
  const version = gateway.kongVersion;
  const config: { [key: string]: unknown } = {
    [atLeast(gateway, KONG_PLUGIN_FIELD_SINCE.openTelemetryTracesEndpoint) ? 'traces_endpoint' : 'endpoint']: otel.tracesEndpoint,
    ...(atLeast(gateway, KONG_PLUGIN_FIELD_SINCE.openTelemetrySamplingRate) ? { sampling_rate: rate } : {}),
    resource_attributes: { ...attributes },
  };
  const [major, minor] = KONG_PLUGIN_FIELD_SINCE.openTelemetryPropagation;
  if (!version.atLeast(major, minor)) {
    if (otel.propagation !== undefined) {
      failValidation(
        subject,
        `plugins.openTelemetry.propagation needs Kong ${major}.${minor} (the gateway runs ${version.majorMinor})`,
        `leave propagation unset (Kong then keeps the incoming trace header format), or run Kong ${major}.${minor} or later`,
      );
    }
    return config;
  }
  const formats = otel.propagation ?? [TracePropagationFormat.W3C];
  if (formats.length === 0) failValidation(subject, 'OpenTelemetry propagation is empty', 'name at least one trace context format, e.g. TracePropagationFormat.W3C');
  for (const f of formats) {
    if (!Object.values(TracePropagationFormat).includes(f)) {
      failValidation(subject, `plugins.openTelemetry.propagation '${f}' is not a trace context format`, `use one of ${Object.values(TracePropagationFormat).join(', ')}`);
    }
  }
  const extract = [...new Set(formats.map((f) => (f === TracePropagationFormat.B3_SINGLE ? TracePropagationFormat.B3 : f)))];
  config.propagation = { extract, inject: ['preserve'], default_format: formats[0] };
  return config;
}
