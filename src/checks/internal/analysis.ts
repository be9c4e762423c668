// One reading of a stack, shared by every rule of a run: resources, workloads and the
// gateways each monitoring resource names are found once, so a run costs time in
// proportion to the stack's size (reading them per rule and per gateway made the audit of
// a 231-gateway stack quadratic: 25 s, nearly all of it re-serializing resource bodies).
import { KongChartRelease, kongChartRelease } from './kong-chart';
import { IngressModel, ServiceModel, ingressesOf, servicesOf } from './services';
import { JsonObject, TfResource, TfStack, bodyText, readStack } from './terraform-json';
import { KongWorkload, WorkloadModel, kongWorkloadsIn, workloadsOf } from './workloads';

/**
 * How a resource names gateways through the `kong_gateway` tag or label: `kong_gateway:<name>`
 * (Datadog), `kong_gateway="<name>"` and `kong_gateway=~"<regex>"` (PromQL), `"kong_gateway":
 * "<name>"` (labels, also inside JSON strings), globs (`kong_gateway:edge-*`) and template
 * variables (`kong_gateway=~"$gateway"`, a Datadog template variable with prefix kong_gateway,
 * Grafana's `label_values(..., kong_gateway)`), which stand for every gateway.
 */
export interface GatewayScope {
  readonly names: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
  /** A shared resource: a template variable or a wildcard selects any gateway. */
  readonly all: boolean;
}

