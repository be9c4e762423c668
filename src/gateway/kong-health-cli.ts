// Does a probe command run `kong health`? One answer for the constructs (KongProbe refuses
// such probes) and the checker (KBP6 finds them in any stack).
//
// `kong health` and the image's `kong-health` script only check that the nginx PID is alive
// (Kong/kong kong/cmd/health.lua, bin/kong-health), so Kong's monitoring overview says not to
// use them as a health check. A probe command is either an argv run directly or a shell
// script (`sh -c '...'`); the script is read the way a shell splits it into simple commands,
// so a command that merely mentions the words (`echo`, `grep`, a comment, a header value) is
// not mistaken for one that runs them.

/** Shells whose `-c` argument is a script. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** Reserved words and prefixes that leave the command after them to run. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{', '}', '(', ')', 'time']);

/** Wrappers that run the rest of their arguments as a command: each drops its own options and operands. */
const WRAPPERS: { [name: string]: (args: string[]) => string[] } = {
  'exec': (a) => skipOptions(a, ['-a']),
  'command': (a) => (a.some((w) => w === '-v' || w === '-V') ? [] : skipOptions(a, [])),
  'builtin': (a) => a,
  'nohup': (a) => a,
  'nice': (a) => skipOptions(a, ['-n']),
  'timeout': (a) => skipOptions(a, ['-s', '-k', '--signal', '--kill-after']).slice(1),
  'env': (a) => skipAssignments(skipOptions(a, ['-u', '-C', '-S'])),
  'sudo': (a) => skipOptions(a, ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U']),
  'su-exec': (a) => a.slice(1),
  'gosu': (a) => a.slice(1),
  'stdbuf': (a) => skipOptions(a, ['-i', '-o', '-e']),
  'tini': (a) => skipOptions(a, ['-p', '-e']),
  'dumb-init': (a) => skipOptions(a, ['-r']),
  'busybox': (a) => a,
  'docker-entrypoint.sh': (a) => a,
  'resty': (a) => skipOptions(a, ['-I', '-e', '-l', '-c', '-j', '--http-conf', '--http-include', '--main-conf', '--main-include', '--shdict', '--ns', '--resolve-ipv6', '--nginx']),
};

/** Nesting of `sh -c`, `$(...)` and `eval` followed at most. */
const MAX_DEPTH = 16;

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

function isAssignment(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}

function skipAssignments(args: string[]): string[] {
  let i = 0;
  while (i < args.length && isAssignment(args[i])) i++;
  return args.slice(i);
}

/** Drops leading options (and the values of those that take one) and a `--` separator. */
function skipOptions(args: string[], withValue: string[]): string[] {
  let i = 0;
  while (i < args.length && args[i].startsWith('-') && args[i] !== '-') {
    if (args[i] === '--') return args.slice(i + 1);
    i += withValue.includes(args[i]) ? 2 : 1;
  }
  return args.slice(i);
}

/** A word as a shell sees it, with the scripts of the command substitutions inside it. */
interface Word {
  readonly text: string;
  readonly substitutions: string[];
}

/** A shell script split into simple commands (lists of words); substitutions are kept for reading. */
interface ParsedScript {
  readonly commands: Word[][];
}

/** The text up to the `)` that closes a `$(` opened just before `start`, or to the end. */
function closingParen(script: string, start: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = start; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '\\') {
      i++;
    } else if (c === '\'' || c === '"') {
      quote = c;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return script.length;
}

/** Splits a POSIX shell script into simple commands: quotes, escapes, comments, operators, redirections, substitutions. */
function parseScript(script: string): ParsedScript {
  const commands: Word[][] = [];
  let current: Word[] = [];
  let text = '';
  let substitutions: string[] = [];
  let inWord = false;
  let redirectTarget = false;

  const endWord = () => {
    if (inWord) {
      if (redirectTarget) redirectTarget = false;
      else current.push({ text, substitutions });
    }
    text = '';
    substitutions = [];
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (current.length > 0) commands.push(current);
    current = [];
  };

  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === '\\') {
      if (script[i + 1] === '\n') { i++; continue; }
      if (i + 1 < script.length) { text += script[++i]; inWord = true; }
      continue;
    }
    if (c === '\'') {
      const end = script.indexOf('\'', i + 1);
      const stop = end < 0 ? script.length : end;
      text += script.slice(i + 1, stop);
      inWord = true;
      i = stop;
      continue;
    }
    if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < script.length && script[j] !== '"'; j++) {
        if (script[j] === '\\' && j + 1 < script.length) {
          text += script[++j];
        } else if (script[j] === '$' && script[j + 1] === '(') {
          const close = closingParen(script, j + 2);
          substitutions.push(script.slice(j + 2, close));
          j = close;
        } else if (script[j] === '`') {
          const close = script.indexOf('`', j + 1);
          const stop = close < 0 ? script.length : close;
          substitutions.push(script.slice(j + 1, stop));
          j = stop;
        } else {
          text += script[j];
        }
      }
      i = j;
      continue;
    }
    if (c === '$' && script[i + 1] === '(') {
      const close = closingParen(script, i + 2);
      substitutions.push(script.slice(i + 2, close));
      inWord = true;
      i = close;
      continue;
    }
    if (c === '`') {
      const close = script.indexOf('`', i + 1);
      const stop = close < 0 ? script.length : close;
      substitutions.push(script.slice(i + 1, stop));
      inWord = true;
      i = stop;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = script.indexOf('\n', i);
      i = nl < 0 ? script.length : nl - 1;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    if (c === '>' || c === '<') {
      // `2>&1`, `>/dev/null`, `<<EOF`: the fd number before is not a word, the target after is not one either.
      if (/^\d+$/.test(text) && substitutions.length === 0) { text = ''; inWord = false; }
      endWord();
      while (script[i + 1] === '>' || script[i + 1] === '<' || script[i + 1] === '&' || script[i + 1] === '|') i++;
      if (/\d|-/.test(script[i + 1] ?? '') && script[i] === '&') {
        while (/[\d-]/.test(script[i + 1] ?? '')) i++;
      } else {
        redirectTarget = true;
      }
      continue;
    }
    if (c === '&' && script[i + 1] === '>') {
      endWord();
      i++;
      if (script[i + 1] === '>') i++;
      redirectTarget = true;
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '\n' || c === '(' || c === ')') {
      endCommand();
      continue;
    }
    text += c;
    inWord = true;
  }
  endCommand();
  return { commands };
}

