// Every public constructor, static factory and method of the jsii assembly, called as a jsii
// language or plain JavaScript can call it: with a required argument or prop left out, and
// with each argument and prop (required or optional, at every depth) of the wrong type or
// outside its enum. Each call must fail with the library's own message, naming the prop path,
// never with a TypeError from deep inside. The cases come from the assembly itself, so a new
// entry point, prop or enum-typed option is covered the day it is added.
import * as path from 'path';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { Testing, TerraformStack } from 'cdktf';
import { dependencyAssemblies, inputShapes, loadAssembly } from '../../build-tools/input-shapes';
import * as lib from '../../src';
import type { InputShapesData, ShapeField } from '../../src/core/input-shape';
import { signalsOf } from '../../src/signals/gateway-signals';
import { requireFreshLib } from '../support/compiled';
import { ROOT } from '../support/synth';

requireFreshLib();
const SHAPES: InputShapesData = inputShapes(loadAssembly(path.join(ROOT, '.jsii')), dependencyAssemblies(), lib as unknown as { [name: string]: unknown });

type Stack = TerraformStack;
const gatewayOf = () => lib.KongGateway.dbLess({ name: 'edge' });
const notify = { fallback: ['@slack-kong'] };

/** A value of each class the API takes or calls methods on, made in a stack of its own. */
const SAMPLES: { [className: string]: (stack: Stack) => unknown } = {
  'Construct': (stack) => stack,
  'DeploymentV1': (stack) => new DeploymentV1(stack, 'sample-workload', {
    metadata: { name: 'kong' },
    spec: { selector: { matchLabels: { app: 'kong' } }, template: { metadata: { labels: { app: 'kong' } }, spec: { container: [{ name: 'proxy', image: 'kong:3.9' }] } } },
  }),
  'KongGateway': () => gatewayOf(),
  'Duration': () => lib.Duration.seconds(30),
  'KongProbe': () => lib.KongProbe.statusReady(),
  'KongVersion': () => lib.KongVersion.of('3.9'),
  'KongDeclarativeConfig': () => lib.KongDeclarativeConfig.fromString('_format_version: "3.0"\nservices: []\n'),
  'KongDeployment': (stack) => new lib.KongDeployment(stack, 'sample-deployment', { gateway: gatewayOf() }),
  'GrafanaNotifier': () => lib.GrafanaNotifier.email({ addresses: ['oncall@example.com'] }),
  'grafana.Folder': (stack) => new lib.grafana.Folder(stack, 'sample-folder', { title: 'Kong' }),
  'DatadogMonitors': (stack) => new lib.DatadogMonitors(stack, 'sample-monitors', { gateway: gatewayOf(), notify }),
  'DatadogSynthetics': (stack) => new lib.DatadogSynthetics(stack, 'sample-synthetics', { gateway: gatewayOf(), notify, endpoint: { url: 'https://kong.example.com/health' } }),
  'DatadogDistributionPercentiles': (stack) => lib.DatadogDistributionPercentiles.of(stack),
  'LoadBalancerHealthCheck': () => lib.LoadBalancerHealthCheck.kongReady(gatewayOf()),
  'KongFleet': (stack) => new lib.KongFleet(stack, 'sample-fleet'),
  'GrafanaAlertingPolicy': (stack) => new lib.GrafanaAlertingPolicy(stack, 'sample-policy', {
    contactPoints: [{ name: 'oncall', notifiers: [lib.GrafanaNotifier.email({ addresses: ['oncall@example.com'] })] }],
    defaultContactPoint: 'oncall',
  }),
  'KongWorkloadSettings': () => new lib.KongWorkloadSettings({ gateway: gatewayOf() }),
  'KongBestPractices': () => new lib.KongBestPractices(),
  'KongBestPracticesReport': (stack) => lib.KongBestPractices.validate(stack),
  'ResolvedSignal': () => signalsOf(gatewayOf())[0],
  'SignalThreshold': () => lib.SignalThreshold.ratio(0.5),
  'DatadogBackend': () => new lib.DatadogBackend({ notify }),
  'GrafanaBackend': () => new lib.GrafanaBackend({ prometheusDatasourceUid: 'prometheus' }),
  'PrometheusBackend': () => new lib.PrometheusBackend(),
  // An abstract method is called on an implementation; the built-in ones check their input.
  'MonitoringBackend': () => new lib.PrometheusBackend(),
};

