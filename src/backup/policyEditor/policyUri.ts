// Where a backup policy lives as a document: sqldm-backup-policy:/<subscription>/<resourceGroup>/<vault>/<policy>.json.
// `?readonly` opens it for viewing (the file system refuses to write it).
import * as vscode from 'vscode';
import type { VaultRef } from '../../azure/backup/backupPaths';

export const POLICY_SCHEME = 'sqldm-backup-policy';
export const READONLY_QUERY = 'readonly';

export interface PolicyLocation extends VaultRef {
  policy: string;
  readonly: boolean;
}

export function policyUri(vault: VaultRef, policy: string, readonly = false): vscode.Uri {
  return vscode.Uri.from({
    scheme: POLICY_SCHEME,
    path: `/${vault.subscriptionId}/${vault.resourceGroup}/${vault.vault}/${policy}.json`,
    query: readonly ? READONLY_QUERY : undefined,
  });
}

export function parsePolicyUri(uri: vscode.Uri): PolicyLocation | undefined {
  const [subscriptionId, resourceGroup, vault, file, ...rest] = uri.path.split('/').slice(1);
  if (!subscriptionId || !resourceGroup || !vault || !file?.endsWith('.json') || rest.length) return undefined;
  const policy = file.slice(0, -'.json'.length);
  if (!policy) return undefined;
  return { subscriptionId, resourceGroup, vault, policy, readonly: uri.query === READONLY_QUERY };
}

export const policyKey = (l: VaultRef & { policy: string }): string =>
  `${l.subscriptionId}/${l.resourceGroup}/${l.vault}/${l.policy}`.toLowerCase();
