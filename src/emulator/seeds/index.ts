// Seed registry: which estate a fresh data folder starts with (--seed demo|large|hostile|empty).
import { emptyState, type EmulatorState } from '../model';
import { demoSeed } from './demo';
import { largeSeed } from './large';
import { hostileSeed } from './hostile';

export const SEED_NAMES = ['demo', 'large', 'hostile', 'empty'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export function buildSeed(seed: SeedName, now: number): EmulatorState {
  switch (seed) {
    case 'demo':
      return demoSeed(now);
    case 'large':
      return largeSeed(now);
    case 'hostile':
      return hostileSeed(now);
    case 'empty': {
      // Empty still has one subscription: nothing can be created without one.
      const s = emptyState('empty');
      s.subscriptions.push({
        subscriptionId: '00000000-0000-4000-8000-000000000001',
        displayName: 'Emulator Subscription',
        state: 'Enabled',
        tenantId: s.tenantId,
      });
      return s;
    }
    default:
      throw new Error(`Unknown seed '${String(seed)}'. Known: ${SEED_NAMES.join(', ')}`);
  }
}