/** `$(which kong)`, `$(command -v kong)`: a word that resolves to the kong binary. */
function resolvesToKong(word: Word): boolean {
  if (word.text !== '' || word.substitutions.length !== 1) return false;
  const words = word.substitutions[0].trim().split(/\s+/);
  return words.length >= 2 && basename(words[words.length - 1]) === 'kong'
    && ['which', 'command', 'type'].includes(words[0]);
}

/** Does this simple command (argv after expansion) run `kong health`? */
function commandRunsIt(words: Word[], depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  // Substitutions run wherever they appear in the command.
  if (words.some((w) => w.substitutions.some((s) => scriptRunsIt(s, depth + 1)))) return true;

  let rest = words;
  while (rest.length > 0 && (isAssignment(rest[0].text) || KEYWORDS.has(rest[0].text))) rest = rest.slice(1);
  if (rest.length === 0) return false;

  const name = resolvesToKong(rest[0]) ? 'kong' : basename(rest[0].text);
  const args = rest.slice(1);
  if (name === 'kong-health') return true;
  if (name === 'kong') return args[0]?.text === 'health';
  if (name === 'eval') return scriptRunsIt(args.map((w) => w.text).join(' '), depth + 1);
  if (SHELLS.has(name)) {
    // `sh -c SCRIPT`, `bash -ec SCRIPT`, `bash -l -c SCRIPT`: the first operand after the flags.
    let i = 0;
    let hasC = false;
    while (i < args.length && /^[-+][A-Za-z]+$/.test(args[i].text)) {
      if (args[i].text.startsWith('-') && args[i].text.includes('c')) hasC = true;
      i++;
    }
    return hasC && i < args.length && scriptRunsIt(args[i].text, depth + 1);
  }
  const wrapper = WRAPPERS[name];
  if (wrapper) {
    const remaining = wrapper(args.map((w) => w.text));
    return remaining.length > 0 && commandRunsIt(args.slice(args.length - remaining.length), depth + 1);
  }
  return false;
}

function scriptRunsIt(script: string, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return parseScript(script).commands.some((c) => commandRunsIt(c, depth));
}

/**
 * True when a probe command runs `kong health` (or the image's `kong-health` script): run
 * directly, through a wrapper (`env`, `timeout`, `exec`...), or inside a shell script
 * (`sh -c 'kong health;echo ok'`), including substitutions and nested shells. Commands that
 * only mention the words, or check the status endpoint themselves, do not.
 */
export function runsKongHealthCli(command: readonly string[]): boolean {
  if (command.length === 0) return false;
  return commandRunsIt(command.map((text) => ({ text: String(text), substitutions: [] })), 0);
}
