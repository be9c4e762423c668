// One definition of "this command runs `kong health`", shared by KongProbe (which refuses
// such probes at synth) and the checker's KBP6 (which finds them in any stack).
// Fact: `kong health` and the image's `kong-health` script only check that the nginx PID in
// <prefix>/pids/nginx.pid is alive (Kong/kong kong/cmd/health.lua, bin/kong-health); Kong's
// monitoring overview says not to use it as a health check.
import { KBP6_NO_KONG_HEALTH } from '../../src/checks/rules';
import { runsKongHealthCli } from '../../src/gateway/kong-health-cli';
import { KongProbe } from '../../src/kubernetes/probe';
import { kongDeployment, tf } from '../checks/helpers';

/** Commands that run `kong health` (or `kong-health`) and rely on its exit code. */
const RUNS: Array<[string, string[]]> = [
  ['argv', ['kong', 'health']],
  ['argv, absolute path and options', ['/usr/local/bin/kong', 'health', '--prefix', '/kong_prefix', '--vv']],
  ['the image script', ['kong-health']],
  ['the image script by path', ['/usr/local/bin/kong-health']],
  ['sh -c', ['sh', '-c', 'kong health']],
  ['no space before ;', ['sh', '-c', 'kong health;echo ok']],
  ['&& chain', ['/bin/sh', '-c', 'kong health --prefix /kong_prefix && echo ok']],
  ['|| fallback', ['sh', '-c', 'curl -fsS http://localhost:8100/status/ready || kong health']],
  ['pipe', ['sh', '-c', 'kong health 2>&1 | grep -q healthy']],
  ['redirections', ['bash', '-c', 'kong health >/dev/null 2>&1']],
  ['combined shell flags', ['bash', '-ec', 'exec kong health']],
  ['login shell flags', ['/bin/bash', '-l', '-c', 'kong health']],
  ['if/then', ['sh', '-c', 'if kong health; then exit 0; else exit 1; fi']],
  ['negated', ['sh', '-c', '! kong health || exit 0']],
  ['subshell', ['sh', '-c', '(kong health)']],
  ['brace group', ['sh', '-c', '{ kong health; }']],
  ['newline separated', ['sh', '-c', 'set -e\nkong health\n']],
  ['line continuation', ['sh', '-c', 'kong \\\n  health']],
  ['quoted words', ['sh', '-c', "'kong' \"health\""]],
  ['tab separated', ['sh', '-c', 'kong\thealth']],
  ['env assignment prefix', ['sh', '-c', 'KONG_PREFIX=/kong_prefix kong health']],
  ['env wrapper', ['env', 'KONG_PREFIX=/kong_prefix', 'kong', 'health']],
  ['timeout wrapper', ['timeout', '-s', 'KILL', '5', 'kong', 'health']],
  ['nested shell', ['sh', '-c', 'bash -c "kong health"']],
  ['command substitution', ['sh', '-c', 'test "$(kong health)" != ""']],
  ['backticks', ['sh', '-c', 'echo `kong health`']],
  ['kong found through which', ['sh', '-c', '"$(which kong)" health']],
  ['kong found through command -v', ['sh', '-c', '$(command -v kong) health']],
  ['eval', ['sh', '-c', 'eval "kong health"']],
  ['busybox shell', ['busybox', 'sh', '-c', 'kong health']],
  ['nice and nohup', ['nice', '-n', '5', 'nohup', 'kong', 'health']],
  ['docker entrypoint', ['/docker-entrypoint.sh', 'kong', 'health']],
  ['through resty', ['resty', '/usr/local/bin/kong', 'health']],
];

/** Commands that mention `kong health` or check the status endpoint themselves. */
const DOES_NOT_RUN: Array<[string, string[]]> = [
  ['curl on the status endpoint', ['curl', '-f', 'http://localhost:8100/status']],
  ['shell curl on /status/ready', ['sh', '-c', 'curl -fsS http://127.0.0.1:8100/status/ready']],
  ['echo mentioning it', ['sh', '-c', 'echo "kong health is not a readiness check"; curl -f http://localhost:8100/status/ready']],
  ['comment mentioning it', ['sh', '-c', '# was: kong health\nwget -q -O- http://localhost:8100/status/ready']],
  ['grep for the words', ['sh', '-c', "grep -q 'kong health' /etc/motd || curl -f http://localhost:8100/status"]],
  ['header value', ['curl', '-f', '-H', 'X-Probe: kong health', 'http://localhost:8100/status/ready']],
  ['logger argument', ['logger', 'kong-health']],
  ['existence test only', ['sh', '-c', 'command -v kong && curl -f http://localhost:8100/status']],
  ['test -x on the script', ['sh', '-c', 'test -x /usr/local/bin/kong-health && curl -f localhost:8100/status']],
  ['another kong command', ['kong', 'healthy-check']],
  ['kong version', ['kong', 'version']],
  ['a script of another name', ['/usr/local/bin/kong-health-check.sh']],
  ['status endpoint via kong itself', ['sh', '-c', 'curl -sf http://localhost:8100/status | grep -q database']],
  ['health as an argument of another command', ['/opt/tools/probe', 'kong', 'health']],
  ['empty', []],
];

describe('runsKongHealthCli', () => {
  test.each(RUNS)('runs it: %s', (_name, command) => {
    expect(runsKongHealthCli(command)).toBe(true);
  });

  test.each(DOES_NOT_RUN)('does not run it: %s', (_name, command) => {
    expect(runsKongHealthCli(command)).toBe(false);
  });

  test('unbalanced quotes and deep nesting are read without throwing', () => {
    expect(runsKongHealthCli(['sh', '-c', 'kong health "unterminated'])).toBe(true);
    expect(runsKongHealthCli(['sh', '-c', 'echo \'unterminated kong health'])).toBe(false);
    const deep = `${'sh -c "'.repeat(200)}kong health${'"'.repeat(200)}`;
    expect(() => runsKongHealthCli(['sh', '-c', deep])).not.toThrow();
    expect(() => runsKongHealthCli(['sh', '-c', '$('.repeat(5000)])).not.toThrow();
  });
});

describe('KongProbe and KBP6 give the same verdict on every command', () => {
  const kbp6 = (command: string[]) => KBP6_NO_KONG_HEALTH.check(tf({ kubernetes_deployment_v1: { edge: kongDeployment({ livenessExec: command }) } }))
    .some((f) => f.status === 'NON_COMPLIANT');

  test.each([...RUNS, ...DOES_NOT_RUN].filter(([, c]) => c.length > 0))('%s', (_name, command) => {
    const probe = KongProbe.fromCommand(command).runsKongHealthCli;
    expect([probe, kbp6(command)]).toEqual([runsKongHealthCli(command), runsKongHealthCli(command)]);
  });
});
