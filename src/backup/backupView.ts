// The Backup view. Its tree is not built yet: the view shows its welcome content.
import type { EnvironmentController } from '../environment/environmentController';
import { createWelcomeView, type RefreshableView } from '../ui/welcomeView';

export const BACKUP_VIEW_ID = 'sqlDataMovement.backup';

export function createBackupView(environment: EnvironmentController): RefreshableView {
  return createWelcomeView(BACKUP_VIEW_ID, environment);
}
