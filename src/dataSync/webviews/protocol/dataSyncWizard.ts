// Messages between the setup wizard panel and media/webviews/setupWizard.ts. Passwords travel ONLY
// from the page to the extension inside submitGroup / submitMember; nothing sent back carries one, and a
// live field check carries only whether a password field is filled in.
import type {
  Choice,
  CspViolationMessage,
  ErrorInfo,
  FieldErrors,
  SchemaSelectionMessage,
  SchemaSummary,
  SchemaView,
} from './dataSyncCommon';

/** What a password field's live check carries instead of the password: only that it is filled in. */
export const SECRET_FILLED = '<filled>';

export type WizardStep = 'group' | 'members' | 'refresh' | 'tables' | 'sync';
export const WIZARD_STEPS: readonly WizardStep[] = ['group', 'members', 'refresh', 'tables', 'sync'];

export interface GroupForm {
  subscriptionId: string;
  serverId: string;
  hubDatabaseId: string;
  name: string;
  syncDatabaseId: string;
  /** Seconds; -1 = manual. Sent as typed (string) so the extension validates it. */
  interval: string;
  manual: boolean;
  conflictResolutionPolicy: string;
  enableConflictLogging: boolean;
  conflictLoggingRetentionInDays: string;
  usePrivateLinkConnection: boolean;
  hubDatabaseUserName: string;
  hubDatabasePassword: string;
}

export interface MemberForm {
  name: string;
  kind: 'azure' | 'onPremises';
  subscriptionId: string;
  serverId: string;
  databaseId: string;
  agentId: string;
  sqlServerDatabaseId: string;
  syncDirection: string;
  userName: string;
  password: string;
  usePrivateLinkConnection: boolean;
}

export interface GroupSummary {
  id: string;
  name: string;
  hub: string;
  syncState: string;
  lastSyncTime?: string;
  interval?: number;
  conflictResolutionPolicy?: string;
  hasSchema: boolean;
}
export interface MemberSummary {
  name: string;
  database: string;
  databaseType: string;
  syncDirection: string;
  syncState: string;
}

export type OptionKind = 'servers' | 'databases' | 'syncDatabases' | 'memberServers' | 'memberDatabases' | 'agents' | 'linkedDatabases';

export type ToWizard =
  | {
      type: 'init';
      step: WizardStep;
      subscriptions: Choice[];
      preset?: { subscriptionId?: string; serverId?: string; hubDatabaseId?: string };
      group?: GroupSummary;
      members: MemberSummary[];
    }
  | { type: 'options'; kind: OptionKind; parent: string; items: Choice[] }
  | { type: 'fieldErrors'; form: 'group' | 'member'; errors: FieldErrors }
  /** One field's message as the user types (undefined: the field is fine now). */
  | { type: 'fieldError'; form: 'group' | 'member'; field: string; message?: string }
  | { type: 'busy'; step: WizardStep; text: string }
  | { type: 'error'; step: WizardStep; error: ErrorInfo }
  | { type: 'groupCreated'; group: GroupSummary }
  | { type: 'members'; members: MemberSummary[]; added?: string }
  | { type: 'schemaRefreshed'; text: string }
  | { type: 'schema'; view: SchemaView }
  | { type: 'summary'; summary: SchemaSummary }
  | { type: 'schemaSaved'; text: string }
  | { type: 'syncStatus'; group: GroupSummary; members: MemberSummary[]; polling: boolean }
  /** A sync this wizard did not start is running (e.g. the schedule started it). */
  | { type: 'syncNotice'; text: string }
  | { type: 'goto'; step: WizardStep };

export type FromWizard =
  | { type: 'ready' }
  | { type: 'loadOptions'; kind: OptionKind; parent: string }
  | { type: 'submitGroup'; form: GroupForm }
  | { type: 'submitMember'; form: MemberForm }
  /** Check one field as typed (a password field sends SECRET_FILLED or '', never the password). */
  | { type: 'validateField'; form: 'group' | 'member'; field: string; value: string }
  | { type: 'refreshHubSchema' }
  | { type: 'loadSchema' }
  | { type: 'selectionChanged'; selection: SchemaSelectionMessage }
  | { type: 'saveSchema'; selection: SchemaSelectionMessage }
  | { type: 'triggerSync' }
  | { type: 'stepShown'; step: WizardStep }
  | CspViolationMessage;
