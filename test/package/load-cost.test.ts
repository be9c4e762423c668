import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { measureLoad } from '../../bench/measure-load';

const ROOT = path.join(__dirname, '..', '..');

/**
 * In a fresh process: loads cdktf, the built library and the provider configurations of
 * `providers` (what the user's app imports), then builds a one-gateway stack with `props` (the
 * KongMonitoring props, as JavaScript source) and synthesizes it. Returns the heavy modules the
 * library loaded for that stack.
 */
function loadedBySynth(providers: Array<'datadog' | 'kubernetes'>, props: string): { providerModules: string[]; grafanaSdk: number; yaml: number } {
  const script = `
    const fs = require('fs'), os = require('os'), path = require('path');
    const { App, TerraformStack, TerraformVariable } = require('cdktf');
    const lib = require('./lib');
    const providers = ${JSON.stringify(providers)}.map((p) => [p, require('@cdktf/provider-' + p + '/lib/provider')]);
    const before = new Set(Object.keys(require.cache));
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'kong-load-')) });
    const stack = new TerraformStack(app, 'kong');
    for (const [name, module] of providers) new module[name === 'datadog' ? 'DatadogProvider' : 'KubernetesProvider'](stack, name, {});
    const auth = new TerraformVariable(stack, 'grafana_auth', { type: 'string', sensitive: true });
    new lib.grafana.GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com', auth: auth.stringValue });
    const gateway = lib.KongGateway.dbLess({ name: 'edge', namespace: 'kong', expectedNodes: 3 });
    new lib.KongMonitoring(stack, 'kong', Object.assign({ gateway }, ${props}));
    app.synth();
    fs.rmSync(app.outdir, { recursive: true, force: true });
    const loaded = Object.keys(require.cache).filter((f) => !before.has(f)).map((f) => f.split(path.sep).join('/'));
    process.stdout.write(JSON.stringify({
      providerModules: loaded.filter((f) => /node_modules\\/@cdktf\\/provider-/.test(f)).map((f) => f.replace(/.*node_modules\\//, '')),
      grafanaSdk: loaded.filter((f) => /node_modules\\/@grafana\\/grafana-foundation-sdk\\//.test(f)).length,
      yaml: loaded.filter((f) => /node_modules\\/js-yaml\\//.test(f)).length,
    }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

// `npm test` compiles lib/ with jsii before jest runs.
describe('loading the built library', () => {
  test('never loads a provider package root (over a second per process)', () => {
    const sample = measureLoad(['./lib']);
    expect(sample.providerRoots).toEqual([]);
    expect(sample.modules).toBeGreaterThan(10);
  });

  test('the check can fail: a provider root import is detected', () => {
    const sample = measureLoad(['@cdktf/provider-datadog']);
    expect(sample.providerRoots.some((f) => f.includes('provider-datadog'))).toBe(true);
    expect(sample.providerModules).toBeGreaterThan(0);
  });

  // Importing costs what a stack uses, when it uses it: provider classes (DeploymentV1 alone
  // takes about 80 ms to load), the Grafana dashboard builder and js-yaml load on first use.
  test('loads no provider class, no Grafana dashboard builder and no js-yaml until a stack needs them', () => {
    const sample = measureLoad(['./lib']);
    expect(sample.providerModules).toBe(0);
    expect(sample.grafanaSdkModules).toBe(0);
    expect(sample.yamlModules).toBe(0);
  });

  test('loads the checker\'s rules when a check first runs, not on import', () => {
    const script = (check: string) => `
      const path = require('path');
      const lib = require('./lib');
      ${check}
      const rules = Object.keys(require.cache).map((f) => f.split(path.sep).join('/')).filter((f) => /\\/lib\\/checks\\/rules\\/kbp/.test(f));
      process.stdout.write(String(rules.length));
    `;
    const run = (check: string) => Number(execFileSync(process.execPath, ['-e', script(check)], { cwd: ROOT, encoding: 'utf8' }));
    expect(run('')).toBe(0);
    expect(run("lib.KongBestPractices.validateJson('{}');")).toBeGreaterThanOrEqual(9);
  });

  test('ships source maps beside the JavaScript, not inline (V8 parses every byte it loads)', () => {
    const index = fs.readFileSync(path.join(ROOT, 'lib', 'index.js'), 'utf8');
    expect(index).not.toContain('sourceMappingURL=data:');
    expect(index).toContain('sourceMappingURL=index.js.map');
    expect(fs.existsSync(path.join(ROOT, 'lib', 'index.js.map'))).toBe(true);
  });

  test('a Grafana and Prometheus stack loads no Datadog class, and no Kubernetes class but the manifest it writes', () => {
    const loaded = loadedBySynth(['kubernetes'], "{ grafana: { prometheusDatasourceUid: 'prom' }, prometheus: { labels: { release: 'kps' } } }");
    expect(loaded.providerModules.filter((m) => m.includes('provider-datadog'))).toEqual([]);
    expect(loaded.providerModules).toEqual(['@cdktf/provider-kubernetes/lib/manifest/index.js']);
    expect(loaded.grafanaSdk).toBeGreaterThan(0);
    expect(loaded.yaml).toBe(0);
  });

  test('a Datadog-only stack loads no Kubernetes class and no Grafana dashboard builder', () => {
    const loaded = loadedBySynth(['datadog'], "{ datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] } } }");
    expect(loaded.providerModules.filter((m) => m.includes('provider-kubernetes'))).toEqual([]);
    expect(loaded.providerModules.some((m) => m.startsWith('@cdktf/provider-datadog/lib/monitor/'))).toBe(true);
    expect(loaded.grafanaSdk).toBe(0);
  });
});
