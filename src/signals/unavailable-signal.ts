import { SignalPractice } from '../gateway/signal-vocabulary';

/** A signal of the gateway's mode that its Kong cannot produce, and what covers the failure instead. */
export interface UnavailableSignal {
  /** The signal's id. */
  readonly id: string;
  /** The practice that would render its alerts. */
  readonly practice: SignalPractice;
  /** Which Kong releases have the data. */
  readonly where: string;
  /** What watches the same failure on this Kong. */
  readonly alternative: string;
}
