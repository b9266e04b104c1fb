// The Create Mirrored Database wizard, extension side: loads the choices through the create workflows,
// runs the readiness checks and their fixes, creates the item, then offers to start mirroring. The page
// keeps every field as typed when a create is refused; the panel keeps the last submitted form too, so a
// reloaded page comes back filled in.
import * as vscode from 'vscode';
import { toErrorInfo } from '../../ui/webview/errorInfo';
import { isAzureRequestError } from '../../azure/http/azureError';
import { WebviewPanelBase, type PanelHost } from '../../ui/webview/webviewPanel';
import { messageShapeCheck } from '../../ui/webview/messageShape';
import { FROM_CREATE_WIZARD_SCHEMAS } from './createWizardShapes';
import type { FabricContext } from '../fabricContext';
import type { TableVerdict } from '../mirrorability';
import { CreateValidationError, type CreateMirroredDatabaseInput } from '../workflows/createValidation';
import {
  createMirroredDatabase,
  findSourceDatabase,
  listSourceTables,
  listSqlConnections,
  listWorkspaces,
  waitWhileInitializing,
  type SqlConnectionChoice,
} from '../workflows/createWorkflows';
import { applyReadinessFix, checkReadiness, type ReadinessFix } from '../workflows/readinessWorkflows';
import { createWizardBody } from './createWizardBody';
import type { CheckView, CreateForm, CreateWizardStep, FromCreateWizard, ToCreateWizard } from './protocol/createWizard';

export const START_MIRRORING_COMMAND = 'sqlDataMovement.fabric.startMirroring';

const tableKey = (schema: string, table: string) => `${schema}.${table}`.toLowerCase();

export class CreateWizardPanel extends WebviewPanelBase<ToCreateWizard, FromCreateWizard> {
  private connections: SqlConnectionChoice[] = [];
  private tables = new Map<string, TableVerdict[]>();
  private fixes = new Map<string, ReadinessFix>();
  /** The last form the page submitted (create, readiness); sent back if the page reloads. */
  draft: CreateForm | undefined;
  /** Aborted when the panel closes, so no wait outlives it. */
  private readonly closed = new AbortController();
  /** The mirrored database this wizard created. */
  created: { id: string; displayName: string; workspaceId: string } | undefined;

  constructor(
    host: PanelHost,
    private readonly ctx: FabricContext,
    private readonly workspaceId: string | undefined,
    onDispose: () => void,
  ) {
    super(
      host,
      {
        checkMessage: messageShapeCheck(FROM_CREATE_WIZARD_SCHEMAS),
        viewType: 'sqlDataMovement.fabric.createWizard',
        script: 'createWizard',
        title: 'Create mirrored database',
        body: createWizardBody('Create a mirrored database'),
        // A six-step form: rebuilding it on every tab switch would lose what was typed.
        retainContextWhenHidden: true,
      },
      onDispose,
    );
    this.disposables.push({ dispose: () => this.closed.abort() });
  }

