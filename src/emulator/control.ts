// The control API behind both emulator.control (programmatic) and /_emulator (HTTP): faults, latency,
// reset, and the knobs that steer sync outcomes (database health, agent state).
import type { StateStore } from './core/store';
import type { JournalEntry, RequestJournal } from './core/requestJournal';
import { normaliseRule, parseFaultSpec, type FaultInjector, type FaultRule, type FaultRuleInput } from './core/faults';
import { key, type DatabaseHealth, type EmulatorState } from './model';
import { buildSeed, type SeedName } from './seeds';

export interface EmulatorControl {
  addFaults(rules: string | FaultRuleInput | FaultRuleInput[]): FaultRule[];
  listFaults(): FaultRule[];
  removeFault(id: string): boolean;
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Emulator knob: how syncs touching this database end (ok / warning / unreachable). */
  setDatabaseHealth(databaseId: string, health: DatabaseHealth): void;
  /** Emulator knob: an agent's state (on-premises members sync only through an Online agent). */
  setSyncAgentState(agentId: string, state: 'Online' | 'Offline' | 'NeverConnected'): void;
  /** Replaces the state with a fresh seed (default: the seed the state was made from). */
  reset(seed?: SeedName): Promise<void>;
  state(): EmulatorState;
  flush(): Promise<void>;
  /** The last requests (not the control API's) and how each ended. */
  requests(): JournalEntry[];
}

export function createControl(store: StateStore, faults: FaultInjector, now: () => number, journal: RequestJournal): EmulatorControl {
  return {
    addFaults: (rules) =>
      faults.add(typeof rules === 'string' ? parseFaultSpec(rules) : (Array.isArray(rules) ? rules : [rules]).map(normaliseRule)),
    listFaults: () => faults.rules,
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      faults.latencyMs = Math.max(0, ms);
    },
    setDatabaseHealth: (databaseId, health) => {
      const db = store.state.databases[key(databaseId)];
      if (!db) throw new Error(`No database '${databaseId}'.`);
      if (!['ok', 'warning', 'unreachable'].includes(health)) throw new Error('health must be ok, warning or unreachable.');
      db.health = health;
      store.changed();
    },
    setSyncAgentState: (agentId, state) => {
      const agent = store.state.syncAgents[key(agentId)];
      if (!agent) throw new Error(`No sync agent '${agentId}'.`);
      if (!['Online', 'Offline', 'NeverConnected'].includes(state)) throw new Error('state must be Online, Offline or NeverConnected.');
      agent.state = state;
      if (state === 'Online') agent.lastAliveTime = new Date(now()).toISOString();
      store.changed();
    },
    reset: async (seed) => {
      store.state = buildSeed(seed ?? (store.state.seed as SeedName), now());
      store.changed();
      await store.flush();
    },
    state: () => store.state,
    flush: () => store.flush(),
    requests: () => journal.entries(),
  };
}
