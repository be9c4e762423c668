// Logical IDs are API: Terraform addresses resources by them, and a moved ID replaces a
// monitor or dashboard whose history lives in Datadog and Grafana. This suite pins the IDs
// of every example stack against a committed fixture, and checks that growing a stack
// (a gateway, a backend, an option) never moves an existing ID.
//
// After an intentional, reviewed change of IDs (a new example, a new resource, a major
// version), regenerate the fixture and commit it with the change:
//
//   UPDATE_STABILITY_FIXTURES=1 npx jest test/stability
import * as fs from 'fs';
import * as path from 'path';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack } from 'cdktf';
import { Duration } from '../../src/core/duration';
import { KongFleet } from '../../src/facade/kong-fleet';
import { KongMonitoring, KongMonitoringProps } from '../../src/facade/kong-monitoring';
import { KongGateway, KongGatewayOptions } from '../../src/gateway/kong-gateway';
import { SignalThreshold } from '../../src/gateway/signal-threshold';
import { SignalId } from '../../src/gateway/signal-vocabulary';
import { GrafanaNotifier } from '../../src/grafana/alerting/notifier';
import { GrafanaProvider } from '../../src/grafana/provider/provider';
import { ROOT, exampleBuilder, exampleNames, logicalIds, synthApp } from '../support/synth';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'stability', 'logical-ids.json');
const UPDATE = process.env.UPDATE_STABILITY_FIXTURES === '1';

type Pinned = { [example: string]: { [stack: string]: string[] } };

function idsOfExample(name: string): { [stack: string]: string[] } {
  const out: { [stack: string]: string[] } = {};
  for (const [stack, json] of synthApp(exampleBuilder(name))) out[stack] = logicalIds(json);
  return out;
}

describe('logical IDs of the example stacks', () => {
  const actual: Pinned = {};
  for (const name of exampleNames()) actual[`examples/${name}`] = idsOfExample(name);

  if (UPDATE) {
    fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
    fs.writeFileSync(FIXTURE, JSON.stringify(actual, null, 2) + '\n');
  }
  const pinned = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Pinned;

  test('every example is pinned, and every pinned example exists', () => {
    expect(Object.keys(pinned).sort()).toEqual(Object.keys(actual).sort());
  });

  test.each(Object.keys(actual))('%s: every resource keeps its pinned type.name', (example) => {
    expect(actual[example]).toEqual(pinned[example]);
  });
});

// ---------------------------------------------------------------------------------------
// Growing a stack never moves an existing ID.

const notify = { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] };

function providers(stack: TerraformStack): void {
  new DatadogProvider(stack, 'datadog', {});
  new KubernetesProvider(stack, 'kubernetes', {});
  new GrafanaProvider(stack, 'grafana', {});
}

/** IDs of one stack holding one KongMonitoring per entry, with construct id 'kong-<i>'. */
function idsOf(...monitorings: KongMonitoringProps[]): string[] {
  return logicalIds(synthApp((app) => {
    const stack = new TerraformStack(app, 'stack');
    providers(stack);
    monitorings.forEach((props, i) => new KongMonitoring(stack, `kong-${i}`, props));
  }).get('stack')!);
}

const edge = (options: Partial<KongGatewayOptions> = {}): KongGateway => KongGateway.dbLess({ name: 'edge', expectedNodes: 3, ...options });

/** Expects every ID of `before` in `after`, and `after` to have grown. */
function expectKeptAndGrown(before: string[], after: string[]): void {
  expect(before.filter((id) => !after.includes(id))).toEqual([]);
  expect(after.length).toBeGreaterThan(before.length);
}

