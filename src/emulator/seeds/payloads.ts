// Text an attacker with write access to a shared estate could put in any free-text field the services
// return: markup that would run script if rendered as HTML, links that would run commands if rendered as
// markdown, terminal escapes, direction overrides, emoji and very long strings. The hostile seed puts them
// everywhere the APIs allow; the end-to-end sweep looks for any sign that one of them was acted on.

/** The global a payload sets if it ever runs (in a webview, the workbench or a hover). */
export const CANARY = '__sqldmCanary';

/** Each payload kind, by a short id the sweep reports pairs with. */
export const PAYLOADS = {
  img: `<img src=x onerror=${CANARY}=1>`,
  script: `<script>${CANARY}=2</script>`,
  svg: `"><svg onload=${CANARY}=3>`,
  commandUri: `[Reload](command:workbench.action.reloadWindow) <a href="command:workbench.action.reloadWindow">fix</a>`,
  javascriptUri: `[open](javascript:${CANARY}=4)`,
  markdown: `**bold** _it_ [docs](https://evil.example/phish) $(zap) \`code\``,
  bidi: `invoice\u202Efdp.exe \u2067rtl\u2069`,
  ansi: `\u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007`,
  emoji: `🔥💾👩‍💻🇺🇦`,
  icons: `$(zap) $(alert) **loud** [x](y)`,
} as const;
export type PayloadKind = keyof typeof PAYLOADS | 'long';
export const PAYLOAD_KINDS = [...(Object.keys(PAYLOADS) as (keyof typeof PAYLOADS)[]), 'long'] as PayloadKind[];

/** How a 10,000-character string starts and ends, so a view can be checked for the full text. */
export const LONG_HEAD = 'LONG-START';
export const LONG_TAIL = 'LONG-END';
export function longText(length = 10_000): string {
  return `${LONG_HEAD}${'x'.repeat(length - LONG_HEAD.length - LONG_TAIL.length)}${LONG_TAIL}`;
}

/** Every payload (and the long string, when the field has room) after `base`; in a short field, the
 *  payloads that fit, in order. */
export function hostileText(base: string, maxLength = Number.MAX_SAFE_INTEGER): string {
  if (maxLength > 10_000) return `${base} ${Object.values(PAYLOADS).join(' ')} ${longText()}`;
  let text = base;
  for (const p of Object.values(PAYLOADS)) if (`${text} ${p}`.length <= maxLength) text = `${text} ${p}`;
  return text;
}

/** The payloads left when a service refuses `forbidden` characters (names): only those that still fit. */
export function hostileName(base: string, forbidden: RegExp, maxLength: number): string {
  const fits = Object.values(PAYLOADS).filter((p) => !forbidden.test(p));
  let name = base;
  for (const p of fits) if (`${name} ${p}`.length <= maxLength) name = `${name} ${p}`;
  return name;
}

/** Characters ARM refuses in SQL database names (and control characters). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
export const ARM_DATABASE_FORBIDDEN = /[<>*%&:\\/?\u0000-\u001f]/;
/** Characters Fabric refuses in item display names. */
// eslint-disable-next-line no-control-regex -- control characters are refused too
export const FABRIC_ITEM_FORBIDDEN = /[\\/:*?"<>|#%\u0000-\u001f]/;
/** Characters ARM refuses in tag names (values may hold anything up to 256 characters). */
export const ARM_TAG_NAME_FORBIDDEN = /[<>%&\\?/]/;
