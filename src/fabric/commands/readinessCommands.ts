// "Check Mirroring Readiness" on a mirrored database (tree node or palette with pickers): runs the
// checks, shows them as a read-only Markdown report, and offers the fixes the API can apply; "Apply
// Mirroring Readiness Fix" applies one (from the report's list, the palette, or a given fix).
import * as vscode from 'vscode';
import type { ErrorReporter } from '../../ui/errorReporter';
import type { UserInput } from '../../ui/userInput';
import type { FabricContext } from '../fabricContext';
import { itemTarget, withRequestProgress } from './commandSupport';
import {
  applyReadinessFix,
  checkReadiness,
  readinessInputOf,
  type FixOutcome,
  type ReadinessFix,
  type ReadinessInput,
  type ReadinessResult,
} from '../workflows/readinessWorkflows';
import { renderReadinessMarkdown } from './readinessReport';
import { MarkdownDocuments } from '../../ui/markdownDocuments';

export const READINESS_SCHEME = 'sqldm-fabric-readiness';

export interface ReadinessDeps {
  ctx: FabricContext;
  input: UserInput;
  errors: ErrorReporter;
}

export interface ReadinessRun {
  title: string;
  input: ReadinessInput;
  result: ReadinessResult;
  document: vscode.Uri;
  /** The fix applied from the report's list, and the checks run again after it. */
  applied?: FixOutcome;
  after?: ReadinessResult;
}

export function registerReadinessCommands({ ctx, input, errors }: ReadinessDeps): vscode.Disposable[] {
  const documents = new MarkdownDocuments(READINESS_SCHEME);
  let lastFixes: ReadinessFix[] = [];

  const show = (uri: vscode.Uri, title: string, result: ReadinessResult) =>
    documents.show(uri, renderReadinessMarkdown(title, result), { preview: true });

  const runFix = async (fix: ReadinessFix, arg: unknown): Promise<FixOutcome> => {
    const outcome = await withRequestProgress(`Applying the fix to ${fix.serverName}…`, arg, (signal) =>
      applyReadinessFix(ctx, fix, signal),
    );
    if (outcome.kind === 'enableServerIdentity') await outcome.operation.result;
    void vscode.window.showInformationMessage(
      fix.kind === 'enableServerIdentity'
        ? `The system-assigned identity of ${fix.serverName} is on.`
        : `${fix.serverName}'s identity now has the Contributor role in the workspace.`,
    );
    return outcome;
  };

  const pickFix = async (fixes: ReadinessFix[], title: string) =>
    (
      await input.pick(
        fixes.map((fix) => ({
          label:
            fix.kind === 'enableServerIdentity'
              ? `Turn on the managed identity of ${fix.serverName}`
              : `Grant ${fix.serverName}'s identity Contributor`,
          description: fix.kind === 'enableServerIdentity' ? 'PATCH the SQL server (tracked)' : 'Fabric role assignment',
          fix,
        })),
        { title, placeHolder: 'Apply a fix now, or press Escape to read the report first' },
      )
    )?.fix;

  return [
    documents,
    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.checkReadiness',
      errors.guard('Check mirroring readiness', async (arg?: unknown): Promise<ReadinessRun | undefined> => {
        const item = await itemTarget(ctx, input, arg);
        if (!item) return undefined;
        const title = item.displayName ?? item.itemId;
        const { readinessInput, result } = await withRequestProgress(
          `Checking the mirroring readiness of ${title}…`,
          arg,
          async (signal) => {
            const readinessInput = await readinessInputOf(ctx, item, signal);
            return { readinessInput, result: await checkReadiness(ctx, readinessInput, signal) };
          },
        );
        const document = vscode.Uri.from({ scheme: READINESS_SCHEME, path: `/${item.workspaceId}/${item.itemId}/readiness.md` });
        await show(document, title, result);
        const run: ReadinessRun = { title, input: readinessInput, result, document };
        lastFixes = result.checks.flatMap((c) => (c.fix ? [c.fix.action] : []));
        if (!lastFixes.length) return run;
        const fix = await pickFix(lastFixes, `Mirroring readiness of ${title}: ${lastFixes.length} fix(es) available`);
        if (!fix) return run;
        run.applied = await runFix(fix, arg);
        run.after = await withRequestProgress(`Checking the mirroring readiness of ${title}…`, arg, (signal) =>
          checkReadiness(ctx, readinessInput, signal),
        );
        lastFixes = run.after.checks.flatMap((c) => (c.fix ? [c.fix.action] : []));
        await show(document, title, run.after);
        return run;
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.applyReadinessFix',
      errors.guard('Apply mirroring readiness fix', async (given?: ReadinessFix) => {
        const fix = given ?? (lastFixes.length ? await pickFix(lastFixes, 'Apply a mirroring readiness fix') : undefined);
        if (!fix) {
          if (!given && !lastFixes.length)
            void vscode.window.showInformationMessage('Run "Check Mirroring Readiness" first: it lists the fixes it can apply.');
          return undefined;
        }
        return runFix(fix, undefined);
      }),
    ),
  ];
}
