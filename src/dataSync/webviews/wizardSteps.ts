// The setup wizard's steps, in the documented order: create the group (no schema), add members,
// refresh the hub schema, choose tables (schema + masterSyncMemberName). Each validates the form with
// the workflow's rules, runs the workflow (long-running calls show in Operations) and tells the page
// what happened. The first sync is firstSyncWatcher's job.
import type { SyncFullSchemaTable, SyncGroupSchema } from '../../azure/sql/syncModels';
import type { DataSyncContext } from '../dataSyncContext';
import { syncGroupRefFromId } from '../dataSyncRefs';
import { readGroupSchemas, refreshHubSchema, saveSchema } from '../workflows/schemaWorkflows';
import { createGroup } from '../workflows/syncGroupWorkflows';
import { addMember, listMembers } from '../workflows/syncMemberWorkflows';
import { isDataSyncValidationError } from '../workflows/validationError';
import { toErrorInfo } from './errorInfo';
import type { SchemaSelectionMessage } from './protocol/dataSyncCommon';
import type { GroupForm, MemberForm, MemberSummary, ToWizard, WizardStep } from './protocol/dataSyncWizard';
import { summarizeSelection, viewOfGroupSchemas } from './schemaViewModel';
import { groupFieldErrors, memberFieldErrors, NO_GROUP_YET, validateGroupForm, validateMemberForm } from './wizardForms';
import { withUnsavedSelection } from './wizardSelection';
import { summarizeGroup, summarizeMember } from './wizardSummaries';

/** What the wizard knows between steps. */
export interface WizardState {
  groupId?: string;
  hubDatabaseId?: string;
  members: MemberSummary[];
  hub: SyncFullSchemaTable[];
  currentSchema?: SyncGroupSchema;
  step: WizardStep;
  /** The page shows the schema as last read: returning to the Tables step keeps it (and the user's choices). */
  schemaShown?: boolean;
  /** Tables and columns chosen on the page since the last save. */
  unsavedSelection?: SchemaSelectionMessage;
}

export interface WizardHost {
  ctx: DataSyncContext;
  state: WizardState;
  post(message: ToWizard): void;
  /** The group exists now: the panel takes its name and becomes the group's wizard. */
  groupCreated(groupId: string): void;
}

export async function createGroupStep(host: WizardHost, form: GroupForm): Promise<void> {
  const { errors, input } = validateGroupForm(form);
  if (!input) {
    host.post({ type: 'fieldErrors', form: 'group', errors });
    return;
  }
  host.post({ type: 'fieldErrors', form: 'group', errors: {} });
  host.post({ type: 'busy', step: 'group', text: `Creating sync group ${form.name}…` });
  try {
    const { groupId, operation } = await createGroup(host.ctx, input);
    const group = await operation.result;
    Object.assign(host.state, { groupId, hubDatabaseId: form.hubDatabaseId, members: [] });
    host.ctx.refresh(form.hubDatabaseId);
    host.groupCreated(groupId);
    host.post({ type: 'groupCreated', group: summarizeGroup(group, groupId) });
    host.post({ type: 'goto', step: 'members' });
  } catch (e) {
    if (isDataSyncValidationError(e)) host.post({ type: 'fieldErrors', form: 'group', errors: groupFieldErrors(e.problems) });
    else host.post({ type: 'error', step: 'group', error: toErrorInfo('Create sync group', e) });
  }
}

