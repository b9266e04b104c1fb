// The shape of every message the setup wizard page may send (see dataSyncWizard.ts). The forms' fields
// are listed from GroupForm and MemberForm, so the compiler flags a field added to one but not here.
import type { SchemaObject } from 'ajv';
import { bool, cspViolationSchema, fields, messageShapeCheck, noFields, oneOfStrings, str } from '../../../ui/webview/messageShape';
import { schemaSelectionSchema } from './dataSyncCommonShape';
import { WIZARD_STEPS, type FromWizard, type GroupForm, type MemberForm, type OptionKind } from './dataSyncWizard';

const groupForm: Record<keyof GroupForm, SchemaObject> = {
  subscriptionId: str,
  serverId: str,
  hubDatabaseId: str,
  name: str,
  syncDatabaseId: str,
  interval: str,
  manual: bool,
  conflictResolutionPolicy: str,
  enableConflictLogging: bool,
  conflictLoggingRetentionInDays: str,
  usePrivateLinkConnection: bool,
  hubDatabaseUserName: str,
  hubDatabasePassword: str,
};
const memberForm: Record<keyof MemberForm, SchemaObject> = {
  name: str,
  kind: oneOfStrings(['azure', 'onPremises']),
  subscriptionId: str,
  serverId: str,
  databaseId: str,
  agentId: str,
  sqlServerDatabaseId: str,
  syncDirection: str,
  userName: str,
  password: str,
  usePrivateLinkConnection: bool,
};
const optionKinds: Record<OptionKind, true> = {
  servers: true,
  databases: true,
  syncDatabases: true,
  memberServers: true,
  memberDatabases: true,
  agents: true,
  linkedDatabases: true,
};

export const checkFromWizard = messageShapeCheck<FromWizard>({
  ready: noFields,
  loadOptions: fields({ kind: oneOfStrings(Object.keys(optionKinds)), parent: str }),
  submitGroup: fields({ form: fields(groupForm) }),
  submitMember: fields({ form: fields(memberForm) }),
  refreshHubSchema: noFields,
  loadSchema: noFields,
  selectionChanged: fields({ selection: schemaSelectionSchema }),
  saveSchema: fields({ selection: schemaSelectionSchema }),
  triggerSync: noFields,
  stepShown: fields({ step: oneOfStrings(WIZARD_STEPS) }),
  validateField: fields({ form: oneOfStrings(['group', 'member']), field: str, value: str }),
  cspViolation: cspViolationSchema,
});
