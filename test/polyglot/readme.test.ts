// The README's section on the other jsii languages is held to the consumer apps of
// test/polyglot, which `npm run test:polyglot` runs against the TypeScript app: each example is
// that app's file verbatim, and the dependencies and versions it lists are the ones the app
// resolves (pom.xml, go.mod) or installs (test/polyglot/run), at the versions of node_modules.
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/synth';

const POLYGLOT = path.join(ROOT, 'test', 'polyglot');
const read = (...parts: string[]) => fs.readFileSync(path.join(ROOT, ...parts), 'utf8');
const versionOf = (pkg: string): string => JSON.parse(read('node_modules', pkg, 'package.json')).version;

const HEADING = '## Python, Java, Go and C#';

/** The README's text from a level-2 heading to the next level-2 heading. */
function languagesSection(): string {
  const readme = read('README.md');
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`README has no heading '${HEADING}'`);
  const end = readme.indexOf('\n## ', start + HEADING.length + 2);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The bodies of the fenced code blocks of one language in a text. */
function fenced(text: string, language: string): string[] {
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === language).map((m) => m[2]);
}

const APPS = [
  { language: 'python', file: 'python/main.py' },
  { language: 'java', file: 'java/src/main/java/com/example/kong/Main.java' },
  { language: 'go', file: 'go/main.go' },
];

describe("README: other languages, held to test/polyglot's consumer apps", () => {
  test.each(APPS)("the $language example is the consumer app's $file, verbatim", ({ language, file }) => {
    const app = fs.readFileSync(path.join(POLYGLOT, file), 'utf8');
    expect(fenced(languagesSection(), language)).toContain(app);
  });

  test('the pip install line names the wheel, cdktf, constructs and both providers at the versions of node_modules', () => {
    const install = languagesSection().split('\n').find((l) => l.startsWith('pip install '));
    expect(install?.split(/\s+/).slice(2).sort()).toEqual([
      'dist/python/cdktf_kong_monitoring-*.whl',
      `cdktf==${versionOf('cdktf')}`,
      `constructs==${versionOf('constructs')}`,
      `cdktf-cdktf-provider-datadog==${versionOf('@cdktf/provider-datadog')}`,
      `cdktf-cdktf-provider-kubernetes==${versionOf('@cdktf/provider-kubernetes')}`,
    ].sort());
    // The same packages the Python consumer test installs.
    const run = read('test', 'polyglot', 'run');
    for (const dist of ['cdktf', 'constructs', 'cdktf-cdktf-provider-datadog', 'cdktf-cdktf-provider-kubernetes']) {
      expect(run).toContain(`"${dist}==$(version_of `);
    }
  });

  test("the Maven dependencies are the Java consumer's, at the versions of node_modules", () => {
    const xml = fenced(languagesSection(), 'xml').join('\n');
    const dependency = (text: string) => [...text.matchAll(/<groupId>(.*?)<\/groupId>\s*<artifactId>(.*?)<\/artifactId>\s*<version>(.*?)<\/version>/g)];
    const inReadme = dependency(xml).map((m) => `${m[1]}:${m[2]}:${m[3]}`);
    const pom = read('test', 'polyglot', 'java', 'pom.xml');
    const dependencies = pom.slice(pom.indexOf('<dependencies>'), pom.indexOf('</dependencies>'));
    const compileScope = dependency(dependencies).filter((m) => m[1] !== 'org.junit.jupiter').map((m) => `${m[1]}:${m[2]}`);
    expect(inReadme.map((d) => d.split(':').slice(0, 2).join(':')).sort()).toEqual(compileScope.sort());
    expect(inReadme).toEqual(expect.arrayContaining([
      `com.hashicorp:cdktf:${versionOf('cdktf')}`,
      `com.hashicorp:cdktf-provider-datadog:${versionOf('@cdktf/provider-datadog')}`,
      `com.hashicorp:cdktf-provider-kubernetes:${versionOf('@cdktf/provider-kubernetes')}`,
      `software.constructs:constructs:${versionOf('constructs')}`,
    ]));
  });

  test("the Go requires are the Go consumer's direct requires, at the versions of node_modules", () => {
    const requires = (text: string) => [...text.matchAll(/^\t(\S+) (v\S+)$/gm)].filter((m) => !/\/\/ indirect/.test(m[0])).map((m) => `${m[1]} ${m[2]}`);
    const goMod = read('test', 'polyglot', 'go', 'go.mod');
    const direct = requires(goMod.slice(0, goMod.indexOf(')')));
    expect(requires(fenced(languagesSection(), 'go').join('\n')).sort()).toEqual(direct.sort());
    expect(direct).toEqual(expect.arrayContaining([
      `github.com/hashicorp/terraform-cdk-go/cdktf v${versionOf('cdktf')}`,
      `github.com/cdktf/cdktf-provider-datadog-go/datadog/v12 v${versionOf('@cdktf/provider-datadog')}`,
      `github.com/cdktf/cdktf-provider-kubernetes-go/kubernetes/v12 v${versionOf('@cdktf/provider-kubernetes')}`,
    ]));
  });

  test('the command it gives runs the consumer tests, and CI runs it after npm test', () => {
    expect(languagesSection()).toContain('npm run test:polyglot');
    expect(JSON.parse(read('package.json')).scripts['test:polyglot']).toBe('projen test:polyglot');
    const ci = read('.ci', 'run').split('\n');
    expect(ci.indexOf('npm run test:polyglot')).toBeGreaterThan(ci.indexOf('npm test'));
  });
});
