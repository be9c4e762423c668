/**
 * A value made by `load` on the first call, then kept: for modules loaded when first used
 * (`require` resolves its path again on every call, which costs more than creating a small
 * resource).
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
