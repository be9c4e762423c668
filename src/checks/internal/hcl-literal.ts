// Reading the literal part of a Terraform expression: cdktf writes `Fn.yamlencode(obj)` and
// `Fn.jsonencode(obj)` as `${yamlencode({"key" = "value", ...})}`, so Helm values built that
// way are HCL object syntax, not YAML. Objects, tuples, strings, numbers and booleans are
// read; references (`var.x`, `local.y`, `data.a.b.c`) become `${...}` strings, which the
// rules already treat as values they cannot see; anything else makes the whole value opaque.

/** Thrown for expressions the reader does not follow (function calls, conditionals, for). */
class Opaque extends Error {}

/** Nesting followed at most; deeper values are opaque rather than a stack overflow. */
const MAX_DEPTH = 200;

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  public value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Opaque();
    this.space();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.tuple(depth);
    if (c === '"') return this.string();
    const word = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\]|\["[^"]*"\])*)/.exec(this.text.slice(this.pos));
    if (!word) throw new Opaque();
    this.pos += word[0].length;
    const w = word[0];
    if (/^-?\d/.test(w)) return Number(w);
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    this.space();
    // A function call or an operator: not a literal.
    if (this.text[this.pos] === '(' || !/^(?:var|local|data|module|resource|each|count|path|terraform|self)\b/.test(w) && !w.includes('.')) throw new Opaque();
    return `\${${w}}`;
  }

  public atEnd(): boolean {
    this.space();
    return this.pos >= this.text.length;
  }

  private space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private expect(c: string): void {
    this.space();
    if (this.text[this.pos] !== c) throw new Opaque();
    this.pos++;
  }

  private object(depth: number): { [key: string]: unknown } {
    this.expect('{');
    const out: { [key: string]: unknown } = {};
    for (;;) {
      this.space();
      if (this.text[this.pos] === '}') { this.pos++; return out; }
      let key: string;
      if (this.text[this.pos] === '"') {
        key = this.string();
      } else {
        const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos));
        if (!m) throw new Opaque();
        key = m[0];
        this.pos += key.length;
      }
      this.space();
      if (this.text[this.pos] !== '=' && this.text[this.pos] !== ':') throw new Opaque();
      this.pos++;
      out[key] = this.value(depth + 1);
      this.space();
      if (this.text[this.pos] === ',' || this.text[this.pos] === '\n') this.pos++;
    }
  }

  private tuple(depth: number): unknown[] {
    this.expect('[');
    const out: unknown[] = [];
    for (;;) {
      this.space();
      if (this.text[this.pos] === ']') { this.pos++; return out; }
      out.push(this.value(depth + 1));
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
    }
  }

  private string(): string {
    this.expect('"');
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++];
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.text[this.pos++];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      } else if (c === '$' && this.text[this.pos] === '{') {
        // An interpolation inside a string: keep it as a reference the rules cannot see.
        const end = this.text.indexOf('}', this.pos);
        if (end < 0) throw new Opaque();
        out += this.text.slice(this.pos - 1, end + 1);
        this.pos = end + 1;
      } else {
        out += c;
      }
    }
    throw new Opaque();
  }
}

/**
 * The value of `${yamlencode(...)}` or `${jsonencode(...)}` when its argument is a literal,
 * else undefined (the caller then treats the value as one it cannot see).
 */
export function encodedLiteral(expression: string): unknown {
  const m = /^\$\{\s*(?:yamlencode|jsonencode)\(([\s\S]*)\)\s*\}$/.exec(expression.trim());
  if (!m) return undefined;
  try {
    const reader = new Reader(m[1]);
    const value = reader.value(0);
    return reader.atEnd() ? value : undefined;
  } catch (e) {
    if (e instanceof Opaque) return undefined;
    throw e;
  }
}
