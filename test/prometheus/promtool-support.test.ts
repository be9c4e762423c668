import * as path from 'path';
import { locatePromtool, runPromtool } from '../support/promtool';

describe('promtool support', () => {
  test('promtool is found and runs', () => {
    const run = runPromtool(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/promtool, version \d+\.\d+/);
  });

  test('missing in CI: fails and says to install the prometheus package', () => {
    expect(() => locatePromtool(path.join(__dirname, 'no-such-dir'), '/nonexistent/promtool', 'true'))
      .toThrow('promtool not found on PATH or at /nonexistent/promtool in CI: install the prometheus package (apt-get update && apt-get install -y prometheus), which ships promtool.');
  });

  test('missing outside CI: fails too, never skips', () => {
    expect(() => locatePromtool('', '/nonexistent/promtool', '')).toThrow(/install the prometheus package.*These tests do not skip without it/);
  });
});
