// Messages between the Getting Started panel and its front end (media/webviews/gettingStarted.ts).
// Only environment facts cross this boundary: never a token, password or secret.

export type GettingStartedAction = 'signIn' | 'chooseEnvironment' | 'startEmulator' | 'showRequestLog';

export interface GettingStartedState {
  environmentLabel: string;
  isEmulator: boolean;
  signedIn: boolean;
  account?: string;
  emulatorArm?: string;
  /** What this version does, service by service (see serviceCatalog.ts). */
  services: ServiceView[];
}

export interface ServiceView {
  id: string;
  name: string;
  summary: string;
  available: boolean;
  /** Shown instead of the summary's promise when the service is not in this version. */
  availability?: string;
  warning?: string;
}

export type ToGettingStarted = { type: 'state'; state: GettingStartedState };

export type FromGettingStarted =
  | { type: 'ready'; elements: string[] }
  /** The service list as the page rendered it (its text, item by item), so tests check what a user reads. */
  | { type: 'rendered'; services: string[] }
  | { type: 'run'; action: GettingStartedAction }
  | { type: 'cspViolation'; directive: string; blocked: string };

export const gettingStartedActions: readonly GettingStartedAction[] = ['signIn', 'chooseEnvironment', 'startEmulator', 'showRequestLog'];
