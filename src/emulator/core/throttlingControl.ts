// The switch for ARM throttling, shared by emulator.control (programmatic) and /_emulator/throttling (HTTP).
import { ArmThrottle, type ThrottlingLimits, type ThrottlingSettings } from './throttling';

export interface ThrottlingStatus {
  enabled: boolean;
  limits: ThrottlingLimits;
}

export interface ThrottlingControl {
  /** Turns ARM throttling on (`true` or custom limits) or off; every bucket starts full again. */
  setThrottling(settings: ThrottlingSettings): ThrottlingStatus;
  throttling(): ThrottlingStatus;
}

export function throttlingControl(throttle: ArmThrottle): ThrottlingControl {
  const status = (): ThrottlingStatus => ({ enabled: throttle.enabled, limits: throttle.currentLimits });
  return {
    setThrottling: (settings) => {
      throttle.configure(settings);
      return status();
    },
    throttling: status,
  };
}

/** Throttling is on for the large seed (the benchmark estate) unless the options say otherwise. */
export function initialThrottling(option: ThrottlingSettings | undefined, seed: string): ThrottlingSettings {
  return option ?? seed === 'large';
}

export { ArmThrottle };
