// Reading and saving a mirrored database's definition as documents: getDefinition decoded part by part
// (200 or 202 → operation → result, both through FabricPoller), and a save that is checked before it is
// sent — mirroring.json must match the schema, the source (connection, database, defaultSchema) may change
// only while mirroring is Initialized or Stopped, and a definition changed on the server since it was
// opened is reported as a conflict for the caller to decide on — then sent with updateDefinition through
// the operations center. vscode-free: the editor's file system provider asks the user and calls these.
import { isDeepStrictEqual } from 'node:util';
import type { MirroredDatabaseRef } from '../../azure/fabric/mirroredDatabasesClient';
import { decodePart, type DefinitionPart } from '../../azure/fabric/fabricModels';
import { mirroringSchemaProblems, type SchemaProblem } from '../definition/mirroringSchema';
import type { FabricContext } from '../fabricContext';
import type { FabricItemTarget } from '../fabricTarget';

export const MIRRORING_PART = 'mirroring.json';
export const PLATFORM_PART = '.platform';
/** The statuses in which the source of a mirrored database may change (the REST article's rule). */
export const SOURCE_EDITABLE_STATUSES = ['Initialized', 'Stopped'];

export interface DecodedPart {
  path: string;
  /** The part's payload, decoded from base64. */
  text: string;
}

export interface DecodedDefinition {
  parts: DecodedPart[];
}

/** A save that was not sent, and why; nothing reached the service. */
export class DefinitionInvalidError extends Error {
  override readonly name = 'DefinitionInvalidError';
  constructor(readonly problems: readonly SchemaProblem[]) {
    super(`mirroring.json is not valid: ${problems.map((p) => `${p.property} ${p.message}`).join('; ')}.`);
  }
}

/** The save changes the source while mirroring is in a status that does not allow it. */
export class SourceLockedError extends Error {
  override readonly name = 'SourceLockedError';
  constructor(
    readonly status: string,
    readonly changed: readonly string[],
  ) {
    super(
      `${changed.join(', ')} can change only while mirroring is ${SOURCE_EDITABLE_STATUSES.join(' or ')}; it is ${status}. Stop mirroring first, or change only mountedTables and retention.`,
    );
  }
}

const refOf = (t: FabricItemTarget): MirroredDatabaseRef => ({ workspaceId: t.workspaceId, mirroredDatabaseId: t.itemId });

/** The Fabric path the operations center files an item's operations under. */
export const fabricItemPath = (t: FabricItemTarget): string => `/workspaces/${t.workspaceId}/mirroredDatabases/${t.itemId}`;

export function decodeDefinition(parts: readonly DefinitionPart[]): DecodedDefinition {
  return { parts: parts.map((p) => ({ path: p.path, text: decodePart(p) })) };
}

export function partText(definition: DecodedDefinition, path: string): string | undefined {
  return definition.parts.find((p) => p.path === path)?.text;
}

/** getDefinition, decoded. Not tracked: it changes nothing, and the editor waits for it. */
export async function readDefinition(ctx: FabricContext, target: FabricItemTarget, signal?: AbortSignal): Promise<DecodedDefinition> {
  const poller = await ctx.clients().mirroredDatabases.beginGetDefinition(refOf(target), { signal });
  const result = await poller.pollUntilDone({ signal });
  return decodeDefinition(result.definition.parts);
}

export async function readDisplayName(ctx: FabricContext, target: FabricItemTarget, signal?: AbortSignal): Promise<string> {
  if (target.displayName) return target.displayName;
  return (await ctx.clients().mirroredDatabases.get(refOf(target), signal)).displayName ?? target.itemId;
}

