import { Hono } from 'hono';
import { z } from 'zod';
import type { OAuthErrorBody } from '../../../contract/oauth.ts';
import { type GrantStore, type IssuedTokens, OAuthGrantError } from '../store/oauth-grants.ts';

/** Zendesk caps a requested lifetime at two days. The sandbox has no 300-second floor, so tests can watch expiry. */
const lifetime = (fallback: number) => z.coerce.number().int().min(1).max(172_800).default(fallback);

const common = {
  client_id: z.string().min(1).max(200),
  client_secret: z.string().min(1).max(500).optional(),
  expires_in: lifetime(3600),
  refresh_token_expires_in: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 86_400)
    .default(30 * 86_400),
};

const grantSchema = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: z.string().min(1).max(200),
    redirect_uri: z.string().min(1).max(2000),
    code_verifier: z.string().min(43).max(128).optional(),
    scope: z.string().optional(),
    ...common,
  }),
  z.object({
    grant_type: z.literal('refresh_token'),
    refresh_token: z.string().min(1).max(200),
    ...common,
  }),
]);

type Grant = z.infer<typeof grantSchema>;
type Lifetimes = { expiresIn: number; refreshTokenExpiresIn: number };

/** What makes the token endpoint Zendesk's or Box's. */
export type TokenEndpoint = {
  /** Below the mount point: `/tokens` (Zendesk), `/token` (Box). */
  path: string;
  grants: GrantStore;
  /** Zendesk reads JSON or a form; Box only a form. */
  acceptsJson: boolean;
  /** Zendesk answers a failed client check with 401, Box with 400. */
  invalidClientStatus: 400 | 401;
  lifetimes(grant: Grant): Lifetimes;
  /** The success body, in the provider's shape. */
  present(tokens: IssuedTokens): Record<string, unknown>;
};

function oauthError(error: string, description: string, status: 400 | 401) {
  const body: OAuthErrorBody = { error, error_description: description };
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

async function readGrantBody(request: Request, acceptsJson: boolean): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (acceptsJson && /^application\/json\b/i.test(type)) return request.json().catch(() => undefined);
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return Object.fromEntries(new URLSearchParams(await request.text()));
  }
  return undefined;
}

/** The token endpoint for the authorization_code and refresh_token grant types (outside the API). */
export function oauthTokenGrantRoutes(endpoint: TokenEndpoint) {
  const { grants } = endpoint;
  const app = new Hono();
  app.post(endpoint.path, async (c) => {
    const parsed = grantSchema.safeParse(await readGrantBody(c.req.raw, endpoint.acceptsJson));
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      return oauthError(
        problem?.path[0] === 'grant_type' ? 'unsupported_grant_type' : 'invalid_request',
        problem ? `${problem.path.join('.') || 'body'}: ${problem.message}` : 'Invalid request',
        400,
      );
    }
    const grant = parsed.data;
    const lifetimes = endpoint.lifetimes(grant);
    let tokens: IssuedTokens;
    try {
      const { client, secretVerified } = grants.identifyClient(grant.client_id, grant.client_secret);
      tokens =
        grant.grant_type === 'authorization_code'
          ? grants.exchangeAuthorizationCode(
              {
                client,
                secretVerified,
                code: grant.code,
                redirectUri: grant.redirect_uri,
                codeVerifier: grant.code_verifier,
              },
              lifetimes,
            )
          : grants.refreshAccessToken(
              { client, secretVerified, refreshToken: grant.refresh_token },
              lifetimes,
            );
    } catch (error) {
      if (!(error instanceof OAuthGrantError)) throw error;
      return oauthError(
        error.code,
        error.message,
        error.code === 'invalid_client' ? endpoint.invalidClientStatus : 400,
      );
    }
    return c.json(endpoint.present(tokens), 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}
