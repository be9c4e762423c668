// The published package, as a user meets it: `npm pack` of the jsii build, installed into a
// fresh cdktf app in a temp folder next to its peer dependencies (taken from this repository's
// node_modules, offline), type-checked against the package's typings, synthesized with plain
// `node`, and audited with the package's own `kong-monitoring-audit` bin.
import { SpawnSyncReturns, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { requireFreshLib } from '../support/compiled';
import { ROOT, StackJson, providerSources, resourceCounts } from '../support/synth';

const NODE_MODULES = path.join(ROOT, 'node_modules');
const PEERS = ['cdktf', 'constructs', '@cdktf/provider-kubernetes', '@cdktf/provider-datadog'];

// The design's small program, plus the deployed gateway (with what a data plane needs to start)
// and the checker.
const APP_SOURCE = `import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, Aspects, TerraformStack } from 'cdktf';
import { KongBestPractices, KongGateway, KongMonitoring, LoadBalancerCloud, grafana } from 'cdktf-kong-monitoring';

const app = new App();
const stack = new TerraformStack(app, 'kong-prod-eu');
new KubernetesProvider(stack, 'kubernetes', {});
new DatadogProvider(stack, 'datadog', {});
new grafana.GrafanaProvider(stack, 'grafana', { url: 'https://grafana.example.com' });
const monitoring: KongMonitoring = new KongMonitoring(stack, 'kong', {
  gateway: KongGateway.hybridDataPlane({ name: 'edge', namespace: 'kong', expectedNodes: 6 }),
  kubernetes: {
    deploy: true,
    loadBalancerCloud: LoadBalancerCloud.AWS,
    // A data plane that starts: its control plane (deployed elsewhere) and the shared certificate.
    cluster: { controlPlaneEndpoint: 'kong-cp-cluster.kong-cp.svc:8005', certificateSecretName: 'kong-cluster-cert' },
    pluginsManagedExternally: true,
  },
  datadog: { notify: { critical: ['@pagerduty-kong'], warning: ['@slack-kong'] } },
  grafana: { prometheusDatasourceUid: 'prom', folderTitle: 'Kong' },
});
stack.addOverride('terraform.required_providers.kubernetes.source', 'hashicorp/kubernetes');
Aspects.of(stack).add(new KongBestPractices());
console.log('monitoring ' + monitoring.gateway.name + ' (' + monitoring.gateway.mode + ')');
app.synth();
`;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', npm_config_update_notifier: 'false' } });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

describe('a fresh cdktf app consuming the packed library', () => {
  let work: string;
  let app: string;
  let tarball: string;
  const timings: { [step: string]: number } = {};
  const timed = <T>(step: string, fn: () => T): T => {
    const start = Date.now();
    try {
      return fn();
    } finally {
      timings[step] = Date.now() - start;
    }
  };

  beforeAll(() => {
    requireFreshLib();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kong-consumer-'));
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    const packDir = path.join(work, 'pack');
    fs.mkdirSync(packDir);
    const packed = timed('pack', () => run('npm', ['pack', '--pack-destination', packDir, '--json', '--loglevel=error'], ROOT));
    tarball = path.join(packDir, JSON.parse(packed.stdout)[0].filename);

    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'kong-consumer-app', version: '1.0.0', private: true }, null, 2));
    fs.writeFileSync(path.join(app, 'main.ts'), APP_SOURCE);
    // Peers as file: dependencies on the repository's installed copies; no registry access.
    timed('install', () => run('npm', [
      'install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--loglevel=error',
      tarball, ...PEERS.map((p) => `file:${path.join(NODE_MODULES, p)}`),
    ], app));
  });

  afterAll(() => {
    process.stdout.write(`consumer test timings (ms): ${JSON.stringify(timings)}\n`);
    if (work && !process.env.KEEP_CONSUMER_APP) fs.rmSync(work, { recursive: true, force: true });
  });

  test('the library comes from the tarball: its own lib/, bundled dependencies, the bin, no links into the repository', () => {
    const installed = path.join(app, 'node_modules', 'cdktf-kong-monitoring');
    expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
    const resolved = require.resolve('cdktf-kong-monitoring', { paths: [app] });
    expect(fs.realpathSync(resolved)).toBe(path.join(fs.realpathSync(installed), 'lib', 'index.js'));
    expect(fs.existsSync(path.join(installed, 'src'))).toBe(false);
    expect(fs.existsSync(path.join(installed, '.jsii'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'node_modules', '@grafana', 'grafana-foundation-sdk', 'package.json'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'node_modules', 'js-yaml', 'package.json'))).toBe(true);
    expect(fs.existsSync(path.join(app, 'node_modules', '.bin', 'kong-monitoring-audit'))).toBe(true);
  });

  test("the app type-checks against the package's typings", () => {
    const tsc = path.join(NODE_MODULES, 'typescript', 'bin', 'tsc');
    timed('tsc', () => run(process.execPath, [
      tsc, '--strict', '--module', 'commonjs', '--target', 'es2022', '--moduleResolution', 'node', '--esModuleInterop', '--skipLibCheck', 'main.ts',
    ], app));
    expect(fs.existsSync(path.join(app, 'main.js'))).toBe(true);
  });

  test('plain node synthesizes it: resources, required providers, a clean scorecard', () => {
    const r = timed('synth', () => run(process.execPath, ['main.js'], app));
    expect(r.stdout).toContain('monitoring edge (hybrid-data-plane)');
    const dir = path.join(app, 'cdktf.out', 'stacks', 'kong-prod-eu');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) as StackJson;
    expect(providerSources(json)).toEqual({ datadog: 'DataDog/datadog', grafana: 'grafana/grafana', kubernetes: 'hashicorp/kubernetes' });
    expect(resourceCounts(json)).toEqual({
      datadog_dashboard_json: 1,
      datadog_metric_tag_configuration: 3,
      datadog_monitor: 10,
      grafana_dashboard: 1,
      grafana_folder: 1,
      grafana_rule_group: 2,
      kubernetes_deployment_v1: 1,
      kubernetes_manifest: 1,
      kubernetes_service_v1: 2,
    });
    const deployment = Object.values(json.resource!.kubernetes_deployment_v1)[0] as any;
    const env = Object.fromEntries(deployment.spec.template.spec.container[0].env.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({ KONG_ROLE: 'data_plane', KONG_STATUS_LISTEN: '0.0.0.0:8100, [::]:8100', KONG_CLUSTER_CONTROL_PLANE: 'kong-cp-cluster.kong-cp.svc:8005' });
    const card = JSON.parse(fs.readFileSync(path.join(dir, 'kong-best-practices.json'), 'utf8'));
    expect(card.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  test("the package's kong-monitoring-audit bin passes the app's output", () => {
    const bin = path.join(app, 'node_modules', '.bin', 'kong-monitoring-audit');
    const r = timed('audit', () => run(bin, [path.join('cdktf.out', 'stacks', 'kong-prod-eu', 'cdk.tf.json')], app));
    expect(r.stdout).toMatch(/cdk\.tf\.json: 0 error\(s\), 0 warning\(s\)/);
  });
});
