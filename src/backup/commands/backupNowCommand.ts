// Back up now on a protected database (or one picked from the palette): the type (only what the database
// allows; the others listed with the reason and refused when chosen), "retain until" for Full and
// Copy-only full, compression. The workflow sends it and the operations center follows it to the job's end.
import * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import { protectedItemRefOf } from '../backupTarget';
import {
  BackupNowRefusedError,
  dateText,
  defaultRetainUntil,
  parseRetainUntil,
  retainUntilProblem,
  takesRetention,
  type BackupType,
  type BackupTypeChoice,
} from '../workflows/backupNowRules';
import { backupNow, readBackupNowOptions } from '../workflows/backupNowWorkflows';
import { pickVaultAndDatabase } from './backupPickers';
import { withRequestProgress } from './requestProgress';

export const BACKUP_NOW_COMMAND = 'sqlDataMovement.backup.backupNow';

const TYPE_DETAIL: Record<BackupType, string> = {
  Full: 'The whole database; starts a new backup chain.',
  Differential: 'Changes since the last Full.',
  Log: 'The transaction log since the last log backup.',
  CopyOnlyFull: 'A Full that leaves the backup chain as it is.',
};

type TypeItem = vscode.QuickPickItem & { choice?: BackupTypeChoice };

export function registerBackupNowCommand(deps: { ctx: BackupContext; input: UserInput; errors: ErrorReporter }): vscode.Disposable {
  const { ctx, input, errors } = deps;
  return vscode.commands.registerCommand(
    BACKUP_NOW_COMMAND,
    errors.guard('Back up now', async (arg?: unknown) => {
      const ref = protectedItemRefOf(arg) ?? (await pickVaultAndDatabase(ctx, input));
      if (!ref) return undefined;
      const options = await withRequestProgress(`Reading what ${ref.item} allows…`, arg, (signal) =>
        readBackupNowOptions(ctx, ref, signal),
      );
      const name = options.facts.database;
      const allowed = options.choices.filter((c) => c.allowed);
      const refused = options.choices.filter((c) => !c.allowed);
      if (!allowed.length)
        throw new BackupNowRefusedError(`Cannot back up ${name} now: ${refused[0]?.reason ?? 'no backup type is allowed'}.`);
      const items: TypeItem[] = [
        ...allowed.map((c): TypeItem => ({ label: c.label, detail: TYPE_DETAIL[c.type], choice: c })),
        ...(refused.length ? [{ label: 'Not available now', kind: vscode.QuickPickItemKind.Separator }] : []),
        ...refused.map((c): TypeItem => ({ label: c.label, description: 'not available', detail: c.reason, choice: c })),
      ];
      const picked = await input.pick(items, { title: `Back up ${name} now: backup type` });
      const choice = picked?.choice;
      if (!choice) return undefined;
      if (!choice.allowed) throw new BackupNowRefusedError(`Cannot take a ${choice.label} backup of ${name} now: ${choice.reason ?? ''}.`);

      const now = new Date();
      let retainUntil: Date | undefined;
      if (takesRetention(choice.type)) {
        const fallback = defaultRetainUntil(choice.type, now) as Date;
        const answer = await input.input({
          title: `Back up ${name} now: keep the ${choice.label} backup until`,
          prompt: 'A date as YYYY-MM-DD (UTC)',
          value: dateText(fallback),
          validateInput: (v) => retainUntilProblem(choice.type, parseRetainUntil(v, now), now),
        });
        if (answer === undefined) return undefined;
        retainUntil = parseRetainUntil(answer, now);
      }
      const policyDefault = options.policyCompression === true;
      const compression = await input.pick(
        [
          { label: 'Without compression', value: false, picked: !policyDefault, description: policyDefault ? undefined : 'as the policy' },
          { label: 'With compression', value: true, picked: policyDefault, description: policyDefault ? 'as the policy' : undefined },
        ],
        { title: `Back up ${name} now: compression` },
      );
      if (!compression) return undefined;
      const started = await withRequestProgress(`Starting the ${choice.label} backup of ${name}…`, arg, (signal) =>
        backupNow(ctx, ref, { type: choice.type, retainUntil, compression: compression.value }, now, signal),
      );
      vscode.window.setStatusBarMessage(`$(cloud-upload) Backing up ${name} (${choice.label})…`, 4000);
      return started;
    }),
  );
}
