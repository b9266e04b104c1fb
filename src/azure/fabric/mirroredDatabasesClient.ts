// Fabric mirrored databases (v1). Any call may answer 202 (long-running): the calls that can, return
// a FabricPoller; a 200/201 answer gives an already-finished poller, so callers treat both alike.
import type { AzureClient } from '../http/azureClient';
import { FabricPoller } from '../lro/fabricPoller';
import { deserialize } from '../models/modelSchema';
import { createPager, fabricContinuation, type PagedList } from '../paging/pager';
import { buildPath } from '../resourceId';
import {
  MIRRORED_DATABASE,
  MIRRORING_STATUS,
  TABLE_MIRRORING_STATUS,
  type CreateMirroredDatabaseRequest,
  type MirroredDatabase,
  type MirroredDatabaseDefinition,
  type MirroringStatusResponse,
  type TableMirroringStatus,
  type UpdateMirroredDatabaseRequest,
} from './fabricModels';

export interface MirroredDatabaseRef {
  workspaceId: string;
  mirroredDatabaseId: string;
}

const asDb = (raw: unknown): MirroredDatabase => deserialize<MirroredDatabase>(MIRRORED_DATABASE, raw);

function collectionPath(workspaceId: string): string {
  return buildPath(['workspaces', { field: 'Workspace id', value: workspaceId }, 'mirroredDatabases']);
}
function itemPath(ref: MirroredDatabaseRef): string {
  return `${collectionPath(ref.workspaceId)}${buildPath([{ field: 'Mirrored database id', value: ref.mirroredDatabaseId }])}`;
}

export class MirroredDatabasesClient {
  constructor(private readonly client: AzureClient) {}

  list(
    workspaceId: string,
    options: { recursive?: boolean; rootFolderId?: string; signal?: AbortSignal } = {},
  ): PagedList<MirroredDatabase> {
    return createPager({
      client: this.client,
      nextPage: fabricContinuation,
      deserialize: asDb,
      first: {
        operationName: 'List mirrored databases',
        method: 'GET',
        url: collectionPath(workspaceId),
        query: { recursive: options.recursive, rootFolderId: options.rootFolderId },
        signal: options.signal,
      },
    });
  }

  async get(ref: MirroredDatabaseRef, signal?: AbortSignal): Promise<MirroredDatabase> {
    return asDb(await this.client.json({ operationName: 'Get mirrored database', method: 'GET', url: itemPath(ref), signal }));
  }

  /** Documented as 201; a 202 is handled anyway (the poller's result is then the operation result). */
  async beginCreate(
    workspaceId: string,
    body: CreateMirroredDatabaseRequest,
    signal?: AbortSignal,
  ): Promise<FabricPoller<MirroredDatabase>> {
    return FabricPoller.begin<MirroredDatabase>(
      this.client,
      { operationName: `Create mirrored database ${body.displayName}`, method: 'POST', url: collectionPath(workspaceId), body, signal },
      { expectResult: true },
    );
  }

  async update(ref: MirroredDatabaseRef, body: UpdateMirroredDatabaseRequest, signal?: AbortSignal): Promise<MirroredDatabase> {
    return asDb(await this.client.json({ operationName: 'Update mirrored database', method: 'PATCH', url: itemPath(ref), body, signal }));
  }

  async delete(ref: MirroredDatabaseRef, options: { hardDelete?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    await this.client.send({
      operationName: 'Delete mirrored database',
      method: 'DELETE',
      url: itemPath(ref),
      query: { hardDelete: options.hardDelete || undefined },
      signal: options.signal,
    });
  }

  async beginGetDefinition(
    ref: MirroredDatabaseRef,
    options: { format?: string; signal?: AbortSignal } = {},
  ): Promise<FabricPoller<{ definition: MirroredDatabaseDefinition }>> {
    return FabricPoller.begin(
      this.client,
      {
        operationName: 'Get mirrored database definition',
        method: 'POST',
        url: `${itemPath(ref)}/getDefinition`,
        query: { format: options.format },
        signal: options.signal,
      },
      { expectResult: true },
    );
  }

  async beginUpdateDefinition(
    ref: MirroredDatabaseRef,
    definition: MirroredDatabaseDefinition,
    options: { updateMetadata?: boolean; signal?: AbortSignal } = {},
  ): Promise<FabricPoller<void>> {
    return FabricPoller.begin<void>(
      this.client,
      {
        operationName: 'Update mirrored database definition',
        method: 'POST',
        url: `${itemPath(ref)}/updateDefinition`,
        query: { updateMetadata: options.updateMetadata },
        body: { definition },
        signal: options.signal,
      },
      { expectResult: false },
    );
  }

  async startMirroring(ref: MirroredDatabaseRef, signal?: AbortSignal): Promise<void> {
    await this.client.send({ operationName: 'Start mirroring', method: 'POST', url: `${itemPath(ref)}/startMirroring`, signal });
  }

  async stopMirroring(ref: MirroredDatabaseRef, signal?: AbortSignal): Promise<void> {
    await this.client.send({ operationName: 'Stop mirroring', method: 'POST', url: `${itemPath(ref)}/stopMirroring`, signal });
  }

  async getMirroringStatus(ref: MirroredDatabaseRef, signal?: AbortSignal): Promise<MirroringStatusResponse> {
    return deserialize<MirroringStatusResponse>(
      MIRRORING_STATUS,
      await this.client.json({ operationName: 'Get mirroring status', method: 'POST', url: `${itemPath(ref)}/getMirroringStatus`, signal }),
    );
  }

  listTablesMirroringStatus(ref: MirroredDatabaseRef, signal?: AbortSignal): PagedList<TableMirroringStatus> {
    return createPager({
      client: this.client,
      nextPage: fabricContinuation,
      itemsField: 'data',
      deserialize: (raw) => deserialize<TableMirroringStatus>(TABLE_MIRRORING_STATUS, raw),
      first: { operationName: 'Get tables mirroring status', method: 'POST', url: `${itemPath(ref)}/getTablesMirroringStatus`, signal },
    });
  }
}
