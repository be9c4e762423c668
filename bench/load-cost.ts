// Prints what loading the built library costs beside bare cdktf and beside a program that
// imports both provider package roots. Run `npx projen compile` first (it reads lib/).
import { measureLoad, median } from './measure-load';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const subjects: Array<[string, string[]]> = [
  ['bare cdktf', ['cdktf']],
  ['cdktf-kong-monitoring (lib/)', ['./lib']],
  ['provider roots (datadog + kubernetes)', ['cdktf', '@cdktf/provider-datadog', '@cdktf/provider-kubernetes']],
];

export function loadCostTable(runs = RUNS): string {
  const rows = ['| what is loaded | median ms | modules | provider roots loaded |', '|---|---:|---:|---:|'];
  for (const [label, specifiers] of subjects) {
    const samples = Array.from({ length: runs }, () => measureLoad(specifiers));
    rows.push(`| ${label} | ${median(samples.map((s) => s.ms)).toFixed(0)} | ${samples[0].modules} | ${samples[0].providerRoots.length} |`);
  }
  return rows.join('\n');
}

if (require.main === module) {
  console.log(`Load cost, median of ${RUNS} fresh processes:\n`);
  console.log(loadCostTable());
}
