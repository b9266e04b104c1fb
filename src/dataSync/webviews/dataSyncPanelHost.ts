// What every Data Sync panel is built with: the base panel's host plus the end of every tracked
// operation (in whichever operations center is current), so a panel learns its group was deleted.
import type { PanelHost } from '../../ui/webview/webviewPanel';
import type { OnDidEndOperation } from './groupGoneWatch';

export interface DataSyncPanelHost extends PanelHost {
  onDidEndOperation: OnDidEndOperation;
}
