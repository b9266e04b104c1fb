// Mirrored database definitions as files: reading decodes getDefinition's parts, saving mirroring.json
// runs the checked save of definitionWorkflows (schema, source rule, conflict) and sends updateDefinition
// through the operations center. A save that is refused or fails throws, so VS Code keeps the editor
// dirty with the user's text; the reason is shown (service errors with code, message and request id).
// `.platform` and the `?server` copy are read-only. Auto saves are refused (explicitSaveGate.ts): only an
// explicit save sends the definition.
import * as vscode from 'vscode';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { ErrorReporter } from '../../ui/errorReporter';
import { recordForTests } from '../../ui/testHooks';
import type { UserInput } from '../../ui/userInput';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';
import {
  DefinitionInvalidError,
  MIRRORING_PART,
  PLATFORM_PART,
  SourceLockedError,
  commitDefinitionSave,
  partText,
  prepareDefinitionSave,
  readDefinition,
  readDisplayName,
  waitForSourceEditable,
  type PreparedSave,
} from '../workflows/definitionWorkflows';
import { DEFINITION_SCHEME, definitionUri, parseDefinitionUri, type DefinitionLocation } from './definitionUri';
import { AUTO_SAVE_REFUSAL, ExplicitSaveGate } from './explicitSaveGate';

/** Runs when the user agrees to stop mirroring before a save that changes the source. */
export type StopMirroring = (target: FabricItemTarget) => Promise<unknown>;

interface LoadedItem {
  target: FabricItemTarget;
  displayName: string;
  /** Part path → text as last read or saved. */
  texts: Map<string, string>;
  /** The mirroring.json the editor started from (open or last save): what a conflict is measured against. */
  baseline: unknown;
  /** The server's mirroring.json as last fetched for a comparison. */
  serverText?: string;
  mtime: number;
  ctime: number;
}

export interface DefinitionEditorDeps {
  ctx: FabricContext;
  input: UserInput;
  errors: ErrorReporter;
  stopMirroring: StopMirroring;
}

const itemKey = (l: { workspaceId: string; itemId: string }) => `${l.workspaceId}/${l.itemId}`.toLowerCase();

export class DefinitionFileSystemProvider implements vscode.FileSystemProvider {
  private readonly items = new Map<string, LoadedItem>();
  private readonly loading = new Map<string, Promise<LoadedItem>>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Saves refused or failed, and why (test mode only). */
  readonly refusals: { uri: string; message: string }[] = [];
  /** Tells auto saves from explicit ones and shows the "Ctrl+S saves it" note. */
  readonly explicitSaves = new ExplicitSaveGate((uri) => {
    const l = uri.scheme === DEFINITION_SCHEME ? parseDefinitionUri(uri) : undefined;
    return !!l && !l.server && l.part === MIRRORING_PART;
  });

  constructor(private readonly deps: DefinitionEditorDeps) {}

  /** The document of an item's mirroring.json, read fresh from the service unless it is open already. */
  /** `signal` aborts the reads of this call (the user's Cancel). */
  async uriFor(target: FabricItemTarget, signal?: AbortSignal): Promise<vscode.Uri> {
    const displayName = await readDisplayName(this.deps.ctx, target, signal);
    const uri = definitionUri(target, displayName);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (!open) this.items.delete(itemKey(target));
    const item = await this.load({ workspaceId: target.workspaceId, itemId: target.itemId }, displayName, signal);
    item.displayName = displayName;
    return uri;
  }

