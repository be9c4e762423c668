// Builders for the checker's corpus: Terraform JSON shaped the way cdktf (and hand-written
// Terraform JSON) writes it — snake_case provider blocks, single blocks as objects, lists as
// arrays, `kubernetes_manifest` objects in the Kubernetes API's camelCase, `helm_release`
// values as YAML, JSON or cdktf's `${yamlencode(...)}` — so each case reads like a stack a
// platform team could have written.
import { Body, GrafanaRuleOptions, kongDeployment, telemetryAnnotations } from '../helpers';

export type Resources = { [type: string]: { [name: string]: Body } };

/** A stack under construction: resources plus the top-level blocks KBPS1 reads. */
export class CorpusStack {
  public readonly resources: Resources = {};
  public readonly variables: { [name: string]: Body } = {};
  public readonly locals: { [name: string]: unknown } = {};
  public readonly providers: { [name: string]: Body[] } = {};

  public add(type: string, name: string, body: Body): this {
    (this.resources[type] ??= {})[name] = body;
    return this;
  }

  public remove(type: string, name?: string): this {
    if (name === undefined) delete this.resources[type];
    else delete this.resources[type]?.[name];
    return this;
  }

  /** The body of a resource, to change it in place. */
  public get(type: string, name: string): Body {
    const body = this.resources[type]?.[name];
    if (!body) throw new Error(`no ${type}.${name} in the corpus stack`);
    return body;
  }

  public variable(name: string, body: Body): this {
    this.variables[name] = body;
    return this;
  }

  public local(name: string, value: unknown): this {
    this.locals[name] = value;
    return this;
  }

  public provider(name: string, body: Body): this {
    (this.providers[name] ??= []).push(body);
    return this;
  }

  public toJson(): Body {
    const json: Body = { '//': { metadata: { backend: 'local', stackName: 'corpus', version: '0.21.0' } }, 'resource': this.resources };
    if (Object.keys(this.variables).length > 0) json.variable = this.variables;
    if (Object.keys(this.locals).length > 0) json.locals = this.locals;
    if (Object.keys(this.providers).length > 0) json.provider = this.providers;
    return json;
  }
}

/** The first (Kong) container of a provider-style workload body. */
export function containerOf(workload: Body): Body {
  const template = (workload.spec as Body).template as Body;
  return ((template.spec as Body).container as Body[])[0];
}

/** Sets (or adds) an env var of a provider-style container. */
export function setEnv(container: Body, name: string, value: string | Body): void {
  const env = (container.env ??= []) as Body[];
  const entry = typeof value === 'string' ? { name, value } : { name, value_from: value };
  env.push(entry);
}

export function kongGateway(name: string, o: Parameters<typeof kongDeployment>[0] = {}): Body {
  return kongDeployment({ name, path: `corpus/${name}/deployment`, ...o });
}

/** An AWS NLB (Load Balancer Controller, IP targets) health-checking /status/ready on the status port. */
export const AWS_READY_ANNOTATIONS: { [key: string]: string } = {
  'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
  'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
  'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'http',
  'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': '8100',
  'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path': '/status/ready',
};

export function loadBalancer(gateway: string, o: { annotations?: { [key: string]: string }; ports?: Body[]; type?: string } = {}): Body {
  return {
    'metadata': { name: `${gateway}-proxy`, namespace: 'kong', annotations: { ...(o.annotations ?? AWS_READY_ANNOTATIONS) } },
    'spec': {
      type: o.type ?? 'LoadBalancer',
      selector: { 'app.kubernetes.io/name': 'kong', 'kong_gateway': gateway },
      port: o.ports ?? [{ name: 'proxy', port: 80, target_port: 'proxy' }],
    },
    '//': { metadata: { path: `corpus/${gateway}/proxy`, uniqueId: `${gateway}-proxy` } },
  };
}

/** A ClusterIP Service in front of Kong's proxy, as Ingress backends use. */
export function proxyService(gateway: string, annotations: { [key: string]: string } = {}): Body {
  return loadBalancer(gateway, { type: 'ClusterIP', annotations });
}

export function ingress(backendService: string, o: { className?: string; annotations?: { [key: string]: string } } = {}): Body {
  return {
    metadata: { name: 'kong', namespace: 'kong', annotations: o.annotations ?? {} },
    spec: {
      ...(o.className ? { ingress_class_name: o.className } : {}),
      rule: [{ host: 'api.example.com', http: { path: [{ path: '/', path_type: 'Prefix', backend: { service: { name: backendService, port: { number: 80 } } } }] } }],
    },
  };
}

