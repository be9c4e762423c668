// A `helm_release` of Kong's chart, rendered the way the chart renders it, as far as the
// rules need: the Kong container (env, ports, probes, image), the workload's labels, the
// proxy Service and its Ingress. Defaults and rendering rules are the chart's own
// (Kong/charts charts/kong, values.yaml and templates/_helpers.tpl, chart 2.x):
// - KONG_STATUS_LISTEN is built from status.http / status.tls (`<address>:<containerPort>`
//   for each of status.addresses, default 0.0.0.0 and [::]; `ssl` added for TLS; `off` when
//   neither is enabled); KONG_PROXY_LISTEN and KONG_ADMIN_LISTEN the same way (admin on
//   127.0.0.1 and [::1] while admin.enabled is false);
// - every `env.<key>` becomes KONG_<KEY> and overrides those; `customEnv.<key>` becomes <KEY>;
// - the container ports `status` / `status-tls` exist only while status.enabled;
// - readinessProbe /status/ready and livenessProbe /status on port `status` unless values change them;
// - the proxy Service is a LoadBalancer with proxy.annotations; proxy.ingress adds an Ingress.
// The `ingress` chart carries the same gateway values under `gateway:`.
import { helmValuesOf } from './helm-values';
import { IngressModel, ServiceModel } from './services';
import { JsonObject, TfResource, asObject, isObject, objectList, portNumber, stringMap, text, texts } from './terraform-json';
import { ContainerModel, EnvModel, PortModel, ProbeKind, WorkloadModel, manifestProbe } from './workloads';

/** The chart's defaults for what the rules read. */
const CHART_DEFAULTS: JsonObject = {
  image: { repository: 'kong', tag: '3.9' },
  deployment: { daemonset: false },
  status: { enabled: true, http: { enabled: true, containerPort: 8100, parameters: [] }, tls: { enabled: false, containerPort: 8543, parameters: [] } },
  proxy: {
    enabled: true,
    type: 'LoadBalancer',
    annotations: {},
    http: { enabled: true, servicePort: 80, containerPort: 8000, parameters: [] },
    tls: { enabled: true, servicePort: 443, containerPort: 8443, parameters: ['http2'] },
    ingress: { enabled: false },
  },
  admin: { enabled: false, http: { enabled: false, containerPort: 8001, parameters: [] }, tls: { enabled: true, containerPort: 8444, parameters: ['http2'] } },
  readinessProbe: { httpGet: { path: '/status/ready', port: 'status', scheme: 'HTTP' } },
  livenessProbe: { httpGet: { path: '/status', port: 'status', scheme: 'HTTP' } },
};

export interface KongChartRelease {
  readonly workload: WorkloadModel;
  /** The chart values with the chart's defaults, as the release renders them. */
  readonly values: JsonObject;
  readonly services: ServiceModel[];
  readonly ingresses: IngressModel[];
}

/** `kong` or `ingress` when the release installs Kong's chart, else undefined. */
function kongChart(body: JsonObject): 'kong' | 'ingress' | undefined {
  const chart = (text(body.chart) ?? '').replace(/\.tgz$/, '').replace(/-\d+\.\d+\.\d+.*$/, '');
  const name = chart.slice(chart.lastIndexOf('/') + 1);
  const fromKong = (text(body.repository) ?? '').includes('charts.konghq.com') || /^kong\//.test(chart) || chart.includes('konghq');
  if (name === 'kong') return 'kong';
  if (name === 'ingress' && fromKong) return 'ingress';
  return undefined;
}

/** Values over the chart's defaults; null removes a default, as with Helm. */
function withDefaults(defaults: JsonObject, values: JsonObject): JsonObject {
  const out: JsonObject = { ...defaults };
  for (const [k, v] of Object.entries(values)) {
    if (v === null) delete out[k];
    else out[k] = isObject(v) && isObject(out[k]) ? withDefaults(out[k] as JsonObject, v) : v;
  }
  return out;
}

const enabled = (v: unknown): boolean => v === true || v === 'true';

/** The chart's `kong.listen` helper for one listener section. */
function listen(section: JsonObject, defaultAddresses: string[]): string {
  const addresses = Array.isArray(section.addresses) ? texts(section.addresses) : defaultAddresses;
  const entries: string[] = [];
  for (const [key, ssl] of [['http', false], ['tls', true]] as const) {
    const s = asObject(section[key]);
    if (!enabled(s.enabled)) continue;
    const params = [...texts(s.parameters), ...(ssl ? ['ssl'] : [])];
    for (const address of addresses) entries.push([`${address}:${text(s.containerPort) ?? ''}`, ...params].join(' '));
  }
  return entries.length > 0 ? entries.join(', ') : 'off';
}

function envValue(name: string, value: unknown): EnvModel {
  if (isObject(value)) return { name, fromSource: value.valueFrom !== undefined };
  return { name, value: text(value), fromSource: false };
}

