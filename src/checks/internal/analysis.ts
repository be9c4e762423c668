// One reading of a stack, shared by every rule of a run: resources, workloads and the
// gateways each monitoring resource names are found once, so a run costs time in
// proportion to the stack's size (reading them per rule and per gateway made the audit of
// a 231-gateway stack quadratic: 25 s, nearly all of it re-serializing resource bodies).
import { JsonObject, TfResource, TfStack, bodyText, readStack } from './terraform-json';
import { KongWorkload, WorkloadModel, kongWorkloadsIn, workloadsOf } from './workloads';

/** `kong_gateway:<name>` (Datadog), `kong_gateway="<name>"` (PromQL), `"kong_gateway": "<name>"` (labels, also inside JSON strings). */
const GATEWAY_MENTION = /kong_gateway(?:\\*")?\s*[:=]~?\s*(?:\\*")?([A-Za-z0-9_.-]+)/g;

export class StackAnalysis {
  public readonly stack: TfStack;
  private workloadList?: WorkloadModel[];
  private kongList?: KongWorkload[];
  private readonly texts = new Map<TfResource, string>();
  private readonly mentions = new Map<TfResource, Set<string>>();

  constructor(public readonly config: JsonObject) {
    this.stack = readStack(config);
  }

  /** Every workload (Deployment, DaemonSet, StatefulSet, Pod) in the stack. */
  public get workloads(): WorkloadModel[] {
    this.workloadList ??= workloadsOf(this.stack);
    return this.workloadList;
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

  /** The gateways a resource names through the `kong_gateway` tag or label, in any spelling. */
  public gatewaysNamedBy(r: TfResource): ReadonlySet<string> {
    let names = this.mentions.get(r);
    if (!names) {
      names = new Set([...this.text(r).matchAll(GATEWAY_MENTION)].map((m) => m[1]));
      this.mentions.set(r, names);
    }
    return names;
  }

  /** True when the resource is about Kong at all. */
  public mentionsKong(r: TfResource): boolean {
    return /kong/i.test(this.text(r));
  }

  /**
   * The resources tied to a gateway: tagged with it, or, when the stack holds a single
   * gateway, any resource about Kong.
   */
  public linkedTo(resources: TfResource[], gateway: KongWorkload): TfResource[] {
    const single = new Set(this.kongWorkloads.map((w) => w.gateway)).size === 1;
    return resources.filter((r) => this.gatewaysNamedBy(r).has(gateway.gateway) || (single && this.mentionsKong(r)));
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
