import { createHash, randomBytes } from 'node:crypto';
import { toZendeskTimestamp } from '../../../contract/timestamp.ts';
import { preparedStatement } from '../../shared/prepared-statements.ts';
import { sameText } from '../../shared/same-text.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
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

/** Zendesk's authorization codes are good for two minutes; Box's for 30 seconds, but the sandbox gives both two. */
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

/** A client the sandbox registers on every start, as README documents it. */
export type DemoOAuthClient = {
  identifier: string;
  name: string;
  secret: string;
  redirectUris: readonly string[];
};

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

export type GrantStore = ReturnType<typeof grantStore>;

/**
 * OAuth clients, codes and tokens of one provider. Zendesk's live in `oauth_*` and Box's in
 * `box_oauth_*`: the same shapes, but each table's `user_id` points at its own provider's users.
 */
export function grantStore(db: SandboxDatabase, tablePrefix: '' | 'box_') {
  const table = {
    clients: `${tablePrefix}oauth_clients`,
    codes: `${tablePrefix}oauth_codes`,
    tokens: `${tablePrefix}oauth_tokens`,
    refreshTokens: `${tablePrefix}oauth_refresh_tokens`,
  };

  function findClient(identifier: string): OAuthClientRow | undefined {
    return preparedStatement(db, `SELECT * FROM ${table.clients} WHERE identifier = ?`).get(identifier) as
      | OAuthClientRow
      | undefined;
  }

  function issueTokens(
    grant: { clientId: string; userId: number; scopes: string },
    lifetimes: { expiresIn: number; refreshTokenExpiresIn: number },
  ): IssuedTokens {
    const accessToken = randomBytes(32).toString('hex');
    const refreshToken = randomBytes(32).toString('hex');
    preparedStatement(
      db,
      `INSERT INTO ${table.tokens} (token, user_id, client_id, scopes, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      accessToken,
      grant.userId,
      grant.clientId,
      grant.scopes,
      nowTimestamp(),
      secondsFromNow(lifetimes.expiresIn),
    );
    preparedStatement(
      db,
      `INSERT INTO ${table.refreshTokens} (token, client_id, user_id, scopes, access_token, expires_at)
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

  return {
    findClient,

    /**
     * Every sandbox, even one seeded before sign-in existed, knows Roster's own client, with the
     * loopback callbacks and any others Roster is reached at (PUBLIC_URL).
     */
    ensureDemoClient(client: DemoOAuthClient, extraRedirectUris: readonly string[] = []): void {
      const redirectUris = [...new Set([...client.redirectUris, ...extraRedirectUris])].join('\n');
      preparedStatement(
        db,
        `INSERT INTO ${table.clients} (identifier, name, secret, redirect_uris) VALUES (?, ?, ?, ?)
         ON CONFLICT(identifier) DO UPDATE SET redirect_uris = excluded.redirect_uris`,
      ).run(client.identifier, client.name, client.secret, redirectUris);
    },

    /** The client named in a token request, and whether it proved itself with its secret. */
    identifyClient(
      clientId: string,
      clientSecret: string | undefined,
    ): { client: OAuthClientRow; secretVerified: boolean } {
      const client = findClient(clientId);
      if (!client) throw new OAuthGrantError('invalid_client', 'Unknown client');
      if (clientSecret === undefined) return { client, secretVerified: false };
      if (client.secret === null || !sameText(client.secret, clientSecret)) {
        throw new OAuthGrantError('invalid_client', 'Client authentication failed');
      }
      return { client, secretVerified: true };
    },

    createAuthorizationCode(grant: {
      clientId: string;
      userId: number;
      redirectUri: string;
      scopes: string;
      codeChallenge: string | undefined;
    }): string {
      const code = randomBytes(24).toString('hex');
      preparedStatement(
        db,
        `INSERT INTO ${table.codes} (code_hash, client_id, user_id, redirect_uri, scopes, code_challenge, expires_at)
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
    },

    /**
     * The code is spent whether or not the exchange succeeds, so a leaked code is worth one try. A
     * confidential client proves itself with its secret, or with PKCE when the code was asked for with
     * a challenge.
     */
    exchangeAuthorizationCode(
      exchange: {
        client: OAuthClientRow;
        secretVerified: boolean;
        code: string;
        redirectUri: string;
        codeVerifier: string | undefined;
      },
      lifetimes: { expiresIn: number; refreshTokenExpiresIn: number },
    ): IssuedTokens {
      const outcome = db.transaction((): IssuedTokens | OAuthGrantError => {
        const hash = sha256(exchange.code);
        const row = preparedStatement(db, `SELECT * FROM ${table.codes} WHERE code_hash = ?`).get(hash) as
          | CodeRow
          | undefined;
        if (!row || row.used === 1 || row.expires_at <= nowTimestamp()) {
          return new OAuthGrantError(
            'invalid_grant',
            'The authorization code is invalid, expired or already used',
          );
        }
        preparedStatement(db, `UPDATE ${table.codes} SET used = 1 WHERE code_hash = ?`).run(hash);
        if (row.client_id !== exchange.client.identifier) {
          return new OAuthGrantError('invalid_grant', 'The authorization code was issued to another client');
        }
        if (exchange.client.secret !== null && !exchange.secretVerified && row.code_challenge === null) {
          return new OAuthGrantError('invalid_client', 'Client authentication failed');
        }
        if (row.redirect_uri !== exchange.redirectUri) {
          return new OAuthGrantError(
            'invalid_grant',
            'redirect_uri does not match the authorization request',
          );
        }
        if (row.code_challenge !== null) {
          const challenge = createHash('sha256')
            .update(exchange.codeVerifier ?? '')
            .digest('base64url');
          if (challenge !== row.code_challenge) {
            return new OAuthGrantError('invalid_grant', 'code_verifier does not match the code challenge');
          }
        }
        return issueTokens({ clientId: row.client_id, userId: row.user_id, scopes: row.scopes }, lifetimes);
      })();
      if (outcome instanceof OAuthGrantError) throw outcome;
      return outcome;
    },

    /** Refresh tokens rotate: the old refresh token and the access token it was paired with stop working. */
    refreshAccessToken(
      refresh: { client: OAuthClientRow; secretVerified: boolean; refreshToken: string },
      lifetimes: { expiresIn: number; refreshTokenExpiresIn: number },
    ): IssuedTokens {
      if (refresh.client.secret !== null && !refresh.secretVerified) {
        throw new OAuthGrantError('invalid_client', 'Client authentication failed');
      }
      return db.transaction(() => {
        const row = preparedStatement(db, `SELECT * FROM ${table.refreshTokens} WHERE token = ?`).get(
          refresh.refreshToken,
        ) as RefreshRow | undefined;
        if (!row || row.used === 1 || row.expires_at <= nowTimestamp()) {
          throw new OAuthGrantError('invalid_grant', 'The refresh token is invalid, expired or already used');
        }
        if (row.client_id !== refresh.client.identifier) {
          throw new OAuthGrantError('invalid_grant', 'The refresh token was issued to another client');
        }
        preparedStatement(db, `UPDATE ${table.refreshTokens} SET used = 1 WHERE token = ?`).run(
          refresh.refreshToken,
        );
        preparedStatement(db, `DELETE FROM ${table.tokens} WHERE token = ?`).run(row.access_token);
        return issueTokens({ clientId: row.client_id, userId: row.user_id, scopes: row.scopes }, lifetimes);
      })();
    },
  };
}
