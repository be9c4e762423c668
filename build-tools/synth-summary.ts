// After `npm run synth`: where the stacks were written, and the best-practice scorecard's
// verdict for each (read from the kong-best-practices.json the KongBestPractices aspect wrote).
// Usage: synth-summary [outdir]   (default cdktf.out)
import * as fs from 'fs';
import * as path from 'path';

interface Scorecard {
  readonly summary: { errors: number; warnings: number; suppressed: number; compliant: number };
}

function main(outdir: string): number {
  const manifestFile = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    console.error(`synth-summary: no ${manifestFile}; did the synth run?`);
    return 1;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { stacks: { [name: string]: { workingDirectory: string; synthesizedStackPath: string } } };
  const lines = [`Synthesized into ${outdir}/:`];
  for (const [name, stack] of Object.entries(manifest.stacks)) {
    lines.push(`  ${name}: ${path.join(outdir, stack.synthesizedStackPath)}`);
    const card = path.join(outdir, stack.workingDirectory, 'kong-best-practices.json');
    if (fs.existsSync(card)) {
      const s = (JSON.parse(fs.readFileSync(card, 'utf8')) as Scorecard).summary;
      const verdict = s.errors > 0 ? 'FAILS' : 'passes';
      lines.push(`    Kong best practices: ${verdict} (${s.errors} error(s), ${s.warnings} warning(s), ${s.suppressed} suppressed, ${s.compliant} compliant); `
        + `scorecard ${path.join(outdir, stack.workingDirectory, 'kong-best-practices.md')}`);
    } else {
      lines.push('    Kong best practices: no scorecard (the stack has no KongBestPractices aspect); audit it with kong-monitoring-audit');
    }
  }
  lines.push(`Audit again at any time: npx kong-monitoring-audit ${outdir}`);
  console.log(lines.join('\n'));
  return 0;
}

process.exitCode = main(process.argv[2] ?? 'cdktf.out');
