// Checks the shape of a message from a webview page before a panel acts on it: a page is a separate
// program (and a stale one after an update), so an unknown `type` or a missing field is refused
// rather than half-handled. One JSON schema per message type, compiled on first use.
import Ajv, { type SchemaObject, type ValidateFunction } from 'ajv';

/** The reason a message is refused, or undefined when its shape is right. */
export type MessageShapeCheck = (message: unknown) => string | undefined;

/** JSON schema of each message's fields (its `type` is the key); every message type must have one. */
export type MessageSchemas<M extends { type: string }> = { [K in M['type']]: SchemaObject };

let ajv: Ajv | undefined;

export function messageShapeCheck<M extends { type: string }>(schemas: MessageSchemas<M>): MessageShapeCheck {
  const compiled = new Map<string, ValidateFunction>();
  const bySchema = schemas as Record<string, SchemaObject>;
  return (message) => {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return 'not an object';
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string') return 'no string "type"';
    if (!Object.prototype.hasOwnProperty.call(bySchema, type)) return `unknown message type "${type}"`;
    let validate = compiled.get(type);
    if (!validate) {
      ajv ??= new Ajv({ allErrors: true, strict: true });
      validate = ajv.compile({
        type: 'object',
        ...bySchema[type],
        properties: { type: { const: type }, ...(bySchema[type].properties as object) },
      });
      compiled.set(type, validate);
    }
    if (validate(message)) return undefined;
    return `"${type}" ${ajv!.errorsText(validate.errors, { dataVar: 'message' })}`;
  };
}

// Building blocks for the schemas next to each protocol.
export const str: SchemaObject = { type: 'string' };
export const bool: SchemaObject = { type: 'boolean' };
export const oneOfStrings = (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] });
/** An object whose listed properties are all required. */
export const fields = (properties: Record<string, SchemaObject>, optional: Record<string, SchemaObject> = {}): SchemaObject => ({
  type: 'object',
  properties: { ...properties, ...optional },
  required: Object.keys(properties),
});
export const noFields: SchemaObject = fields({});
export const cspViolationSchema: SchemaObject = fields({ directive: str, blocked: str });
