/**
 * A strict recursive-descent reader for the Datadog query forms the library writes:
 *
 *   metric monitor:  time_aggr(last_<N><m|h|d|w>):<expr> <op> <number>
 *   expr          :  term ((' + ' | ' - ') term)*
 *   term          :  factor ((' * ' | ' / ') factor)*
 *   factor        :  number | '(' expr ')' | function | metric_query
 *   function      :  'count_not_null(' expr ')' | 'cutoff_max(' expr ', ' number ')' | 'cutoff_min(' expr ', ' number ')'
 *   metric_query  :  space_aggr ':' metric '{' filter '}' [' by {' keys '}'] ['.as_count()' | '.as_rate()']
 *   filter        :  '*' | item (',' item)*      item: ['!']key':'value | '$'variable
 *   service check :  "check".over("t",...)[.exclude("t",...)][.by("g",...)].last(N).count_by_status()
 *
 * It rejects anything else (exponents, unknown aggregators, unbalanced braces, missing
 * thresholds) and returns what the tests hold against the metric catalogs. Grouping is
 * tracked per sub-expression: operands of an arithmetic operator must be grouped alike (or
 * be a number); `count_not_null` counts the groups of its argument with a value at each point
 * (docs.datadoghq.com/dashboards/functions/count), so its result has no groups; the cutoff
 * functions replace values beyond a threshold with no value and keep the groups
 * (docs.datadoghq.com/dashboards/functions/exclusion).
 */

export const TIME_AGGREGATORS = ['avg', 'sum', 'min', 'max'];
export const SPACE_AGGREGATORS = ['avg', 'sum', 'min', 'max', 'p50', 'p75', 'p90', 'p95', 'p99'];
export const COMPARATORS = ['>=', '<=', '>', '<', '==', '!='];

export class DatadogQueryError extends Error {}

/** One `space_aggr:metric{filter} by {keys}` of an expression. */
export interface MetricTerm {
  readonly spaceAggregation: string;
  readonly metric: string;
  readonly filter: string[];
  readonly groupBy: string[];
  readonly modifier?: 'as_count' | 'as_rate';
}

export interface ParsedExpression {
  readonly terms: MetricTerm[];
  readonly metrics: string[];
  /** Groups of the expression's result (the monitor's alert groups). */
  readonly groupBy: string[];
}

export interface ParsedMetricMonitor extends ParsedExpression {
  readonly timeAggregation: string;
  readonly windowMinutes: number;
  readonly comparator: string;
  readonly threshold: number;
  readonly thresholdText: string;
}

export interface ParsedServiceCheck {
  readonly check: string;
  readonly over: string[];
  readonly exclude: string[];
  readonly groupBy: string[];
  readonly last: number;
}

