import { cdk, javascript } from 'projen';

const CDKTF = '0.21.0';

const project = new cdk.JsiiProject({
  name: 'cdktf-kong-monitoring',
  description:
    "Kong Gateway's monitoring best practices as CDK for Terraform constructs: status listener, probes, load balancer readiness, Datadog and Grafana dashboards and alerts, Prometheus rules, and a best-practice checker.",
  keywords: ['cdktf', 'kong', 'monitoring', 'datadog', 'grafana', 'prometheus', 'kubernetes', 'terraform'],
  author: 'cdktf-kong-monitoring developers',
  authorAddress: 'maintainers@cdktf-kong-monitoring.dev',
  repositoryUrl: 'https://github.com/cdktf-kong-monitoring/cdktf-kong-monitoring.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  docgen: true,

  // The checker's rules on any synthesized Terraform JSON, for CI.
  bin: { 'kong-monitoring-audit': 'bin/kong-monitoring-audit' },

  peerDeps: [
    `cdktf@^${CDKTF}`,
    'constructs@^10.4.2',
    '@cdktf/provider-kubernetes@^12.1.1',
    '@cdktf/provider-datadog@^12.15.2',
  ],
  devDeps: [
    `cdktf@${CDKTF}`,
    'constructs@10.4.2',
    '@cdktf/provider-kubernetes@12.1.1',
    '@cdktf/provider-datadog@12.15.2',
    '@prometheus-io/lezer-promql@^0.315.0',
    'tsconfig-paths@^4.2.0',
    '@types/js-yaml@^4.0.9',
    'ajv@^8.17.1',
    '@cdktf/provider-generator@0.21.0',
  ],
  // Used inside the library only, never in a public signature: dashboard JSON, the user's
  // DB-less declarative YAML, and the checker's reading of Helm values written as YAML.
  bundledDeps: ['@grafana/grafana-foundation-sdk@0.0.21', 'js-yaml@^4.1.0'],

  // Python, Java and Go packages are built and used by consumer apps in `npm run test:polyglot`;
  // .NET is configured but not built here (no .NET toolchain on the project's machines).
  publishToPypi: { distName: 'cdktf-kong-monitoring', module: 'cdktf_kong_monitoring' },
  publishToMaven: {
    javaPackage: 'dev.cdktfkongmonitoring',
    mavenGroupId: 'dev.cdktf-kong-monitoring',
    mavenArtifactId: 'cdktf-kong-monitoring',
  },
  publishToNuget: { dotNetNamespace: 'CdktfKongMonitoring', packageId: 'CdktfKongMonitoring' },
  publishToGo: { moduleName: 'github.com/cdktf-kong-monitoring/cdktf-kong-monitoring-go' },

  // Source maps beside the JavaScript, not inlined: V8 parses every byte of a module it loads,
  // and inline maps made the library's import cost a third more (debuggers and
  // source-map-support read the .map files when they need them).
  tsconfig: { compilerOptions: { inlineSourceMap: false, sourceMap: true, inlineSources: true } },

  jestOptions: {
    jestVersion: '^29',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      moduleNameMapper: { '^cdktf-kong-monitoring$': '<rootDir>/src/index.ts' },
      testTimeout: 120_000,
      setupFilesAfterEnv: ['<rootDir>/test/setup-jest.ts'],
      // Coverage instrumentation doubles the suite's time on 2 cores; run it on demand.
      collectCoverage: false,
    },
  },
  // One root tsconfig for everything that is not the published library: tests, examples, benches.
  // Examples import the package by name, as a user's app does; this maps the name to src/.
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    compilerOptions: {
      noEmit: true,
      // ts-jest then transpiles each file alone (fast); `typecheck` checks them as a whole.
      isolatedModules: true,
      rootDir: '.',
      paths: { 'cdktf-kong-monitoring': ['./src/index.ts'] },
    },
    include: ['examples/**/*.ts', 'bench/**/*.ts', '.projenrc.ts'],
    exclude: ['test/.work', 'lib', 'dist', 'cdktf.out'],
  },
  gitignore: ['cdktf.out/', '.terraform/', 'bench/results/', 'bench/.build/', '.gen/', 'test/.work/', '__pycache__/'],
});

