// The plan and the switch-over checklist as Markdown documents. Every value from Azure goes through
// markdownText, so a table or member name can never become a link or HTML in the preview.
import { markdownText as md } from '../../ui/markdownText';
import type { MigrationPlan } from './migrationPlan';

const FATE: Record<string, string> = { replaced: '✓ replaced', viaHub: '⚠ only through the hub', noEquivalent: '✗ no equivalent' };

export function renderPlanMarkdown(plan: MigrationPlan, definition: Record<string, unknown>): string {
  const mirrorable = plan.tables.filter((t) => t.verdict?.status === 'mirrorable').length;
  const keyCheck = plan.tables.filter((t) => t.verdict?.status === 'checkKey');
  const refused = plan.tables.filter((t) => t.verdict?.status === 'notMirrorable');
  const missing = plan.tables.filter((t) => !t.verdict);
  return [
    `# Move sync group ${md(plan.groupName)} to Fabric mirroring`,
    '',
    `Hub database: ${md(`${plan.hub.server}/${plan.hub.database}`)} · SQL Data Sync retires on 30 September 2027.`,
    '',
    '## What mirroring does, and does not, replace',
    '',
    '- Mirroring keeps a **one-way, read-only** copy of the hub database in OneLake (Delta tables, a SQL analytics endpoint, Power BI). Changes reach it within seconds to minutes.',
    '- Nothing is written back: Fabric never changes the hub or any member. Conflict resolution and sync intervals have no counterpart.',
    '- Members are not mirrored by this plan; each one is listed below with what happens to it.',
    '',
    '## Members',
    '',
    ...(plan.members.length
      ? plan.members.map((m) => `- **${md(m.name)}** (${md(m.direction)}, ${md(m.where)}): ${FATE[m.fate]}. ${md(m.advice)}`)
      : ['- The group has no members: only the hub is involved.']),
    '',
    `## Tables (${plan.tables.length} synced, ${plan.mountedTables.length} to mirror)`,
    '',
    `${mirrorable} can be mirrored as they are.`,
    ...keyCheck.map((t) => `- ⚠ ${md(`${t.schema}.${t.table}`)}: ${md(t.verdict?.reason ?? 'check its primary key')}`),
    ...refused.map((t) => `- ✗ ${md(`${t.schema}.${t.table}`)}: ${md(t.verdict?.reason ?? 'cannot be mirrored')} (left out)`),
    ...missing.map((t) => `- ? ${md(`${t.schema}.${t.table}`)}: not in the hub database any more (left out)`),
    '',
    ...(plan.warnings.length ? ['## Before you continue', '', ...plan.warnings.map((w) => `- ${md(w)}`), ''] : []),
    '## Source connection',
    '',
    plan.connections.length
      ? `Fabric connection${plan.connections.length > 1 ? 's' : ''} to the hub: ${plan.connections.map((c) => md(c.displayName)).join(', ')}.`
      : 'No Fabric connection reaches the hub database yet: create one in Fabric (Manage connections and gateways), then give its id.',
    '',
    '## mirroring.json that will be created',
    '',
    '```json',
    JSON.stringify(definition, null, 2),
    '```',
    '',
  ].join('\n');
}

export interface CreatedMirror {
  workspaceName: string;
  displayName: string;
  status?: string;
}

/** What to do after the mirrored database runs beside the sync group, in order. */
export function renderChecklistMarkdown(plan: MigrationPlan, mirror: CreatedMirror): string {
  const readers = plan.members.filter((m) => m.fate === 'replaced');
  const blockers = plan.members.filter((m) => m.fate !== 'replaced');
  return [
    `# Switch readers from ${md(plan.groupName)} to ${md(mirror.displayName)}`,
    '',
    `The mirrored database **${md(mirror.displayName)}** in workspace ${md(mirror.workspaceName)} is ${md(mirror.status ?? 'created')}; ` +
      `the sync group keeps running beside it until you stop it.`,
    '',
    '- [ ] Open the replication monitor and wait until every table is Replicating with rows.',
    '- [ ] Compare row counts of a few tables between the hub and the SQL analytics endpoint.',
    ...readers.map((m) => `- [ ] Point the readers of ${md(m.name)} (${md(m.where)}) at the SQL analytics endpoint.`),
    ...blockers.map((m) => `- [ ] ${md(m.name)}: ${md(m.advice)}`),
    '- [ ] Move reports and pipelines that read members to the mirrored database.',
    `- [ ] When nothing reads the members any more: remove them from ${md(plan.groupName)}, then delete the sync group.`,
    '- [ ] Before 30 September 2027: no sync group left that anything depends on.',
    '',
  ].join('\n');
}
