// The schema picker: tables and columns of a sync group's hub schema with Data Sync's restrictions,
// each member's drift beside them, a live summary of what a save changes, "Refresh hub schema" and
// the master member choice. Save = the schema workflow (PATCH through the operation tracker).
import type * as vscode from 'vscode';
import { syncGroupPath, type SyncGroupRef } from '../../azure/sql/sqlPaths';
import type { SyncFullSchemaTable, SyncGroupSchema } from '../../azure/sql/syncModels';
import type { DataSyncContext } from '../dataSyncContext';
import { readGroupSchemas, refreshHubSchema, refreshMemberSchemas, saveSchema } from '../workflows/schemaWorkflows';
import { isDataSyncValidationError } from '../workflows/validationError';
import type { FromSchemaPicker, ToSchemaPicker } from './protocol/dataSyncSchemaPicker';
import { WebviewPanelBase } from '../../ui/webview/webviewPanel';
import type { DataSyncPanelHost } from './dataSyncPanelHost';
import { GroupGoneWatch } from './groupGoneWatch';
import type { SchemaPickerState } from './panelStates';
import { checkFromSchemaPicker } from './protocol/dataSyncSchemaPickerShape';
import { toErrorInfo } from './errorInfo';
import { summarizeSelection, viewOfGroupSchemas } from './schemaViewModel';
import { schemaPickerBody } from './pageBodies';

export class SchemaPickerPanel extends WebviewPanelBase<ToSchemaPicker, FromSchemaPicker> {
  static readonly viewType = 'sqlDataMovement.dataSync.schemaPicker';
  private hub: SyncFullSchemaTable[] = [];
  private current: SyncGroupSchema | undefined;
  private readonly groupId: string;
  private readonly gone: GroupGoneWatch;

  constructor(
    host: DataSyncPanelHost,
    private readonly ctx: DataSyncContext,
    readonly ref: SyncGroupRef,
    onDispose: () => void,
    restored?: vscode.WebviewPanel,
  ) {
    super(
      host,
      {
        viewType: SchemaPickerPanel.viewType,
        checkMessage: checkFromSchemaPicker,
        script: 'schemaPicker',
        title: `Schema: ${ref.syncGroup}`,
        body: schemaPickerBody(ref.syncGroup),
        // Holds an unsaved selection of tables and columns.
        retainContextWhenHidden: true,
      },
      onDispose,
      restored,
    );
    this.groupId = syncGroupPath(ref);
    this.gone = new GroupGoneWatch(
      ctx,
      host.onDidEndOperation,
      () => this.groupId,
      (text) => this.markGone(text),
    );
    this.disposables.push(this.gone);
  }

  protected override restorableState(): SchemaPickerState {
    return { groupId: this.groupId };
  }

  protected override onNotFound(): void {
    void this.gone.confirmNotFound();
  }

  protected async receive(message: FromSchemaPicker): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.load();
        break;
      case 'selectionChanged':
        this.post({ type: 'summary', summary: summarizeSelection(this.hub, this.current, message.selection) });
        break;
      case 'refreshHubSchema':
        this.post({ type: 'loading', text: 'Refreshing the hub schema… (this can take a minute; it shows in Operations)' });
        try {
          await (
            await refreshHubSchema(this.ctx, this.groupId)
          ).result;
          await this.load();
        } catch (e) {
          this.post({ type: 'error', error: toErrorInfo('Refresh hub schema', e) });
        }
        break;
      case 'refreshMemberSchemas':
        this.post({ type: 'loading', text: 'Refreshing the member schemas… (shown in Operations too)' });
        try {
          const { failed } = await refreshMemberSchemas(this.ctx, this.groupId);
          await this.load();
          if (failed.length)
            this.post({
              type: 'error',
              error: {
                step: 'Refresh member schemas',
                code: 'MemberSchemaRefreshFailed',
                message: `Could not refresh: ${failed.join(', ')}. See the Operations view for each error.`,
                details: `Members whose schema refresh failed: ${failed.join(', ')}`,
              },
            });
        } catch (e) {
          this.post({ type: 'error', error: toErrorInfo('Refresh member schemas', e) });
        }
        break;
      case 'save': {
        const summary = summarizeSelection(this.hub, this.current, message.selection);
        if (summary.errors.length) {
          this.post({ type: 'summary', summary });
          break;
        }
        this.post({ type: 'loading', text: 'Saving the sync schema…' });
        try {
          const group = await (await saveSchema(this.ctx, this.groupId, this.hub, message.selection)).result;
          this.ctx.refresh(this.groupId);
          this.current = group.properties?.schema;
          this.post({ type: 'saved', text: `Saved: ${summary.selectedTables} table(s) in the sync schema.` });
          this.post({ type: 'summary', summary: summarizeSelection(this.hub, this.current, message.selection) });
        } catch (e) {
          if (isDataSyncValidationError(e)) this.post({ type: 'summary', summary: { ...summary, errors: e.messages } });
          else this.post({ type: 'error', error: toErrorInfo('Save sync schema', e) });
        }
        break;
      }
    }
  }

  private async load(): Promise<void> {
    this.post({ type: 'loading', text: 'Reading the hub and member schemas…' });
    try {
      const schemas = await readGroupSchemas(this.ctx, this.groupId);
      this.hub = schemas.hub;
      this.current = schemas.group.properties?.schema;
      this.post({ type: 'schema', view: viewOfGroupSchemas(this.ref.syncGroup, schemas) });
    } catch (e) {
      this.post({ type: 'error', error: toErrorInfo('Read the sync schema', e) });
    }
  }
}
