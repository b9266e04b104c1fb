// The wizard's forms ↔ the workflows: turns what the page's fields hold (text, checkboxes) into workflow
// input, and each workflow problem into a message next to its field (the page's field ids). Pure. The
// password is copied into the workflow input only.
import { MANUAL_INTERVAL, parseIntervalText, parseWholeNumber, validateRequired } from '../syncRules';
import { createGroupProblems, type CreateGroupInput } from '../workflows/syncGroupWorkflows';
import { addMemberProblems, type AddMemberInput } from '../workflows/syncMemberWorkflows';
import type { FieldProblem } from '../workflows/validationError';
import type { FieldErrors } from './protocol/dataSyncCommon';
import type { GroupForm, MemberForm } from './protocol/dataSyncWizard';

/** What the member form says before the group exists. */
export const NO_GROUP_YET = 'Create the sync group first (step 1).';

/** Workflow input field → the page's field id. */
const GROUP_FIELDS: Record<string, string> = {
  hubDatabaseId: 'hub',
  name: 'group-name',
  syncDatabaseId: 'sync-database',
  interval: 'interval',
  conflictResolutionPolicy: 'conflict',
  conflictLoggingRetentionInDays: 'retention',
  hubDatabaseUserName: 'hub-user',
  hubDatabasePassword: 'hub-password',
};
const MEMBER_FIELDS: Record<string, string> = {
  name: 'member-name',
  databaseId: 'member-database',
  agentId: 'member-agent',
  sqlServerDatabaseId: 'member-linked',
  syncDirection: 'member-direction',
  userName: 'member-user',
  password: 'member-password',
};

function toFieldErrors(problems: readonly FieldProblem[], ids: Record<string, string>, into: FieldErrors = {}): FieldErrors {
  for (const p of problems) {
    const id = ids[p.field] ?? p.field;
    into[id] ??= p.message;
  }
  return into;
}

export const groupFieldErrors = (problems: readonly FieldProblem[]): FieldErrors => toFieldErrors(problems, GROUP_FIELDS);
export const memberFieldErrors = (problems: readonly FieldProblem[]): FieldErrors => toFieldErrors(problems, MEMBER_FIELDS);

export function groupInputOf(f: GroupForm): CreateGroupInput {
  return {
    hubDatabaseId: f.hubDatabaseId,
    name: f.name,
    syncDatabaseId: f.syncDatabaseId,
    interval: f.manual ? MANUAL_INTERVAL : parseIntervalText(f.interval),
    conflictResolutionPolicy: f.conflictResolutionPolicy,
    enableConflictLogging: f.enableConflictLogging,
    ...(f.enableConflictLogging ? { conflictLoggingRetentionInDays: parseWholeNumber(f.conflictLoggingRetentionInDays) } : {}),
    usePrivateLinkConnection: f.usePrivateLinkConnection,
    hubDatabaseUserName: f.hubDatabaseUserName,
    hubDatabasePassword: f.hubDatabasePassword,
  };
}

/** Field errors of the group form (the pickers' own fields, then the workflow's rules); input when none. */
export function validateGroupForm(f: GroupForm): { errors: FieldErrors; input?: CreateGroupInput } {
  const input = groupInputOf(f);
  const errors: FieldErrors = {};
  const subscription = validateRequired(f.subscriptionId, 'Subscription');
  const server = validateRequired(f.serverId, 'Server');
  if (subscription) errors.subscription = subscription;
  if (server) errors.server = server;
  toFieldErrors(createGroupProblems(input), GROUP_FIELDS, errors);
  return Object.keys(errors).length ? { errors } : { errors, input };
}

export function memberInputOf(f: MemberForm, groupId: string): AddMemberInput {
  const azure = f.kind === 'azure';
  return {
    groupId,
    name: f.name,
    kind: azure ? 'azure' : 'sqlServer',
    ...(azure ? { databaseId: f.databaseId } : { agentId: f.agentId, sqlServerDatabaseId: f.sqlServerDatabaseId }),
    syncDirection: f.syncDirection,
    userName: f.userName,
    password: f.password,
    usePrivateLinkConnection: f.usePrivateLinkConnection,
  };
}

