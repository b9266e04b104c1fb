// The estate's problems exported as Markdown (to read or paste in a ticket) and CSV (to sort and filter).
// Values from Azure go through markdownText / csvCell: a name can never become a link, HTML or a formula.
import { csvDocument } from '../../ui/csv';
import { markdownText as md } from '../../ui/markdownText';
import type { Problem } from './healthRules';

const SERVICE: Record<Problem['service'], string> = { dataSync: 'SQL Data Sync', fabric: 'Fabric mirroring', backup: 'Azure Backup' };

export interface ReportContext {
  scannedAt: string;
  environment: string;
  /** How many resources of each service were looked at. */
  counts: Record<Problem['service'], number>;
}

export function healthMarkdown(problems: readonly Problem[], c: ReportContext): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const lines = [
    '# Estate health',
    '',
    `Scanned ${md(c.scannedAt)} in ${md(c.environment)}: ${c.counts.dataSync} Data Sync, ${c.counts.fabric} Fabric and ${c.counts.backup} Backup resources; ` +
      `${errors} errors, ${problems.length - errors} warnings.`,
    '',
  ];
  for (const service of ['dataSync', 'fabric', 'backup'] as const) {
    const mine = problems.filter((p) => p.service === service);
    lines.push(`## ${SERVICE[service]} (${mine.length})`, '');
    if (!mine.length) lines.push('No problems.', '');
    for (const p of mine) {
      lines.push(`- **${p.severity === 'error' ? 'Error' : 'Warning'}** — ${md(p.resource)}: ${md(p.summary)}`);
      if (p.detail) lines.push(`  ${md(p.detail).replace(/\n/g, '\n  ')}`);
      if (p.action) lines.push(`  Fix: ${md(p.action.title)}`);
    }
    if (mine.length) lines.push('');
  }
  return lines.join('\n');
}

export function healthCsv(problems: readonly Problem[]): string {
  return csvDocument(
    ['severity', 'service', 'resource', 'problem', 'detail', 'action'],
    problems.map((p) => [p.severity, SERVICE[p.service], p.resource, p.summary, p.detail, p.action?.title]),
  );
}
