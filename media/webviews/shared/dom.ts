// DOM lookups every webview page shares.

/** The element with this id; a page whose markup lacks it fails at load rather than later. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}
