// Start and stop mirroring. The tree shows each only where the status allows it; from the palette a
// refused action says why (the workflow's MirroringStateError). The transition is followed by the
// operations center.
import * as vscode from 'vscode';
import { canStopMirroring, MirroringStateError } from '../workflows/mirroringStates';
import { readMirroringStatus, startMirroring, stopMirroring } from '../workflows/mirroringWorkflows';
import { itemTarget, nameOf, withRequestProgress, type FabricCommandDeps } from './commandSupport';

export function registerMirroringCommands({ ctx, input, errors, monitors }: FabricCommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.openMonitor',
      errors.guard('Open replication monitor', async (arg?: unknown) => {
        const target = await itemTarget(ctx, input, arg);
        return target && monitors.show(target);
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.startMirroring',
      errors.guard('Start mirroring', async (arg?: unknown) => {
        const target = await itemTarget(ctx, input, arg);
        if (!target) return undefined;
        const started = await withRequestProgress(`Starting mirroring of ${nameOf(target)}…`, arg, (signal) =>
          startMirroring(ctx, target, signal),
        );
        vscode.window.setStatusBarMessage(`$(play) Starting mirroring of ${nameOf(target)}…`, 4000);
        return started;
      }),
    ),
    vscode.commands.registerCommand(
      'sqlDataMovement.fabric.stopMirroring',
      errors.guard('Stop mirroring', async (arg?: unknown) => {
        const target = await itemTarget(ctx, input, arg);
        if (!target) return undefined;
        // Say so before asking to confirm something the service would refuse.
        const { status } = await withRequestProgress(`Reading the status of ${nameOf(target)}…`, arg, (signal) =>
          readMirroringStatus(ctx, target, signal),
        );
        if (!canStopMirroring(status)) throw new MirroringStateError('stop', status ?? 'Unknown', nameOf(target));
        const ok = await input.confirm(
          `Stop mirroring "${nameOf(target)}"${target.workspaceName ? ` in ${target.workspaceName}` : ''}?`,
          'Replication stops; the tables already in OneLake stay. Starting again reseeds every table.',
          'Stop Mirroring',
        );
        if (!ok) return undefined;
        const stopped = await withRequestProgress(`Stopping mirroring of ${nameOf(target)}…`, arg, (signal) =>
          stopMirroring(ctx, target, signal),
        );
        vscode.window.setStatusBarMessage(`$(debug-stop) Stopping mirroring of ${nameOf(target)}…`, 4000);
        return stopped;
      }),
    ),
  ];
}
