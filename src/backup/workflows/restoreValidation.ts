// The restore wizard's choices and their rules, each failure tied to the field it is about (the page shows
// it next to that field): a known recovery point, or a moment inside a log range; the original database
// only with its name typed as confirmation; an alternate database on a registered SQL instance under a
// new, valid name with a full path for every file; or files written to a folder on a registered VM.
import { chainFor, type ChainLink, type RestoreChoice, type RestoreTimeline } from './restoreTimeline';

export type RestoreTargetKind = 'original' | 'alternate' | 'files';

export interface FileMappingInput {
  /** Data or Log. */
  mappingType: string;
  sourceLogicalName: string;
  sourcePath: string;
  targetPath: string;
}

/** What the user chose, as typed (the page sends strings; the rules below read them). */
export interface RestoreInput {
  mode: 'point' | 'pointInTime';
  /** Recovery point name (mode point). */
  point: string;
  /** UTC moment as typed, e.g. 2026-11-28T10:15:30 (mode pointInTime; read as UTC). */
  pointInTime: string;
  target: RestoreTargetKind;
  /** Original: the database's name typed again. */
  confirmName: string;
  /** Alternate and files: the target protection container's ARM id. */
  containerId: string;
  /** Alternate: the target SQL instance's name. */
  instance: string;
  /** Alternate: the new database's name. */
  databaseName: string;
  /** Alternate: one mapping per file of the backup. */
  files: FileMappingInput[];
  /** Files: the folder on the target VM. */
  folder: string;
}

/** A registered VM a restore can write to, with its SQL instances. */
export interface RestoreTargetContainer {
  /** Full ARM id of the protection container. */
  containerId: string;
  /** The VM's name (container friendlyName). */
  name: string;
  /** The VM's ARM id (container sourceResourceId). */
  vmId: string;
  instances: RestoreTargetInstance[];
}

export interface RestoreTargetInstance {
  name: string;
  /** Default folders for new data and log files (SQLInstance dataDirectoryPaths). */
  dataPath?: string;
  logPath?: string;
  /** Databases already on the instance. */
  databases: string[];
}

/** What the rules check against: the source database and where it can go. */
export interface RestoreContext {
  database: string;
  timeline: RestoreTimeline;
  targets: readonly RestoreTargetContainer[];
}

export interface RestoreProblem {
  /** The page's field id: a RestoreInput key, or targetPath-N for the Nth file. */
  field: string;
  message: string;
}

/** Thrown before any request when the choices break a rule; `fields` maps each field to its first message. */
export class RestoreValidationError extends Error {
  override readonly name = 'RestoreValidationError';
  constructor(readonly problems: readonly RestoreProblem[]) {
    super(problems.map((p) => p.message).join(' '));
  }
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.problems) out[p.field] ??= p.message;
    return out;
  }
}

/** The choices once they pass: the point (or moment) with its chain, and the target found. */
export interface ValidRestore {
  choice: RestoreChoice;
  chain: ChainLink[];
  target: RestoreTargetKind;
  container?: RestoreTargetContainer;
  instance?: RestoreTargetInstance;
}

