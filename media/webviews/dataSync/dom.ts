// Small DOM helpers for the Data Sync pages. Everything from Azure goes in through textContent or
// element properties: never innerHTML.
import type { ErrorInfo, FieldErrors } from '../../../src/dataSync/webviews/protocol/dataSyncCommon';

export { byId } from '../shared/dom';

/** Creates an element with properties, attributes (`attrs`) and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Record<string, unknown> & { attrs?: Record<string, string> },
  children?: Array<Node | string>,
): HTMLElementTagNameMap[K];
export function el(
  tag: string,
  props?: Record<string, unknown> & { attrs?: Record<string, string> },
  children?: Array<Node | string>,
): HTMLElement;
export function el(
  tag: string,
  props: Record<string, unknown> & { attrs?: Record<string, string> } = {},
  children: Array<Node | string> = [],
): HTMLElement {
  const node = document.createElement(tag);
  const { attrs, ...rest } = props;
  Object.assign(node, rest);
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Shows each message next to its field (#err-FIELD) and clears the others in `scope`. */
export function showFieldErrors(scope: HTMLElement, errors: FieldErrors): void {
  for (const box of scope.querySelectorAll<HTMLElement>('.field-error')) {
    const field = box.id.replace(/^err-/, '');
    const message = errors[field];
    box.textContent = message ?? '';
    box.hidden = !message;
    const control = document.getElementById(field);
    if (control && 'invalid' in control) control.invalid = Boolean(message);
    if (control) control.setAttribute('aria-invalid', message ? 'true' : 'false');
  }
  const first = Object.keys(errors)[0];
  if (first) document.getElementById(first)?.focus();
}

/** Renders a failed call: code, message, request ids, and the copyable details. */
export function showError(box: HTMLElement, error: ErrorInfo | undefined): void {
  box.replaceChildren();
  box.hidden = !error;
  if (!error) return;
  box.append(
    el('strong', {}, [`${error.step} failed: `]),
    el('span', { className: 'code' }, [error.code]),
    el('div', { className: 'message' }, [error.message]),
  );
  const ids = [
    error.status ? `HTTP ${error.status}` : '',
    error.requestId ? `Request id: ${error.requestId}` : '',
    error.correlationId ? `Correlation id: ${error.correlationId}` : '',
  ].filter(Boolean);
  if (ids.length) box.append(el('div', { className: 'ids muted' }, [ids.join(' · ')]));
  const details = el('details', {}, [el('summary', {}, ['Details']), el('pre', {}, [error.details])]);
  box.append(details);
}

/** The "working…" line of a step: a progress ring and a text, or hidden. */
export function showBusy(box: HTMLElement, text: string | undefined): void {
  box.hidden = !text;
  const label = box.querySelector('.status-text');
  if (label) label.textContent = text ?? '';
}

export function fillSelect(
  select: HTMLElement & { value: string },
  items: Array<{ value: string; label: string; description?: string }>,
  placeholder: string,
  keep?: string,
): void {
  const options = [
    el('vscode-option', { attrs: { value: '' } }, [placeholder]),
    ...items.map((i) => {
      const o = el('vscode-option', { attrs: { value: i.value } }, [i.label]);
      if (i.description) o.setAttribute('description', i.description);
      return o;
    }),
  ];
  select.replaceChildren(...options);
  const wanted = keep && items.some((i) => i.value === keep) ? keep : '';
  // The element reads its options after the slot changes; set the value once they are in.
  queueMicrotask(() => {
    select.value = wanted;
  });
  setTimeout(() => {
    select.value = wanted;
  }, 0);
}

/** Forms here are never submitted: Enter in a field must not navigate the webview. */
export function neverSubmit(form: HTMLFormElement, onEnter?: () => void): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onEnter?.();
  });
}
