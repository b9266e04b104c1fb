// Backup policies as files: reading gets the policy (its PUT body), saving checks the text against the
// policy schema and the rules, asks before overwriting a policy changed on the server since it was
// opened, and PUTs it through the operations center. A save that is refused or fails throws, so VS Code
// keeps the editor dirty with the user's text; the reason is shown (service errors with code, message
// and request id). `?readonly` documents (View Policy) cannot be written.
import * as vscode from 'vscode';
import { isAzureRequestError } from '../../azure/http/azureError';
import type { VaultRef } from '../../azure/backup/backupPaths';
import type { ErrorReporter } from '../../ui/errorReporter';
import { recordForTests } from '../../ui/testHooks';
import type { UserInput } from '../../ui/userInput';
import type { BackupContext } from '../backupContext';
import {
  PolicyInvalidError,
  newPolicyDocument,
  parsePolicyText,
  policyChanged,
  policyDocument,
  policyText,
  readPolicy,
  savePolicy,
  type PolicyDocument,
} from '../workflows/policyWorkflows';
import { parsePolicyUri, policyKey, policyUri, type PolicyLocation } from './policyUri';

interface LoadedPolicy {
  vault: VaultRef;
  name: string;
  text: string;
  /** What the editor started from (open or last save); undefined for a policy not created yet. */
  baseline?: PolicyDocument;
  mtime: number;
  ctime: number;
}

export interface PolicyEditorDeps {
  ctx: BackupContext;
  input: UserInput;
  errors: ErrorReporter;
}

const vaultOf = (l: PolicyLocation): VaultRef => ({ subscriptionId: l.subscriptionId, resourceGroup: l.resourceGroup, vault: l.vault });

export class PolicyFileSystemProvider implements vscode.FileSystemProvider {
  private readonly items = new Map<string, LoadedPolicy>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Saves refused or failed, and why (test mode only). */
  readonly refusals: { uri: string; message: string }[] = [];
  /** Policies saved (PUT done), by uri (test mode only). */
  readonly saves: string[] = [];

  constructor(private readonly deps: PolicyEditorDeps) {}

  private isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  }

  /** The document of an existing policy, read fresh from the service unless it is open already. */
  async uriFor(vault: VaultRef, name: string, readonly: boolean): Promise<vscode.Uri> {
    const uri = policyUri(vault, name, readonly);
    const key = policyKey({ ...vault, policy: name });
    if (!this.isOpen(policyUri(vault, name, false)) || !this.items.has(key)) {
      const policy = await readPolicy(this.deps.ctx, vault, name);
      const baseline = policyDocument(policy);
      const now = Date.now();
      this.items.set(key, { vault, name: policy.name ?? name, text: policyText(baseline), baseline, mtime: now, ctime: now });
      this.changed.fire([true, false].map((r) => ({ type: vscode.FileChangeType.Changed, uri: policyUri(vault, name, r) })));
    }
    return uri;
  }

  /** The document of a policy to create, starting from the template; saving creates it. */
  draftUri(vault: VaultRef, name: string): vscode.Uri {
    const now = Date.now();
    this.items.set(policyKey({ ...vault, policy: name }), {
      vault,
      name,
      text: policyText(newPolicyDocument(now)),
      mtime: now,
      ctime: now,
    });
    return policyUri(vault, name, false);
  }

  private async item(uri: vscode.Uri): Promise<{ l: PolicyLocation; item: LoadedPolicy }> {
    const l = parsePolicyUri(uri);
    if (!l) throw vscode.FileSystemError.FileNotFound(uri);
    let item = this.items.get(policyKey(l));
    if (!item) {
      // A document VS Code reopens by itself (after a reload): read it again.
      try {
        await this.uriFor(vaultOf(l), l.policy, l.readonly);
      } catch {
        throw vscode.FileSystemError.FileNotFound(uri);
      }
      item = this.items.get(policyKey(l));
      if (!item) throw vscode.FileSystemError.FileNotFound(uri);
    }
    return { l, item };
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path.split('/').filter(Boolean).length < 4)
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    const { l, item } = await this.item(uri);
    return {
      type: vscode.FileType.File,
      ctime: item.ctime,
      mtime: item.mtime,
      size: Buffer.byteLength(item.text, 'utf8'),
      permissions: l.readonly ? vscode.FilePermission.Readonly : undefined,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return Buffer.from((await this.item(uri)).item.text, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { l, item } = await this.item(uri);
    if (l.readonly) throw vscode.FileSystemError.NoPermissions('This policy was opened for viewing; use Edit Policy to change it.');
    const text = new TextDecoder('utf-8').decode(content);
    let document: PolicyDocument;
    try {
      document = parsePolicyText(text);
    } catch (e) {
      if (e instanceof PolicyInvalidError) throw this.refuse(uri, e.message);
      throw e;
    }
    await this.checkConflict(uri, item);
    let saved;
    try {
      saved = await savePolicy(this.deps.ctx, item.vault, item.name, document, { creating: !item.baseline });
    } catch (e) {
      throw this.refuse(uri, this.reportServiceError(item, e));
    }
    item.text = text;
    item.baseline = policyDocument(saved);
    item.mtime = Date.now();
    recordForTests(this.saves, uri.toString());
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  /** Someone changed (or created) the policy on the server since it was opened: overwrite only when the user says so. */
  private async checkConflict(uri: vscode.Uri, item: LoadedPolicy): Promise<void> {
    let server;
    try {
      server = await readPolicy(this.deps.ctx, item.vault, item.name);
    } catch (e) {
      if (!(isAzureRequestError(e) && e.status === 404)) throw this.refuse(uri, this.reportServiceError(item, e));
    }
    if (!policyChanged(server, item.baseline)) return;
    const what = item.baseline ? 'changed on the server since you opened it' : 'was created on the server meanwhile';
    const choice = await this.deps.input.pick(
      [
        { label: 'Overwrite', description: 'save your version over the server’s' },
        { label: 'Cancel', description: 'keep editing; nothing is saved' },
      ],
      { title: `The backup policy ${item.name} ${what}` },
    );
    if (choice?.label !== 'Overwrite') throw this.refuse(uri, `Not saved: the backup policy ${item.name} ${what}.`);
  }

  private reportServiceError(item: LoadedPolicy, e: unknown): string {
    void this.deps.errors.show(`Save the backup policy ${item.name}`, e);
    if (isAzureRequestError(e))
      return `The service refused the policy: ${e.message} (${e.code}${e.requestId ? `, request id ${e.requestId}` : ''})`;
    return e instanceof Error ? e.message : String(e);
  }

  private refuse(uri: vscode.Uri, message: string): Error {
    recordForTests(this.refusals, { uri: uri.toString(), message });
    return new Error(message);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Policies are files of their vault.');
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Policies are not deleted from the editor.');
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('A policy cannot be renamed.');
  }

  dispose(): void {
    this.changed.dispose();
  }
}
