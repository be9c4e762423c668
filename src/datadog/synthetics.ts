import type { SyntheticsTest, SyntheticsTestConfig } from '@cdktf/provider-datadog/lib/synthetics-test';
import { Construct } from 'constructs';
import { DatadogGatewayProps } from './common';
import { pickHandles, renotifyMinutes, validateHandles } from './internal/notify-rules';
import { gatewayLine, namePrefix, requireExtraTags, resourceTags } from './internal/tags';
import { DatadogNotifyProps } from './notify';
import { Duration } from '../core/duration';
import { checkConstructArguments } from '../core/input-shape';
import { refuseSecretUrl } from '../core/literal-secrets';
import { failValidation, refuseTemplateSyntax } from '../core/validation';
import { KongGateway } from '../gateway/kong-gateway';
import { Severity } from '../gateway/signal-vocabulary';
import { datadogResources } from '../internal/provider-resources';

/** Managed locations the public test runs from unless told otherwise. */
const DEFAULT_MANAGED_LOCATIONS: string[] = ['aws:eu-central-1', 'aws:us-east-2'];

/** An HTTP test of the gateway through its load balancer, from Datadog's managed locations. */
export interface DatadogEndpointTestProps {
  /** URL through the load balancer, e.g. `https://api.example.com/health` (a route Kong proxies). */
  readonly url: string;

  /**
   * Locations to test from: managed (`aws:eu-central-1`) or private (`pl:<id>`).
   * @default ['aws:eu-central-1', 'aws:us-east-2']
   */
  readonly locations?: string[];

  /**
   * How often the test runs (30s to 7d).
   * @default Duration.minutes(1)
   */
  readonly interval?: Duration;

  /**
   * HTTP status the URL must answer with.
   * @default 200
   */
  readonly expectedStatus?: number;

  /**
   * Slowest acceptable response, below the request's 30-second timeout.
   * @default Duration.seconds(2)
   */
  readonly maxResponseTime?: Duration;

  /**
   * How long the test must keep failing before it alerts.
   * @default Duration.minutes(2)
   */
  readonly minFailureDuration?: Duration;
}

/**
 * A test of Kong's `/status/ready` on the status port from inside the cluster. Datadog's managed
 * locations cannot reach the status listener (it is never exposed publicly), so this test
 * needs private locations.
 */
export interface DatadogReadinessTestProps {
  /**
   * In-cluster host that reaches the status port, e.g. the ClusterIP status Service
   * `edge-status.kong.svc.cluster.local`.
   */
  readonly host: string;

  /** Private locations (`pl:<id>`) running in or next to the cluster. */
  readonly privateLocations: string[];

  /**
   * How often the test runs (30s to 7d).
   * @default Duration.minutes(1)
   */
  readonly interval?: Duration;

  /**
   * How long the test must keep failing before it alerts.
   * @default Duration.minutes(2)
   */
  readonly minFailureDuration?: Duration;
}

/** Props of {@link DatadogSynthetics}. */
export interface DatadogSyntheticsProps extends DatadogGatewayProps {
  /** Where the tests' alerts go. The endpoint test pages `critical`; the readiness test tells `warning`. */
  readonly notify: DatadogNotifyProps;

  /**
   * Test of the gateway through its load balancer.
   * @default - none
   */
  readonly endpoint?: DatadogEndpointTestProps;

  /**
   * Test of `/status/ready` from private locations.
   * @default - none
   */
  readonly readiness?: DatadogReadinessTestProps;

  /**
   * Re-notification interval of the endpoint test while it stays down; `Duration.minutes(0)` turns it off.
   * @default Duration.minutes(60)
   */
  readonly renotifyInterval?: Duration;

  /**
   * Extra tags.
   * @default {}
   */
  readonly tags?: { [key: string]: string };

  /**
   * Routes in the gateway's DB-less declarative configuration, when the stack writes it. With
   * 0, Kong answers 404 to every request and the endpoint test is refused.
   * @default - unknown: not checked
   */
  readonly declarativeRouteCount?: number;
}

/** The endpoint test's request timeout: a response-time limit at or above it never fails. */
const REQUEST_TIMEOUT = Duration.seconds(30);
const MIN_TICK_SECONDS = 30;
const MAX_TICK_SECONDS = 604800;

/**
 * Datadog Synthetic API tests for a gateway: an HTTP test through the load balancer from
 * managed locations, and optionally a `/status/ready` test from private locations. Each test
 * creates its own monitor; `endpointMonitorId` and `readinessMonitorId` name them for
 * composites and SLOs (synthetics monitors cannot be created as `datadog_monitor`).
 */