export async function addMemberStep(host: WizardHost, form: MemberForm): Promise<void> {
  const { groupId, members, hubDatabaseId } = host.state;
  if (!groupId) {
    host.post({ type: 'fieldErrors', form: 'member', errors: { 'member-name': NO_GROUP_YET } });
    return;
  }
  const { errors, input } = validateMemberForm(
    form,
    groupId,
    members.map((m) => m.name),
    hubDatabaseId,
  );
  if (!input) {
    host.post({ type: 'fieldErrors', form: 'member', errors });
    return;
  }
  host.post({ type: 'fieldErrors', form: 'member', errors: {} });
  host.post({ type: 'busy', step: 'members', text: `Adding member ${form.name}…` });
  try {
    await (
      await addMember(host.ctx, input)
    ).operation.result;
    host.state.members = (await listMembers(host.ctx, groupId)).map(summarizeMember);
    host.state.schemaShown = false; // the schema view lists the members
    host.ctx.refresh(groupId);
    host.post({ type: 'members', members: host.state.members, added: form.name });
  } catch (e) {
    if (isDataSyncValidationError(e)) host.post({ type: 'fieldErrors', form: 'member', errors: memberFieldErrors(e.problems) });
    else host.post({ type: 'error', step: 'members', error: toErrorInfo('Add sync member', e) });
    await showCurrentMembers(host, groupId);
  }
}

/** After a failed add the list may have changed anyway (a request that timed out after the service
 *  took it, a member added elsewhere): the page shows the group's members as they are now. */
async function showCurrentMembers(host: WizardHost, groupId: string): Promise<void> {
  try {
    host.state.members = (await listMembers(host.ctx, groupId)).map(summarizeMember);
    host.post({ type: 'members', members: host.state.members });
  } catch {
    // The add's own error is already on the page; a failed re-read adds nothing the user can act on.
  }
}

export async function refreshSchemaStep(host: WizardHost): Promise<void> {
  const groupId = host.state.groupId;
  if (!groupId) return;
  host.post({ type: 'busy', step: 'refresh', text: 'Refreshing the hub schema… (shown in Operations too)' });
  try {
    await (
      await refreshHubSchema(host.ctx, groupId)
    ).result;
    host.state.schemaShown = false;
    host.post({ type: 'schemaRefreshed', text: 'Hub schema refreshed.' });
    host.post({ type: 'goto', step: 'tables' });
  } catch (e) {
    host.post({ type: 'error', step: 'refresh', error: toErrorInfo('Refresh hub schema', e) });
  }
}

export async function loadSchemaStep(host: WizardHost): Promise<void> {
  const groupId = host.state.groupId;
  if (!groupId) return;
  host.post({ type: 'busy', step: 'tables', text: 'Reading the hub and member schemas…' });
  try {
    const schemas = await readGroupSchemas(host.ctx, groupId);
    host.state.hub = schemas.hub;
    host.state.currentSchema = schemas.group.properties?.schema;
    const view = viewOfGroupSchemas(syncGroupRefFromId(groupId).syncGroup, schemas);
    host.post({ type: 'schema', view: withUnsavedSelection(view, host.state.unsavedSelection) });
    host.state.schemaShown = true;
  } catch (e) {
    host.post({ type: 'error', step: 'tables', error: toErrorInfo('Read the sync schema', e) });
  }
}

export async function saveSchemaStep(host: WizardHost, selection: SchemaSelectionMessage): Promise<void> {
  const groupId = host.state.groupId;
  if (!groupId) return;
  const summary = summarizeSelection(host.state.hub, host.state.currentSchema, selection);
  if (summary.errors.length) {
    host.post({ type: 'summary', summary });
    return;
  }
  host.post({ type: 'busy', step: 'tables', text: 'Saving the sync schema…' });
  try {
    const group = await (await saveSchema(host.ctx, groupId, host.state.hub, selection)).result;
    host.ctx.refresh(groupId);
    host.state.currentSchema = group.properties?.schema;
    host.state.unsavedSelection = undefined;
    host.post({ type: 'schemaSaved', text: `Saved: ${summary.selectedTables} table(s) will sync.` });
    host.post({ type: 'goto', step: 'sync' });
  } catch (e) {
    if (isDataSyncValidationError(e)) host.post({ type: 'summary', summary: { ...summary, errors: e.messages } });
    else host.post({ type: 'error', step: 'tables', error: toErrorInfo('Save sync schema', e) });
  }
}
