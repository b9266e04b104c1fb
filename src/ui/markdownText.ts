// Text that comes from Azure (names, reasons, messages) placed in a Markdown document we render: escaped
// so it can never become a link, code, emphasis, a heading or HTML. With `[` `]` escaped no link or image
// can form, so parentheses stay as they are (readable in the source view too).
export function markdownText(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
