// Data Sync states that change by themselves; the tree follows nodes in them until they settle.
// Enums are open: a state not listed here counts as settled.

const transientGroupStates = new Set(['progressing']);
const transientMemberStates = new Set(['syncinprogress', 'synccancelling', 'provisioning', 'deprovisioning', 'reprovisioning']);

export function isTransientGroupState(state: string | undefined): boolean {
  return transientGroupStates.has((state ?? '').toLowerCase());
}

export function isTransientMemberState(state: string | undefined): boolean {
  return transientMemberStates.has((state ?? '').toLowerCase());
}
