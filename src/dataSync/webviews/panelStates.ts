// What each Data Sync page keeps with vscode.setState so its serializer can reopen it after a window
// reload, and how a kept state is read back: it comes from the page, so it is checked, and a state that
// does not fit is dropped. Ids, the step and the log filters only — never a password or a form value.
import type { LogRangeMessage, LogTypeFilter } from './protocol/dataSyncLogs';
import { checkFromSyncLogs } from './protocol/dataSyncLogsShape';
import { WIZARD_STEPS, type WizardStep } from './protocol/dataSyncWizard';
import { syncGroupIdOf, targetKindOf, type TargetKind } from './targetArgs';

export interface LogFilters {
  range: LogRangeMessage;
  logType: LogTypeFilter;
}
export interface SyncLogsState {
  groupId: string;
  filters?: LogFilters;
}
export interface SchemaPickerState {
  groupId: string;
}
export interface SetupWizardState {
  /** The server, database or group the wizard was opened on, if any. */
  target?: { kind: TargetKind; id: string };
  /** The group the wizard works on (opened on it, or created in it). */
  groupId?: string;
  step?: WizardStep;
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function groupIdOf(v: unknown): string | undefined {
  return typeof v === 'string' && targetKindOf(v) === 'syncGroup' ? syncGroupIdOf(v) : undefined;
}

export function syncLogsStateOf(state: unknown): SyncLogsState | undefined {
  const s = record(state);
  const groupId = groupIdOf(s?.groupId);
  if (!s || !groupId) return undefined;
  const f = record(s.filters);
  const filters =
    f && checkFromSyncLogs({ type: 'query', range: f.range, logType: f.logType }) === undefined ? (f as unknown as LogFilters) : undefined;
  return { groupId, filters: filters && { range: filters.range, logType: filters.logType } };
}

export function schemaPickerStateOf(state: unknown): SchemaPickerState | undefined {
  const groupId = groupIdOf(record(state)?.groupId);
  return groupId ? { groupId } : undefined;
}

/** A wizard state; anything unreadable reopens an empty wizard. */
export function setupWizardStateOf(state: unknown): SetupWizardState {
  const s = record(state) ?? {};
  const t = record(s.target);
  const kind = typeof t?.id === 'string' ? targetKindOf(t.id) : undefined;
  const step = typeof s.step === 'string' && (WIZARD_STEPS as readonly string[]).includes(s.step) ? (s.step as WizardStep) : undefined;
  return {
    target: kind && t && kind === t.kind ? { kind, id: t.id as string } : undefined,
    groupId: groupIdOf(s.groupId),
    step,
  };
}