export class DatadogSynthetics extends Construct {
  /** The test through the load balancer, when configured. */
  public readonly endpointTest?: SyntheticsTest;
  /** The `/status/ready` test from private locations, when configured. */
  public readonly readinessTest?: SyntheticsTest;

  public constructor(scope: Construct, id: string, props: DatadogSyntheticsProps) {
    super(scope, checkConstructArguments('DatadogSynthetics', scope, id, props));
    const subject = `DatadogSynthetics '${id}'`;
    const gateway = props.gateway;
    validateHandles(subject, 'notify', props.notify);
    if (!props.endpoint && !props.readiness) {
      failValidation(subject, 'neither endpoint nor readiness is given, so there is nothing to test', "give endpoint: { url: 'https://<your-host>/<route>' }, readiness: { host, privateLocations }, or both");
    }
    const renotify = renotifyMinutes(subject, 'renotifyInterval', props.renotifyInterval ?? Duration.minutes(60));
    validateHandles(subject, 'notify', props.notify);
    requireExtraTags(subject, gateway, props.tags);
    const tags = resourceTags(gateway, props.tags ?? {});

    if (props.endpoint) {
      const e = props.endpoint;
      refuseSecretUrl(subject, 'endpoint.url', e.url);
      // The URL is written into the test's notification message, a template.
      refuseTemplateSyntax(subject, 'endpoint.url', e.url, 'Datadog reads');
      const url = parseUrl(subject, 'endpoint.url', e.url);
      const locations = e.locations ?? DEFAULT_MANAGED_LOCATIONS;
      requireLocations(subject, 'endpoint.locations', locations);
      const port = url.port !== '' ? Number(url.port) : undefined;
      const managed = locations.filter((l) => !l.startsWith('pl:'));
      if (managed.length > 0 && (port === gateway.statusPort || url.pathname === '/status' || url.pathname.startsWith('/status/'))) {
        failValidation(
          subject,
          `endpoint.url ${e.url} targets Kong's status listener, which managed locations (${managed.join(', ')}) cannot reach: it is never exposed publicly`,
          'test a proxied route through the load balancer here, and use readiness: { host, privateLocations } for /status/ready',
        );
      }
      if (props.declarativeRouteCount === 0) {
        failValidation(
          subject,
          `endpoint.url ${e.url} tests a route of the DB-less gateway '${gateway.name}', whose declarative configuration has no routes: Kong answers 404 to every request, so the test would fail forever`,
          "add your services and routes (kubernetes.declarativeConfig: KongDeclarativeConfig.fromFile('kong.yml')), or leave out the endpoint test",
        );
      }
      const maxResponseTime = e.maxResponseTime ?? Duration.seconds(2);
      if (!REQUEST_TIMEOUT.isLongerThan(maxResponseTime)) {
        failValidation(
          subject,
          `endpoint.maxResponseTime ${maxResponseTime.toPrometheus()} can never fail: the request itself times out after ${REQUEST_TIMEOUT.toPrometheus()}`,
          `give a maxResponseTime below ${REQUEST_TIMEOUT.toPrometheus()}, e.g. Duration.seconds(2)`,
        );
      }
      const expected = e.expectedStatus ?? 200;
      if (!Number.isInteger(expected) || expected < 100 || expected > 599) {
        failValidation(subject, `endpoint.expectedStatus ${expected} is not an HTTP status`, 'use a status between 100 and 599, e.g. 200');
      }
      const handles = testHandles(subject, props.notify, Severity.CRITICAL);
      this.endpointTest = new datadogResources.SyntheticsTest(this, 'endpoint', {
        ...baseTest(`${namePrefix(gateway)} Kong endpoint ${url.host}${url.pathname} down`, locations, tags),
        message: message(gateway, `Kong endpoint ${e.url} fails its checks`, handles, 'CRITICAL'),
        requestDefinition: { method: 'GET', url: e.url, timeout: REQUEST_TIMEOUT.toSeconds() },
        assertion: [
          { type: 'statusCode', operator: 'is', target: String(expected) },
          { type: 'responseTime', operator: 'lessThan', target: String(maxResponseTime.toSeconds() * 1000) },
        ],
        optionsList: {
          tickEvery: tick(subject, 'endpoint.interval', e.interval),
          minFailureDuration: (e.minFailureDuration ?? Duration.minutes(2)).toSeconds(),
          minLocationFailed: 1,
          followRedirects: true,
          retry: { count: 1, interval: 300 },
          monitorPriority: 1,
          monitorOptions: { renotifyInterval: renotify },
        },
      });
    }

    if (props.readiness) {
      const r = props.readiness;
      requireLocations(subject, 'readiness.privateLocations', r.privateLocations);
      const managed = r.privateLocations.filter((l) => !l.startsWith('pl:'));
      if (managed.length > 0) {
        failValidation(
          subject,
          `readiness.privateLocations has ${managed.join(', ')}, but managed locations cannot reach the status port ${gateway.statusPort}`,
          "give only private locations ('pl:<id>', from datadog_synthetics_private_location) running inside the cluster's network",
        );
      }
      if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(r.host)) {
        failValidation(subject, `readiness.host '${r.host}' is not a host name`, "give a host name only (no scheme, port or path), e.g. 'edge-status.kong.svc.cluster.local'");
      }
      const url = `http://${r.host}:${gateway.statusPort}/status/ready`;
      const handles = testHandles(subject, props.notify, Severity.WARNING);
      this.readinessTest = new datadogResources.SyntheticsTest(this, 'readiness', {
        ...baseTest(`${namePrefix(gateway)} Kong /status/ready fails from inside the cluster`, r.privateLocations, tags),
        message: message(gateway, `Kong ${url} does not answer 200 (a node is unready, or none is)`, handles, 'WARNING'),
        requestDefinition: { method: 'GET', url, timeout: 10 },
        assertion: [{ type: 'statusCode', operator: 'is', target: '200' }],
        optionsList: {
          tickEvery: tick(subject, 'readiness.interval', r.interval),
          minFailureDuration: (r.minFailureDuration ?? Duration.minutes(2)).toSeconds(),
          minLocationFailed: 1,
          retry: { count: 1, interval: 300 },
          monitorPriority: 3,
        },
      });
    }
  }

  /** Monitor id of the endpoint test (for SLOs and composites); undefined without that test. */
  public get endpointMonitorId(): number | undefined {
    return this.endpointTest?.monitorId;
  }

  /** Monitor id of the readiness test; undefined without that test. */
  public get readinessMonitorId(): number | undefined {
    return this.readinessTest?.monitorId;
  }
}

