// Service text shown in a Markdown hover (tree and status bar tooltips). appendText escapes Markdown
// syntax, but the renderer still turns bare URLs and e-mail addresses into links (GFM autolinks), so a
// description holding `https://evil.example` would be clickable. A word joiner (invisible, zero width)
// after the scheme's colon, in `www.` and after `@` keeps such text from being recognised as a link.
// Free of 'vscode' so it can be unit tested.

const WORD_JOINER = '\u2060';

export function breakAutolinks(text: string): string {
  return text
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${WORD_JOINER}.`)
    .replace(/@/g, `@${WORD_JOINER}`);
}

/** The part of vscode.MarkdownString this needs. */
interface TextSink {
  appendText(value: string): unknown;
}

/** Appends service text to a Markdown hover as inert text: escaped, and never a link. */
export function appendInertText<T extends TextSink>(md: T, text: string): T {
  md.appendText(breakAutolinks(text));
  return md;
}