function classOf(name: string): any {
  const [first, second] = name.split('.');
  return second === undefined ? (lib as any)[first] : (lib as any)[first][second];
}

/** Calls an entry point: `Class` (constructor), `Class.method` (static, or on a sample instance). */
function call(entry: string, args: unknown[], stack: Stack): unknown {
  if (SHAPES.entries[entry] !== undefined && SHAPES.classes[entry] !== undefined && classOf(entry) !== undefined) {
    const Class = classOf(entry);
    return new Class(...args);
  }
  const dot = entry.lastIndexOf('.');
  const className = entry.slice(0, dot);
  const method = entry.slice(dot + 1);
  const Class = classOf(className);
  if (typeof Class[method] === 'function') return Class[method](...args);
  const sample = SAMPLES[className];
  if (!sample) throw new Error(`no sample instance of ${className} to call ${method} on: add one to SAMPLES`);
  const instance = sample(stack) as any;
  return instance[method](...args);
}

/** A value of the type that passes the type checks (not necessarily the library's other checks). */
function skeleton(type: string, stack: Stack, onPath: string[]): unknown {
  const list = /^list<(.*)>$/.exec(type);
  if (list) return [skeleton(list[1], stack, onPath)];
  const map = /^map<(.*)>$/.exec(type);
  if (map) return { key: skeleton(map[1], stack, onPath) };
  const [kind, name] = type.includes(':') ? [type.slice(0, type.indexOf(':')), type.slice(type.indexOf(':') + 1)] : [type, ''];
  switch (kind) {
    case 'string': return 'x';
    case 'number': return 1;
    case 'boolean': return true;
    case 'enum': return Object.values(SHAPES.enums[name])[0];
    case 'class': {
      const sample = SAMPLES[name];
      if (!sample) throw new Error(`no sample ${name}: add one to SAMPLES`);
      return sample(stack);
    }
    case 'object': return stack;
    case 'struct': {
      const out: { [key: string]: unknown } = {};
      // Required props only; a struct already on the path (a recursive tree) stops there.
      if (onPath.includes(name)) return out;
      for (const [field, fieldType, optional] of SHAPES.structs[name]) {
        if (!optional) out[field] = skeleton(fieldType, stack, [...onPath, name]);
      }
      return out;
    }
    default: return undefined;
  }
}

/** A value of another type than `type` (a value outside the enum, for enums). */
function wrongValue(type: string): unknown {
  if (type.startsWith('list<')) return { notA: 'list' };
  if (type.startsWith('map<')) return 'not-a-map';
  if (type.startsWith('enum:')) return 'not-a-member';
  if (type.startsWith('struct:')) return 'not-an-object';
  if (type.startsWith('class:')) return { plain: 'object' };
  switch (type) {
    case 'string': return 42;
    case 'number': return '42';
    case 'boolean': return 'yes';
    case 'object': return 42;
    default: return undefined;
  }
}

interface Case {
  readonly entry: string;
  /** The prop path the message must name. */
  readonly path: string;
  readonly what: string;
  /** Builds the arguments, in a fresh stack. */
  readonly args: (stack: Stack) => unknown[];
}

/** Sets `value` at `path` (`a.b[0].c`) in a copy of `root`. */
function setAt(root: unknown, steps: Array<string | number>, value: unknown): unknown {
  if (steps.length === 0) return value;
  const [step, ...rest] = steps;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  if (value === undefined && rest.length === 0) delete copy[step];
  else copy[step] = setAt(copy[step], rest, value);
  return copy;
}

function pathText(steps: Array<string | number>): string {
  return steps.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text === '' ? step : `${text}.${step}`), '');
}

