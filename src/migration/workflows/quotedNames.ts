// Data Sync names tables as SQL Server quotes them: `[dbo].[Order Details]`, with `]` inside a name
// doubled (`[we]]ird]`). Fabric's mountedTables want the schema and table apart, unquoted.

/** `[schema].[table]` → its parts; undefined when the text is not a two-part quoted name. */
export function splitQuotedName(quoted: string): { schema: string; table: string } | undefined {
  const parts: string[] = [];
  let i = 0;
  while (i < quoted.length) {
    if (quoted[i] !== '[') return undefined;
    let name = '';
    i++;
    for (;;) {
      if (i >= quoted.length) return undefined;
      if (quoted[i] === ']') {
        if (quoted[i + 1] === ']') {
          name += ']';
          i += 2;
          continue;
        }
        i++;
        break;
      }
      name += quoted[i++];
    }
    parts.push(name);
    if (i < quoted.length) {
      if (quoted[i] !== '.') return undefined;
      i++;
      if (i >= quoted.length) return undefined;
    }
  }
  return parts.length === 2 ? { schema: parts[0], table: parts[1] } : undefined;
}
