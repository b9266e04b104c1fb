// The Fabric Mirroring view. Its tree is not built yet: the view shows its welcome content.
import type { EnvironmentController } from '../environment/environmentController';
import { createWelcomeView, type RefreshableView } from '../ui/welcomeView';

export const FABRIC_VIEW_ID = 'sqlDataMovement.fabricMirroring';

export function createFabricView(environment: EnvironmentController): RefreshableView {
  return createWelcomeView(FABRIC_VIEW_ID, environment);
}
