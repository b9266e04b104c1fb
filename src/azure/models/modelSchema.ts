// A tiny declarative shape check for service responses. Deserializing checks the types of the fields
// we read (a wrong type fails with the JSON path, instead of surfacing later as "undefined" in the UI)
// and returns a copy that keeps EVERY key, known or not, so nothing the service sends is lost and
// new properties flow through. Enums are plain strings (open-ended); dates stay ISO strings.

export type FieldSpec = 'string' | 'number' | 'boolean' | 'object' | 'any' | ArraySpec | ModelSpec;
export interface ArraySpec {
  arrayOf: FieldSpec;
}
export interface ModelSpec {
  model: string;
  fields: Record<string, FieldSpec>;
}

export function model(name: string, fields: Record<string, FieldSpec>): ModelSpec {
  return { model: name, fields };
}

export function arrayOf(item: FieldSpec): ArraySpec {
  return { arrayOf: item };
}

/** ARM's common envelope: id, name, type, properties (+ systemData, location, tags, kind...). */
export function armResource(name: string, properties: Record<string, FieldSpec>, extra: Record<string, FieldSpec> = {}): ModelSpec {
  return model(name, {
    id: 'string',
    name: 'string',
    type: 'string',
    location: 'string',
    tags: 'object',
    kind: 'string',
    systemData: 'object',
    properties: model(`${name}Properties`, properties),
    ...extra,
  });
}

export class ModelShapeError extends Error {
  override readonly name = 'ModelShapeError';
  constructor(
    readonly path: string,
    expected: string,
    actual: unknown,
  ) {
    super(
      `Unexpected response shape at ${path}: expected ${expected}, got ${actual === null ? 'null' : Array.isArray(actual) ? 'array' : typeof actual}.`,
    );
  }
}

export function deserialize<T>(spec: FieldSpec, raw: unknown, path = typeof spec === 'object' && 'model' in spec ? spec.model : '$'): T {
  return check(spec, raw, path) as T;
}

function check(spec: FieldSpec, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value; // optional/nullable everywhere: services omit freely
  if (spec === 'any') return clone(value);
  if (spec === 'string' || spec === 'number' || spec === 'boolean') {
    if (typeof value !== spec) throw new ModelShapeError(path, spec, value);
    return value;
  }
  if (spec === 'object') {
    if (typeof value !== 'object' || Array.isArray(value)) throw new ModelShapeError(path, 'object', value);
    return clone(value);
  }
  if ('arrayOf' in spec) {
    if (!Array.isArray(value)) throw new ModelShapeError(path, 'array', value);
    return value.map((item, i) => check(spec.arrayOf, item, `${path}[${i}]`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw new ModelShapeError(path, spec.model, value);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const fieldSpec = spec.fields[key];
    out[key] = fieldSpec ? check(fieldSpec, v, `${path}.${key}`) : clone(v);
  }
  return out;
}

function clone(v: unknown): unknown {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}
