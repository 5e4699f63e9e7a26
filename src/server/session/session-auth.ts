import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionUser } from '../../contract/roster-session.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { Session, SessionStore } from './session-store.ts';

export type SignInMethod = 'oauth' | 'apiToken' | 'demo';

import { authorizationHeader, type UpstreamCredential } from './upstream-credential.ts';
import { type OAuthClient, OAuthExchangeError, refreshTokens } from './zendesk-oauth.ts';

export type RosterEnv = { Variables: { upstreamAuthorization: string } };

type Usable =
  | { kind: 'ok'; credential: UpstreamCredential }
  | { kind: 'signedOut' }
  /** A refresh could not reach Zendesk and the token has run out: try again later. */
  | { kind: 'unavailable'; description: string };

export type SessionAuthOptions =
  | { mode: 'environment'; credential: UpstreamCredential }
  | {
      mode: 'signIn';
      store: SessionStore;
      /** `Secure` (and the `__Host-` prefix) when people reach Roster over https. */
      secureCookie: boolean;
      maxAgeMs: number;
      oauthClient: OAuthClient | undefined;
      log: (message: string) => void;
    };

/**
 * An access token this close to its end is refreshed before the request, not after a 401: a minute,
 * or half the lifetime it was granted for, if that is shorter.
 */
const REFRESH_MARGIN_MS = 60_000;

function signInRequired(c: Context) {
  return c.json({ error: 'SignInRequired', description: 'Sign in to Roster to continue' }, 401);
}

export type SessionAuth = ReturnType<typeof createSessionAuth>;

/**
 * Who the server acts as for a request: one configured credential for everyone (`environment`),
 * or the credential of the session named by the request's httpOnly cookie (`signIn`).
 */
export function createSessionAuth(options: SessionAuthOptions, upstream: Upstream) {
  const cookieName =
    options.mode === 'signIn' && options.secureCookie ? '__Host-roster_session' : 'roster_session';
  /** One refresh per session at a time: refresh tokens are single use. */
  const refreshing = new Map<string, Promise<Usable>>();

  function currentSession(c: Context): Session | undefined {
    if (options.mode !== 'signIn') return undefined;
    const sessionId = getCookie(c, cookieName);
    return sessionId ? options.store.find(sessionId) : undefined;
  }

  /** The session's credential, refreshed first when it is about to expire. */
  async function usable(session: Session): Promise<Usable> {
    if (options.mode !== 'signIn') return { kind: 'signedOut' };
    const { store, log } = options;
    const { credential } = session;
    if (credential.kind !== 'oauth' || credential.expiresAt === null) return { kind: 'ok', credential };
    const now = Date.now();
    const margin = Math.min(REFRESH_MARGIN_MS, (credential.expiresAt - credential.issuedAt) / 2);
    if (credential.expiresAt - now > margin) return { kind: 'ok', credential };
    const stillValid: Usable = { kind: 'ok', credential };
    const client = options.oauthClient;
    if (!credential.refreshToken || !client) {
      if (credential.expiresAt > now) return stillValid;
      store.delete(session.key);
      return { kind: 'signedOut' };
    }
    let pending = refreshing.get(session.key);
    if (!pending) {
      pending = refreshTokens(upstream, client, credential.refreshToken)
        .then((next): Usable => {
          store.updateCredential(session, next);
          return { kind: 'ok', credential: next };
        })
        .catch((error: unknown): Usable => {
          const message = error instanceof Error ? error.message : String(error);
          log(`Could not refresh a session's access token: ${message}`);
          // Only Zendesk turning the refresh token down ends the session; a network blip does not.
          if (error instanceof OAuthExchangeError && error.refused) {
            store.delete(session.key);
            return { kind: 'signedOut' };
          }
          return credential.expiresAt !== null && credential.expiresAt > Date.now()
            ? stillValid
            : { kind: 'unavailable', description: message };
        })
        .finally(() => refreshing.delete(session.key));
      refreshing.set(session.key, pending);
    }
    return pending;
  }

  return {
    mode: options.mode,
    oauthClient: options.mode === 'signIn' ? options.oauthClient : undefined,
    currentSession,

    /** Puts the upstream `Authorization` for this request in the context, or answers 401. */
    requireCredential(): MiddlewareHandler<RosterEnv> {
      return async (c, next) => {
        if (options.mode === 'environment') {
          c.set('upstreamAuthorization', authorizationHeader(options.credential));
          return next();
        }
        const session = currentSession(c);
        const resolved: Usable = session ? await usable(session) : { kind: 'signedOut' };
        if (resolved.kind === 'signedOut') return signInRequired(c);
        if (resolved.kind === 'unavailable') {
          return c.json({ error: 'UpstreamUnavailable', description: resolved.description }, 503);
        }
        c.set('upstreamAuthorization', authorizationHeader(resolved.credential));
        await next();
      };
    },

    /**
     * Lets the request on only when someone with one of `roles` is signed in (always, with
     * credentials from the environment): for a credential the server holds for everyone.
     */
    requireSignedIn(roles: readonly string[], refusal: string): MiddlewareHandler {
      return async (c, next) => {
        if (options.mode === 'signIn') {
          const session = currentSession(c);
          if (!session) return signInRequired(c);
          if (!roles.includes(session.user.role))
            return c.json({ error: 'Forbidden', description: refusal }, 403);
        }
        await next();
      };
    },

    begin(c: Context, user: SessionUser, credential: UpstreamCredential, method: SignInMethod): void {
      if (options.mode !== 'signIn') throw new Error('Sessions exist only in sign-in mode');
      const previous = currentSession(c);
      if (previous) options.store.delete(previous.key);
      const sessionId = options.store.create(user, credential);
      setCookie(c, cookieName, sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: options.secureCookie,
        maxAge: Math.floor(options.maxAgeMs / 1000),
      });
      options.log(`Signed in ${user.email ?? `user ${user.id}`} (${user.role}) with ${method}`);
    },

    /**
     * Zendesk refused `sentAuthorization` (401). The session ends only if that is still its
     * credential: a request sent just before a refresh may come back refused after it.
     */
    refused(c: Context, sentAuthorization: string): void {
      const session = currentSession(c);
      if (session && authorizationHeader(session.credential) === sentAuthorization) this.end(c);
    },

    /** Ends the request's session on the server and in the browser. */
    end(c: Context): void {
      if (options.mode !== 'signIn') return;
      const session = currentSession(c);
      if (session) {
        options.store.delete(session.key);
        options.log(`Signed out ${session.user.email ?? `user ${session.user.id}`}`);
      }
      deleteCookie(c, cookieName, { path: '/', secure: options.secureCookie });
    },
  };
}
