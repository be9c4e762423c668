// Holds PromQL against the Prometheus project's own grammar (@prometheus-io/lezer-promql,
// the parser behind Prometheus' query editor). A string with any error node fails.
import type { LRParser } from '@lezer/lr';

// The package is an ES module whose types TypeScript reads as ESM-only; its CommonJS build
// (the `require` export) is what runs here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };

/** What parsing one PromQL string found. */
export interface PromqlParse {
  /** The expression as given. */
  readonly expr: string;
  /** One message per error node, with its offset and the text around it; empty when valid. */
  readonly errors: string[];
  /** Metric names read by vector and matrix selectors, in order of appearance, without duplicates. */
  readonly metricNames: string[];
}

/** Parses `expr` and reports every error node and every metric name it selects. */
export function parsePromql(expr: string): PromqlParse {
  const errors: string[] = [];
  const names: string[] = [];
  if (expr.trim().length === 0) {
    return { expr, errors: ['empty expression'], metricNames: [] };
  }
  const tree = parser.parse(expr);
  tree.iterate({
    enter(node) {
      if (node.type.isError) {
        const near = expr.slice(Math.max(0, node.from - 15), node.to + 15);
        errors.push(`syntax error at offset ${node.from} near '${near}'`);
      }
      // A metric name is the Identifier directly under a VectorSelector.
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
        const name = expr.slice(node.from, node.to);
        if (!names.includes(name)) names.push(name);
      }
    },
  });
  return { expr, errors, metricNames: names };
}

/** Throws with every error when `expr` does not parse; returns its metric names otherwise. */
export function assertValidPromql(expr: string, where = 'PromQL'): string[] {
  const result = parsePromql(expr);
  if (result.errors.length > 0) {
    throw new Error(`${where} does not parse: ${result.errors.join('; ')}\n  ${expr}`);
  }
  return result.metricNames;
}

/** Base metric name of a histogram series name (`x_bucket`, `x_sum`, `x_count` → `x`). */
export function histogramBase(name: string): string {
  return name.replace(/_(bucket|sum|count)$/, '');
}
