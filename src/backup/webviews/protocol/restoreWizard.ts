// Messages between the Restore wizard panel and media/webviews/backup/pages/restoreWizard.ts. Only display
// data crosses: the database, its recovery timeline, the registered VMs and their SQL instances, the chain
// and the exact request a choice makes, the operation's and job's progress. Times are ISO strings (UTC).
import type { PanelErrorInfo } from '../../../ui/webview/panelProtocol';

export type RestoreWizardStep = 'point' | 'target' | 'summary';
export const RESTORE_WIZARD_STEPS: readonly RestoreWizardStep[] = ['point', 'target', 'summary'];

/** A failed call as the page shows it (the shape every panel uses). */
export type ErrorInfo = PanelErrorInfo;

export interface TimelinePointView {
  name: string;
  /** Full, Differential, or another type as the service sends it. */
  type: string;
  time: string;
}

export interface TimelineView {
  points: TimelinePointView[];
  ranges: Array<{ start: string; end: string }>;
}

export interface TargetInstanceView {
  name: string;
  dataPath?: string;
  logPath?: string;
  databases: string[];
}

export interface TargetContainerView {
  containerId: string;
  name: string;
  instances: TargetInstanceView[];
}

export interface FileMapping {
  mappingType: string;
  sourceLogicalName: string;
  sourcePath: string;
  targetPath: string;
}

/** The wizard's fields as typed; the extension checks them (restoreValidation.ts). */
export interface RestoreForm {
  mode: 'point' | 'pointInTime';
  point: string;
  /** UTC, as the datetime input gives it (2026-11-28T10:15:30). */
  pointInTime: string;
  target: 'original' | 'alternate' | 'files';
  confirmName: string;
  containerId: string;
  instance: string;
  databaseName: string;
  files: FileMapping[];
  folder: string;
}

export interface ChainLinkView {
  type: string;
  name?: string;
  time: string;
  until?: string;
}

/** field id → message next to it (RestoreForm keys, or targetPath-N). */
export type FieldErrors = Record<string, string>;

export type ToRestoreWizard =
  | {
      type: 'init';
      database: string;
      instance: string;
      vmName: string;
      vaultName: string;
      timeline: TimelineView;
      targets: TargetContainerView[];
      /** A recovery point to start on (the wizard was opened on it). */
      preselect?: string;
      /** The last form sent, for a reloaded page. */
      draft?: RestoreForm;
    }
  | { type: 'files'; point: string; containerId: string; instance: string; files: FileMapping[] }
  | {
      type: 'preview';
      /** The backups the choice replays, oldest first; absent with `problem`. */
      chain?: ChainLinkView[];
      problem?: string;
      /** The exact request, once every field passes. */
      request?: { method: string; path: string; body: string };
      errors: FieldErrors;
    }
  | { type: 'fieldErrors'; errors: FieldErrors }
  | { type: 'busy'; step: RestoreWizardStep; text: string }
  | { type: 'error'; step: RestoreWizardStep; error: ErrorInfo }
  | { type: 'started'; text: string }
  | { type: 'job'; jobId: string; status: string; operation: string; ended: boolean; text: string };

export type FromRestoreWizard =
  | { type: 'ready' }
  | { type: 'loadFiles'; point: string; containerId: string; instance: string }
  | { type: 'preview'; form: RestoreForm }
  | { type: 'restore'; form: RestoreForm }
  | { type: 'cspViolation'; directive: string; blocked: string };
