// Kong's listeners as a container's env and ports declare them, and the ways they can
// contradict each other around the status listener: the variable given twice, an address
// listed twice (nginx refuses a duplicate `listen`, so Kong does not start), another
// listener on the same address and port, or a container port named `status` that Kong does
// not listen on (probes and scrapes by that name reach nothing).
import { isReference } from './terraform-json';
import { ContainerModel, STATUS_PORT_NAMES, envVar, parseListen } from './workloads';
import { KONG_DEFAULT_PORTS } from '../../gateway/kong-facts';

/**
 * Kong's own defaults for the listeners that can collide with the status listener when
 * their variable is not set (Kong/kong kong/templates/kong_defaults.lua, 3.x): the proxy on
 * every address, the Admin API on loopback.
 */
const DEFAULT_LISTEN: { [env: string]: string } = {
  KONG_PROXY_LISTEN: `0.0.0.0:${KONG_DEFAULT_PORTS.proxyHttp}, 0.0.0.0:${KONG_DEFAULT_PORTS.proxyTls} ssl`,
  KONG_ADMIN_LISTEN: `127.0.0.1:${KONG_DEFAULT_PORTS.adminHttp}, 127.0.0.1:${KONG_DEFAULT_PORTS.adminTls} ssl`,
};

/** Other listeners Kong binds when their variable says so. */
const OTHER_LISTENERS = ['KONG_PROXY_LISTEN', 'KONG_ADMIN_LISTEN', 'KONG_ADMIN_GUI_LISTEN', 'KONG_CLUSTER_LISTEN', 'KONG_CLUSTER_TELEMETRY_LISTEN', 'KONG_STREAM_LISTEN'];

function socket(host: string, port: number | undefined): string {
  return `${host === '*' ? '0.0.0.0' : host}:${port}`;
}

/** What contradicts the status listener in a container's env and ports, one sentence each. */
export function statusListenerContradictions(c: ContainerModel): string[] {
  const problems: string[] = [];
  const declared = c.env.filter((e) => e.name === 'KONG_STATUS_LISTEN');
  const literals = [...new Set(declared.map((e) => e.value).filter((v): v is string => v !== undefined))];
  if (declared.length > 1 && (literals.length > 1 || declared.some((e) => e.fromSource))) {
    problems.push(`KONG_STATUS_LISTEN is set ${declared.length} times (${declared.map((e) => (e.value !== undefined ? `'${e.value}'` : 'from a source')).join(', ')}); Kubernetes keeps only the last`);
  }
  const env = envVar(c, 'KONG_STATUS_LISTEN');
  if (env?.value === undefined || isReference(env.value) || env.value.trim().toLowerCase() === 'off') return problems;

  const entries = parseListen(env.value).filter((e) => e.port !== undefined);
  const seen = new Set<string>();
  for (const e of entries) {
    const key = socket(e.host, e.port);
    if (seen.has(key)) problems.push(`KONG_STATUS_LISTEN lists ${key} twice; nginx refuses a duplicate listen and Kong does not start`);
    seen.add(key);
  }

  for (const name of OTHER_LISTENERS) {
    const other = envVar(c, name);
    const value = other ? other.value : DEFAULT_LISTEN[name];
    if (value === undefined || isReference(value) || value.trim().toLowerCase() === 'off') continue;
    for (const o of parseListen(value)) {
      const key = socket(o.host, o.port);
      if (seen.has(key)) {
        const source = other ? `${name} ('${value}')` : `${name.replace(/^KONG_/, '').toLowerCase()}'s default (${key})`;
        problems.push(`the status listener and ${source} both bind ${key}`);
      }
    }
  }

  const listening = new Set(entries.filter((e) => !e.loopback).map((e) => e.port));
  for (const p of c.ports) {
    if (p.name && STATUS_PORT_NAMES.includes(p.name) && p.containerPort !== undefined && listening.size > 0 && !listening.has(p.containerPort)) {
      problems.push(`the container port '${p.name}' is ${p.containerPort}, where Kong does not listen (KONG_STATUS_LISTEN '${env.value}'): probes and scrapes by that name reach nothing`);
    }
  }
  return problems;
}