export function datadogDashboard(gateway: string): Body {
  return {
    dashboard: JSON.stringify({
      title: `Kong ${gateway}`,
      layout_type: 'ordered',
      widgets: [{ definition: { type: 'timeseries', requests: [{ q: `sum:kong.nginx.requests.total{kong_gateway:${gateway}}.as_count()` }] } }],
    }),
  };
}

export interface MonitorOptions {
  readonly message?: string;
  readonly tags?: string[];
  readonly notifyNoData?: boolean;
}

export function monitor(query: string, o: MonitorOptions = {}): Body {
  return {
    name: 'Kong',
    type: query.includes('.by(') ? 'service check' : 'query alert',
    query,
    message: o.message ?? 'Kong node problem. @pagerduty-kong',
    tags: o.tags ?? [],
    ...(o.notifyNoData ? { notify_no_data: true, no_data_timeframe: 10 } : {}),
  };
}

/** Per-node readiness (one alert group per pod's http_check instance) and an expected-count monitor. */
export function gatewayMonitors(gateway: string, o: MonitorOptions = {}): { [name: string]: Body } {
  return {
    [`${gateway}_ready`]: monitor(`"http.can_connect".over("kong_gateway:${gateway}").by("instance").last(3).count_by_status()`, { tags: [`kong_gateway:${gateway}`], ...o }),
    [`${gateway}_count`]: monitor(`max(last_10m):sum:kubernetes_state.deployment.replicas_ready{kube_deployment:${gateway},kong_gateway:${gateway}} < 3`, {
      tags: [`kong_gateway:${gateway}`], notifyNoData: true, ...o,
    }),
  };
}

/** Per-pod readiness and an absent() count rule for a gateway, in PromQL. */
export function gatewayPromRules(gateway: string): GrafanaRuleOptions[] {
  return [
    { expr: `kube_pod_container_status_ready{namespace="kong",container="proxy",kong_gateway="${gateway}"} < 1`, labels: { kong_gateway: gateway } },
    { expr: `sum(up{kong_gateway="${gateway}"}) < 3`, noData: 'Alerting', labels: { kong_gateway: gateway } },
  ];
}

/**
 * A `helm_release` of Kong's chart. Values are given as an object and written the way the
 * case asks: YAML text, JSON text, or cdktf's `${yamlencode({...})}` expression.
 */
export function helmRelease(values: Body | string, o: { format?: 'yaml' | 'json' | 'yamlencode'; set?: Body[]; setSensitive?: Body[]; chart?: string; name?: string } = {}): Body {
  const text = typeof values === 'string' ? values
    : o.format === 'json' ? JSON.stringify(values)
      : o.format === 'yamlencode' ? `\${yamlencode(${hclObject(values)})}`
        : toYaml(values);
  return {
    name: o.name ?? 'edge',
    namespace: 'kong',
    repository: 'https://charts.konghq.com',
    chart: o.chart ?? 'kong',
    version: '2.47.0',
    values: [text],
    ...(o.set ? { set: o.set } : {}),
    ...(o.setSensitive ? { set_sensitive: o.setSensitive } : {}),
  };
}

/** Values of a compliant Kong chart release for a gateway: labels, annotations on the LB. */
export function helmValues(gateway: string, extra: Body = {}): Body {
  return {
    image: { repository: 'kong/kong-gateway', tag: '3.9.1.0' },
    podLabels: { kong_gateway: gateway },
    podAnnotations: telemetryAnnotations(gateway),
    proxy: { type: 'LoadBalancer', annotations: { ...AWS_READY_ANNOTATIONS } },
    ...extra,
  };
}

/** cdktf's rendering of an object inside `${yamlencode(...)}`: HCL object syntax. */
function hclObject(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hclObject).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)} = ${hclObject(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** A small YAML writer (block style), enough for Helm values. */
function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((v) => `\n${indent}- ${toYaml(v, `${indent}  `).replace(/^\n\s*/, '')}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return entries.map(([k, v]) => {
      const rendered = toYaml(v, `${indent}  `);
      const key = /^[A-Za-z0-9_.-]+$/.test(k) ? k : JSON.stringify(k);
      return `\n${indent}${key}:${rendered.startsWith('\n') ? '' : ' '}${rendered}`;
    }).join('');
  }
  return JSON.stringify(value);
}

/** The YAML text of helm values (leading newline removed). */
export function yaml(values: Body): string {
  return toYaml(values).replace(/^\n/, '') + '\n';
}
