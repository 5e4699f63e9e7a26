import {
  OAUTH_SCOPES,
  type OAuthTokenGrantResponse,
  oauthErrorBodySchema,
  oauthTokenGrantResponseSchema,
} from '../../contract/oauth.ts';
import { describeFetchFailure } from '../proxy/describe-fetch-failure.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { UpstreamCredential } from './upstream-credential.ts';

/** `accessTokenSeconds`: the lifetime Roster asks for; it refreshes the token before it ends. */
export type OAuthClient = { id: string; secret: string | undefined; accessTokenSeconds: number };

/**
 * `refused`: Zendesk turned the grant down (a spent or revoked refresh token, a wrong client), so
 * asking again will not help; otherwise it could not be asked (network, timeout, 5xx, 429).
 */
export class OAuthExchangeError extends Error {
  constructor(
    message: string,
    readonly refused: boolean,
  ) {
    super(message);
  }
}

export function authorizationUrl(
  authorizeBase: string,
  client: OAuthClient,
  request: { redirectUri: string; state: string; codeChallenge: string },
): string {
  const url = new URL(`${authorizeBase}/oauth/authorizations/new`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.id,
    redirect_uri: request.redirectUri,
    scope: OAUTH_SCOPES.join(' '),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** RFC 6749 §6: an answer without a refresh token leaves the one the client has in force. */
function credentialFrom(
  grant: OAuthTokenGrantResponse,
  issuedAt: number,
  refreshToken: string | null,
): UpstreamCredential {
  return {
    kind: 'oauth',
    accessToken: grant.access_token,
    refreshToken: grant.refresh_token ?? refreshToken,
    expiresAt: grant.expires_in ? issuedAt + grant.expires_in * 1000 : null,
    issuedAt,
  };
}

async function requestTokens(
  upstream: Upstream,
  body: Record<string, string | number | undefined>,
  refreshToken: string | null,
) {
  const issuedAt = Date.now();
  let response: Response;
  try {
    response = await upstream.fetch(
      new Request(`${upstream.baseUrl}/oauth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      }),
    );
  } catch (error) {
    throw new OAuthExchangeError(describeFetchFailure(error, upstream.baseUrl), false);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const failure = oauthErrorBodySchema.safeParse(json);
    const refused = failure.success && (response.status === 400 || response.status === 401);
    throw new OAuthExchangeError(
      failure.success
        ? `Zendesk refused the sign-in: ${failure.data.error_description ?? failure.data.error}`
        : `Zendesk's token endpoint answered ${response.status}`,
      refused,
    );
  }
  const grant = oauthTokenGrantResponseSchema.safeParse(json);
  if (!grant.success) {
    throw new OAuthExchangeError("Zendesk's token endpoint answered in an unexpected shape", false);
  }
  return credentialFrom(grant.data, issuedAt, refreshToken);
}

export function exchangeCode(
  upstream: Upstream,
  client: OAuthClient,
  exchange: { code: string; redirectUri: string; codeVerifier: string },
): Promise<UpstreamCredential> {
  return requestTokens(
    upstream,
    {
      grant_type: 'authorization_code',
      code: exchange.code,
      client_id: client.id,
      client_secret: client.secret,
      redirect_uri: exchange.redirectUri,
      code_verifier: exchange.codeVerifier,
      scope: OAUTH_SCOPES.join(' '),
      expires_in: client.accessTokenSeconds,
    },
    null,
  );
}

export function refreshTokens(
  upstream: Upstream,
  client: OAuthClient,
  refreshToken: string,
): Promise<UpstreamCredential> {
  return requestTokens(
    upstream,
    {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: client.id,
      client_secret: client.secret,
      expires_in: client.accessTokenSeconds,
    },
    refreshToken,
  );
}