const REGEX_MATCHER = /kong_gateway(?:\\*")?\s*=~\s*\\*"([^"\\]*)/g;
const VALUE_MATCHER = /kong_gateway(?:\\*")?\s*[:=](?!~)\s*(?:\\*")?([^"\\\s,{}()|]+)/g;
const IN_MATCHER = /kong_gateway\s+IN\s*\(([^)]*)\)/gi;
const TEMPLATE_VARIABLE = /prefix\\*"\s*:\s*\\*"kong_gateway\\*"|label_values\([^)]*\bkong_gateway\s*\)/;

function globPattern(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** The gateways a text selects. */
export function gatewayScope(text: string): GatewayScope {
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  let all = TEMPLATE_VARIABLE.test(text);
  for (const [, value] of text.matchAll(REGEX_MATCHER)) {
    if (value.startsWith('$') || value === '.*' || value === '.+') {
      all = true;
      continue;
    }
    try {
      patterns.push(new RegExp(`^(?:${value})$`));
    } catch {
      // Not a regex Prometheus would accept either: it selects nothing the checker can tell.
    }
  }
  const values = [...text.matchAll(VALUE_MATCHER)].map((m) => m[1]);
  for (const [, list] of text.matchAll(IN_MATCHER)) values.push(...list.split(',').map((v) => v.trim().replace(/^["']|["']$/g, '')));
  for (const value of values) {
    if (value.startsWith('$') || value === '*') all = true;
    else if (value.includes('*')) patterns.push(globPattern(value));
    else if (value !== '') names.add(value);
  }
  return { names, patterns, all };
}

export class StackAnalysis {
  public readonly stack: TfStack;
  private workloadList?: WorkloadModel[];
  private kongList?: KongWorkload[];
  private releases?: KongChartRelease[];
  private serviceList?: ServiceModel[];
  private ingressList?: IngressModel[];
  private readonly texts = new Map<TfResource, string>();
  private readonly scopes = new Map<TfResource, GatewayScope>();
  private readonly indexes = new Map<TfResource[], { byName: Map<string, number[]>; shared: number[] }>();

  constructor(public readonly config: JsonObject) {
    this.stack = readStack(config);
  }

  /** Helm releases of Kong's chart, rendered as the chart renders them. */
  public get chartReleases(): KongChartRelease[] {
    this.releases ??= this.stack.resources.map(kongChartRelease).filter((r): r is KongChartRelease => r !== undefined);
    return this.releases;
  }

  /** Every workload (Deployment, DaemonSet, StatefulSet, Pod, and Kong from Helm releases) in the stack. */
  public get workloads(): WorkloadModel[] {
    this.workloadList ??= [...workloadsOf(this.stack), ...this.chartReleases.map((r) => r.workload)];
    return this.workloadList;
  }

  /** Every Service, including the proxy Services of Kong's Helm releases. */
  public get services(): ServiceModel[] {
    this.serviceList ??= [...servicesOf(this.stack), ...this.chartReleases.flatMap((r) => r.services)];
    return this.serviceList;
  }

  /** Every Ingress, including those of Kong's Helm releases. */
  public get ingresses(): IngressModel[] {
    this.ingressList ??= [...ingressesOf(this.stack), ...this.chartReleases.flatMap((r) => r.ingresses)];
    return this.ingressList;
  }

  /** Workloads that run Kong Gateway, with their Kong container. */
  public get kongWorkloads(): KongWorkload[] {
    this.kongList ??= kongWorkloadsIn(this.workloads);
    return this.kongList;
  }

  /** The resource body (without cdktf's `//` metadata) as searchable text, serialized once. */
  public text(r: TfResource): string {
    let t = this.texts.get(r);
    if (t === undefined) {
      t = bodyText(r.body);
      this.texts.set(r, t);
    }
    return t;
  }

  /** The gateways a resource selects through the `kong_gateway` tag or label. */
  public gatewaysNamedBy(r: TfResource): GatewayScope {
    let scope = this.scopes.get(r);
    if (!scope) {
      scope = gatewayScope(this.text(r));
      this.scopes.set(r, scope);
    }
    return scope;
  }

  /** True when the resource is about Kong at all. */
  public mentionsKong(r: TfResource): boolean {
    return /kong/i.test(this.text(r));
  }

  /**
   * The resources tied to a gateway: selecting it by name, pattern or template variable,
   * or, when the stack holds a single gateway, any resource about Kong. Resources are
   * indexed by gateway name once per list, so tying N gateways costs O(N + resources).
   */
  public linkedTo(resources: TfResource[], gateway: KongWorkload): TfResource[] {
    const single = new Set(this.kongWorkloads.map((w) => w.gateway)).size === 1;
    if (single) return resources.filter((r) => this.selects(r, gateway.gateway) || this.mentionsKong(r));
    let index = this.indexes.get(resources);
    if (!index) {
      index = { byName: new Map(), shared: [] };
      resources.forEach((r, position) => {
        const scope = this.gatewaysNamedBy(r);
        for (const name of scope.names) {
          const list = index!.byName.get(name) ?? [];
          list.push(position);
          index!.byName.set(name, list);
        }
        if (scope.all || scope.patterns.length > 0) index!.shared.push(position);
      });
      this.indexes.set(resources, index);
    }
    const positions = new Set(index.byName.get(gateway.gateway) ?? []);
    for (const position of index.shared) if (this.selects(resources[position], gateway.gateway)) positions.add(position);
    return [...positions].sort((a, b) => a - b).map((p) => resources[p]);
  }

  /** True when the resource selects the gateway by name, pattern or template variable. */
  public selects(r: TfResource, gateway: string): boolean {
    const scope = this.gatewaysNamedBy(r);
    return scope.all || scope.names.has(gateway) || scope.patterns.some((p) => p.test(gateway));
  }
}

let current: StackAnalysis | undefined;

/** The analysis of the run in progress for this config, or a fresh one (rules called on their own). */
export function analysisOf(config: JsonObject): StackAnalysis {
  return current !== undefined && current.config === config ? current : new StackAnalysis(config);
}

/** Runs `fn` with one analysis of `config` shared by every rule it calls. */
export function withAnalysis<T>(config: JsonObject, fn: (analysis: StackAnalysis) => T): T {
  const previous = current;
  current = new StackAnalysis(config);
  try {
    return fn(current);
  } finally {
    current = previous;
  }
}
