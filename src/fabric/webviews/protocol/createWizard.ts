// Messages between the Create Mirrored Database wizard panel and media/webviews/fabric/pages/createWizard.ts.
// Only display data crosses: names, ids, verdicts and check results. The request body (and its base64
// payload) never goes to the page.
import type { PanelErrorInfo } from '../../../ui/webview/panelProtocol';

export type CreateWizardStep = 'workspace' | 'source' | 'tables' | 'settings' | 'readiness' | 'create';
export const CREATE_WIZARD_STEPS: readonly CreateWizardStep[] = ['workspace', 'source', 'tables', 'settings', 'readiness', 'create'];

/** A failed call as the page shows it (the shape every panel uses). */
export type ErrorInfo = PanelErrorInfo;

export interface Choice {
  value: string;
  label: string;
  description?: string;
}

export interface ConnectionView {
  id: string;
  displayName: string;
  type: string;
  server?: string;
  database?: string;
}

export interface TableView {
  schema: string;
  name: string;
  /** mirrorable | notMirrorable | checkKey (see src/fabric/mirrorability.ts). */
  status: string;
  reason?: string;
  skippedColumns: string[];
}

export interface CheckView {
  id: string;
  title: string;
  /** pass | fail | warn | manual */
  status: string;
  reason: string;
  tables?: TableView[];
  instructions?: string;
  /** Present when the extension can apply the fix; `fixId` goes back in applyFix. */
  fix?: { fixId: string; label: string };
}

export interface CreateForm {
  workspaceId: string;
  displayName: string;
  description: string;
  connectionId: string;
  mode: 'database' | 'tables';
  tables: Array<{ schema: string; table: string }>;
  defaultSchema: string;
  /** As typed; the extension validates it (integer 1–30, empty = 7). */
  retentionInDays: string;
}

/** field → message next to it. Fields are CreateForm's keys. */
export type FieldErrors = Record<string, string>;

export type ToCreateWizard =
  | { type: 'init'; workspaces: Choice[]; workspaceId?: string; draft?: CreateForm }
  | { type: 'connections'; items: ConnectionView[] }
  | { type: 'tables'; connectionId: string; database: string; tables: TableView[] }
  | { type: 'readiness'; checks: CheckView[]; ready: boolean }
  | { type: 'fieldErrors'; errors: FieldErrors }
  | { type: 'busy'; step: CreateWizardStep; text: string }
  | { type: 'error'; step: CreateWizardStep; error: ErrorInfo }
  | { type: 'fixApplied'; text: string }
  | { type: 'created'; item: { id: string; displayName: string; workspaceId: string }; startAvailable: boolean }
  | { type: 'startResult'; text: string };

export type FromCreateWizard =
  | { type: 'ready' }
  | { type: 'loadConnections' }
  | { type: 'loadTables'; connectionId: string }
  | { type: 'runReadiness'; form: CreateForm }
  | { type: 'applyFix'; fixId: string; form: CreateForm }
  | { type: 'create'; form: CreateForm }
  | { type: 'startMirroring' }
  | { type: 'cspViolation'; directive: string; blocked: string };
