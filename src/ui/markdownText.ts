// Text that comes from Azure (names, reasons, messages) placed in a Markdown document we render: escaped
// so it can never become a link, code, emphasis, a heading or HTML.
export function markdownText(text: string): string {
  return text.replace(/([\\`*_[\]<>#|!()])/g, '\\$1');
}
