// A command's optional target, as tree nodes, Operations entries and other commands pass it: an ARM id
// string, or an object with `resourceId`. Anything else (or a blank id) counts as "no target", so the
// command falls back to asking.
export function resourceIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (typeof arg === 'object' && arg !== null && 'resourceId' in arg) {
    const id = arg.resourceId;
    if (typeof id === 'string') return id.trim() || undefined;
  }
  return undefined;
}
