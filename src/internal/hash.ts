// Node's crypto module, loaded with the first hash: importing it costs about 2 ms, which the
// library's import otherwise pays before any gateway is declared.
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as crypto from 'crypto';
import { onFirstUse } from './on-first-use';

const cryptoModule = onFirstUse(() => require('crypto') as typeof crypto);

/** A new hash of `algorithm` (`sha256`, `sha1`), as `crypto.createHash` makes it. */
export function createHash(algorithm: string): crypto.Hash {
  return cryptoModule().createHash(algorithm);
}