const METRIC_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+/;
const TAG_KEY = /^[a-z][a-z0-9_.\-/]*/;
const TAG_VALUE = /^[A-Za-z0-9_.\-/*]+/;
const VARIABLE = /^\$[a-z][a-z0-9_.\-]*/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?/;

class Reader {
  public pos = 0;
  public constructor(public readonly text: string) {}

  public fail(what: string): never {
    throw new DatadogQueryError(`${what} at ${this.pos} in: ${this.text}`);
  }

  public rest(): string {
    return this.text.slice(this.pos);
  }

  public peek(literal: string): boolean {
    return this.text.startsWith(literal, this.pos);
  }

  public accept(literal: string): boolean {
    if (this.peek(literal)) {
      this.pos += literal.length;
      return true;
    }
    return false;
  }

  public expect(literal: string): void {
    if (!this.accept(literal)) this.fail(`expected '${literal}'`);
  }

  public match(pattern: RegExp, what: string): string {
    const m = pattern.exec(this.rest());
    if (!m) this.fail(`expected ${what}`);
    this.pos += m[0].length;
    return m[0];
  }

  public oneOf(words: string[], what: string): string {
    // Longest first, so `>=` wins over `>`.
    for (const word of [...words].sort((a, b) => b.length - a.length)) {
      if (this.accept(word)) return word;
    }
    return this.fail(`expected ${what} (${words.join(', ')})`);
  }

  public end(): void {
    if (this.pos !== this.text.length) this.fail(`unexpected '${this.rest()}'`);
  }
}

function parseFilter(r: Reader): string[] {
  r.expect('{');
  if (r.accept('*}')) return ['*'];
  const items: string[] = [];
  do {
    if (r.peek('$')) {
      items.push(r.match(VARIABLE, 'template variable'));
      continue;
    }
    const neg = r.accept('!') ? '!' : '';
    const key = r.match(TAG_KEY, 'tag key');
    r.expect(':');
    const value = r.match(TAG_VALUE, 'tag value');
    items.push(`${neg}${key}:${value}`);
  } while (r.accept(','));
  r.expect('}');
  return items;
}

function parseKeys(r: Reader): string[] {
  r.expect('{');
  const keys: string[] = [];
  do {
    keys.push(r.match(TAG_KEY, 'group-by key'));
  } while (r.accept(','));
  r.expect('}');
  return keys;
}

/** Groups of a sub-expression's result; `null` for a number, which combines with any grouping. */
type Grouping = string[] | null;

function parseMetricTerm(r: Reader, terms: MetricTerm[]): Grouping {
  const spaceAggregation = r.oneOf(SPACE_AGGREGATORS, 'space aggregator');
  r.expect(':');
  const metric = r.match(METRIC_NAME, 'metric name');
  const filter = parseFilter(r);
  const groupBy = r.accept(' by ') ? parseKeys(r) : [];
  let modifier: MetricTerm['modifier'];
  if (r.accept('.as_count()')) modifier = 'as_count';
  else if (r.accept('.as_rate()')) modifier = 'as_rate';
  terms.push({ spaceAggregation, metric, filter, groupBy, modifier });
  return groupBy;
}

/** Functions the library's queries use, with whether they keep their argument's groups. */
const FUNCTIONS: { [name: string]: { readonly threshold: boolean; readonly keepsGroups: boolean } } = {
  count_not_null: { threshold: false, keepsGroups: false },
  cutoff_max: { threshold: true, keepsGroups: true },
  cutoff_min: { threshold: true, keepsGroups: true },
};

function parseFunction(r: Reader, terms: MetricTerm[]): Grouping | undefined {
  const name = Object.keys(FUNCTIONS).find((f) => r.peek(`${f}(`));
  if (!name) return undefined;
  r.expect(`${name}(`);
  const argument = parseExpr(r, terms);
  if (FUNCTIONS[name].threshold) {
    r.expect(', ');
    r.match(NUMBER, 'threshold number');
  }
  r.expect(')');
  if (argument === null) r.fail(`${name} of a number`);
  return FUNCTIONS[name].keepsGroups ? argument : [];
}

function parseFactor(r: Reader, terms: MetricTerm[]): Grouping {
  if (r.accept('(')) {
    const inner = parseExpr(r, terms);
    r.expect(')');
    return inner;
  }
  if (NUMBER.test(r.rest())) {
    r.match(NUMBER, 'number');
    return null;
  }
  return parseFunction(r, terms) ?? parseMetricTerm(r, terms);
}

/** The grouping of `a <op> b`: numbers combine with anything; series must be grouped alike. */
function combine(r: Reader, a: Grouping, b: Grouping): Grouping {
  if (a === null) return b;
  if (b === null) return a;
  if (a.join(',') !== b.join(',')) r.fail(`operands grouped differently (${a.join(',') || 'none'} vs ${b.join(',') || 'none'})`);
  return a;
}

function parseTerm(r: Reader, terms: MetricTerm[]): Grouping {
  let grouping = parseFactor(r, terms);
  while (r.accept(' * ') || r.accept(' / ')) grouping = combine(r, grouping, parseFactor(r, terms));
  return grouping;
}

function parseExpr(r: Reader, terms: MetricTerm[]): Grouping {
  let grouping = parseTerm(r, terms);
  while (r.accept(' + ') || r.accept(' - ')) grouping = combine(r, grouping, parseTerm(r, terms));
  return grouping;
}

function summarize(r: Reader, terms: MetricTerm[], grouping: Grouping): ParsedExpression {
  if (terms.length === 0) r.fail('expected at least one metric');
  return { terms, metrics: [...new Set(terms.map((t) => t.metric))], groupBy: [...(grouping ?? [])] };
}

/** A dashboard or SLO expression (no time aggregation, no threshold). */
export function parseMetricExpression(text: string): ParsedExpression {
  const r = new Reader(text);
  const terms: MetricTerm[] = [];
  const grouping = parseExpr(r, terms);
  r.end();
  return summarize(r, terms, grouping);
}

/** A metric (query alert) monitor query. */
export function parseMetricMonitorQuery(text: string): ParsedMetricMonitor {
  const r = new Reader(text);
  const timeAggregation = r.oneOf(TIME_AGGREGATORS, 'time aggregator');
  r.expect('(last_');
  const amount = Number(r.match(/^[1-9]\d*/, 'window length'));
  const unit = r.oneOf(['m', 'h', 'd', 'w'], 'window unit');
  const windowMinutes = amount * { m: 1, h: 60, d: 1440, w: 10080 }[unit as 'm' | 'h' | 'd' | 'w'];
  r.expect('):');
  const terms: MetricTerm[] = [];
  const grouping = parseExpr(r, terms);
  r.expect(' ');
  const comparator = r.oneOf(COMPARATORS, 'comparator');
  r.expect(' ');
  const thresholdText = r.match(NUMBER, 'threshold number');
  r.end();
  return { ...summarize(r, terms, grouping), timeAggregation, windowMinutes, comparator, threshold: Number(thresholdText), thresholdText };
}

function parseQuotedList(r: Reader, allowEmpty: boolean): string[] {
  r.expect('(');
  const items: string[] = [];
  if (!r.peek(')')) {
    do {
      r.expect('"');
      items.push(r.match(/^[^"\\]+/, 'quoted text'));
      r.expect('"');
    } while (r.accept(','));
  }
  r.expect(')');
  if (!allowEmpty && items.length === 0) r.fail('expected at least one quoted item');
  return items;
}

/** A service-check monitor query. */
export function parseServiceCheckQuery(text: string): ParsedServiceCheck {
  const r = new Reader(text);
  r.expect('"');
  const check = r.match(METRIC_NAME, 'check name');
  r.expect('"');
  r.expect('.over');
  const over = parseQuotedList(r, false);
  const exclude = r.accept('.exclude') ? parseQuotedList(r, false) : [];
  const groupBy = r.accept('.by') ? parseQuotedList(r, false) : [];
  r.expect('.last(');
  const last = Number(r.match(/^[1-9]\d*/, 'count'));
  if (last > 100) r.fail(`last(${last}) exceeds Datadog's maximum of 100`);
  r.expect(')');
  r.expect('.count_by_status()');
  r.end();
  return { check, over, exclude, groupBy, last };
}
