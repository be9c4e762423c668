// Every alert of every example has a source this stack makes live, or one declared external
// (a control plane's pipeline, a Helm release elsewhere), or kube-state-metrics, which the
// library assumes a cluster runs. None is missing (synth would fail) and none is unverified
// (synth would warn): an example is what users copy.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { KongMonitoring } from '../../src/facade/kong-monitoring';
import { SourceStatus } from '../../src/signals';
import { exampleBuilder, exampleNames } from '../support/synth';

describe.each(exampleNames())('examples/%s', (name) => {
  // Built, not synthesized: the lineage is read from the construct tree.
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-sources-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const app = new App({ outdir });
  exampleBuilder(name)(app);
  const sources = app.node.findAll().filter((c): c is KongMonitoring => c instanceof KongMonitoring).flatMap((m) => m.alertSources());

  test('every alert has a live, declared-external or assumed source', () => {
    expect(sources.length).toBeGreaterThan(0);
    const weak = sources.filter((s) => ![SourceStatus.LIVE, SourceStatus.DECLARED_EXTERNAL, SourceStatus.ASSUMED].includes(s.status));
    expect(weak.map((s) => `${s.backend} ${s.signal}: ${s.status} (${[...s.missing, ...s.unverified].join('; ')})`)).toEqual([]);
  });
});