/** Every case of one entry point: each argument, and each prop of each struct argument at every depth. */
function casesOf(entry: string, parameters: ShapeField[]): Case[] {
  const cases: Case[] = [];
  const base = (stack: Stack) => parameters.map(([name, type], i) => (i === 0 && name === 'scope' ? stack : name === 'id' && i === 1 ? 'subject' : skeleton(type, stack, [])));
  parameters.forEach(([name, type, optional], i) => {
    const withArg = (value: (stack: Stack) => unknown) => (stack: Stack) => {
      const args = base(stack);
      args[i] = value(stack);
      return args;
    };
    if (!optional) cases.push({ entry, path: name, what: 'missing', args: withArg(() => undefined) });
    if (wrongValue(type) !== undefined) cases.push({ entry, path: name, what: `wrong type (${type})`, args: withArg(() => wrongValue(type)) });
    const visit = (fieldType: string, steps: Array<string | number>, onPath: string[]) => {
      const list = /^list<(struct:.*)>$/.exec(fieldType);
      if (list) return visit(list[1], [...steps, 0], onPath);
      const struct = /^struct:(.*)$/.exec(fieldType);
      if (!struct || onPath.includes(struct[1])) return;
      for (const [field, propType, propOptional] of SHAPES.structs[struct[1]]) {
        const at = [...steps, field];
        const shown = pathText(at);
        const argsWith = (value: () => unknown) => (stack: Stack) => {
          const args = base(stack);
          // Put the value into a skeleton that has the optional structs on the way.
          let root = args[i];
          for (let depth = 1; depth < at.length; depth++) {
            const prefix = at.slice(0, depth);
            if (lookup(root, prefix) === undefined) root = setAt(root, prefix, typeof at[depth] === 'number' ? [] : skeletonAt(prefix, stack));
          }
          args[i] = setAt(root, at, value());
          return args;
        };
        const skeletonAt = (prefix: Array<string | number>, stack: Stack) => skeleton(typeAt(type, prefix), stack, []);
        if (!propOptional) cases.push({ entry, path: shown, what: 'missing', args: argsWith(() => undefined) });
        if (wrongValue(propType) !== undefined) cases.push({ entry, path: shown, what: `wrong type (${propType})`, args: argsWith(() => wrongValue(propType)) });
        visit(propType, at, [...onPath, struct[1]]);
      }
    };
    visit(type, [], []);
  });
  return cases;
}

function lookup(root: unknown, steps: Array<string | number>): unknown {
  return steps.reduce<any>((v, step) => (v === undefined || v === null ? undefined : v[step]), root);
}

/** The declared type at a path inside a struct type. */
function typeAt(type: string, steps: Array<string | number>): string {
  let current = type;
  for (const step of steps) {
    const list = /^list<(.*)>$/.exec(current);
    if (typeof step === 'number') {
      current = list ? list[1] : 'any';
      continue;
    }
    const struct = /^struct:(.*)$/.exec(current);
    current = struct ? SHAPES.structs[struct[1]].find(([name]) => name === step)?.[1] ?? 'any' : 'any';
  }
  return current;
}

/** `<Subject>: <problem>. Fix: <fix>.` */
const LIBRARY_ERROR = /^[^\s:][^\n]*?: .+\. Fix: .+\.$/s;

function outcome(c: Case): string | undefined {
  const stack = new TerraformStack(Testing.app(), 'test');
  let args: unknown[];
  try {
    args = c.args(stack);
  } catch (e) {
    return `could not build the arguments: ${(e as Error).message}`;
  }
  try {
    call(c.entry, args, stack);
  } catch (e) {
    const error = e as Error;
    if (error instanceof TypeError) return `TypeError: ${error.message}`;
    if (!LIBRARY_ERROR.test(error.message)) return `not the library's message shape: ${error.message}`;
    const leaf = c.path.replace(/^.*[.\]]/, '').replace(/\[\d+\]$/, '');
    if (!error.message.includes(leaf)) return `the message does not name '${c.path}': ${error.message}`;
    return undefined;
  }
  return 'accepted';
}

const ENTRIES = Object.entries(SHAPES.entries);

describe('every public entry point refuses bad input with the library\'s message', () => {
  test('the assembly has the entry points this walks', () => {
    expect(ENTRIES.length).toBeGreaterThan(80);
    expect(Object.keys(SHAPES.enums).length).toBeGreaterThan(20);
    // Each case below is one call with one bad argument or prop.
    expect(ENTRIES.flatMap(([entry, parameters]) => casesOf(entry, parameters)).length).toBeGreaterThan(1500);
  });

  test.each(ENTRIES)('%s', (entry, parameters) => {
    const failures = casesOf(entry, parameters)
      .map((c) => ({ c, result: outcome(c) }))
      .filter(({ result }) => result !== undefined)
      .map(({ c, result }) => `${c.path} ${c.what}: ${result}`);
    expect(failures).toEqual([]);
  });

  test('every enum-typed prop of the input structs is refused outside its enum', () => {
    const enumProps = Object.entries(SHAPES.structs).flatMap(([struct, fields]) =>
      fields.filter(([, type]) => /enum:/.test(type)).map(([field, type]) => `${struct}.${field} (${type})`));
    // Each is exercised by the entry points above; listed here so the count is visible.
    expect(enumProps.length).toBeGreaterThan(30);
  });
});
