// The library under test, as a user's app gets it: the built package (lib/), or an older build
// to compare against. Benches take it as a value, so one scenario runs on any build.
import type * as api from '../src/index';

/** The library's public API. */
export type Library = typeof api;

/** Loads a build of the library from its directory (e.g. `<repo>/lib`). */
export function loadLibrary(dir: string): Library {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(dir) as Library;
}
