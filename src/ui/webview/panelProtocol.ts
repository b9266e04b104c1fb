// Messages every panel exchanges with its page, whatever the page's own protocol: the base panel
// (webviewPanel.ts) posts these, and media/webviews/shared/panelNotices.ts renders them. Type-only,
// like every protocol file a front end imports.

/** A failed call as a page shows it: enough for the user and for support (request ids). */
export interface PanelErrorInfo {
  /** What we were doing, e.g. "Create sync group". */
  step: string;
  code: string;
  message: string;
  status?: number;
  requestId?: string;
  correlationId?: string;
  /** Plain text for "Copy details". */
  details: string;
}

/** Posted by the base panel to any page. */
export type PanelNotice =
  /** A message handler failed unexpectedly: the page shows it and stops waiting. */
  | { type: 'panelError'; error: PanelErrorInfo }
  /** That failure is being retried (signed in again): the page hides it. */
  | { type: 'clearPanelError' }
  /** The resource the page works on was deleted: a banner, read-only inputs and a Close button. */
  | { type: 'resourceGone'; text: string }
  /**
   * What the page keeps with vscode.setState, so the panel's serializer can reopen it after a reload:
   * ids, the step, the filters — never a password or anything the user typed into a secret field.
   */
  | { type: 'keepState'; state: unknown };

export const PANEL_NOTICE_TYPES: ReadonlySet<string> = new Set<PanelNotice['type']>([
  'panelError',
  'clearPanelError',
  'resourceGone',
  'keepState',
]);

/** Sent by any page to the base panel. */
export type PanelRequest = { type: 'closePanel' };
