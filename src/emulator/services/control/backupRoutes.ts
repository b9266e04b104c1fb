// Control API for Azure Backup (under /_emulator/backup): failures on request (an inquiry that fails
// with UserErrorSQLNoSysadminMembership, a backup job that fails with its recommendation…) and moving
// Backup's clock forward (jobs end, scheduled log backups run, log ranges grow).
import type { ServiceContext } from '../../core/context';
import { armError, jsonBody } from '../../core/http';
import type { BackupFaultRecord } from '../../model';
import { backupNow, iso } from '../backup/clock';
import { KNOWN_ERROR_CODES } from '../backup/errorCatalog';
import { backupState } from '../backup/state';

const bad = (message: string) => armError(400, 'InvalidControlRequest', message);

function readFailure(body: unknown): BackupFaultRecord {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (b.kind !== 'inquiry' && b.kind !== 'job')
    throw bad("kind must be 'inquiry' (target: a VM id) or 'job' (target: an operation such as Backup, or '*').");
  if (typeof b.code !== 'string' || !b.code) throw bad(`code is required, e.g. one of ${KNOWN_ERROR_CODES.join(', ')}.`);
  const target = typeof b.target === 'string' && b.target ? b.target : '*';
  return {
    kind: b.kind,
    target,
    code: b.code,
    ...(typeof b.message === 'string' ? { message: b.message } : {}),
    ...(typeof b.recommendation === 'string' ? { recommendation: b.recommendation } : {}),
  };
}

export function registerBackupControlRoutes(ctx: ServiceContext): void {
  const r = ctx.router;
  r.add('GET', '/_emulator/backup/failures', () => ({ status: 200, body: { failures: backupState(ctx).faults } }));
  r.add('POST', '/_emulator/backup/failures', (req) => {
    const failure = readFailure(jsonBody(req));
    backupState(ctx).faults.push(failure);
    ctx.store.changed();
    return { status: 201, body: failure };
  });
  r.add('DELETE', '/_emulator/backup/failures', () => {
    backupState(ctx).faults = [];
    ctx.store.changed();
    return { status: 204 };
  });
  r.add('POST', '/_emulator/backup/advance', (req) => {
    const b = jsonBody(req) as { minutes?: unknown } | undefined;
    const minutes = Number(b?.minutes);
    if (!(minutes > 0)) throw bad('Body must be {"minutes": <positive number>}.');
    backupState(ctx).clockOffsetMs += minutes * 60_000;
    ctx.store.changed();
    return { status: 200, body: { now: iso(backupNow(ctx)), clockOffsetMs: backupState(ctx).clockOffsetMs } };
  });
}
