import { engineModule, rulesModule } from './internal/checker-modules';
import { ComplianceStatus, Finding, FindingLevel } from './types';
import { checkCall } from '../core/input-shape';

function statusLabel(f: Finding): string {
  if (f.suppressed) return 'SUPPRESSED';
  return f.status;
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The checker's verdict on one stack (or one Terraform JSON file): every finding, and renderings of them. */
export class KongBestPracticesReport {
  /** What was checked: a stack's construct path or a file name. */
  public readonly source: string;
  /** Every finding, in rule-table order. */
  public readonly findings: Finding[];

  /**
   * @param source what was checked (stack path or file name)
   * @param findings the findings, as the engine returned them
   */
  constructor(source: string, findings: Finding[]) {
    checkCall('KongBestPracticesReport', source, findings);
    this.source = source;
    this.findings = [...findings];
  }

  /** Non-compliant, error-level, unsuppressed findings: these fail synth and the audit CLI. */
  public get errors(): Finding[] {
    return this.findings.filter(engineModule().isBlocking);
  }

  /** Non-compliant warning-level findings that are not suppressed. */
  public get warnings(): Finding[] {
    return this.findings.filter((f) => f.status === ComplianceStatus.NON_COMPLIANT && f.level === FindingLevel.WARNING && !f.suppressed);
  }

  /** Findings silenced by a suppression with a reason. */
  public get suppressed(): Finding[] {
    return this.findings.filter((f) => f.suppressed);
  }

  /** True when any finding fails the build. */
  public get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** The findings of one rule. */
  public findingsFor(ruleId: string): Finding[] {
    checkCall('KongBestPracticesReport.findingsFor', ruleId);
    return this.findings.filter((f) => f.ruleId === ruleId);
  }

  /** The scorecard as JSON: source, summary counts, the rule table and every finding. */
  public toJson(): string {
    const count = (s: ComplianceStatus) => this.findings.filter((f) => f.status === s && !f.suppressed).length;
    return JSON.stringify({
      source: this.source,
      summary: {
        errors: this.errors.length,
        warnings: this.warnings.length,
        suppressed: this.suppressed.length,
        compliant: count(ComplianceStatus.COMPLIANT),
        notApplicable: count(ComplianceStatus.NOT_APPLICABLE),
      },
      rules: rulesModule().RULES.filter((r) => this.findings.some((f) => f.ruleId === r.ruleId))
        .map((r) => ({ ruleId: r.ruleId, name: r.name, level: r.level, info: r.info })),
      findings: this.findings,
    }, undefined, 2);
  }

  /** The scorecard as a Markdown table: rule, status, level, resource, reason. */
  public toMarkdown(): string {
    const lines = [
      `# Kong monitoring best practices: ${cell(this.source)}`,
      '',
      `${this.errors.length} error(s), ${this.warnings.length} warning(s), ${this.suppressed.length} suppressed.`,
      '',
      '| rule | status | level | resource | reason |',
      '|---|---|---|---|---|',
    ];
    for (const f of this.findings) {
      const reason = f.suppressed
        ? `${f.message} Suppressed: ${f.suppressionReason}`
        : f.status === ComplianceStatus.NON_COMPLIANT ? `${f.message} Fix: ${f.fix}` : f.message;
      const resource = f.constructPath ? `${f.resource} (${f.constructPath})` : f.resource;
      lines.push(`| ${f.ruleId} | ${statusLabel(f)} | ${f.level} | ${cell(resource)} | ${cell(reason)} |`);
    }
    lines.push('', '| rule | name | wants |', '|---|---|---|');
    for (const r of rulesModule().RULES.filter((x) => this.findings.some((f) => f.ruleId === x.ruleId))) {
      lines.push(`| ${r.ruleId} | ${r.name} | ${cell(r.info)} |`);
    }
    return lines.join('\n') + '\n';
  }

  /** Non-compliant findings (suppressed ones marked) and a summary line, for terminals. */
  public toText(): string {
    const lines: string[] = [];
    for (const f of this.findings.filter((x) => x.status === ComplianceStatus.NON_COMPLIANT)) {
      const where = f.constructPath ? `${f.resource} [${f.constructPath}]` : f.resource;
      if (f.suppressed) {
        lines.push(`SUPPRESSED ${f.ruleId} ${where}: ${f.message} (reason: ${f.suppressionReason})`);
      } else {
        lines.push(`${f.level} ${f.ruleId} ${where}: ${f.message}`, `  fix: ${f.fix}`);
      }
    }
    lines.push(`${this.source}: ${this.errors.length} error(s), ${this.warnings.length} warning(s), ${this.suppressed.length} suppressed, `
      + `${this.findings.filter((f) => f.status === ComplianceStatus.COMPLIANT).length} compliant.`);
    return lines.join('\n') + '\n';
  }
}