describe('adding never moves an existing ID', () => {
  const datadogOnly: KongMonitoringProps = { gateway: edge(), datadog: { notify } };
  const before = idsOf(datadogOnly);

  test('the baseline has Datadog resources to keep', () => {
    expect(before.filter((id) => id.startsWith('datadog_monitor.')).length).toBeGreaterThan(3);
  });

  test('adding a gateway', () => {
    expectKeptAndGrown(before, idsOf(datadogOnly, { gateway: KongGateway.traditional({ name: 'admin' }), datadog: { notify } }));
  });

  test('adding a backend: Datadog, then Datadog + Grafana, then + Prometheus', () => {
    const withGrafana = idsOf({ ...datadogOnly, grafana: { prometheusDatasourceUid: 'prom' } });
    expectKeptAndGrown(before, withGrafana);
    expect(withGrafana.some((id) => id.startsWith('grafana_rule_group.'))).toBe(true);
    expectKeptAndGrown(withGrafana, idsOf({ ...datadogOnly, grafana: { prometheusDatasourceUid: 'prom' }, prometheus: {} }));
  });

  test('adding synthetics', () => {
    expectKeptAndGrown(before, idsOf({ ...datadogOnly, datadog: { notify, synthetics: { endpoint: { url: 'https://api.example.com/' } } } }));
  });

  test('adding an SLO', () => {
    expectKeptAndGrown(before, idsOf({ ...datadogOnly, datadog: { notify, slo: { targetPercent: 99.9 } } }));
  });

  test('adding a Grafana alerting policy', () => {
    const grafanaOnly: KongMonitoringProps = { gateway: edge(), grafana: { prometheusDatasourceUid: 'prom' } };
    const withPolicy = idsOf({
      ...grafanaOnly,
      grafana: {
        prometheusDatasourceUid: 'prom',
        policy: { contactPoints: [{ name: 'mail', notifiers: [GrafanaNotifier.email({ addresses: ['kong@example.com'] })] }], defaultContactPoint: 'mail' },
      },
    });
    expectKeptAndGrown(idsOf(grafanaOnly), withPolicy);
    expect(withPolicy.some((id) => id.startsWith('grafana_notification_policy.'))).toBe(true);
  });

  test('a signal override (threshold and window) moves nothing, and switching a signal off removes only its own resources', () => {
    const all = { ...datadogOnly, grafana: { prometheusDatasourceUid: 'prom' }, prometheus: {} };
    const ids = idsOf(all);
    const tuned = idsOf({
      ...all,
      gateway: edge({
        signalOverrides: [
          { signal: SignalId.ERROR_RATIO_5XX, critical: SignalThreshold.ratio(0.1), warning: SignalThreshold.ratio(0.02), window: Duration.minutes(10) },
        ],
      }),
    });
    expect(tuned).toEqual(ids);
    const off = idsOf({ ...all, gateway: edge({ signalOverrides: [{ signal: SignalId.SHARED_DICT_MEMORY, enabled: false }] }) });
    expect(off.filter((id) => !ids.includes(id))).toEqual([]);
    const removed = ids.filter((id) => !off.includes(id));
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((id) => id.includes('shared-dict-memory'))).toBe(true);
  });
});

describe('renaming a gateway is the only change that moves its IDs (KongFleet: the name is the construct id)', () => {
  function fleetIds(gateways: KongGateway[]): string[] {
    return logicalIds(synthApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      providers(stack);
      new KongFleet(stack, 'kong', { gateways, defaults: { datadog: { notify }, grafana: { prometheusDatasourceUid: 'prom' }, prometheus: {} } });
    }).get('stack')!);
  }
  const admin = KongGateway.traditional({ name: 'admin', expectedNodes: 2 });
  const ids = fleetIds([edge(), admin]);
  const ofGateway = (list: string[], name: string): string[] => list.filter((id) => id.split('.')[1].startsWith(`kong_${name}_`));
  // Datadog's percentile settings are one per metric per account, held once by the stack.
  const accountWide = (list: string[]): string[] => list.filter((id) => id.startsWith('datadog_metric_tag_configuration.kong-datadog-percentiles_'));

  test('every resource belongs to one gateway, but the stack\'s account-wide percentile settings', () => {
    expect(accountWide(ids).length).toBe(3);
    expect(ofGateway(ids, 'edge').length + ofGateway(ids, 'admin').length + accountWide(ids).length).toBe(ids.length);
  });

  test('renaming moves every ID of the renamed gateway and none of the others', () => {
    const renamed = fleetIds([edge({ name: 'edge-eu' }), admin]);
    expect(ofGateway(renamed, 'admin')).toEqual(ofGateway(ids, 'admin'));
    expect(ofGateway(renamed, 'edge-eu').length).toBe(ofGateway(ids, 'edge').length);
    expect(ofGateway(renamed, 'edge')).toEqual([]);
    expect(ofGateway(renamed, 'edge-eu').filter((id) => ids.includes(id))).toEqual([]);
  });

  test.each([
    ['environment', { environment: 'staging' }],
    ['namespace', { namespace: 'kong-edge' }],
    ['cluster', { cluster: 'eu-1' }],
    ['workload name', { workloadName: 'kong-edge' }],
    ['status port', { statusPort: 8200 }],
    ['expected nodes', { expectedNodes: 300 }],
    ['team and tags', { team: 'edge-team', tags: { cost_center: '42' } }],
    ['startup window and scrape interval', { startupWindow: Duration.minutes(5), scrapeInterval: Duration.seconds(15) }],
  ] as Array<[string, Partial<KongGatewayOptions>]>)('changing the %s moves no ID', (_what, options) => {
    expect(fleetIds([edge(options), admin])).toEqual(ids);
  });

  test('adding a gateway to a fleet moves no ID', () => {
    expectKeptAndGrown(ids, fleetIds([edge(), admin, KongGateway.dbLess({ name: 'partner' })]));
  });

  test('removing a gateway from a fleet moves no other ID', () => {
    expect(fleetIds([admin])).toEqual([...accountWide(ids), ...ofGateway(ids, 'admin')].sort());
  });
});