/** Field errors of the member form against the members the wizard knows; input when none. */
export function validateMemberForm(
  f: MemberForm,
  groupId: string,
  existingMembers: string[],
  hubDatabaseId: string | undefined,
): { errors: FieldErrors; input?: AddMemberInput } {
  const input = memberInputOf(f, groupId);
  const errors: FieldErrors = {};
  if (f.kind === 'azure') {
    const subscription = validateRequired(f.subscriptionId, 'Subscription');
    const server = validateRequired(f.serverId, 'Server');
    if (subscription) errors['member-subscription'] = subscription;
    if (server) errors['member-server'] = server;
  }
  toFieldErrors(addMemberProblems(input, { existingMembers, hubDatabaseId }), MEMBER_FIELDS, errors);
  return Object.keys(errors).length ? { errors } : { errors, input };
}

// ---- one field at a time (as the user types) ------------------------------------------------------------

/** The page's field id → the form property it fills. */
const GROUP_FORM_KEYS: Record<string, keyof GroupForm> = {
  subscription: 'subscriptionId',
  server: 'serverId',
  hub: 'hubDatabaseId',
  'group-name': 'name',
  'sync-database': 'syncDatabaseId',
  interval: 'interval',
  retention: 'conflictLoggingRetentionInDays',
  'hub-user': 'hubDatabaseUserName',
  'hub-password': 'hubDatabasePassword',
};
const MEMBER_FORM_KEYS: Record<string, keyof MemberForm> = {
  'member-name': 'name',
  'member-subscription': 'subscriptionId',
  'member-server': 'serverId',
  'member-database': 'databaseId',
  'member-agent': 'agentId',
  'member-linked': 'sqlServerDatabaseId',
  'member-direction': 'syncDirection',
  'member-user': 'userName',
  'member-password': 'password',
};
const ON_PREMISES_FIELDS = new Set(['member-agent', 'member-linked']);
/** The page trims names before submitting; checking them as typed must agree. */
const TRIMMED_FIELDS = new Set(['group-name', 'member-name']);

const blankGroupForm = (): GroupForm => ({
  subscriptionId: '',
  serverId: '',
  hubDatabaseId: '',
  name: '',
  syncDatabaseId: '',
  interval: '',
  manual: false,
  conflictResolutionPolicy: '',
  // The retention field is only shown (and checked) while conflict logging is on.
  enableConflictLogging: true,
  conflictLoggingRetentionInDays: '',
  usePrivateLinkConnection: false,
  hubDatabaseUserName: '',
  hubDatabasePassword: '',
});

const blankMemberForm = (kind: MemberForm['kind']): MemberForm => ({
  name: '',
  kind,
  subscriptionId: '',
  serverId: '',
  databaseId: '',
  agentId: '',
  sqlServerDatabaseId: '',
  syncDirection: '',
  userName: '',
  password: '',
  usePrivateLinkConnection: false,
});

/** What the member checks compare against: the group (if it exists yet), its members and hub. */
export interface MemberFieldContext {
  groupId: string | undefined;
  existingMembers: string[];
  hubDatabaseId: string | undefined;
}

/**
 * The message one field shows for `value`, or undefined when it is fine: the same rule, and the same
 * words, as submitting the whole form. Each field's rules read only that field, so the form is checked
 * with every other field blank and only this field's message is kept. Unknown fields have no rule.
 */
export function validateWizardField(
  form: 'group' | 'member',
  field: string,
  value: string,
  member?: MemberFieldContext,
): string | undefined {
  const typed = TRIMMED_FIELDS.has(field) ? value.trim() : value;
  if (form === 'group') {
    const key = GROUP_FORM_KEYS[field];
    if (!key) return undefined;
    return validateGroupForm({ ...blankGroupForm(), [key]: typed }).errors[field];
  }
  const key = MEMBER_FORM_KEYS[field];
  if (!key) return undefined;
  if (!member?.groupId) return field === 'member-name' ? NO_GROUP_YET : undefined;
  const f = { ...blankMemberForm(ON_PREMISES_FIELDS.has(field) ? 'onPremises' : 'azure'), [key]: typed };
  return validateMemberForm(f, member.groupId, member.existingMembers, member.hubDatabaseId).errors[field];
}
