import { Construct } from 'constructs';
import { ResolvedSignal } from './resolved-signal';
import { DatadogCollection } from './signal-types';
import { KongGateway } from '../gateway/kong-gateway';

/** What a practice asks a backend to render: alerts on some of a gateway's signals. */
export interface SignalAlertingRequest {
  /** The gateway. */
  readonly gateway: KongGateway;

  /** The signals to alert on, overrides applied, in catalog order. */
  readonly signals: ResolvedSignal[];

  /**
   * Keeps a second practice's rule group or rule file apart from the first one's (`nodes` for
   * `AllNodesMonitored`).
   * @default - none (the first practice)
   */
  readonly nameSuffix?: string;
}

/** The query language an alert reads a signal in. */
export enum SignalQueryLanguage {
  /** The signal's PromQL (`ResolvedSignal.promql`, `promqlCondition`). */
  PROMQL = 'promql',
  /** The signal's Datadog form for a collection path (`ResolvedSignal.datadog(collection)`). */
  DATADOG = 'datadog',
}

/** Which form of the signals a backend's alerts read, so their data can be traced to what emits it. */
export interface SignalForm {
  /** The query language. */
  readonly language: SignalQueryLanguage;

  /**
   * With `DATADOG`: the collection path the queries read.
   * @default DatadogCollection.AGENT_INTEGRATION
   */
  readonly datadogCollection?: DatadogCollection;
}

/** A signal a backend cannot express, with the reason. */
export interface SkippedSignal {
  /** The signal's id. */
  readonly signal: string;
  /** Why the backend has no alert for it, e.g. `Kong's Datadog plugin sends no such data`. */
  readonly reason: string;
}

/** What a backend rendered for one request. */
export interface RenderedSignalAlerting {
  /** The construct holding the backend's resources (the child `id` of the practice). */
  readonly construct: Construct;
  /** Ids of the signals that got an alert. */
  readonly alertedSignals: string[];
  /**
   * Signals the backend cannot express; the practice says at synth whether another backend
   * covers each. Signals left out on purpose (switched off for this backend) are not listed.
   */
  readonly skippedSignals: SkippedSignal[];
  /** The form of the signals the alerts read. */
  readonly reads: SignalForm;
}

/** One backend's share of a practice: the backend and what it rendered. */
export interface BackendAlerting {
  /** The backend. */
  readonly backend: MonitoringBackend;
  /** What it rendered. */
  readonly rendered: RenderedSignalAlerting;
}

/**
 * A place alerts live: Datadog, Grafana, Prometheus, or one of your own. Practices hand a
 * backend the gateway's signals (queries, thresholds, windows, severities, all from the
 * catalog) and the backend renders them; it never writes a query of its own. Subclass it to
 * add a backend: implement `id`, `title` and `renderAlerting`, and pass instances in the
 * practices' `backends` (or `KongMonitoring`'s).
 */
export abstract class MonitoringBackend {
  /**
   * Id of the construct the backend renders under each practice (`datadog`, `grafana`,
   * `prometheus`): part of every logical ID below it, so keep it stable.
   */
  public abstract readonly id: string;

  /** What the backend's alerts are called in messages, e.g. `Datadog monitor`. */
  public abstract readonly alertTitle: string;

  /** Renders alerts for the request under `scope` (the practice), as the child `id`. */
  public abstract renderAlerting(scope: Construct, request: SignalAlertingRequest): RenderedSignalAlerting;
}