project.tryFindObjectFile('package.json')?.addOverride('jest.transform', {
  '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
});
project.tryFindObjectFile('package.json')?.addDeletionOverride('jest.globals');

// Lint tests, examples and benches with the dev tsconfig (the root one covers src/ only).
const eslintrc = project.tryFindObjectFile('.eslintrc.json')!;
eslintrc.addDeletionOverride('parserOptions.projectService');
eslintrc.addOverride('parserOptions.project', ['./tsconfig.dev.json']);
eslintrc.addOverride('settings.import/resolver.typescript.project', './tsconfig.dev.json');
// Queries are long literal strings; breaking them hides their meaning.
project.eslint?.addRules({
  '@stylistic/max-len': ['error', {
    code: 180, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreComments: true, ignoreRegExpLiterals: true,
  }],
});
project.eslint?.addLintPattern('examples');
project.eslint?.addLintPattern('bench');
// Benches are dev tooling, like build-tools: they may use dev dependencies (typescript, ts-node).
project.eslint?.allowDevDeps('bench/**');

// `npm run synth`: the example app, offline, into cdktf.out/ (same command cdktf.json runs).
const synthCommand = 'ts-node --transpile-only -P tsconfig.dev.json -r tsconfig-paths/register examples/full/main.ts';
project.addTask('synth', {
  description: 'Synthesize the example app into cdktf.out/, then say where the stacks are and what the scorecard says',
  steps: [
    { exec: synthCommand },
    { exec: 'ts-node --transpile-only -P tsconfig.dev.json build-tools/synth-summary.ts cdktf.out' },
  ],
});
// `npx projen input-shapes`: the API's input types from the jsii assembly, for run-time checks of
// every entry point (jsii languages and plain JavaScript pass anything). Run after compile, then
// compile again; test/inputs/input-shapes.test.ts fails while the file is out of date.
project.addTask('input-shapes', {
  description: 'Write src/core/input-shapes.generated.ts from the jsii assembly (after compile; compile again after)',
  exec: 'ts-node --transpile-only -P tsconfig.dev.json build-tools/input-shapes.ts',
});
project.addTask('typecheck', { description: 'Type-check tests, examples and benches', exec: 'tsc --noEmit -p tsconfig.dev.json' });
// `npm run bench`: load cost needs the built lib/, so compile first; results in bench/results/.
project.addTask('bench', {
  description: 'Load cost, synth time and memory of the facade vs a hand-written baseline under node and ts-node, growth, audit timings, targets (about 18 minutes on 2 cores; BENCH_BEFORE=<git ref> also measures an older build)',
  env: { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '1' },
  steps: [
    { spawn: 'compile' },
    { exec: 'ts-node --transpile-only -P tsconfig.dev.json -r tsconfig-paths/register bench/run.ts' },
  ],
});

// `npm run test:polyglot [python] [java] [go]`: jsii-pacmak packages for each language, used by
// a consumer app in that language whose output must equal the TypeScript app's (test/polyglot).
// Not part of `npm test`: it takes minutes and needs Python, a JDK with Maven, and Go.
project.addTask('test:polyglot', {
  description: 'Build the Python, Java and Go packages and run the consumer app of each against the TypeScript app (about 16 minutes on 2 cores from a clean clone, 3 after)',
  env: { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '1' },
  steps: [
    { spawn: 'compile' },
    { exec: 'test/polyglot/run', receiveArgs: true },
  ],
});

// The published package carries lib/, bin/ and the docs; not the project's own tooling.
project.npmignore?.exclude('/examples/', '/bench/', '/build-tools/', '/.ci/', '/cdktf.json', '/tsconfig.dev.json', '/cdktf.out/', '/docs/', '/test-reports/');

// `npm test` builds the library with jsii first: tests include the built package.
project.testTask.prependSpawn(project.tasks.tryFind('typecheck')!);
project.testTask.prependSpawn(project.compileTask);

// Node 20 is still what the machines run; jsii's end-of-life banner is noise in CI logs.
for (const task of [project.compileTask, project.testTask, project.tasks.tryFind('package:js')!]) {
  task.env('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '1');
}
project.tasks.tryFind('docgen')?.env('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '1');

project.synth();
