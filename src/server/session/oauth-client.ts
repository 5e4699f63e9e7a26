import {
  type OAuthTokenGrantResponse,
  oauthErrorBodySchema,
  oauthTokenGrantResponseSchema,
} from '../../contract/oauth.ts';
import { describeFetchFailure } from '../proxy/describe-fetch-failure.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { OAuthCredential } from './upstream-credential.ts';

export type OAuthClient = { id: string; secret: string | undefined };

/** An OAuth 2 authorization server Roster is a client of: Zendesk's or Box's. */
export type OAuthProvider = {
  /** Named in what people and the log read: `Zendesk`, `Box`. */
  name: string;
  upstream: Upstream;
  /** The token endpoint below `upstream.baseUrl`. */
  tokenPath: string;
  /** Zendesk reads JSON; Box only a form. */
  bodyFormat: 'json' | 'form';
  client: OAuthClient;
  /** Zendesk checks a PKCE challenge; Box's authorize page takes none. */
  pkce: boolean;
  /** Added to the authorize URL (Zendesk: `scope`). */
  authorizeParams: Record<string, string>;
  /** Added to every token request (Zendesk: `scope` and the lifetime Roster asks for). */
  tokenFields: Record<string, string | number>;
};

/**
 * `refused`: the provider turned the grant down (a spent or revoked refresh token, a wrong client), so
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
  provider: OAuthProvider,
  authorizeEndpoint: string,
  request: { redirectUri: string; state: string; codeChallenge: string },
): string {
  const url = new URL(authorizeEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: provider.client.id,
    redirect_uri: request.redirectUri,
    ...provider.authorizeParams,
    state: request.state,
    ...(provider.pkce && { code_challenge: request.codeChallenge, code_challenge_method: 'S256' }),
  }).toString();
  return url.toString();
}

/** RFC 6749 §6: an answer without a refresh token leaves the one the client has in force. */
function credentialFrom(
  grant: OAuthTokenGrantResponse,
  issuedAt: number,
  refreshToken: string | null,
): OAuthCredential {
  return {
    kind: 'oauth',
    accessToken: grant.access_token,
    refreshToken: grant.refresh_token ?? refreshToken,
    expiresAt: grant.expires_in ? issuedAt + grant.expires_in * 1000 : null,
    issuedAt,
  };
}

async function requestTokens(
  provider: OAuthProvider,
  grant: Record<string, string | undefined>,
  refreshToken: string | null,
) {
  const { upstream, client, name } = provider;
  const all: Record<string, string | number | undefined> = {
    ...grant,
    client_id: client.id,
    client_secret: client.secret,
    ...provider.tokenFields,
  };
  const fields = Object.entries(all).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  const issuedAt = Date.now();
  let response: Response;
  try {
    response = await upstream.fetch(
      new Request(`${upstream.baseUrl}${provider.tokenPath}`, {
        method: 'POST',
        headers: {
          'content-type':
            provider.bodyFormat === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body:
          provider.bodyFormat === 'json'
            ? JSON.stringify(Object.fromEntries(fields))
            : new URLSearchParams(fields.map(([key, value]) => [key, String(value)])).toString(),
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
        ? `${name} refused the grant: ${failure.data.error_description ?? failure.data.error}`
        : `${name}'s token endpoint answered ${response.status}`,
      refused,
    );
  }
  const parsed = oauthTokenGrantResponseSchema.safeParse(json);
  if (!parsed.success) {
    throw new OAuthExchangeError(`${name}'s token endpoint answered in an unexpected shape`, false);
  }
  return credentialFrom(parsed.data, issuedAt, refreshToken);
}

export function exchangeCode(
  provider: OAuthProvider,
  exchange: { code: string; redirectUri: string; codeVerifier: string },
): Promise<OAuthCredential> {
  return requestTokens(
    provider,
    {
      grant_type: 'authorization_code',
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
      code_verifier: provider.pkce ? exchange.codeVerifier : undefined,
    },
    null,
  );
}

export function refreshTokens(provider: OAuthProvider, refreshToken: string): Promise<OAuthCredential> {
  return requestTokens(provider, { grant_type: 'refresh_token', refresh_token: refreshToken }, refreshToken);
}
