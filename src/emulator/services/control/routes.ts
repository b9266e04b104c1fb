// Control API under /_emulator (the emulator's own token required, see core/pipeline.ts): faults, latency, state,
// reset, and the emulator-only knobs that drive sync outcomes (database health, agent state).
import type { ServiceContext, ServiceModule } from '../../core/context';
import { armError, jsonBody, type EmulatorRequest } from '../../core/http';
import type { EmulatorControl } from '../../control';
import type { DatabaseHealth } from '../../model';
import { SEED_NAMES, type SeedName } from '../../seeds';
import { registerBackupControlRoutes } from './backupRoutes';
import { registerThrottlingControlRoutes } from './throttlingRoutes';

const obj = (req: EmulatorRequest): Record<string, unknown> => {
  const b = jsonBody(req);
  return typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : {};
};

export function controlModule(control: EmulatorControl): ServiceModule {
  return {
    name: 'control',
    register(ctx: ServiceContext) {
      const r = ctx.router;
      registerBackupControlRoutes(ctx);
      registerThrottlingControlRoutes(ctx);
      const bad = (e: unknown) => armError(400, 'InvalidControlRequest', (e as Error).message);
      r.add('GET', '/_emulator/health', () => ({ status: 200, body: { status: 'ok' } }));
      r.add('GET', '/_emulator/state', (req) => {
        const st = control.state();
        const summary = {
          seed: st.seed,
          tenantId: st.tenantId,
          latencyMs: ctx.faults.latencyMs,
          faults: control.listFaults(),
          counts: {
            subscriptions: st.subscriptions.length,
            servers: Object.keys(st.servers).length,
            databases: Object.keys(st.databases).length,
            syncGroups: Object.keys(st.syncGroups).length,
            syncMembers: Object.keys(st.syncMembers).length,
            syncAgents: Object.keys(st.syncAgents).length,
            operations: Object.keys(st.operations).length,
            fabricWorkspaces: Object.keys(st.fabric?.workspaces ?? {}).length,
            mirroredDatabases: Object.keys(st.fabric?.mirroredDatabases ?? {}).length,
          },
        };
        return { status: 200, body: req.url.searchParams.get('summary') === 'true' ? summary : { ...summary, state: st } };
      });
      r.add('GET', '/_emulator/requests', () => ({ status: 200, body: { requests: control.requests() } }));
      r.add('GET', '/_emulator/faults', () => ({ status: 200, body: { latencyMs: ctx.faults.latencyMs, rules: control.listFaults() } }));
      r.add('POST', '/_emulator/faults', (req) => {
        const b = jsonBody(req);
        try {
          const spec = typeof b === 'object' && b !== null && 'spec' in b ? String(b.spec) : JSON.stringify(b ?? []);
          return { status: 201, body: { rules: control.addFaults(spec) } };
        } catch (e) {
          throw bad(e);
        }
      });
      r.add('DELETE', '/_emulator/faults', () => {
        control.clearFaults();
        return { status: 204 };
      });
      r.add('DELETE', '/_emulator/faults/{id}', (req) => {
        if (!control.removeFault(req.params.id)) throw armError(404, 'NotFound', `No fault rule '${req.params.id}'.`);
        return { status: 204 };
      });
      r.add('POST', '/_emulator/latency', (req) => {
        const ms = Number(obj(req).ms);
        if (!(ms >= 0)) throw armError(400, 'InvalidControlRequest', 'Body must be {"ms": <non-negative number>}.');
        control.setLatency(ms);
        return { status: 200, body: { latencyMs: ms } };
      });
      r.add('POST', '/_emulator/reset', async (req) => {
        const seed = obj(req).seed;
        if (seed !== undefined && !SEED_NAMES.includes(seed as SeedName))
          throw armError(
            400,
            'InvalidControlRequest',
            `Unknown seed '${typeof seed === 'string' ? seed : JSON.stringify(seed)}'. Known: ${SEED_NAMES.join(', ')}.`,
          );
        await control.reset(seed as SeedName | undefined);
        return { status: 200, body: { seed: control.state().seed } };
      });
      r.add('POST', '/_emulator/databaseHealth', (req) => {
        const b = obj(req);
        try {
          control.setDatabaseHealth(typeof b.databaseId === 'string' ? b.databaseId : '', b.health as DatabaseHealth);
        } catch (e) {
          throw bad(e);
        }
        return { status: 200, body: { databaseId: b.databaseId, health: b.health } };
      });
      r.add('POST', '/_emulator/syncAgentState', (req) => {
        const b = obj(req);
        try {
          control.setSyncAgentState(typeof b.agentId === 'string' ? b.agentId : '', b.state as 'Online');
        } catch (e) {
          throw bad(e);
        }
        return { status: 200, body: { agentId: b.agentId, state: b.state } };
      });
    },
  };
}
