// Prints what loading the built library costs beside bare cdktf and beside a program that
// imports both provider package roots. Run `npx projen compile` first (it reads lib/).
import { LoadSample, measureLoad, median } from './measure-load';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

export interface LoadFigure {
  readonly label: string;
  readonly ms: number;
  readonly sample: LoadSample;
}

/**
 * Medians over `runs` fresh processes of each subject, taken in turns so machine load hits
 * them alike. `builds` are library builds by label (e.g. the current lib/ and an older one).
 */
export function loadCost(builds: Array<[string, string]>, runs = RUNS): LoadFigure[] {
  const subjects: Array<[string, string[]]> = [
    ['bare cdktf', ['cdktf']],
    ...builds.map(([label, dir]): [string, string[]] => [label, [dir]]),
    ['provider roots (datadog + kubernetes)', ['cdktf', '@cdktf/provider-datadog', '@cdktf/provider-kubernetes']],
  ];
  const samples = new Map<string, LoadSample[]>(subjects.map(([label]) => [label, []]));
  for (let r = 0; r < runs; r++) {
    for (const [label, specifiers] of subjects) samples.get(label)!.push(measureLoad(specifiers));
  }
  return subjects.map(([label]) => {
    const list = samples.get(label)!;
    return { label, ms: median(list.map((s) => s.ms)), sample: list[0] };
  });
}

export function loadCostTable(figures: LoadFigure[]): string {
  const bare = figures[0].ms;
  const rows = [
    '| what is loaded | median ms | × bare cdktf | modules | provider modules | Grafana SDK modules | js-yaml modules | provider roots |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { label, ms, sample } of figures) {
    rows.push(`| ${label} | ${ms.toFixed(0)} | ${(ms / bare).toFixed(2)} | ${sample.modules} | ${sample.providerModules} | ${sample.grafanaSdkModules} | ${sample.yamlModules} | ${sample.providerRoots.length} |`);
  }
  return rows.join('\n');
}

if (require.main === module) {
  console.log(`Load cost, median of ${RUNS} fresh processes:\n`);
  console.log(loadCostTable(loadCost([['cdktf-kong-monitoring (lib/)', './lib']])));
}
