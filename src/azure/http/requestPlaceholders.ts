// Secrets in request bodies become named placeholders (<hub-password>, <sync-agent-key>…) in anything the
// user copies, so a pasted request says what to fill in. Names outside the list but secret-looking
// (redaction.ts isSecretName) still become <redacted>.
import { isSecretName, REDACTED, redactJson } from './redaction';

/** Secret request-body properties and the placeholder each becomes (matched case-insensitively). */
export const SECRET_PLACEHOLDERS: Readonly<Record<string, string>> = {
  hubdatabasepassword: '<hub-password>',
  password: '<password>',
  syncagentkey: '<sync-agent-key>',
  clientsecret: '<client-secret>',
  accountkey: '<account-key>',
  storageaccountkey: '<storage-account-key>',
  sastoken: '<sas-token>',
  connectionstring: '<connection-string>',
  token: '<token>',
};

/** Deep copy of a request body with every secret replaced: listed names by their placeholder, others by <redacted>. */
export function redactWithPlaceholders(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactWithPlaceholders);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const placeholder = SECRET_PLACEHOLDERS[key.toLowerCase()];
    if (placeholder !== undefined && v !== null && typeof v !== 'object') out[key] = placeholder;
    else if (isSecretName(key)) out[key] = v === null ? null : (redactJson({ [key]: v }) as Record<string, unknown>)[key];
    else out[key] = redactWithPlaceholders(v);
  }
  return out;
}

/** A body given as text (JSON or not), redacted the same way; non-JSON text goes through the free-text rules. */
export function redactBodyWithPlaceholders(body: unknown): unknown {
  if (typeof body !== 'string') return redactWithPlaceholders(body);
  try {
    return redactWithPlaceholders(JSON.parse(body));
  } catch {
    return REDACTED;
  }
}
