// The Backup part of the emulator state, created on first use so states saved before Backup existed load.
import type { ServiceContext } from '../../core/context';
import { emptyBackupState, type BackupState, type EmulatorState, type VirtualMachineRecord } from '../../model';

export function backupState(ctx: ServiceContext): BackupState {
  return (ctx.store.state.backup ??= emptyBackupState());
}

export function virtualMachines(state: EmulatorState): VirtualMachineRecord[] {
  return Object.values(state.virtualMachines ?? {});
}
