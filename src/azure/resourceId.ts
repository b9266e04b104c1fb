// Parse, build and validate ARM resource ids. Every segment is URL-encoded when building a request
// path: Backup names contain ';' (VMAppContainer;compute;rg;vm, SQLDataBase;mssqlserver;db). Names a
// user typed are checked BEFORE any request is sent: a name that cannot be a path segment ('/', '?',
// '#', '.', '..', empty, whitespace-only, control characters, too long) is refused with a message that
// names the field.

export class InvalidNameError extends Error {
  override readonly name = 'InvalidNameError';
  constructor(
    readonly field: string,
    readonly value: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

const MAX_SEGMENT_LENGTH = 260;

/** Throws InvalidNameError when `value` cannot be used as one path segment. Returns it unchanged. */
export function validateSegment(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidNameError(field, String(value), 'is required.');
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value.length === 0) throw new InvalidNameError(field, value, 'is required and cannot be empty.');
  if (value.trim().length === 0) throw new InvalidNameError(field, value, 'cannot be only whitespace.');
  if (value !== value.trim()) throw new InvalidNameError(field, value, `cannot start or end with whitespace (${shown}).`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) throw new InvalidNameError(field, value, `cannot contain control characters (${shown}).`);
  const bad = ['/', '\\', '?', '#', '%'].find((c) => value.includes(c));
  if (bad) throw new InvalidNameError(field, value, `cannot contain "${bad}" (${shown}).`);
  if (value === '.' || value === '..') throw new InvalidNameError(field, value, `cannot be "${value}".`);
  if (value.length > MAX_SEGMENT_LENGTH)
    throw new InvalidNameError(field, value, `is too long (${value.length} characters, at most ${MAX_SEGMENT_LENGTH}).`);
  return value;
}

/** Encodes one validated segment. encodeURIComponent leaves ;!'()* alone, so ';' is encoded explicitly. */
export function encodeSegment(field: string, value: unknown): string {
  return encodeURIComponent(validateSegment(field, value)).replace(/[;!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Builds a path from alternating literal segments and named values: path`…` style but explicit. */
export function buildPath(parts: Array<string | { field: string; value: unknown }>): string {
  return '/' + parts.map((p) => (typeof p === 'string' ? p : encodeSegment(p.field, p.value))).join('/');
}

export interface ParsedResourceId {
  /** The id as given (normalised: leading '/', no trailing '/'). */
  id: string;
  subscriptionId: string;
  resourceGroup?: string;
  /** e.g. Microsoft.Sql (of the last provider in the id). */
  provider?: string;
  /** Type/name pairs after the provider, e.g. [['servers','srv'],['databases','db']]. Names decoded. */
  resources: Array<{ type: string; name: string }>;
  /** Full type like Microsoft.Sql/servers/databases. */
  type?: string;
  /** Name of the last resource. */
  name?: string;
}

/** Parses an ARM id (`/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}/…`). */
export function parseResourceId(id: string): ParsedResourceId {
  if (typeof id !== 'string' || !id.trim()) throw new Error('Resource id is empty.');
  const segments = id
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .map(decodeSafe);
  if (segments[0]?.toLowerCase() !== 'subscriptions' || !segments[1])
    throw new Error(`Not an ARM resource id (must start with /subscriptions/{id}): "${id}".`);
  const result: ParsedResourceId = { id: '/' + id.trim().replace(/^\/+|\/+$/g, ''), subscriptionId: segments[1], resources: [] };
  let i = 2;
  if (segments[i]?.toLowerCase() === 'resourcegroups') {
    if (!segments[i + 1]) throw new Error(`Resource id has no resource group name: "${id}".`);
    result.resourceGroup = segments[i + 1];
    i += 2;
  }
  const types: string[] = [];
  while (i < segments.length) {
    if (segments[i].toLowerCase() === 'providers') {
      if (!segments[i + 1]) throw new Error(`Resource id has no provider namespace: "${id}".`);
      result.provider = segments[i + 1];
      types.length = 0;
      i += 2;
      continue;
    }
    const type = segments[i];
    const name = segments[i + 1];
    if (name === undefined) throw new Error(`Resource id ends with a type but no name ("${type}"): "${id}".`);
    result.resources.push({ type, name });
    types.push(type);
    i += 2;
  }
  if (result.provider && types.length) result.type = `${result.provider}/${types.join('/')}`;
  result.name = result.resources.at(-1)?.name;
  return result;
}

/** Returns the name for a resource type within an id (case-insensitive), e.g. nameOf(id, 'servers'). */
export function nameOf(parsed: ParsedResourceId, type: string): string | undefined {
  return parsed.resources.find((r) => r.type.toLowerCase() === type.toLowerCase())?.name;
}

/** Builds the encoded request path for a parsed/constructed id. */
export function resourceIdPath(parsed: Pick<ParsedResourceId, 'subscriptionId' | 'resourceGroup' | 'provider' | 'resources'>): string {
  const parts: Array<string | { field: string; value: unknown }> = [
    'subscriptions',
    { field: 'Subscription id', value: parsed.subscriptionId },
  ];
  if (parsed.resourceGroup !== undefined) parts.push('resourceGroups', { field: 'Resource group', value: parsed.resourceGroup });
  if (parsed.provider) parts.push('providers', { field: 'Provider', value: parsed.provider });
  for (const r of parsed.resources) parts.push({ field: 'Resource type', value: r.type }, { field: `Name of ${r.type}`, value: r.name });
  return buildPath(parts);
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
