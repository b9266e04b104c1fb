// Redaction of secrets before anything is logged, shown or copied. Secrets here: bearer tokens,
// passwords (hubDatabasePassword, member password), client secrets, sync agent keys, SAS signatures,
// OAuth codes and tokens. Names are matched case-insensitively and by suffix (…Password, …Secret…).

export const REDACTED = '<redacted>';

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-ms-authorization-auxiliary',
  'ocp-apim-subscription-key',
  'x-functions-key',
]);

const SECRET_NAME =
  /(password|passwd|pwd|secret|token|agentkey|^key$|apikey|accountkey|accesskey|primarykey|secondarykey|signature|assertion|connectionstring|sastoken|sasuri|saskey)/i;
/** Query parameters that carry credentials (SAS `sig`, OAuth `code`) besides the secret names above. */
const SECRET_QUERY = new Set(['sig', 'code', 'client_secret', 'access_token', 'refresh_token', 'id_token', 'client_assertion', 'password']);
/** Names that look secret but are not (paging and continuation tokens are plain cursors). */
const NOT_SECRET = new Set([
  'continuationtoken',
  'skiptoken',
  '$skiptoken',
  'nextlink',
  'token_type',
  'tokentype',
  'hubdatabaseusername',
  'username',
  'expires_in',
]);

export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  return !NOT_SECRET.has(lower) && SECRET_NAME.test(lower);
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || isSecretName(name);
}

export function isSecretQueryParam(name: string): boolean {
  return SECRET_QUERY.has(name.toLowerCase()) || isSecretName(name);
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = isSecretHeader(name) ? REDACTED : value;
  return out;
}

/** Replaces the values of secret query parameters (sig, code, client_secret, access_token…) and URL passwords,
 *  leaving the rest of the URL byte for byte. */
export function redactUrl(url: string): string {
  const withoutUserInfo = url.replace(
    /^(\w+:\/\/)([^/@?#]*)@/,
    (_m, scheme: string, info: string) => `${scheme}${info.split(':')[0]}${info.includes(':') ? `:${REDACTED}` : ''}@`,
  );
  return redactQueryString(withoutUserInfo);
}

function redactQueryString(text: string): string {
  return text.replace(/([?&])([^=&#]+)=([^&#]*)/g, (m, sep: string, name: string) =>
    isSecretQueryParam(decodeURIComponentSafe(name)) ? `${sep}${name}=${REDACTED}` : m,
  );
}

/** Deep copy of a JSON value with every secret-named property replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!isSecretName(k) || v === null) out[k] = redactJson(v);
      else out[k] = typeof v === 'object' ? redactEverything(v) : REDACTED;
    }
    return out;
  }
  return value;
}

function redactEverything(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactEverything);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.keys(value).map((k) => [k, REDACTED]));
  return REDACTED;
}

/** Redacts a body given as text: JSON, an x-www-form-urlencoded form, or anything else (bearer tokens, key=value). */
export function redactBodyText(text: string, contentType = ''): string {
  if (text === '') return text;
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(redactJson(JSON.parse(trimmed)));
    } catch {
      /* not JSON after all: fall through to the text rules */
    }
  }
  if (contentType.includes('x-www-form-urlencoded') || /^[\w.%-]+=[^&]*(&[\w.%-]+=[^&]*)*$/.test(trimmed)) {
    return trimmed
      .split('&')
      .map((pair) => {
        const [name, ...rest] = pair.split('=');
        return isSecretQueryParam(decodeURIComponentSafe(name)) ? `${name}=${REDACTED}` : [name, ...rest].join('=');
      })
      .join('&');
  }
  return redactFreeText(text);
}

/** Last line of defence for free text (error messages, HTML): bearer tokens, JWTs, "password": "…". */
export function redactFreeText(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`)
    .replace(/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED)
    .replace(/("([^"\\]*)"\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (m, prefix: string, name: string) =>
      isSecretName(name) ? `${prefix}"${REDACTED}"` : m,
    )
    .replace(/\b([A-Za-z_]*(?:password|secret|sig|access_token|refresh_token|client_secret)[A-Za-z_]*)=([^&\s;"]+)/gi, `$1=${REDACTED}`);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
