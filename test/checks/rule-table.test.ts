import * as fs from 'fs';
import * as path from 'path';
import { KongBestPractices } from '../../src/checks';
import { RULES, RULE_IDS } from '../../src/checks/rules';
import { FindingLevel } from '../../src/checks/types';

describe('rule table', () => {
  // IDs are API (suppressions and CI scripts name them): renumbering is a breaking change.
  test('pins the rule IDs, names and levels, in the order of Kong\'s recommendations', () => {
    expect(KongBestPractices.rules().map((r) => `${r.ruleId} ${r.name} ${r.level}`)).toEqual([
      'KBP1 status-listen ERROR',
      'KBP2 health-dashboards WARNING',
      'KBP3 load-balancer-readiness ERROR',
      'KBP4 kubernetes-probes ERROR',
      'KBP5 health-alerting WARNING',
      'KBP6 no-kong-health-cli ERROR',
      'KBP7 every-node-monitored WARNING',
      'KBP8 every-alert-has-a-live-source ERROR',
      'KBPS1 no-literal-secrets ERROR',
      'KBPX1 suppression-reason ERROR',
    ]);
    expect(RULES.map((r) => r.ruleId)).toEqual([...RULE_IDS]);
  });

  test('the documented table in rules/index.ts lists the same rules and levels', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'checks', 'rules', 'index.ts'), 'utf8');
    const rows = [...source.matchAll(/^ \* \| (KBP\w+) \| ([\w-]+) \| (error|warning) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3].toUpperCase()}`);
    expect(rows).toEqual(RULES.map((r) => `${r.ruleId} ${r.name} ${r.level}`));
  });

  test('one rule per file, named after its ID', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'checks', 'rules');
    const files = fs.readdirSync(dir).filter((f) => /^kbp/.test(f)).map((f) => f.split('-')[0].toUpperCase());
    expect(files.sort()).toEqual([...RULE_IDS].sort());
    expect(RULES.every((r) => r.level === FindingLevel.ERROR || r.level === FindingLevel.WARNING)).toBe(true);
  });
});
