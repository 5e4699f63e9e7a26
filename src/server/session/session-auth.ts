import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Upstream } from '../proxy/upstream.ts';
import type { Session, SessionStore, SessionUser, SignInMethod } from './session-store.ts';
import { authorizationHeader, type UpstreamCredential } from './upstream-credential.ts';
import { type OAuthClient, OAuthExchangeError, refreshTokens } from './zendesk-oauth.ts';

export type RosterEnv = { Variables: { upstreamAuthorization: string } };

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
 * or half the lifetime of a shorter-lived token.
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
  const refreshing = new Map<string, Promise<UpstreamCredential | undefined>>();

  function currentSession(c: Context): Session | undefined {
    if (options.mode !== 'signIn') return undefined;
    const sessionId = getCookie(c, cookieName);
    return sessionId ? options.store.find(sessionId) : undefined;
  }

  async function refreshed(session: Session): Promise<UpstreamCredential | undefined> {
    if (options.mode !== 'signIn') return undefined;
    const { credential } = session;
    if (credential.kind !== 'oauth' || credential.expiresAt === null) return credential;
    const client = options.oauthClient;
    const margin = Math.min(REFRESH_MARGIN_MS, ((client?.accessTokenSeconds ?? 0) * 1000) / 2);
    if (credential.expiresAt - Date.now() > margin) return credential;
    const { refreshToken } = credential;
    if (!refreshToken || !client) return credential.expiresAt > Date.now() ? credential : undefined;
    let pending = refreshing.get(session.key);
    if (!pending) {
      const { store, log } = options;
      pending = refreshTokens(upstream, client, refreshToken)
        .then((next) => {
          store.updateCredential(session, next);
          return next;
        })
        .catch((error: unknown) => {
          log(
            `Could not refresh a session's access token: ${error instanceof Error ? error.message : error}`,
          );
          if (error instanceof OAuthExchangeError) store.delete(session.key);
          return undefined;
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
        const credential = session && (await refreshed(session));
        if (!credential) return signInRequired(c);
        c.set('upstreamAuthorization', authorizationHeader(credential));
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
      const sessionId = options.store.create(user, credential, method);
      setCookie(c, cookieName, sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: options.secureCookie,
        maxAge: Math.floor(options.maxAgeMs / 1000),
      });
      options.log(`Signed in ${user.email ?? `user ${user.id}`} (${user.role}) with ${method}`);
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