/** Parses and schema-checks the editor's text; throws DefinitionInvalidError naming each bad property. */
export function parseMirroring(text: string): unknown {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    throw new DefinitionInvalidError([
      { property: '(document)', message: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` },
    ]);
  }
  const problems = mirroringSchemaProblems(document);
  if (problems.length) throw new DefinitionInvalidError(problems);
  return document;
}

type Obj = Record<string, unknown>;
const child = (o: unknown, key: string): unknown => (o && typeof o === 'object' ? (o as Obj)[key] : undefined);
const sourceProps = (d: unknown) => child(child(child(d, 'properties'), 'source'), 'typeProperties');
const targetProps = (d: unknown) => child(child(child(d, 'properties'), 'target'), 'typeProperties');
const SOURCE_FIELDS: ReadonlyArray<readonly [string, (doc: unknown) => unknown]> = [
  // Connection ids are GUIDs: compared without regard to case.
  [
    'connection',
    (d) => {
      const c = child(sourceProps(d), 'connection');
      return typeof c === 'string' ? c.toLowerCase() : c;
    },
  ],
  ['database', (d) => child(sourceProps(d), 'database')],
  ['defaultSchema', (d) => child(targetProps(d), 'defaultSchema')],
];

/** The source fields (connection, database, defaultSchema) that differ between two mirroring documents. */
export function changedSourceFields(before: unknown, after: unknown): string[] {
  return SOURCE_FIELDS.filter(([, read]) => read(before) !== read(after)).map(([name]) => name);
}

export interface PreparedSave {
  target: FabricItemTarget;
  /** The editor's text, sent as is. */
  text: string;
  document: unknown;
  /** The definition on the server now. */
  server: DecodedDefinition;
  /** mirroring.json on the server differs from the one the editor was opened with (or last saved). */
  conflict: boolean;
  status: string;
}

/**
 * Everything a save checks before sending: the schema, the source rule against the mirroring status, and
 * whether the server's definition moved since `baseline` (the mirroring.json the editor started from).
 * Throws DefinitionInvalidError or SourceLockedError; a conflict is returned for the caller to decide on.
 */
export async function prepareDefinitionSave(
  ctx: FabricContext,
  target: FabricItemTarget,
  text: string,
  baseline: unknown,
): Promise<PreparedSave> {
  const document = parseMirroring(text);
  const [server, status] = await Promise.all([
    readDefinition(ctx, target),
    ctx.clients().mirroredDatabases.getMirroringStatus(refOf(target)),
  ]);
  const serverText = partText(server, MIRRORING_PART);
  const serverDocument: unknown = serverText === undefined ? undefined : JSON.parse(serverText);
  const current = status.status ?? 'Unknown';
  const changed = changedSourceFields(serverDocument, document);
  if (changed.length && !SOURCE_EDITABLE_STATUSES.includes(current)) throw new SourceLockedError(current, changed);
  return { target, text, document, server, conflict: !isDeepStrictEqual(serverDocument, baseline), status: current };
}

/** updateDefinition with the server's parts and the editor's mirroring.json, tracked; resolves when it took effect. */
export async function commitDefinitionSave(ctx: FabricContext, prepared: PreparedSave, displayName: string): Promise<void> {
  const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const others = prepared.server.parts.filter((p) => p.path !== MIRRORING_PART);
  const parts: DefinitionPart[] = [
    { path: MIRRORING_PART, payload: encode(prepared.text), payloadType: 'InlineBase64' },
    ...others.map((p) => ({ path: p.path, payload: encode(p.text), payloadType: 'InlineBase64' })),
  ];
  const poller = await ctx.clients().mirroredDatabases.beginUpdateDefinition(refOf(prepared.target), { parts });
  const op = await ctx.operations.start(poller, {
    title: `Save the definition of ${displayName}`,
    target: { label: `mirrored database ${displayName}`, resourceId: fabricItemPath(prepared.target) },
    environment: ctx.environmentKey(),
  });
  await op.result;
  ctx.refresh(prepared.target.itemId);
}

/** Waits until the source may change (after a stop): resolves with the status, or throws after `timeoutMs`. */
export async function waitForSourceEditable(
  ctx: FabricContext,
  target: FabricItemTarget,
  options: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<string> {
  const end = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const status = (await ctx.clients().mirroredDatabases.getMirroringStatus(refOf(target), options.signal)).status ?? 'Unknown';
    if (SOURCE_EDITABLE_STATUSES.includes(status)) return status;
    if (Date.now() > end) throw new Error(`Mirroring is still ${status}; the definition was not saved.`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 1_000));
  }
}
