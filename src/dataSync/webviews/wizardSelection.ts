// The choice of tables and columns the user made on the wizard's Tables step and has not saved yet,
// laid over a schema view read again from the service, so reading the schema again never undoes it.
// Pure.
import type { SchemaSelectionMessage, SchemaView } from './protocol/dataSyncCommon';

/** `view` with the unsaved selection in place of the saved one (tables gone from the hub stay unselected);
 *  primary key columns of a chosen table are always selected, as on the page. */
export function withUnsavedSelection(view: SchemaView, selection: SchemaSelectionMessage | undefined): SchemaView {
  if (!selection) return view;
  const chosen = new Map(selection.tables.map((t) => [t.quotedName.toLowerCase(), new Set(t.columns.map((c) => c.toLowerCase()))]));
  return {
    ...view,
    masterSyncMemberName: selection.masterSyncMemberName ?? view.masterSyncMemberName,
    tables: view.tables.map((t) => {
      const columns = chosen.get(t.quotedName.toLowerCase());
      return {
        ...t,
        selected: columns !== undefined,
        columns: t.columns.map((c) => ({
          ...c,
          selected: columns !== undefined && (c.isPrimaryKey || columns.has(c.quotedName.toLowerCase())),
        })),
      };
    }),
  };
}
