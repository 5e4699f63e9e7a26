import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { toZendeskTimestamp } from '../../../contract/timestamp.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { DEMO_OAUTH_CLIENT } from '../demo-identities.ts';
import { nowTimestamp } from './now.ts';

export type OAuthClientRow = {
  identifier: string;
  name: string;
  secret: string | null;
  redirect_uris: string;
};

type CodeRow = {
  client_id: string;
  user_id: number;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  expires_at: string;
  used: number;
};

type RefreshRow = {
  client_id: string;
  user_id: number;
  scopes: string;
  access_token: string;
  expires_at: string;
  used: number;
};

export type IssuedTokens = {
  accessToken: string;
  refreshToken: string;
  scopes: string;
  expiresIn: number;
  refreshTokenExpiresIn: number;
};

/** Zendesk's authorization codes are good for two minutes. */
const CODE_LIFETIME_SECONDS = 120;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class OAuthGrantError extends Error {
  constructor(
    readonly code: 'invalid_grant' | 'invalid_client' | 'invalid_request',
    description: string,
  ) {
    super(description);
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secondsFromNow = (seconds: number) => toZendeskTimestamp(new Date(Date.now() + seconds * 1000));

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(sha256(a));
  const right = Buffer.from(sha256(b));
  return timingSafeEqual(left, right);
}

/** Every sandbox, even one seeded before sign-in existed, knows Roster's own client. */
export function ensureDemoOAuthClient(db: SandboxDatabase): void {
  db.prepare(
    'INSERT OR IGNORE INTO oauth_clients (identifier, name, secret, redirect_uris) VALUES (?, ?, ?, ?)',
  ).run(
    DEMO_OAUTH_CLIENT.identifier,
    DEMO_OAUTH_CLIENT.name,
    DEMO_OAUTH_CLIENT.secret,
    DEMO_OAUTH_CLIENT.redirectUris.join('\n'),
  );
}

export function findOAuthClient(db: SandboxDatabase, identifier: string): OAuthClientRow | undefined {
  return db.prepare('SELECT * FROM oauth_clients WHERE identifier = ?').get(identifier) as
    | OAuthClientRow
    | undefined;
}

/** Exact match, except that a registered loopback URL matches the same URL on any port. */
export function isRegisteredRedirect(client: OAuthClientRow, redirectUri: string): boolean {
  let candidate: URL;
  try {
    candidate = new URL(redirectUri);
  } catch {
    return false;
  }
  return client.redirect_uris.split('\n').some((registered) => {
    if (registered === redirectUri) return true;
    const allowed = new URL(registered);
    return (
      LOOPBACK_HOSTS.has(allowed.hostname) &&
      allowed.protocol === candidate.protocol &&
      allowed.hostname === candidate.hostname &&
      allowed.pathname === candidate.pathname &&
      candidate.search === '' &&
      candidate.hash === ''
    );
  });
}

/** A confidential client proves itself with its secret, or with PKCE when it sends none. */
export function authenticateClient(
  db: SandboxDatabase,
  clientId: string,
  clientSecret: string | undefined,
  usesPkce: boolean,
): OAuthClientRow {
  const client = findOAuthClient(db, clientId);
  if (!client) throw new OAuthGrantError('invalid_client', 'Unknown client');
  if (clientSecret !== undefined) {
    if (client.secret === null || !sameSecret(client.secret, clientSecret)) {
      throw new OAuthGrantError('invalid_client', 'Client authentication failed');
    }
  } else if (client.secret !== null && !usesPkce) {
    throw new OAuthGrantError('invalid_client', 'Client authentication failed');
  }
  return client;
}

export function createAuthorizationCode(
  db: SandboxDatabase,
  grant: {
    clientId: string;
    userId: number;
    redirectUri: string;
    scopes: string;
    codeChallenge: string | undefined;
  },
): string {
  const code = randomBytes(24).toString('hex');
  db.prepare(
    `INSERT INTO oauth_codes (code_hash, client_id, user_id, redirect_uri, scopes, code_challenge, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sha256(code),
    grant.clientId,
    grant.userId,
    grant.redirectUri,
    grant.scopes,
    grant.codeChallenge ?? null,
    secondsFromNow(CODE_LIFETIME_SECONDS),
  );
  return code;
}

function issueTokens(
  db: SandboxDatabase,
  grant: { clientId: string; userId: number; scopes: string },
  lifetimes: { expiresIn: number; refreshTokenExpiresIn: number },
): IssuedTokens {
  const accessToken = randomBytes(32).toString('hex');
  const refreshToken = randomBytes(32).toString('hex');
  db.prepare(
    `INSERT INTO oauth_tokens (token, user_id, client_id, scopes, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    accessToken,
    grant.userId,
    grant.clientId,
    grant.scopes,
    nowTimestamp(),
    secondsFromNow(lifetimes.expiresIn),
  );
  db.prepare(
    `INSERT INTO oauth_refresh_tokens (token, client_id, user_id, scopes, access_token, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    refreshToken,
    grant.clientId,
    grant.userId,
    grant.scopes,
    accessToken,
    secondsFromNow(lifetimes.refreshTokenExpiresIn),
  );
  return { accessToken, refreshToken, scopes: grant.scopes, ...lifetimes };
}

/** The code is spent whether or not the exchange succeeds, so a leaked code is worth one try. */
export function exchangeAuthorizationCode(
  db: SandboxDatabase,
  exchange: {
    client: OAuthClientRow;
    code: string;
    redirectUri: string;
    codeVerifier: string | undefined;
  },
  lifetimes: { expiresIn: number; refreshTokenExpiresIn: number },
): IssuedTokens {
  return db.transaction(() => {
    const hash = sha256(exchange.code);
    const row = db.prepare('SELECT * FROM oauth_codes WHERE code_hash = ?').get(hash) as CodeRow | undefined;
    if (!row || row.used === 1 || row.expires_at <= nowTimestamp()) {
      throw new OAuthGrantError(
        'invalid_grant',
        'The authorization code is invalid, expired or already used',
      );
    }
    db.prepare('UPDATE oauth_codes SET used = 1 WHERE code_hash = ?').run(hash);
    if (row.client_id !== exchange.client.identifier) {
      throw new OAuthGrantError('invalid_grant', 'The authorization code was issued to another client');
    }
    if (row.redirect_uri !== exchange.redirectUri) {
      throw new OAuthGrantError('invalid_grant', 'redirect_uri does not match the authorization request');
    }
    if (row.code_challenge !== null) {
      const verifier = exchange.codeVerifier ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (challenge !== row.code_challenge) {
        throw new OAuthGrantError('invalid_grant', 'code_verifier does not match the code challenge');
      }
    }
    return issueTokens(db, { clientId: row.client_id, userId: row.user_id, scopes: row.scopes }, lifetimes);
  })();
}

/** Refresh tokens rotate: the old refresh token and the access token it was paired with stop working. */
export function refreshAccessToken(
  db: SandboxDatabase,
  refresh: { client: OAuthClientRow; refreshToken: string },
  lifetimes: { expiresIn: number; refreshTokenExpiresIn: number },
): IssuedTokens {
  return db.transaction(() => {
    const row = db.prepare('SELECT * FROM oauth_refresh_tokens WHERE token = ?').get(refresh.refreshToken) as
      | RefreshRow
      | undefined;
    if (!row || row.used === 1 || row.expires_at <= nowTimestamp()) {
      throw new OAuthGrantError('invalid_grant', 'The refresh token is invalid, expired or already used');
    }
    if (row.client_id !== refresh.client.identifier) {
      throw new OAuthGrantError('invalid_grant', 'The refresh token was issued to another client');
    }
    db.prepare('UPDATE oauth_refresh_tokens SET used = 1 WHERE token = ?').run(refresh.refreshToken);
    db.prepare('DELETE FROM oauth_tokens WHERE token = ?').run(row.access_token);
    return issueTokens(db, { clientId: row.client_id, userId: row.user_id, scopes: row.scopes }, lifetimes);
  })();
}