  protected async receive(message: FromCreateWizard): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.init();
      case 'loadConnections':
        return this.guard('source', 'Load connections', async () => {
          this.post({ type: 'busy', step: 'source', text: 'Loading connections…' });
          this.connections = await listSqlConnections(this.ctx);
          this.post({
            type: 'connections',
            items: this.connections.map((c) => ({
              id: c.id,
              displayName: c.displayName,
              type: c.type,
              server: c.server,
              database: c.database,
            })),
          });
        });
      case 'loadTables':
        return this.guard('tables', 'Load tables', () => this.loadTables(message.connectionId));
      case 'runReadiness':
        this.draft = message.form;
        return this.guard('readiness', 'Check readiness', () => this.readiness(message.form));
      case 'applyFix':
        this.draft = message.form;
        return this.guard('readiness', 'Apply fix', async () => {
          const fix = this.fixes.get(message.fixId);
          if (!fix) throw new Error('That fix is no longer offered: run the checks again.');
          this.post({ type: 'busy', step: 'readiness', text: 'Applying the fix…' });
          const outcome = await applyReadinessFix(this.ctx, fix);
          if (outcome.kind === 'enableServerIdentity') await outcome.operation.result;
          this.post({
            type: 'fixApplied',
            text:
              fix.kind === 'enableServerIdentity'
                ? `The managed identity of ${fix.serverName} is on.`
                : `${fix.serverName}'s identity is now a Contributor.`,
          });
          await this.readiness(message.form);
        });
      case 'create':
        this.draft = message.form;
        return this.create(message.form);
      case 'startMirroring':
        return this.start();
      case 'cspViolation':
        return;
    }
  }

  private async guard(step: CreateWizardStep, action: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      this.post({ type: 'error', step, error: toErrorInfo(action, e) });
    }
  }

  private async init(): Promise<void> {
    try {
      const workspaces = await listWorkspaces(this.ctx);
      this.post({
        type: 'init',
        workspaces: workspaces.map((w) => ({ value: w.id ?? '', label: w.displayName ?? w.id ?? '', description: w.description })),
        workspaceId: this.draft?.workspaceId ?? this.workspaceId,
        draft: this.draft,
      });
    } catch (e) {
      this.post({ type: 'init', workspaces: [], workspaceId: this.workspaceId, draft: this.draft });
      this.post({ type: 'error', step: 'workspace', error: toErrorInfo('Load workspaces', e) });
    }
  }

  private connection(id: string): SqlConnectionChoice | undefined {
    return this.connections.find((c) => c.id === id);
  }

  private async loadTables(connectionId: string): Promise<void> {
    if (!this.connections.length) this.connections = await listSqlConnections(this.ctx);
    const c = this.connection(connectionId);
    if (!c?.server || !c.database) throw new Error('Choose a SQL connection: its server and database name where to read the tables.');
    this.post({ type: 'busy', step: 'tables', text: `Reading the tables of ${c.database}…` });
    const source = await findSourceDatabase(this.ctx, c.server, c.database);
    if (!source) throw new Error(`Database ${c.database} on ${c.server} was not found in the subscriptions you can see.`);
    const tables = await listSourceTables(this.ctx, source.ref);
    this.tables.set(connectionId, tables);
    this.post({ type: 'tables', connectionId, database: c.database, tables });
  }

  private async readiness(form: CreateForm): Promise<void> {
    if (!this.connections.length) this.connections = await listSqlConnections(this.ctx);
    const c = this.connection(form.connectionId);
    if (!form.workspaceId || !c?.server || !c.database) {
      this.post({
        type: 'fieldErrors',
        errors: {
          ...(form.workspaceId ? {} : { workspaceId: 'Choose a workspace.' }),
          ...(c?.server ? {} : { connectionId: 'Choose a SQL connection.' }),
        },
      });
      return;
    }
    this.post({ type: 'busy', step: 'readiness', text: 'Checking…' });
    const result = await checkReadiness(this.ctx, {
      workspaceId: form.workspaceId,
      server: c.server,
      database: c.database,
      tables: form.mode === 'tables' ? form.tables.map((t) => ({ schema: t.schema, table: t.table })) : undefined,
    });
    this.fixes.clear();
    const checks: CheckView[] = result.checks.map((check, i) => {
      const fixId = check.fix ? `fix-${i}-${check.id}` : undefined;
      if (fixId && check.fix) this.fixes.set(fixId, check.fix.action);
      return {
        id: check.id,
        title: check.title,
        status: check.status,
        reason: check.reason,
        tables: check.tables,
        instructions: check.instructions,
        fix: fixId && check.fix ? { fixId, label: check.fix.label } : undefined,
      };
    });
    this.post({ type: 'readiness', checks, ready: result.ready });
  }

  /** What the workflow gets from the page's form (the database comes from the chosen connection). */
  private inputOf(form: CreateForm): CreateMirroredDatabaseInput {
    return {
      workspaceId: form.workspaceId,
      displayName: form.displayName,
      description: form.description,
      connectionId: form.connectionId,
      database: this.connection(form.connectionId)?.database ?? '',
      tables: form.mode === 'tables' ? form.tables : undefined,
      defaultSchema: form.defaultSchema,
      retentionInDays: form.retentionInDays,
    };
  }

  private unmirrorableChoice(form: CreateForm): string | undefined {
    if (form.mode !== 'tables') return undefined;
    const verdicts = new Map((this.tables.get(form.connectionId) ?? []).map((v) => [tableKey(v.schema, v.name), v]));
    const bad = form.tables.map((t) => verdicts.get(tableKey(t.schema, t.table))).filter((v) => v?.status === 'notMirrorable');
    return bad.length
      ? `These tables cannot be mirrored: ${bad.map((v) => `${v?.schema}.${v?.name} (${v?.reason})`).join('; ')}`
      : undefined;
  }

  private async create(form: CreateForm): Promise<void> {
    try {
      if (!this.connections.length) this.connections = await listSqlConnections(this.ctx);
      const badTables = this.unmirrorableChoice(form);
      if (badTables) throw new CreateValidationError([{ field: 'tables', message: badTables }]);
      this.post({ type: 'busy', step: 'create', text: `Creating ${form.displayName.trim()}…` });
      const { operation } = await createMirroredDatabase(this.ctx, this.inputOf(form));
      const item = await operation.result;
      this.created = { id: item.id ?? '', displayName: item.displayName ?? form.displayName.trim(), workspaceId: form.workspaceId };
      this.panel.title = `Mirrored database: ${this.created.displayName}`;
      const startAvailable = (await vscode.commands.getCommands(true)).includes(START_MIRRORING_COMMAND);
      this.post({ type: 'created', item: this.created, startAvailable });
    } catch (e) {
      if (e instanceof CreateValidationError) return this.post({ type: 'fieldErrors', errors: e.fields });
      if (isAzureRequestError(e) && e.code === 'ItemDisplayNameAlreadyInUse')
        return this.post({ type: 'fieldErrors', errors: { displayName: e.message } });
      this.post({ type: 'error', step: 'create', error: toErrorInfo('Create mirrored database', e) });
    }
  }

  private async start(): Promise<void> {
    const item = this.created;
    if (!item) return;
    if (!(await vscode.commands.getCommands(true)).includes(START_MIRRORING_COMMAND)) {
      this.post({
        type: 'startResult',
        text: `Start mirroring from the Fabric portal (open ${item.displayName}, then "Start replication"), or send POST /v1/workspaces/${item.workspaceId}/mirroredDatabases/${item.id}/startMirroring once its status is Initialized.`,
      });
      return;
    }
    try {
      this.post({ type: 'busy', step: 'create', text: `Waiting for ${item.displayName} to finish initializing…` });
      const status = await waitWhileInitializing(
        this.ctx,
        { workspaceId: item.workspaceId, itemId: item.id },
        { signal: this.closed.signal },
      );
      this.post({ type: 'busy', step: 'create', text: `Status: ${status ?? 'unknown'}.` });
      await vscode.commands.executeCommand(START_MIRRORING_COMMAND, {
        workspaceId: item.workspaceId,
        itemId: item.id,
        displayName: item.displayName,
      });
      this.post({ type: 'startResult', text: `Asked to start mirroring ${item.displayName}. Follow it in the Fabric Mirroring view.` });
    } catch (e) {
      this.post({ type: 'error', step: 'create', error: toErrorInfo('Start mirroring', e) });
    }
  }
}
