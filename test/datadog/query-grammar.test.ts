import {
  DatadogQueryError,
  parseMetricExpression,
  parseMetricMonitorQuery,
  parseServiceCheckQuery,
} from '../support/datadog-query';

describe('metric monitor query grammar', () => {
  test('reads a ratio of counts with its window, comparator and threshold', () => {
    const q = parseMetricMonitorQuery('sum(last_5m):sum:kong.http.requests.count{kong_gateway:edge,code:5*}.as_count() / sum:kong.http.requests.count{kong_gateway:edge}.as_count() > 0.05');
    expect(q.timeAggregation).toBe('sum');
    expect(q.windowMinutes).toBe(5);
    expect(q.metrics).toEqual(['kong.http.requests.count']);
    expect(q.comparator).toBe('>');
    expect(q.threshold).toBe(0.05);
    expect(q.terms.map((t) => t.modifier)).toEqual(['as_count', 'as_count']);
    expect(q.terms[0].filter).toEqual(['kong_gateway:edge', 'code:5*']);
  });

  test('reads grouped operands, a constant divisor and negated tags', () => {
    const q = parseMetricMonitorQuery('min(last_15m):max:a.b{x:1,!state:total} by {endpoint,shared_dict} / max:a.c{x:1} by {endpoint,shared_dict} >= 1');
    expect(q.groupBy).toEqual(['endpoint', 'shared_dict']);
    expect(q.metrics).toEqual(['a.b', 'a.c']);
    expect(parseMetricMonitorQuery('max(last_10m):sum:k.ready{ns:kong} / 6 < 0.5').threshold).toBe(0.5);
    expect(parseMetricMonitorQuery('avg(last_1h):(sum:a.b{*} - sum:a.c{*}) * 100 <= 3').windowMinutes).toBe(60);
  });

  test('reads count_not_null and cutoff functions: counting groups drops them, a cutoff keeps them', () => {
    const q = parseMetricMonitorQuery('max(last_2m):count_not_null(cutoff_max(min:a.b{x:1} by {node_id}, 120)) / 2 < 0.5');
    expect(q.metrics).toEqual(['a.b']);
    expect(q.terms[0].groupBy).toEqual(['node_id']);
    expect(q.groupBy).toEqual([]);
    expect(parseMetricExpression('cutoff_min(max:a.b{*} by {endpoint}, 0)').groupBy).toEqual(['endpoint']);
    expect(parseMetricMonitorQuery('max(last_10m):(0 - max:a.b{x:1} by {endpoint}) / 86400 < 7').groupBy).toEqual(['endpoint']);
  });

  test.each([
    ['no threshold', 'avg(last_5m):avg:a.b{*}'],
    ['exponent threshold', 'avg(last_5m):avg:a.b{*} > 1e-7'],
    ['decimal without leading zero', 'avg(last_5m):avg:a.b{*} > .5'],
    ['unknown time aggregator', 'median(last_5m):avg:a.b{*} > 1'],
    ['unknown space aggregator', 'avg(last_5m):p42:a.b{*} > 1'],
    ['bad window unit', 'avg(last_5x):avg:a.b{*} > 1'],
    ['zero window', 'avg(last_0m):avg:a.b{*} > 1'],
    ['unbalanced brace', 'avg(last_5m):avg:a.b{x:1 > 1'],
    ['missing colon after aggregator', 'avg(last_5m)avg:a.b{*} > 1'],
    ['tag without value', 'avg(last_5m):avg:a.b{x} > 1'],
    ['metric without namespace', 'avg(last_5m):avg:ab{*} > 1'],
    ['operands grouped differently', 'avg(last_5m):sum:a.b{*} by {pod} / sum:a.c{*} > 1'],
    ['trailing text', 'avg(last_5m):avg:a.b{*} > 1 extra'],
    ['unknown comparator', 'avg(last_5m):avg:a.b{*} => 1'],
    ['unknown function', 'avg(last_5m):count_distinct(avg:a.b{*} by {x}) > 1'],
    ['cutoff without threshold', 'avg(last_5m):cutoff_max(avg:a.b{*} by {x}) > 1'],
    ['count of a number', 'avg(last_5m):count_not_null(2) > 1'],
    ['a grouped series against a counted one', 'avg(last_5m):count_not_null(avg:a.b{*} by {x}) / avg:a.c{*} by {x} > 1'],
  ])('rejects %s', (_, query) => {
    expect(() => parseMetricMonitorQuery(query)).toThrow(DatadogQueryError);
  });

  test('dashboard expressions: template variables allowed, thresholds not', () => {
    expect(parseMetricExpression('sum:kong.nginx.connections.total{$kong_gateway,$kong_environment,!state:accepted} by {state}').groupBy).toEqual(['state']);
    expect(() => parseMetricExpression('sum:a.b{*} > 1')).toThrow(DatadogQueryError);
    expect(() => parseMetricExpression('sum:a.b{$}')).toThrow(DatadogQueryError);
  });
});

describe('service check query grammar', () => {
  test('reads check, over, by and last', () => {
    const q = parseServiceCheckQuery('"http.can_connect".over("kong_gateway:edge","kong_probe:ready").by("instance").last(8).count_by_status()');
    expect(q).toEqual({ check: 'http.can_connect', over: ['kong_gateway:edge', 'kong_probe:ready'], exclude: [], groupBy: ['instance'], last: 8 });
    expect(parseServiceCheckQuery('"a.b".over("*").exclude("x:y").last(3).count_by_status()').exclude).toEqual(['x:y']);
  });

  test.each([
    ['empty over', '"a.b".over().by("host").last(3).count_by_status()'],
    ['no count_by_status', '"a.b".over("*").by("host").last(3)'],
    ['last(0)', '"a.b".over("*").last(0).count_by_status()'],
    ['last over 100', '"a.b".over("*").last(101).count_by_status()'],
    ['unquoted check', 'a.b.over("*").last(3).count_by_status()'],
    ['by after last', '"a.b".over("*").last(3).by("host").count_by_status()'],
    ['unquoted tag', '"a.b".over(kong_gateway:edge).last(3).count_by_status()'],
  ])('rejects %s', (_, query) => {
    expect(() => parseServiceCheckQuery(query)).toThrow(DatadogQueryError);
  });
});
