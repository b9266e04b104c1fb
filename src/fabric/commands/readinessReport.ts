// The readiness result as a Markdown report: one section per check with ✓ / ✗ / ⚠ / "check yourself",
// its reason, the fix this extension can apply and, for what no API can see, the exact T-SQL or setting.
import { markdownText as md } from '../../ui/markdownText';
import type { ReadinessCheck, ReadinessResult } from '../workflows/readinessWorkflows';

const MARK: Record<string, string> = { pass: '✓', fail: '✗', warn: '⚠', manual: '☐ check yourself' };

/** T-SQL goes in a code block (copied verbatim); a setting is a sentence. */
const isSql = (text: string): boolean => /^\s*(--|SELECT|GRANT)/.test(text);

function section(c: ReadinessCheck): string[] {
  const out = [`## ${MARK[c.status] ?? c.status} ${md(c.title)}`, '', md(c.reason), ''];
  for (const t of c.tables ?? []) out.push(`- ${md(`${t.schema}.${t.name}`)}: ${md(t.reason ?? t.status)}`);
  if (c.tables?.length) out.push('');
  if (c.fix) out.push(`**Fix:** ${md(c.fix.label)} — run *Apply Mirroring Readiness Fix* (offered when this report opens).`, '');
  if (c.instructions) out.push(...(isSql(c.instructions) ? ['```sql', c.instructions, '```'] : [`**By hand:** ${md(c.instructions)}`]), '');
  return out;
}

export function renderReadinessMarkdown(title: string, result: ReadinessResult): string {
  const counts = (s: string) => result.checks.filter((c) => c.status === s).length;
  const scope = result.source.tables ? `${result.source.tables.length} chosen tables` : 'the whole database';
  return [
    `# Mirroring readiness: ${md(title)}`,
    '',
    `Source: ${md(`${result.source.server}/${result.source.database}`)} (${scope})`,
    '',
    `${counts('pass')} passed, ${counts('fail')} failed, ${counts('warn')} warnings, ${counts('manual')} to check yourself.` +
      (result.ready ? ' Nothing an API can check stands in the way.' : ''),
    '',
    ...result.checks.flatMap(section),
  ].join('\n');
}
