// Entra ID v2 (client credentials only): POST {authority}/{tenant}/oauth2/v2.0/token and the OpenID
// metadata MSAL reads first, so @azure/identity's ClientSecretCredential works against the emulator.
import { createHash, randomUUID } from 'node:crypto';
import type { ServiceContext, ServiceModule } from '../../core/context';
import type { EmulatorRequest, EmulatorResponse } from '../../core/http';
import { audienceFromScope } from '../../core/tokens';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stable object id per client id, so the same app always gets the same oid. */
const oidFor = (clientId: string): string => {
  const h = createHash('sha256').update(`emulator-app:${clientId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Entra's OAuth error shape. */
function oauthError(status: number, error: string, aadsts: number, description: string): EmulatorResponse {
  const traceId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${aadsts}: ${description} Trace ID: ${traceId} Timestamp: ${new Date().toISOString()}`,
      error_codes: [aadsts],
      timestamp: new Date().toISOString().replace('T', ' ').replace('Z', 'Z'),
      trace_id: traceId,
      correlation_id: randomUUID(),
    },
  };
}

export const entraModule: ServiceModule = {
  name: 'entra',
  register(ctx: ServiceContext) {
    const tenantOf = (req: EmulatorRequest): string =>
      GUID.test(req.params.tenant) ? req.params.tenant.toLowerCase() : ctx.store.state.tenantId;

    ctx.router.add('GET', '/entra/{tenant}/v2.0/.well-known/openid-configuration', (req) => {
      const t = req.params.tenant;
      const a = `${req.base}/entra/${t}`;
      return {
        status: 200,
        body: {
          token_endpoint: `${a}/oauth2/v2.0/token`,
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
          jwks_uri: `${a}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          issuer: `${req.base}/entra/${tenantOf(req)}/v2.0`,
          request_uri_parameter_supported: false,
          userinfo_endpoint: `${a}/openid/userinfo`,
          authorization_endpoint: `${a}/oauth2/v2.0/authorize`,
          device_authorization_endpoint: `${a}/oauth2/v2.0/devicecode`,
          http_logout_supported: true,
          frontchannel_logout_supported: true,
          end_session_endpoint: `${a}/oauth2/v2.0/logout`,
          claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid', 'ver'],
          tenant_region_scope: 'WW',
          cloud_instance_name: 'emulator.local',
        },
      };
    });

    ctx.router.add('GET', '/entra/{tenant}/discovery/v2.0/keys', () => ({ status: 200, body: { keys: [] } }));

    ctx.router.add('POST', '/entra/{tenant}/oauth2/v2.0/token', (req) => {
      const form = new URLSearchParams(req.rawBody);
      // client_secret_basic is allowed too: credentials in the Authorization header.
      const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
      const [basicId, basicSecret] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':') : [];
      const grant = form.get('grant_type');
      const clientId = form.get('client_id') ?? basicId;
      const secret = form.get('client_secret') ?? basicSecret;
      const scope = form.get('scope');
      if (grant !== 'client_credentials') {
        return oauthError(
          400,
          'unsupported_grant_type',
          70003,
          `The app requested an unsupported grant type '${grant ?? ''}'. The emulator supports client_credentials only.`,
        );
      }
      if (!clientId)
        return oauthError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
      if (!secret)
        return oauthError(
          401,
          'invalid_client',
          7000215,
          'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.',
        );
      const aud = scope ? audienceFromScope(scope) : undefined;
      if (!aud)
        return oauthError(
          400,
          'invalid_scope',
          1002012,
          'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
        );
      const tid = tenantOf(req);
      const iat = Math.floor(ctx.now() / 1000);
      const exp = iat + ctx.options.tokenLifetimeSeconds;
      const oid = oidFor(clientId);
      const token = ctx.tokens.sign({
        aud,
        iss: `${req.base}/entra/${tid}/v2.0`,
        tid,
        oid,
        sub: oid,
        appid: clientId,
        azp: clientId,
        iat,
        nbf: iat,
        exp,
        ver: '2.0',
      });
      const lifetime = exp - iat;
      return {
        status: 200,
        headers: { 'cache-control': 'no-store, no-cache' },
        body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token },
      };
    });
  },
};
