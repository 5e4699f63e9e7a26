import { Hono } from 'hono';
import { z } from 'zod';
import type { OAuthErrorBody } from '../../../contract/oauth.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import {
  exchangeAuthorizationCode,
  type IssuedTokens,
  identifyClient,
  OAuthGrantError,
  refreshAccessToken,
} from '../store/oauth-grants.ts';

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

function oauthError(error: string, description: string, status: 400 | 401) {
  const body: OAuthErrorBody = { error, error_description: description };
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

async function readGrantBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (/^application\/json\b/i.test(type)) return request.json().catch(() => undefined);
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return Object.fromEntries(new URLSearchParams(await request.text()));
  }
  return undefined;
}

/** `POST /oauth/tokens` for the authorization_code and refresh_token grant types (outside `/api/v2`). */
export function oauthTokenGrantRoutes({ db }: Pick<SandboxDeps, 'db'>) {
  const app = new Hono();
  app.post('/tokens', async (c) => {
    const parsed = grantSchema.safeParse(await readGrantBody(c.req.raw));
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      return oauthError(
        problem?.path[0] === 'grant_type' ? 'unsupported_grant_type' : 'invalid_request',
        problem ? `${problem.path.join('.') || 'body'}: ${problem.message}` : 'Invalid request',
        400,
      );
    }
    const grant = parsed.data;
    const lifetimes = { expiresIn: grant.expires_in, refreshTokenExpiresIn: grant.refresh_token_expires_in };
    let tokens: IssuedTokens;
    try {
      const { client, secretVerified } = identifyClient(db, grant.client_id, grant.client_secret);
      tokens =
        grant.grant_type === 'authorization_code'
          ? exchangeAuthorizationCode(
              db,
              {
                client,
                secretVerified,
                code: grant.code,
                redirectUri: grant.redirect_uri,
                codeVerifier: grant.code_verifier,
              },
              lifetimes,
            )
          : refreshAccessToken(db, { client, secretVerified, refreshToken: grant.refresh_token }, lifetimes);
    } catch (error) {
      if (!(error instanceof OAuthGrantError)) throw error;
      return oauthError(error.code, error.message, error.code === 'invalid_client' ? 401 : 400);
    }
    return c.json(
      {
        access_token: tokens.accessToken,
        token_type: 'bearer',
        scope: tokens.scopes,
        expires_in: tokens.expiresIn,
        refresh_token: tokens.refreshToken,
        refresh_token_expires_in: tokens.refreshTokenExpiresIn,
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });
  return app;
}
