import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { KongGateway, KongGatewayOptions } from '../../src/gateway/kong-gateway';
import { TerraformStack, Testing } from '../../src/internal/cdktf';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'datadog');

function fixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** Metric names of the Datadog Kong integration (its metadata.csv, first column). */
export const KONG_INTEGRATION_METRICS: string[] = fs.readFileSync(path.join(FIXTURES, 'datadog-kong-metadata.csv'), 'utf8')
  .split('\n').slice(1).map((line) => line.split(',')[0]).filter((name) => name.length > 0);
export const KONG_PLUGIN_METRICS: string[] = fixture('kong-datadog-plugin-metrics.json').metrics;
export const HTTP_CHECK_METRICS: string[] = fixture('http-check.json').metrics;
export const HTTP_CHECK_SERVICE_CHECKS: string[] = fixture('http-check.json').serviceChecks;
export const KONG_SERVICE_CHECKS: string[] = fixture('kong-service-checks.json').serviceChecks;
export const KUBE_STATE_METRICS: string[] = fixture('kubernetes-state-metrics.json').metrics;
/** What the Kong check sends for the library's `extra_metrics` requests (see the fixture's source). */
export const KONG_EXTRA_METRICS_FIXTURE: { requested: Record<string, { name: string; type: string }>; metrics: string[] } = fixture('kong-extra-metrics.json');
/** What the Kong check sends for Kong's latency histograms with the distribution options on (see the fixture's source). */
export const KONG_CHECK_DISTRIBUTIONS_FIXTURE: {
  instanceOptions: Record<string, boolean>;
  distributions: Record<string, { exposed: string; unit: string }>;
} = fixture('kong-check-distributions.json');
/** Units of the Kong Datadog plugin's latency metrics. */
export const KONG_PLUGIN_UNITS: Record<string, string> = fixture('kong-datadog-plugin-metrics.json').units;

/** Every metric name a library query may use. */
export const ALLOWED_METRICS = new Set([...KONG_INTEGRATION_METRICS, ...KONG_PLUGIN_METRICS, ...HTTP_CHECK_METRICS, ...KUBE_STATE_METRICS, ...KONG_EXTRA_METRICS_FIXTURE.metrics,
  ...Object.keys(KONG_CHECK_DISTRIBUTIONS_FIXTURE.distributions)]);
/** Every service check a library monitor or widget may use. */
export const ALLOWED_SERVICE_CHECKS = new Set([...HTTP_CHECK_SERVICE_CHECKS, ...KONG_SERVICE_CHECKS]);

export interface Synthesized {
  readonly json: string;
  readonly parsed: any;
}

/** Synthesizes a fresh stack built by `build`. */
export function synth(build: (stack: Construct) => void): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  const json = Testing.synth(stack);
  return { json, parsed: JSON.parse(json) };
}

/** All resources of a type, keyed by logical id. */
export function resources(s: Synthesized, type: string): { [logicalId: string]: any } {
  return s.parsed.resource?.[type] ?? {};
}

/** The monitor of a signal (found by its `kong_signal:` tag), failing loudly when absent. */
export function monitorOf(s: Synthesized, signal: string): any {
  const found = Object.values(resources(s, 'datadog_monitor')).filter((m: any) => m.tags.includes(`kong_signal:${signal}`));
  if (found.length !== 1) throw new Error(`expected one monitor for ${signal}, found ${found.length}`);
  return found[0];
}

export const NOTIFY = { critical: ['@pagerduty-kong'], warning: ['@slack-kong-alerts'] };

export const BASE: KongGatewayOptions = { name: 'edge', namespace: 'kong', expectedNodes: 6, team: 'platform' };

/** One gateway of each deployment mode. */
export function gatewaysOfAllModes(options: KongGatewayOptions = BASE): KongGateway[] {
  return [
    KongGateway.traditional(options),
    KongGateway.dbLess(options),
    KongGateway.hybridControlPlane({ ...options, name: `${options.name}-cp` }),
    KongGateway.hybridDataPlane(options),
  ];
}

/** Count of resources per Terraform type in a synthesized stack. */
export function resourceCounts(s: Synthesized): { [type: string]: number } {
  const out: { [type: string]: number } = {};
  for (const [type, byId] of Object.entries(s.parsed.resource ?? {})) out[type] = Object.keys(byId as object).length;
  return out;
}

/** The text of a `{{#name}}...{{/name}}` section of a Datadog message ('' when absent). */
export function section(message: string, name: string): string {
  return new RegExp(`\\{\\{#${name}\\}\\}([\\s\\S]*?)\\{\\{/${name}\\}\\}`).exec(message)?.[1] ?? '';
}

/** The last line of a message section: the handles line. */
export function handlesOf(message: string, name: string): string[] {
  const lines = section(message, name).trim().split('\n');
  return lines[lines.length - 1].split(' ').filter((h) => h.startsWith('@'));
}
