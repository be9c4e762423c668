/** Space aggregators that read a distribution's percentiles (`p50:`, `p99:`, `p99.9:`). */
const PERCENTILE = /^p\d+(?:\.\d+)?$/;

/** `<space aggregator>:<metric>{<filter>}[ by {<keys>}]`, the metric terms of a Datadog query. */
const METRIC_TERM = /\b(avg|sum|min|max|count|p\d+(?:\.\d+)?):([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\{([^{}]*)\}(?: by \{([^{}]*)\})?/g;

/** What one metric term of a rendered query reads. */
export interface QueriedMetric {
  readonly metric: string;
  /** The term aggregates the metric's percentiles (a distribution with percentiles enabled). */
  readonly percentiles: boolean;
  /** Tag keys the term filters or groups on. */
  readonly tagKeys: string[];
}

/**
 * The metric terms of a rendered monitor or widget query. Template variables in a filter
 * (`$kong_gateway`) stand for the tag key their dashboard variable is prefixed with.
 */
export function queriedMetrics(query: string, templateVariablePrefixes: { [name: string]: string } = {}): QueriedMetric[] {
  const out: QueriedMetric[] = [];
  for (const [, aggregator, metric, filter, groupBy] of query.matchAll(METRIC_TERM)) {
    const filterKeys = filter.split(',').map((item) => item.trim()).filter((item) => item !== '' && item !== '*').map((item) => {
      if (item.startsWith('$')) return templateVariablePrefixes[item.slice(1)] ?? item.slice(1);
      return item.replace(/^!/, '').split(':')[0];
    });
    const groupKeys = (groupBy ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
    out.push({ metric, percentiles: PERCENTILE.test(aggregator), tagKeys: [...new Set([...filterKeys, ...groupKeys])] });
  }
  return out;
}
