// One synth measurement in a fresh process: loads the library build named in argv[3], builds
// the scenario given as JSON in argv[2], runs App.synth() into a temporary outdir, and prints
// one JSON line: wall and CPU time from the first construct to the last file written, the
// whole process's time to that point, peak RSS, and what was written. Module loading happens before the clock starts (load cost is
// measured on its own); what the library loads lazily, on first use, is inside the clock.
// Runs as compiled JavaScript under plain node, or as TypeScript under ts-node (as `cdktf synth` runs an app).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { loadLibrary } from './library';
import { Scenario, buildScenario, countResources } from './scenario';

export interface SynthSample {
  readonly ms: number;
  /** From the process's start to synth done: node's start, module loading, and the synth. */
  readonly processMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly stacks: number;
  readonly resources: { [type: string]: number };
  readonly bytes: number;
}

function main(): void {
  const scenario = JSON.parse(process.argv[2]) as Scenario;
  const library = loadLibrary(process.argv[3]);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-bench-'));
  try {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const app = new App({ outdir });
    buildScenario(app, scenario, library);
    app.synth();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const processMs = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;

    const resources: { [type: string]: number } = {};
    let bytes = 0;
    const stackDirs = fs.readdirSync(path.join(outdir, 'stacks'));
    for (const dir of stackDirs) {
      const text = fs.readFileSync(path.join(outdir, 'stacks', dir, 'cdk.tf.json'), 'utf8');
      bytes += text.length;
      for (const [type, n] of Object.entries(countResources(JSON.parse(text)))) resources[type] = (resources[type] ?? 0) + n;
    }
    const sample: SynthSample = { ms, processMs, cpuMs, maxRssMb, stacks: stackDirs.length, resources, bytes };
    process.stdout.write(JSON.stringify(sample) + '\n');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
