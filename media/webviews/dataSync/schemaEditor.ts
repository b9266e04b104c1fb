// The table and column picker used by the schema picker page and the wizard's table step: search,
// a checkbox per table (select all its syncable columns) and per column, disabled rows with Data
// Sync's reason, each member's drift beside the hub's columns, the master member choice, and the
// change summary the extension computes for every selection change.
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type {
  SchemaColumnView,
  SchemaSelectionMessage,
  SchemaSummary,
  SchemaTableView,
  SchemaView,
} from '../../../src/dataSync/webviews/protocol/dataSyncCommon';
import { el, fillSelect } from './dom';

type Checkbox = HTMLElement & { checked: boolean; disabled: boolean; indeterminate: boolean };
type Select = HTMLElement & { value: string };

interface TableState {
  view: SchemaTableView;
  row: HTMLElement;
  box: Checkbox;
  count: HTMLElement;
  columns: Map<string, { view: SchemaColumnView; box: Checkbox; row: HTMLElement }>;
  list: HTMLElement;
  toggle: HTMLButtonElement;
}

const driftText = (drift: Record<string, string>): string =>
  Object.entries(drift)
    .map(([m, d]) => `${m}: ${d}`)
    .join('; ');

export class SchemaEditor {
  private tables: TableState[] = [];
  private readonly search: HTMLElement & { value: string };
  private readonly onlySelected: Checkbox;
  private readonly master: Select;
  private readonly list = el('div', { className: 'schema-list', attrs: { role: 'group', 'aria-label': 'Tables' } });
  private readonly summary = el('div', { className: 'summary card', attrs: { 'aria-live': 'polite' } });
  private readonly counts = el('span', { className: 'muted' });
  private readonly members = el('div', { className: 'schema-members muted' });

  constructor(
    root: HTMLElement,
    private readonly onChange: (selection: SchemaSelectionMessage) => void,
  ) {
    this.search = el('vscode-textfield', {
      id: 'schema-search',
      attrs: { placeholder: 'Filter tables and columns', 'aria-label': 'Filter tables and columns' },
    });
    this.onlySelected = el('vscode-checkbox', { id: 'only-selected' }, ['Only selected']);
    this.master = el('vscode-single-select', { id: 'master-member', attrs: { 'aria-label': 'Master member' } });
    const selectAll = el('vscode-button', { id: 'select-all', attrs: { secondary: '' } }, ['Select all syncable']);
    const clear = el('vscode-button', { id: 'select-none', attrs: { secondary: '' } }, ['Clear']);
    root.replaceChildren(
      el('div', { className: 'schema-toolbar' }, [this.search, this.onlySelected, selectAll, clear, this.counts]),
      el('div', { className: 'schema-toolbar' }, [
        el('vscode-label', { attrs: { for: 'master-member' } }, ['Master member (schema source)']),
        this.master,
      ]),
      this.members,
      this.list,
      el('h3', {}, ['What saving will change']),
      this.summary,
    );
    this.search.addEventListener('input', () => this.applyFilter());
    this.onlySelected.addEventListener('change', () => this.applyFilter());
    this.master.addEventListener('change', () => this.changed());
    selectAll.addEventListener('click', () => this.setAll(true));
    clear.addEventListener('click', () => this.setAll(false));
  }

  show(view: SchemaView): void {
    fillSelect(
      this.master,
      view.members.map((m) => ({ value: m, label: m })),
      view.members.length ? '(none)' : '(no members yet)',
      view.masterSyncMemberName,
    );
    const compared = view.members.filter((m) => !view.memberErrors[m]);
    const differences = view.tables.reduce(
      (n, t) => n + Object.keys(t.drift).length + t.columns.reduce((k, c) => k + Object.keys(c.drift).length, 0),
      0,
    );
    const verdict = compared.length
      ? differences
        ? ` ${differences} difference(s) from the hub are marked below.`
        : ' No differences from the hub.'
      : '';
    this.members.replaceChildren(
      ...(view.members.length ? [`Members compared with the hub: ${view.members.join(', ')}.${verdict}`] : ['No members to compare yet.']),
      ...Object.entries(view.memberErrors).map(([m, e]) => el('div', { className: 'muted' }, [`${m}: schema ${e}`])),
    );
    this.tables = view.tables.map((t) => this.renderTable(t));
    this.list.replaceChildren(...this.tables.map((t) => t.row));
    if (!view.tables.length) this.list.append(el('p', { className: 'muted' }, ['The hub schema is empty: refresh the hub schema first.']));
    this.applyFilter();
    this.changed();
  }

  selection(): SchemaSelectionMessage {
    const tables = this.tables
      .filter((t) => t.box.checked || t.box.indeterminate)
      .map((t) => ({
        quotedName: t.view.quotedName,
        columns: [...t.columns.values()].filter((c) => c.box.checked && !c.view.disabledReason).map((c) => c.view.quotedName),
      }));
    return { tables, masterSyncMemberName: this.master.value || undefined };
  }

