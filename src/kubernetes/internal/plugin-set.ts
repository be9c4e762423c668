import { failValidation, requirePort } from '../../core/validation';
import { KongGateway } from '../../gateway/kong-gateway';
import { datadogGatewayTags } from '../../signals/selectors';
import { KongPluginOptions, StatsdTagStyle, TracePropagationFormat } from '../plugins/plugin-options';
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
      for (const tag of dd.extraTags ?? []) {
        if (tag.endsWith(':') || tag.length === 0) {
          failValidation(subject, `Datadog plugin tag '${tag}' is empty or ends with ':'`, "write tags as 'key:value' or 'key'");
        }
      }
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
      if (statsd.host.trim().length === 0) failValidation(subject, 'StatsD plugin host is empty', 'give the StatsD server host name or IP');
      const port = statsd.port ?? 8125;
      requirePort(subject, 'plugins.statsd.port', port);
      this.rendered.push({
        name: 'statsd',
        config: {
          host: statsd.host,
          port,
          prefix: statsd.prefix ?? 'kong',
          tag_style: statsd.tagStyle ?? StatsdTagStyle.DOGSTATSD,
        },
      });
    }

    if (options.openTelemetry) {
      const otel = options.openTelemetry;
      if (!/^https?:\/\/[^\s/]+/.test(otel.tracesEndpoint)) {
        failValidation(subject, `OpenTelemetry tracesEndpoint '${otel.tracesEndpoint}' is not an http(s) URL`, "give the collector's OTLP/HTTP URL, e.g. 'http://otel-collector.observability:4318/v1/traces'");
      }
      const rate = otel.samplingRate ?? 0.01;
      if (!(rate >= 0 && rate <= 1)) {
        failValidation(subject, `OpenTelemetry samplingRate ${rate} is outside 0..1`, 'give a share of requests between 0 and 1, e.g. 0.05');
      }
      const formats = otel.propagation ?? [TracePropagationFormat.W3C];
      if (formats.length === 0) failValidation(subject, 'OpenTelemetry propagation is empty', 'name at least one trace context format, e.g. TracePropagationFormat.W3C');
      this.rendered.push({
        name: 'opentelemetry',
        config: {
          traces_endpoint: otel.tracesEndpoint,
          sampling_rate: rate,
          resource_attributes: otel.resourceAttributes ?? {
            'service.name': `kong-${gateway.name}`,
            'deployment.environment': gateway.environment,
          },
          propagation: { extract: [...formats], inject: ['preserve'], default_format: formats[0] },
        },
      });
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

  /** Declarative configuration (`_format_version: "3.0"`) holding the plugins as global plugins, as JSON (valid YAML too). */
  public toDeclarativeConfig(): string {
    return JSON.stringify({ _format_version: '3.0', plugins: this.plugins() }, null, 2);
  }
}
