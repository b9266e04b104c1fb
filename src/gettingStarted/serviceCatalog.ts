// What this version of the extension does, per service. The Getting Started page and the views' welcome
// text describe the same facts, so a service that is not built yet is never presented as available.
// When a service lands, its entry flips to `available: true` and every place that lists services follows.

export interface ServiceInfo {
  /** The view id suffix (`sqlDataMovement.<id>`). */
  id: 'dataSync' | 'fabricMirroring' | 'backup' | 'operations';
  name: string;
  summary: string;
  available: boolean;
  /** A fact the user must know, e.g. a retirement date. */
  warning?: string;
}

export const SERVICES: readonly ServiceInfo[] = [
  {
    id: 'dataSync',
    name: 'SQL Data Sync',
    summary: 'sync groups, members, hub and member schemas, sync, logs and agents.',
    available: true,
    warning: 'SQL Data Sync retires on 30 September 2027.',
  },
  {
    id: 'fabricMirroring',
    name: 'Fabric Mirroring',
    summary: 'create mirrored databases with readiness checks, edit mirroring.json, start and stop, watch replication table by table.',
    available: true,
  },
  {
    id: 'backup',
    name: 'Backup',
    summary:
      'Recovery Services vaults, registered SQL Server VMs, protected databases with their last backup, recovery points and policies; configure protection, back up now (Full, Differential, Log, Copy-only full), restore from a recovery timeline, the jobs of each vault.',
    available: true,
  },
  { id: 'operations', name: 'Operations', summary: 'every long-running operation, while it runs and after it ends.', available: true },
];

/** The sentence a page shows for a service that this version does not have yet. */
export const NOT_YET_AVAILABLE = 'Not available in this version yet.';
