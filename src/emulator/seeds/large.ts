// The large estate for benchmarks: 3 subscriptions, 600 servers in 12 resource groups and 4 regions,
// 1800 user databases (+600 master), 600 sync groups with a member each, and one group with 1000 log entries.
import { emptyState, type EmulatorState } from '../model';
import { EstateBuilder } from './builders';
import { smallTables } from './tables';
import { sourceOf } from '../services/sql/syncEngine';
import { addFabricLarge } from './fabric';
import { largeBackupSeed } from './backup';

const REGIONS = ['westeurope', 'eastus', 'northeurope', 'westus2'];

export function largeSeed(now: number): EmulatorState {
  const b = new EstateBuilder(emptyState('large'), now);
  const subs = [b.subscription('Large Estate A'), b.subscription('Large Estate B'), b.subscription('Large Estate C')];
  for (let i = 0; i < 600; i++) {
    const sub = subs[i % 3];
    const server = b.server(
      sub,
      `rg-large-${String(i % 12).padStart(2, '0')}`,
      `large-sql-${String(i).padStart(4, '0')}`,
      REGIONS[i % REGIONS.length],
    );
    const hub = b.database(server, 'hub', smallTables());
    const meta = b.database(server, 'syncmeta', []);
    const member = b.database(server, 'replica', smallTables(), { health: i % 10 === 0 ? 'warning' : 'ok' });
    const g = b.group(hub, `group-${i}`, meta, {
      syncState: i % 10 === 0 ? 'Warning' : 'Good',
      lastSyncTime: new Date(now - 3600_000).toISOString(),
    });
    b.member(g, 'replica', member, 'Bidirectional', 'SyncSucceeded');
    b.selectTables(g, hub, ['dbo.Items', 'dbo.Events']);
    b.history(g, i === 0 ? 500 : 2, 1, (k) => [
      {
        type: 'Success',
        source: sourceOf(member.id),
        details: `Sync completed successfully in 2.0${k % 10} seconds.`,
        operationStatus: 'SyncSucceeded',
      },
    ]);
  }
  addFabricLarge(b);
  largeBackupSeed(b.state, now);
  return b.state;
}
