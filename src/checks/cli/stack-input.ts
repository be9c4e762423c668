// Turning the bytes the audit CLI was given into a Terraform stack, or into a one-line
// reason why they are not one. The input's content is never echoed: it may be binary, and
// it may hold secrets (JSON.parse's own messages quote the text around the error).
import { JsonObject, isObject } from '../internal/terraform-json';

/** The top-level keys of Terraform's JSON configuration syntax (`//` is a comment). */
const TERRAFORM_BLOCKS = ['terraform', 'provider', 'variable', 'locals', 'output', 'module', 'resource', 'data', 'check', 'import', 'moved', 'removed'];

/** Input that cannot be audited; the message names the input and the reason. */
export class UnusableInput extends Error {}

export interface StackInput {
  /** How messages and reports name the input. */
  readonly name: string;
  readonly config: JsonObject;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Where JSON.parse stopped, from its message (which also quotes the input: that part is dropped). */
function parseErrorPlace(message: string, text: string): string {
  const position = /at position (\d+)/.exec(message);
  if (/end of (?:JSON )?input/i.test(message) || (position && Number(position[1]) >= text.trimEnd().length)) return ': it ends early (truncated?)';
  if (position) return ` at ${lineAndColumn(text, Number(position[1]))}`;
  return '';
}

function decode(name: string, bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes;
  if (bytes.includes(0)) throw new UnusableInput(`'${name}' is binary data, not Terraform JSON`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnusableInput(`'${name}' is not UTF-8 text (binary data?), not Terraform JSON`);
  }
}

/** Why a parsed JSON value is not a Terraform stack, or undefined when it is one. */
function notTerraform(value: unknown): string | undefined {
  if (!isObject(value)) return `it is a JSON ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}, not an object`;
  const keys = Object.keys(value);
  if (isObject(value.stacks) && typeof value.version === 'string') return 'it is a cdktf manifest: pass its directory (cdktf.out) to audit every stack';
  const unknown = keys.filter((k) => k !== '//' && !TERRAFORM_BLOCKS.includes(k));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).map((k) => `'${JSON.stringify(k).slice(1, -1).slice(0, 40)}'`).join(', ');
    return `its top-level key${unknown.length > 1 ? 's' : ''} ${shown}${unknown.length > 3 ? ', ...' : ''} ${unknown.length > 1 ? 'are' : 'is'} not Terraform (expected ${TERRAFORM_BLOCKS.slice(0, 8).join(', ')}, ...)`;
  }
  if (!keys.some((k) => k !== '//')) return 'it holds no Terraform configuration';
  for (const block of ['resource', 'data']) {
    const byType = value[block];
    if (byType === undefined) continue;
    if (!isObject(byType) || !Object.values(byType).every(isObject)) return `its '${block}' is not an object of resource types`;
  }
  return undefined;
}

/** Reads one input as a Terraform stack; throws UnusableInput with the reason otherwise. */
export function readStackText(name: string, bytes: Uint8Array | string): StackInput {
  let text = decode(name, bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new UnusableInput(`'${name}' is empty, not Terraform JSON`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    throw new UnusableInput(`'${name}' is not valid JSON${parseErrorPlace(e.message, text)}`);
  }
  const why = notTerraform(parsed);
  if (why) throw new UnusableInput(`'${name}' is not a Terraform stack: ${why}`);
  return { name, config: parsed as JsonObject };
}
