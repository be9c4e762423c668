/**
 * IANA time zone names as Grafana reads them (Go's `time.LoadLocation`): the zone database's
 * names, spelled exactly, plus `UTC` and `Local`. The list is the runtime's (ICU's copy of the
 * same database).
 */
const SPECIAL = ['UTC', 'Local'];

let canonical: string[] | undefined;

function canonicalZones(): string[] {
  canonical ??= [...SPECIAL, ...(Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? []];
  return canonical;
}

/** True for `Europe/Berlin`, `UTC`, `Etc/GMT+2`; false for `Europe/Berln`, `europe/berlin`, `+01:00`. */
export function isTimeZone(name: string): boolean {
  if (SPECIAL.includes(name) || canonicalZones().includes(name)) return true;
  // Aliases (`Etc/GMT+2`, `US/Eastern`): the runtime knows them, but matches case-insensitively,
  // where Go reads files by their exact names.
  if (!/^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The known zone nearest to a misspelled one, for a "did you mean". */
export function closestTimeZone(name: string): string | undefined {
  let best: { zone: string; distance: number } | undefined;
  for (const zone of canonicalZones()) {
    const distance = editDistance(name.toLowerCase(), zone.toLowerCase());
    if (best === undefined || distance < best.distance) best = { zone, distance };
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.zone : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