function kongContainer(values: JsonObject): ContainerModel {
  const image = asObject(values.image);
  const status = asObject(values.status);
  const proxy = asObject(values.proxy);
  const admin = asObject(values.admin);
  const env = new Map<string, EnvModel>();
  env.set('KONG_PROXY_LISTEN', { name: 'KONG_PROXY_LISTEN', value: listen(proxy, ['0.0.0.0', '[::]']), fromSource: false });
  env.set('KONG_ADMIN_LISTEN', { name: 'KONG_ADMIN_LISTEN', value: listen(admin, enabled(admin.enabled) ? ['0.0.0.0', '[::]'] : ['127.0.0.1', '[::1]']), fromSource: false });
  env.set('KONG_STATUS_LISTEN', { name: 'KONG_STATUS_LISTEN', value: listen(status, ['0.0.0.0', '[::]']), fromSource: false });
  for (const [k, v] of Object.entries(asObject(values.env))) env.set(`KONG_${k.toUpperCase()}`, envValue(`KONG_${k.toUpperCase()}`, v));
  for (const [k, v] of Object.entries(asObject(values.customEnv))) env.set(k.toUpperCase(), envValue(k.toUpperCase(), v));

  const ports: PortModel[] = [];
  if (enabled(asObject(proxy.http).enabled)) ports.push({ name: 'proxy', containerPort: portNumber(asObject(proxy.http).containerPort) });
  if (enabled(asObject(proxy.tls).enabled)) ports.push({ name: 'proxy-tls', containerPort: portNumber(asObject(proxy.tls).containerPort) });
  if (enabled(status.enabled) && enabled(asObject(status.http).enabled)) ports.push({ name: 'status', containerPort: portNumber(asObject(status.http).containerPort) });
  if (enabled(status.enabled) && enabled(asObject(status.tls).enabled)) ports.push({ name: 'status-tls', containerPort: portNumber(asObject(status.tls).containerPort) });

  const repository = text(image.repository) ?? 'kong';
  const tag = text(image.tag);
  return {
    name: 'proxy',
    image: tag ? `${repository}:${tag}` : repository,
    env: [...env.values()],
    hasEnvFrom: objectList(values.envFrom).length > 0,
    ports,
    probes: [
      manifestProbe(ProbeKind.READINESS, values.readinessProbe),
      manifestProbe(ProbeKind.LIVENESS, values.livenessProbe),
      manifestProbe(ProbeKind.STARTUP, values.startupProbe),
    ].filter((p): p is NonNullable<typeof p> => p !== undefined),
  };
}

/** Kong as a `helm_release` of Kong's chart renders it; undefined for other charts. */
export function kongChartRelease(resource: TfResource): KongChartRelease | undefined {
  if (resource.type !== 'helm_release') return undefined;
  const chart = kongChart(resource.body);
  if (!chart) return undefined;
  const helm = helmValuesOf(resource.body);
  const userValues = chart === 'ingress' ? asObject(helm.values.gateway) : helm.values;
  const values = withDefaults(CHART_DEFAULTS, userValues);
  const release = text(resource.body.name) ?? resource.name;
  const namespace = text(resource.body.namespace);
  const labels = { 'app.kubernetes.io/name': 'kong', 'app.kubernetes.io/instance': release };
  const workload: WorkloadModel = {
    resource,
    kind: enabled(asObject(values.deployment).daemonset) ? 'DaemonSet' : 'Deployment',
    name: `${release}-kong`,
    namespace,
    labels,
    podLabels: { ...labels, ...stringMap(values.podLabels) },
    podAnnotations: stringMap(values.podAnnotations),
    containers: [kongContainer(values)],
    opaque: helm.opaque,
  };

  const proxy = asObject(values.proxy);
  const services: ServiceModel[] = [];
  const ingresses: IngressModel[] = [];
  if (enabled(proxy.enabled)) {
    const ports = [['http', 'kong-proxy'], ['tls', 'kong-proxy-tls']]
      .filter(([key]) => enabled(asObject(proxy[key]).enabled))
      .map(([key]) => ({ port: portNumber(asObject(proxy[key]).servicePort), target: text(asObject(proxy[key]).containerPort) }));
    const service: ServiceModel = {
      resource,
      name: `${release}-kong-proxy`,
      namespace,
      type: text(proxy.type) ?? 'LoadBalancer',
      selector: {},
      annotations: stringMap(proxy.annotations),
      ports,
      // The chart's kong.service template writes proxy.externalTrafficPolicy as given.
      externalTrafficPolicy: text(proxy.externalTrafficPolicy),
      workload: resource,
      opaque: helm.opaque,
    };
    services.push(service);
    const ingress = asObject(proxy.ingress);
    if (enabled(ingress.enabled)) {
      const annotations = stringMap(ingress.annotations);
      ingresses.push({
        resource,
        name: `${release}-kong-proxy`,
        namespace,
        className: text(ingress.ingressClassName) ?? annotations['kubernetes.io/ingress.class'],
        annotations,
        backends: [{ service: service.name }],
      });
    }
  }
  return { workload, values, services, ingresses };
}
