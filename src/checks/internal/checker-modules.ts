// The rule engine and the rule table, loaded when a check first runs or a report is read:
// importing the library (most stacks never run the checker) does not pay for the rules and the
// analyses they share.
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as engine from './engine';
import { onFirstUse } from '../../internal/on-first-use';
import type * as rules from '../rules';
import type * as suppressionReason from '../rules/kbpx1-suppression-reason';

export const engineModule = onFirstUse(() => require('./engine') as typeof engine);
export const rulesModule = onFirstUse(() => require('../rules') as typeof rules);
export const suppressionReasonModule = onFirstUse(() => require('../rules/kbpx1-suppression-reason') as typeof suppressionReason);
