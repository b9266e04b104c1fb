// Messages between the Getting Started panel and its front end (media/webviews/gettingStarted.ts).
// Only environment facts cross this boundary: never a token, password or secret.

export type GettingStartedAction = 'signIn' | 'chooseEnvironment' | 'startEmulator' | 'showRequestLog';

export interface GettingStartedState {
  environmentLabel: string;
  isEmulator: boolean;
  signedIn: boolean;
  account?: string;
  emulatorArm?: string;
}

export type ToGettingStarted = { type: 'state'; state: GettingStartedState };

export type FromGettingStarted =
  | { type: 'ready'; elements: string[] }
  | { type: 'run'; action: GettingStartedAction }
  | { type: 'cspViolation'; directive: string; blocked: string };

export const gettingStartedActions: readonly GettingStartedAction[] = ['signIn', 'chooseEnvironment', 'startEmulator', 'showRequestLog'];
