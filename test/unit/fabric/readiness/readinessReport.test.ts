// The readiness report's Markdown: a mark per status, reasons and tables, fixes, T-SQL in code blocks,
// and names from Azure unable to inject links or HTML.
import * as assert from 'node:assert/strict';
import { renderReadinessMarkdown } from '../../../../src/fabric/commands/readinessReport';
import type { ReadinessResult } from '../../../../src/fabric/workflows/readinessWorkflows';

const result: ReadinessResult = {
  source: { workspaceId: 'w', server: 'srv', database: 'db', tables: [{ schema: 'dbo', table: 'T' }] },
  ready: false,
  checks: [
    { id: 'serverIdentity', title: 'Managed identity of server srv', status: 'pass', reason: 'On.' },
    {
      id: 'workspaceRole',
      title: "Workspace role of srv's identity",
      status: 'fail',
      reason: 'No role.',
      fix: { label: 'Give it Contributor', action: { kind: 'grantWorkspaceRole', workspaceId: 'w', principalId: 'p', serverName: 'srv' } },
    },
    {
      id: 'tables',
      title: 'The 1 chosen tables',
      status: 'fail',
      reason: '1 cannot be mirrored.',
      tables: [{ schema: 'dbo', name: '[x](command:evil)', status: 'notMirrorable', reason: 'Memory-optimized.', skippedColumns: [] }],
    },
    {
      id: 'sqlPermissions',
      title: 'SQL permissions',
      status: 'manual',
      reason: 'Not visible.',
      instructions: "SELECT 1 FROM fn_my_permissions(NULL, 'DATABASE');",
    },
    {
      id: 'tenantSettings',
      title: 'Tenant settings',
      status: 'manual',
      reason: 'Admins only.',
      instructions: 'Fabric admin portal → Tenant settings.',
    },
  ],
};

describe('readiness report', () => {
  const text = renderReadinessMarkdown('My <b>mirror</b>', result);

  it('marks each check by status, with counts and the scope', () => {
    assert.match(text, /^# Mirroring readiness: My \\<b\\>mirror\\<\/b\\>$/m);
    assert.match(text, /Source: srv\/db \(1 chosen tables\)/);
    assert.match(text, /1 passed, 2 failed, 0 warnings, 2 to check yourself\./);
    assert.match(text, /^## ✓ Managed identity of server srv$/m);
    assert.match(text, /^## ✗ Workspace role of srv's identity$/m);
    assert.match(text, /^## ☐ check yourself SQL permissions$/m);
    assert.doesNotMatch(text, /Nothing an API can check stands in the way/);
  });

  it('names the fix and puts T-SQL in a code block, settings in a sentence', () => {
    assert.match(text, /\*\*Fix:\*\* Give it Contributor/);
    assert.match(text, /```sql\nSELECT 1 FROM fn_my_permissions\(NULL, 'DATABASE'\);\n```/);
    assert.match(text, /\*\*By hand:\*\* Fabric admin portal → Tenant settings\./);
  });

  it('escapes names so they cannot become links', () => {
    assert.match(text, /- dbo\.\\\[x\\\]\(command:evil\): Memory-optimized\./);
    assert.doesNotMatch(text, /[^\\]\[x\]\(command:evil\)/);
  });
});
