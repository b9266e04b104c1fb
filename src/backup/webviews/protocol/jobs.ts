// Messages between the Backup jobs panel and media/webviews/backup/pages/backupJobs.ts. Type-only.
import type { JobDetails, JobRow } from '../../workflows/jobModel';
import type { PanelErrorInfo } from '../../../ui/webview/panelProtocol';

export type { JobDetails, JobRow };

/** What the filter controls hold; '' means "any". */
export interface JobsFilterChoice {
  status: string;
  operation: string;
  /** 24h | 7d | 30d | all */
  period: string;
}

export interface JobsListing {
  vaultName: string;
  rows: JobRow[];
  /** Another page exists (Load more). */
  hasMore: boolean;
  /** Pages read so far for these filters. */
  pages: number;
  /** The `$filter` the service was asked with (shown as text). */
  filter: string;
  readAt: string;
  /** When the next automatic refresh is due (running jobs, panel visible); undefined: none. */
  nextRefreshMs?: number;
  /** Job name → id of the operation this panel started for it (a cancel). */
  operations: Record<string, string>;
}

export type ToJobs =
  | { type: 'init'; filters: JobsFilterChoice; statuses: string[]; operations: string[] }
  | { type: 'loading'; what: string }
  | { type: 'jobs'; listing: JobsListing }
  | { type: 'details'; details: JobDetails; operationId?: string }
  | { type: 'error'; error: PanelErrorInfo }
  | { type: 'notice'; text: string };

export type FromJobs =
  | { type: 'ready' }
  | { type: 'filter'; filters: JobsFilterChoice }
  | { type: 'refresh' }
  | { type: 'loadMore' }
  | { type: 'details'; jobName: string }
  | { type: 'cancel'; jobName: string }
  | { type: 'revealItem'; jobName: string }
  | { type: 'showOperation'; operationId: string }
  | { type: 'cspViolation'; directive: string; blocked: string };
