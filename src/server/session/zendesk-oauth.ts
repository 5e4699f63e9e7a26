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

export class OAuthExchangeError extends Error {}

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

function credentialFrom(grant: OAuthTokenGrantResponse, issuedAt: number): UpstreamCredential {
  return {
    kind: 'oauth',
    accessToken: grant.access_token,
    refreshToken: grant.refresh_token ?? null,
    expiresAt: grant.expires_in ? issuedAt + grant.expires_in * 1000 : null,
  };
}

async function requestTokens(upstream: Upstream, body: Record<string, string | number | undefined>) {
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
    throw new OAuthExchangeError(describeFetchFailure(error, upstream.baseUrl));
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const failure = oauthErrorBodySchema.safeParse(json);
    throw new OAuthExchangeError(
      failure.success
        ? `Zendesk refused the sign-in: ${failure.data.error_description ?? failure.data.error}`
        : `Zendesk's token endpoint answered ${response.status}`,
    );
  }
  const grant = oauthTokenGrantResponseSchema.safeParse(json);
  if (!grant.success)
    throw new OAuthExchangeError("Zendesk's token endpoint answered in an unexpected shape");
  return credentialFrom(grant.data, issuedAt);
}

export function exchangeCode(
  upstream: Upstream,
  client: OAuthClient,
  exchange: { code: string; redirectUri: string; codeVerifier: string },
): Promise<UpstreamCredential> {
  return requestTokens(upstream, {
    grant_type: 'authorization_code',
    code: exchange.code,
    client_id: client.id,
    client_secret: client.secret,
    redirect_uri: exchange.redirectUri,
    code_verifier: exchange.codeVerifier,
    scope: OAUTH_SCOPES.join(' '),
    expires_in: client.accessTokenSeconds,
  });
}

export function refreshTokens(
  upstream: Upstream,
  client: OAuthClient,
  refreshToken: string,
): Promise<UpstreamCredential> {
  return requestTokens(upstream, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: client.id,
    client_secret: client.secret,
    expires_in: client.accessTokenSeconds,
  });
}