  private load(l: { workspaceId: string; itemId: string }, displayName?: string, signal?: AbortSignal): Promise<LoadedItem> {
    const key = itemKey(l);
    const have = this.items.get(key);
    if (have) return Promise.resolve(have);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.fetch(l, displayName, signal).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async fetch(l: { workspaceId: string; itemId: string }, displayName?: string, signal?: AbortSignal): Promise<LoadedItem> {
    const target: FabricItemTarget = { workspaceId: l.workspaceId, itemId: l.itemId, displayName };
    const [definition, name] = await Promise.all([
      readDefinition(this.deps.ctx, target, signal),
      readDisplayName(this.deps.ctx, target, signal),
    ]);
    const texts = new Map(definition.parts.map((p) => [p.path, p.text]));
    const mirroring = partText(definition, MIRRORING_PART);
    const now = Date.now();
    const item: LoadedItem = {
      target: { ...target, displayName: name },
      displayName: name,
      texts,
      baseline: mirroring === undefined ? undefined : (JSON.parse(mirroring) as unknown),
      mtime: now,
      ctime: now,
    };
    this.items.set(itemKey(l), item);
    return item;
  }

  private locate(uri: vscode.Uri): DefinitionLocation {
    const l = parseDefinitionUri(uri);
    if (!l) throw vscode.FileSystemError.FileNotFound(uri);
    return l;
  }

  private textOf(item: LoadedItem, l: DefinitionLocation, uri: vscode.Uri): string {
    const text = l.server ? (item.serverText ?? item.texts.get(l.part)) : item.texts.get(l.part);
    if (text === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return text;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    // The folders above the parts (workspace, item) exist so that VS Code can walk to a part.
    if (uri.path.split('/').filter(Boolean).length < 3)
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    const l = this.locate(uri);
    const item = await this.load(l);
    const text = this.textOf(item, l, uri);
    const readonly = l.server || l.part !== MIRRORING_PART;
    return {
      type: vscode.FileType.File,
      ctime: item.ctime,
      mtime: item.mtime,
      size: Buffer.byteLength(text, 'utf8'),
      permissions: readonly ? vscode.FilePermission.Readonly : undefined,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const l = this.locate(uri);
    return Buffer.from(this.textOf(await this.load(l), l, uri), 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const l = this.locate(uri);
    if (l.server || l.part !== MIRRORING_PART) throw vscode.FileSystemError.NoPermissions(`${l.part} is read-only here.`);
    if (this.explicitSaves.takeAutomatic(uri)) throw this.refuse(uri, AUTO_SAVE_REFUSAL);
    const item = await this.load(l);
    const text = new TextDecoder('utf-8').decode(content);
    const prepared = await this.prepare(uri, item, text);
    try {
      await commitDefinitionSave(this.deps.ctx, prepared, item.displayName);
    } catch (e) {
      throw this.refuse(uri, this.reportServiceError(item, e));
    }
    item.texts.set(MIRRORING_PART, text);
    item.baseline = prepared.document;
    item.mtime = Date.now();
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  /** The checked save, asking the user where the rules leave a choice; throws (keeping the editor dirty) when not saving. */
  private async prepare(uri: vscode.Uri, item: LoadedItem, text: string): Promise<PreparedSave> {
    let prepared: PreparedSave;
    try {
      prepared = await prepareDefinitionSave(this.deps.ctx, item.target, text, item.baseline);
    } catch (e) {
      if (e instanceof DefinitionInvalidError) throw this.refuse(uri, e.message);
      if (e instanceof SourceLockedError) return this.offerStop(uri, item, text, e);
      throw this.refuse(uri, this.reportServiceError(item, e));
    }
    if (!prepared.conflict) return prepared;
    const choice = await this.deps.input.pick(
      [
        { label: 'Overwrite', description: 'save your version over the server’s' },
        { label: 'Compare', description: 'show the server’s version beside yours; nothing is saved' },
        { label: 'Cancel', description: 'keep editing; nothing is saved' },
      ],
      { title: `The definition of ${item.displayName} changed on the server since you opened it` },
    );
    if (choice?.label === 'Overwrite') return prepared;
    if (choice?.label === 'Compare') await this.compare(uri, item, prepared);
    throw this.refuse(uri, `Not saved: the definition of ${item.displayName} changed on the server since you opened it.`);
  }

  private async offerStop(uri: vscode.Uri, item: LoadedItem, text: string, e: SourceLockedError): Promise<PreparedSave> {
    const stop = 'Stop mirroring first';
    const agreed = await this.deps.input.confirm(
      `${item.displayName} is ${e.status}: ${e.changed.join(', ')} cannot change now.`,
      `${e.message} Stopping mirroring keeps the data in OneLake; starting it again reseeds every table.`,
      stop,
    );
    if (!agreed) throw this.refuse(uri, e.message);
    try {
      await this.deps.stopMirroring(item.target);
      await waitForSourceEditable(this.deps.ctx, item.target);
    } catch (stopError) {
      throw this.refuse(
        uri,
        `Not saved: stopping mirroring did not complete (${stopError instanceof Error ? stopError.message : String(stopError)}).`,
      );
    }
    return this.prepare(uri, item, text);
  }

  private async compare(uri: vscode.Uri, item: LoadedItem, prepared: PreparedSave): Promise<void> {
    item.serverText = partText(prepared.server, MIRRORING_PART);
    const serverUri = definitionUri(item.target, item.displayName, MIRRORING_PART, true);
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: serverUri }]);
    await vscode.commands.executeCommand('vscode.diff', serverUri, uri, `${item.displayName}: server ↔ yours`);
  }

  private reportServiceError(item: LoadedItem, e: unknown): string {
    void this.deps.errors.show(`Save the definition of ${item.displayName}`, e);
    if (isAzureRequestError(e))
      return `The service refused the definition: ${e.message} (${e.code}${e.requestId ? `, request id ${e.requestId}` : ''})`;
    return e instanceof Error ? e.message : String(e);
  }

  private refuse(uri: vscode.Uri, message: string): Error {
    recordForTests(this.refusals, { uri: uri.toString(), message });
    return new Error(message);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const [workspaceId, itemId, ...rest] = uri.path.split('/').slice(1);
    const item = workspaceId && itemId && !rest.length ? this.items.get(itemKey({ workspaceId, itemId })) : undefined;
    if (!item) throw vscode.FileSystemError.FileNotFound(uri);
    return [...item.texts.keys()]
      .filter((p) => p === MIRRORING_PART || p === PLATFORM_PART)
      .map((p) => [definitionUri(item.target, item.displayName, p).path.split('/').pop() as string, vscode.FileType.File]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Definitions have a fixed set of parts.');
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Delete the mirrored database itself to remove its definition.');
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Definition parts cannot be renamed.');
  }

  dispose(): void {
    this.explicitSaves.dispose();
    this.changed.dispose();
  }
}

export { DEFINITION_SCHEME };