  showSummary(s: SchemaSummary): void {
    const list = (title: string, items: string[], cls: string) =>
      items.length
        ? [
            el('div', { className: cls }, [
              `${title} (${items.length}): `,
              items.slice(0, 30).join(', '),
              items.length > 30 ? ` and ${items.length - 30} more` : '',
            ]),
          ]
        : [];
    const nothing = !s.addedTables.length && !s.removedTables.length && !s.addedColumns.length && !s.removedColumns.length;
    this.summary.replaceChildren(
      el('div', {}, [`${s.selectedTables} table(s) selected.`]),
      ...(nothing ? [el('div', { className: 'muted' }, ['No change from the saved schema.'])] : []),
      ...list('Tables added', s.addedTables, 'added'),
      ...list('Tables removed', s.removedTables, 'removed'),
      ...list('Columns added', s.addedColumns, 'added'),
      ...list('Columns removed', s.removedColumns, 'removed'),
      ...s.errors.map((e) => el('div', { className: 'error-text', attrs: { role: 'alert' } }, [e])),
    );
  }

  private renderTable(t: SchemaTableView): TableState {
    const box = el('vscode-checkbox', { attrs: { 'aria-label': `Sync table ${t.quotedName}` } }, [t.quotedName]) as Checkbox;
    box.dataset.table = t.quotedName;
    box.disabled = Boolean(t.disabledReason);
    const count = el('vscode-badge', { attrs: { variant: 'counter' } });
    const toggle = el('button', { className: 'linkish', type: 'button', attrs: { 'aria-expanded': 'false' } }, ['Columns']);
    const head = el('div', { className: 'table-head' }, [box, count, toggle]);
    if (t.disabledReason) head.append(el('span', { className: 'reason' }, [t.disabledReason]));
    const drift = driftText(t.drift);
    if (drift) head.append(el('span', { className: 'drift' }, [drift]));
    const list = el('div', { className: 'columns', attrs: { role: 'group', 'aria-label': `Columns of ${t.quotedName}` } });
    list.hidden = true;
    const columns = new Map<string, { view: SchemaColumnView; box: Checkbox; row: HTMLElement }>();
    for (const c of t.columns) {
      const cbox = el('vscode-checkbox', { attrs: { 'aria-label': `Sync column ${c.quotedName} of ${t.quotedName}` } }, [
        c.name,
      ]) as Checkbox;
      cbox.dataset.column = c.quotedName;
      cbox.disabled = Boolean(t.disabledReason || c.disabledReason || c.isPrimaryKey);
      cbox.checked = !t.disabledReason && !c.disabledReason && c.selected;
      const row = el('div', { className: 'column-row' }, [cbox, el('span', { className: 'type' }, [c.typeLabel])]);
      if (c.isPrimaryKey)
        row.append(el('vscode-badge', {}, ['primary key']), el('span', { className: 'reason' }, ['always synced with the table']));
      if (c.disabledReason) row.append(el('span', { className: 'reason' }, [c.disabledReason]));
      const cd = driftText(c.drift);
      if (cd) row.append(el('span', { className: 'drift' }, [cd]));
      list.append(row);
      columns.set(c.quotedName, { view: c, box: cbox, row });
      cbox.addEventListener('change', () => {
        this.columnChanged(state);
      });
    }
    const row = el('div', { className: `schema-table${t.disabledReason ? ' disabled' : ''}` }, [head, list]);
    const state: TableState = { view: t, row, box, count, columns, list, toggle };
    toggle.addEventListener('click', () => this.expand(state, list.hidden));
    box.checked = !t.disabledReason && t.selected;
    box.addEventListener('change', () => this.tableChanged(state));
    this.updateTable(state);
    return state;
  }

  private expand(t: TableState, open: boolean): void {
    t.list.hidden = !open;
    t.toggle.setAttribute('aria-expanded', String(open));
  }

  private syncable(t: TableState) {
    return [...t.columns.values()].filter((c) => !c.view.disabledReason);
  }

  /** The table box selects or clears all its syncable columns. */
  private tableChanged(t: TableState): void {
    for (const c of this.syncable(t)) c.box.checked = t.box.checked;
    this.updateTable(t);
    this.changed();
  }

  private columnChanged(t: TableState): void {
    const optional = this.syncable(t).filter((c) => !c.view.isPrimaryKey);
    const any = optional.some((c) => c.box.checked);
    for (const c of this.syncable(t).filter((x) => x.view.isPrimaryKey)) c.box.checked = any;
    this.updateTable(t);
    this.changed();
  }

  private updateTable(t: TableState): void {
    const cols = this.syncable(t);
    const chosen = cols.filter((c) => c.box.checked).length;
    const selected = chosen > 0;
    t.box.checked = selected;
    t.box.indeterminate = selected && chosen < cols.length;
    t.count.textContent = `${chosen}/${t.columns.size}`;
  }

  private setAll(on: boolean): void {
    for (const t of this.tables) {
      if (t.view.disabledReason || t.row.hidden) continue;
      t.box.checked = on;
      for (const c of this.syncable(t)) c.box.checked = on;
      this.updateTable(t);
    }
    this.changed();
  }

  private applyFilter(): void {
    const q = this.search.value.trim().toLowerCase();
    let shown = 0;
    for (const t of this.tables) {
      const tableMatch = !q || t.view.quotedName.toLowerCase().includes(q);
      let columnMatch = false;
      for (const c of t.columns.values()) {
        const m = !q || tableMatch || c.view.name.toLowerCase().includes(q);
        c.row.hidden = !m;
        if (q && !tableMatch && m) columnMatch = true;
      }
      const visible = (tableMatch || columnMatch) && (!this.onlySelected.checked || t.box.checked);
      t.row.hidden = !visible;
      if (columnMatch) this.expand(t, true);
      if (visible) shown++;
    }
    this.counts.textContent = `${shown} of ${this.tables.length} tables shown`;
  }

  private changed(): void {
    this.onChange(this.selection());
  }
}
