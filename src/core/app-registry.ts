import { IConstruct } from 'constructs';
import { failValidation } from './validation';

const REGISTRIES = new WeakMap<IConstruct, AppRegistry>();

/** What a claim is about, for the message when a second one collides with it. */
export interface ClaimDescription {
  /** The construct (or class) making the claim, as errors name it. */
  readonly subject: string;
  /** What must be unique, e.g. `Grafana folder uid 'kong_edge_production__folder'`. */
  readonly what: string;
  /** How to make it unique. */
  readonly fix: string;
}

/**
 * One registry per app (the construct tree's root), so that uniqueness holds across every
 * stack and constructs that serve one gateway can find each other without walking the tree.
 */
export class AppRegistry {
  /** The registry of the app `scope` belongs to. */
  public static of(scope: IConstruct): AppRegistry {
    const root = scope.node.root;
    let registry = REGISTRIES.get(root);
    if (!registry) {
      registry = new AppRegistry();
      REGISTRIES.set(root, registry);
    }
    return registry;
  }

  /** The first claimant of each key; paths are worked out only for the message of a collision. */
  private readonly claims = new Map<string, IConstruct>();
  private readonly entries = new Map<string, unknown[]>();

  private constructor() {}

  /**
   * Claims `key` of `kind` for `owner`; a second claim of the same key anywhere in the app
   * fails, naming both places.
   */
  public claim(kind: string, key: string, owner: IConstruct, describe: ClaimDescription): void {
    const id = `${kind}\u0000${key}`;
    const first = this.claims.get(id);
    if (first !== undefined && first !== owner) {
      failValidation(describe.subject, `${describe.what} is claimed twice in this app: by '${first.node.path}' and by '${owner.node.path}'`, describe.fix);
    }
    if (first === undefined) this.claims.set(id, owner);
  }

  /** Files `value` under `key` of `kind`, beside whatever else is filed there. */
  public add<T>(kind: string, key: string, value: T): void {
    const id = `${kind}\u0000${key}`;
    const filed = this.entries.get(id);
    if (filed) filed.push(value);
    else this.entries.set(id, [value]);
  }

  /** Everything filed under `key` of `kind`, in the order it was filed. */
  public get<T>(kind: string, key: string): T[] {
    return [...((this.entries.get(`${kind}\u0000${key}`) ?? []) as T[])];
  }
}
