// "Move to Fabric Mirroring…" on a sync group: shows the plan (what mirroring replaces, member by member;
// the synced tables and Fabric's verdict; the mirroring.json), asks for the workspace, the source
// connection and a name, runs the readiness checks, creates the mirrored database through the Fabric
// create flow, starts it, and ends on the switch-over checklist. The sync group keeps running.
import * as vscode from 'vscode';
import type { DataSyncContext } from '../../dataSync/dataSyncContext';
import { withRequestProgress } from '../../dataSync/commands/commandSupport';
import { pickSyncGroup } from '../../dataSync/commands/pickers';
import { renderReadinessMarkdown } from '../../fabric/commands/readinessReport';
import { pickWorkspace } from '../../fabric/commands/commandSupport';
import type { FabricContext } from '../../fabric/fabricContext';
import { validateDisplayName } from '../../fabric/workflows/createValidation';
import { checkReadiness, type ReadinessResult } from '../../fabric/workflows/readinessWorkflows';
import type { ErrorReporter } from '../../ui/errorReporter';
import { MarkdownDocuments } from '../../ui/markdownDocuments';
import { resourceIdOf } from '../../ui/targetResourceId';
import type { UserInput } from '../../ui/userInput';
import { createPlannedMirror, type MirrorCreated } from '../workflows/createMirror';
import { renderChecklistMarkdown, renderPlanMarkdown } from '../workflows/migrationDocuments';
import { planMigration, plannedDefinition, type MigrationPlan } from '../workflows/migrationPlan';

export const MIGRATION_SCHEME = 'sqldm-migration';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MigrationDeps {
  dataSync: DataSyncContext;
  fabric: FabricContext;
  input: UserInput;
  errors: ErrorReporter;
}

/** What a run did (tests read it). */
export interface MigrationRun {
  plan: MigrationPlan;
  planDocument: vscode.Uri;
  readiness?: ReadinessResult;
  created?: MirrorCreated;
  checklist?: vscode.Uri;
}

export function registerMigrationCommands({ dataSync, fabric, input, errors }: MigrationDeps): vscode.Disposable[] {
  const documents = new MarkdownDocuments(MIGRATION_SCHEME);

  const pickConnection = async (plan: MigrationPlan): Promise<string | undefined> => {
    const typed = { label: '$(edit) Enter a connection id…', description: 'a Fabric connection to the hub database', id: '' };
    const items = [
      ...plan.connections.map((c) => ({
        label: c.displayName,
        description: `${c.server ?? ''}/${c.database ?? ''}`,
        detail: c.id,
        id: c.id,
      })),
      typed,
    ];
    const picked = await input.pick(items, { title: `Source connection to ${plan.hub.server}/${plan.hub.database}` });
    if (!picked) return undefined;
    if (picked.id) return picked.id;
    return input.input({
      title: 'Fabric connection id',
      prompt: 'The id (a GUID) of a Fabric connection to the hub database (Fabric: Settings → Manage connections and gateways).',
      validateInput: (v) => (GUID.test(v.trim()) ? undefined : 'A connection id is a GUID, e.g. 1b7c4d2e-0f6a-4e5b-9c3d-2a1f0e9d8c7b.'),
    });
  };

  return [
    documents,
    vscode.commands.registerCommand(
      'sqlDataMovement.dataSync.migrateToFabric',
      errors.guard('Move sync group to Fabric mirroring', async (arg?: unknown): Promise<MigrationRun | undefined> => {
        const groupId = resourceIdOf(arg) ?? (await pickSyncGroup(dataSync, input));
        if (!groupId) return undefined;
        const plan = await withRequestProgress('Reading the sync group and its hub tables…', arg, (signal) =>
          planMigration(dataSync, fabric, groupId, signal),
        );
        const base = `/${plan.hub.subscriptionId}/${plan.hub.server}/${plan.hub.database}/${plan.groupName}`;
        const run: MigrationRun = { plan, planDocument: vscode.Uri.from({ scheme: MIGRATION_SCHEME, path: `${base}/plan.md` }) };
        const preview = plannedDefinition(plan, plan.connections[0]?.id ?? '<connection id>');
        await documents.show(run.planDocument, renderPlanMarkdown(plan, preview));
        const go = await input.confirm(
          `Create a mirrored database of ${plan.hub.database} in Fabric?`,
          `It mirrors ${plan.mountedTables.length || 'all'} table(s), one way and read-only. The sync group keeps running until you remove it. The plan is open beside this.`,
          'Continue',
        );
        if (!go) return run;
        const ws = await pickWorkspace(fabric, input);
        if (!ws) return run;
        const connectionId = await pickConnection(plan);
        if (!connectionId) return run;
        const displayName = await input.input({
          title: 'Name of the mirrored database',
          value: plan.suggestedName,
          validateInput: (v) => validateDisplayName(v),
        });
        if (!displayName) return run;

        run.readiness = await checkReadiness(fabric, {
          workspaceId: ws.workspaceId,
          server: plan.hub.server,
          database: plan.hub.database,
          tables: plan.mountedTables.length ? plan.mountedTables : undefined,
        });
        const definition = plannedDefinition(plan, connectionId);
        await documents.show(
          run.planDocument,
          `${renderPlanMarkdown(plan, definition)}\n${renderReadinessMarkdown(`${plan.hub.database} → ${ws.workspaceName}`, run.readiness)}`,
        );
        if (!run.readiness.ready) {
          const anyway = await input.confirm(
            'Some readiness checks failed.',
            'The plan document lists them with their fixes ("Apply Mirroring Readiness Fix" applies those an API can). Create the mirrored database anyway? It will not replicate until they are fixed.',
            'Create Anyway',
          );
          if (!anyway) return run;
        }
        run.created = await withRequestProgress(`Creating and starting ${displayName}…`, arg, (signal) =>
          createPlannedMirror(fabric, plan, { ...ws, connectionId, displayName: displayName.trim() }, signal),
        );
        run.checklist = vscode.Uri.from({ scheme: MIGRATION_SCHEME, path: `${base}/switch-over.md` });
        await documents.show(
          run.checklist,
          renderChecklistMarkdown(plan, {
            workspaceName: ws.workspaceName,
            displayName: run.created.displayName,
            status: run.created.status,
          }),
        );
        void vscode.window.showInformationMessage(
          `${run.created.displayName} is ${run.created.status ?? 'created'} beside sync group ${plan.groupName}. The checklist says what to switch next.`,
        );
        return run;
      }),
    ),
  ];
}