function baseTest(name: string, locations: string[], tags: string[]): Pick<SyntheticsTestConfig, 'name' | 'type' | 'subtype' | 'status' | 'locations' | 'tags'> {
  return { name, type: 'api', subtype: 'http', status: 'live', locations: [...locations], tags };
}

function message(gateway: KongGateway, what: string, handles: string[], level: string): string {
  return [
    '{{#is_alert}}',
    `${level}: ${what}.`,
    handles.join(' '),
    '{{/is_alert}}',
    '{{#is_recovery}}',
    `RECOVERED: ${what}.`,
    handles.join(' '),
    '{{/is_recovery}}',
    gatewayLine(gateway),
  ].join('\n');
}

/** The handles a test alerting at `level` notifies; fails when `notify` gives none. */
function testHandles(subject: string, notify: DatadogNotifyProps, level: Severity): string[] {
  const handles = pickHandles(notify, level);
  if (!handles || handles.length === 0) {
    failValidation(subject, `notify gives no ${level} notification target, but the ${level === Severity.CRITICAL ? 'endpoint' : 'readiness'} test alerts at ${level}`, `add at least one handle to notify.${level} (or notify.fallback)`);
  }
  return [...new Set(handles)];
}

function parseUrl(subject: string, field: string, text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    failValidation(subject, `${field} '${text}' is not an http(s) URL`, "give a full URL such as 'https://api.example.com/health'");
  }
  return url;
}

function requireLocations(subject: string, field: string, locations: string[]): void {
  if (locations.length === 0) {
    failValidation(subject, `${field} is empty`, "give at least one location, e.g. 'aws:eu-central-1' or 'pl:<private-location-id>'");
  }
}

function tick(subject: string, field: string, interval: Duration | undefined): number {
  const seconds = (interval ?? Duration.minutes(1)).toSeconds();
  if (seconds < MIN_TICK_SECONDS || seconds > MAX_TICK_SECONDS) {
    failValidation(subject, `${field} ${Duration.seconds(seconds).toPrometheus()} is outside Datadog's 30s..7d`, 'use an interval between 30s and 7d, e.g. Duration.minutes(1)');
  }
  return seconds;
}