const SQL_NAME_MAX = 128;
// Characters SQL Server and the Backup service refuse in a restored database's name (the service joins
// instance and name with '/').
const BAD_NAME_CHARS = /[\\/:*?"<>|[\]'`;]/;
const WINDOWS_FILE = /^[A-Za-z]:\\(?:[^<>:"/\\|?*\r\n]+\\)*[^<>:"/\\|?*\r\n]+\.\w+$/;
const WINDOWS_FOLDER = /^[A-Za-z]:\\(?:[^<>:"/\\|?*\r\n]+\\?)*$/;

/** A moment typed as 2026-11-28T10:15 or …:30 or …:30.5, with or without a trailing Z, read as UTC. */
export function parseUtc(value: string): number | undefined {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/.test(text)) return undefined;
  const ms = Date.parse(text.endsWith('Z') ? text : `${text}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function choiceProblems(
  input: RestoreInput,
  ctx: RestoreContext,
): { choice?: RestoreChoice; chain?: ChainLink[]; problems: RestoreProblem[] } {
  if (input.mode === 'point') {
    if (!input.point) return { problems: [{ field: 'point', message: 'Choose a recovery point on the timeline.' }] };
    const choice: RestoreChoice = { kind: 'point', name: input.point };
    const found = chainFor(ctx.timeline, choice);
    return 'problem' in found ? { problems: [{ field: 'point', message: found.problem }] } : { choice, chain: found.chain, problems: [] };
  }
  const time = parseUtc(input.pointInTime);
  if (time === undefined)
    return {
      problems: [{ field: 'pointInTime', message: 'Enter the moment to restore to as a UTC date and time (e.g. 2026-11-28T10:15:30).' }],
    };
  const choice: RestoreChoice = { kind: 'pointInTime', time };
  const found = chainFor(ctx.timeline, choice);
  if ('problem' in found) {
    const ranges = ctx.timeline.ranges.map((r) => `${utc(r.start)} – ${utc(r.end)}`).join(', ');
    return {
      problems: [
        {
          field: 'pointInTime',
          message: ctx.timeline.ranges.length
            ? `${found.problem} Choose a moment inside a log range: ${ranges}.`
            : 'This database has no log backups: restore to a full or differential point instead.',
        },
      ],
    };
  }
  return { choice, chain: found.chain, problems: [] };
}

function alternateProblems(input: RestoreInput, ctx: RestoreContext, container: RestoreTargetContainer | undefined): RestoreProblem[] {
  const problems: RestoreProblem[] = [];
  if (!container) return [{ field: 'containerId', message: 'Choose the registered VM to restore to.' }];
  const instance = container.instances.find((i) => i.name.toLowerCase() === input.instance.toLowerCase());
  if (!instance) problems.push({ field: 'instance', message: `Choose a SQL instance of ${container.name}.` });
  const name = input.databaseName.trim();
  if (!name) problems.push({ field: 'databaseName', message: 'Enter a name for the restored database.' });
  else if (name.length > SQL_NAME_MAX)
    problems.push({
      field: 'databaseName',
      message: `A database name has at most ${SQL_NAME_MAX} characters (this one has ${name.length}).`,
    });
  else if (BAD_NAME_CHARS.test(name))
    problems.push({ field: 'databaseName', message: 'A database name cannot hold \\ / : * ? " < > | [ ] \' ` or ;.' });
  else if (instance?.databases.some((d) => d.toLowerCase() === name.toLowerCase()))
    problems.push({
      field: 'databaseName',
      message: `${instance.name} on ${container.name} already has a database named ${name}: choose a new name (nothing is overwritten).`,
    });
  if (!input.files.length)
    problems.push({ field: 'files', message: 'The file list is empty: choose the recovery point and instance again to fill it.' });
  const seen = new Map<string, number>();
  input.files.forEach((f, i) => {
    const path = f.targetPath.trim();
    const field = `targetPath-${i}`;
    if (!WINDOWS_FILE.test(path))
      problems.push({ field, message: `Enter a full Windows file path for ${f.sourceLogicalName} (e.g. F:\\data\\${name || 'db'}.mdf).` });
    else if (seen.has(path.toLowerCase()))
      problems.push({
        field,
        message: `${f.sourceLogicalName} and file ${seen.get(path.toLowerCase())! + 1} would be written to the same path.`,
      });
    seen.set(path.toLowerCase(), i);
  });
  return problems;
}

/** Checks every rule; throws RestoreValidationError naming each bad field, or returns the choices found. */
export function validateRestore(input: RestoreInput, ctx: RestoreContext): ValidRestore {
  const { choice, chain, problems } = choiceProblems(input, ctx);
  const container = ctx.targets.find((c) => c.containerId.toLowerCase() === input.containerId.toLowerCase());
  if (input.target === 'original') {
    if (input.confirmName !== ctx.database)
      problems.push({
        field: 'confirmName',
        message: `Type ${ctx.database} to confirm that the database is overwritten with the backup.`,
      });
  } else if (input.target === 'alternate') {
    problems.push(...alternateProblems(input, ctx, container));
  } else if (input.target === 'files') {
    if (!container) problems.push({ field: 'containerId', message: 'Choose the registered VM to write the files to.' });
    if (!WINDOWS_FOLDER.test(input.folder.trim()))
      problems.push({ field: 'folder', message: 'Enter a folder on that VM as a full Windows path (e.g. F:\\restore).' });
  } else {
    problems.push({ field: 'target', message: 'Choose where to restore to.' });
  }
  if (problems.length || !choice || !chain) throw new RestoreValidationError(problems);
  const instance =
    input.target === 'alternate' ? container?.instances.find((i) => i.name.toLowerCase() === input.instance.toLowerCase()) : undefined;
  return { choice, chain, target: input.target, container: input.target === 'original' ? undefined : container, instance };
}

/**
 * The field a service refusal is about, read from its message (the service answers most bad restore
 * parameters with one code, UserErrorOperationFailedInvalidParameters): the wizard shows it there too.
 */
export function fieldOfRestoreRefusal(message: string): string | undefined {
  if (/point ?in ?time|log ranges/i.test(message)) return 'pointInTime';
  if (/alternateDirectoryPaths|targetPath/i.test(message)) return 'files';
  if (/databaseName/i.test(message)) return 'databaseName';
  if (/targetDirectoryForFileRestore/i.test(message)) return 'folder';
  if (/containerId/i.test(message)) return 'containerId';
  return undefined;
}
