// Types shared by the three Data Sync webviews (setup wizard, schema picker, sync logs) and their front
// ends. Only display data crosses this boundary: never a password, token or key.
import type { PanelErrorInfo } from '../../../ui/webview/panelProtocol';

/** A failed call as the page shows it: enough for the user and for support (request ids). */
export type ErrorInfo = PanelErrorInfo;

/** field name → message shown next to that field. */
export type FieldErrors = Record<string, string>;

export interface Choice {
  value: string;
  label: string;
  description?: string;
}

/** One column of the hub schema, with what the picker needs to show and decide. */
export interface SchemaColumnView {
  quotedName: string;
  name: string;
  dataType: string;
  dataSize: string;
  /** The type as shown: `int`, `nvarchar(50)`, `varchar(max)` — never a storage size like `int(4)`. */
  typeLabel: string;
  isPrimaryKey: boolean;
  /** Why Data Sync cannot sync this column; undefined when it can. */
  disabledReason?: string;
  selected: boolean;
  /** member name → how its copy differs ("column missing", "bigint here, int in the hub"). */
  drift: Record<string, string>;
}

export interface SchemaTableView {
  quotedName: string;
  name: string;
  disabledReason?: string;
  selected: boolean;
  drift: Record<string, string>;
  columns: SchemaColumnView[];
}

export interface SchemaView {
  groupName: string;
  tables: SchemaTableView[];
  members: string[];
  masterSyncMemberName?: string;
  /** When the hub schema was last refreshed (service time), if known. */
  lastUpdateTime?: string;
  maxTables: number;
  /** member name → why its schema could not be read. */
  memberErrors: Record<string, string>;
}

/** What the user picked: tables by quoted name and their chosen columns (primary keys are added). */
export interface SchemaSelectionMessage {
  tables: Array<{ quotedName: string; columns: string[] }>;
  masterSyncMemberName?: string;
}

export interface SchemaSummary {
  addedTables: string[];
  removedTables: string[];
  addedColumns: string[];
  removedColumns: string[];
  selectedTables: number;
  /** Problems that block saving (limits, unsyncable choices). */
  errors: string[];
}

export type CspViolationMessage = { type: 'cspViolation'; directive: string; blocked: string };
