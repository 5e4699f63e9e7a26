import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionUser } from '../../contract/roster-session.ts';
import type { Session, SessionStore } from '../store/session-store.ts';

export type SignInMethod = 'oauth' | 'apiToken' | 'demo';

import { OAuthExchangeError, type OAuthProvider, refreshTokens } from './oauth-client.ts';
import { refreshOnOneInstance } from './refresh-on-one-instance.ts';
import { authorizationHeader, type OAuthCredential, type UpstreamCredential } from './upstream-credential.ts';

export type RosterEnv = { Variables: { upstreamAuthorization: string } };

export type Usable =
  | { kind: 'ok'; credential: UpstreamCredential }
  | { kind: 'signedOut' }
  /** A refresh could not reach the provider and the token has run out: try again later. */
  | { kind: 'unavailable'; description: string };

export type SessionAuthOptions =
  | { mode: 'environment'; credential: UpstreamCredential }
  | {
      mode: 'signIn';
      store: SessionStore;
      /** `Secure` (and the `__Host-` prefix) when people reach Roster over https. */
      secureCookie: boolean;
      maxAgeMs: number;
      /** Zendesk's OAuth ("Sign in with Zendesk"), when offered. */
      oauth: OAuthProvider | undefined;
      /** Box's OAuth: set when each person connects their own Box account to their session. */
      boxOAuth?: OAuthProvider | undefined;
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

function boxNotConnected(c: Context) {
  return c.json(
    { error: 'BoxNotConnected', description: 'Connect your Box account to Roster to continue' },
    401,
  );
}

/** One provider's tokens in a session: where they are and what happens when the provider refuses them. */
type TokenSlot = {
  provider: OAuthProvider | undefined;
  /** One refresh per session at a time: refresh tokens are single use. */
  refreshing: Map<string, Promise<Usable>>;
  credential(session: Session): UpstreamCredential | undefined;
  save(session: Session, credential: OAuthCredential): Promise<void>;
  /** The provider turned the grant down, or the token ran out with no way to refresh it. */
  drop(session: Session): Promise<void>;
};

export type SessionAuth = ReturnType<typeof createSessionAuth>;

/**
 * Who the server acts as for a request: one configured credential for everyone (`environment`),
 * or the credential of the session named by the request's httpOnly cookie (`signIn`), plus the Box
 * account the person connected to that session.
 */
export function createSessionAuth(options: SessionAuthOptions) {
  const cookieName =
    options.mode === 'signIn' && options.secureCookie ? '__Host-roster_session' : 'roster_session';

  async function currentSession(c: Context): Promise<Session | undefined> {
    if (options.mode !== 'signIn') return undefined;
    const sessionId = getCookie(c, cookieName);
    return sessionId ? options.store.find(sessionId) : undefined;
  }

  const slots = (() => {
    if (options.mode !== 'signIn') return undefined;
    const { store } = options;
    const zendesk: TokenSlot = {
      provider: options.oauth,
      refreshing: new Map(),
      credential: (session) => session.credential,
      save: (session, credential) => store.update(session.key, { credential }),
      drop: (session) => store.delete(session.key),
    };
    const box: TokenSlot = {
      provider: options.boxOAuth,
      refreshing: new Map(),
      credential: (session) => session.box?.credential,
      save: async (session, credential) => {
        if (session.box) await store.update(session.key, { box: { ...session.box, credential } });
      },
      drop: (session) => store.update(session.key, { box: null }),
    };
    return { zendesk, box };
  })();

  /** The slot's credential, refreshed first when it is about to expire. */
  async function usable(slot: TokenSlot, session: Session): Promise<Usable> {
    if (options.mode !== 'signIn') return { kind: 'signedOut' };
    const { log } = options;
    const credential = slot.credential(session);
    if (!credential) return { kind: 'signedOut' };
    if (credential.kind !== 'oauth' || credential.expiresAt === null) return { kind: 'ok', credential };
    const now = Date.now();
    const margin = Math.min(REFRESH_MARGIN_MS, (credential.expiresAt - credential.issuedAt) / 2);
    if (credential.expiresAt - now > margin) return { kind: 'ok', credential };
    const stillValid: Usable = { kind: 'ok', credential };
    const provider = slot.provider;
    if (!credential.refreshToken || !provider) {
      if (credential.expiresAt > now) return stillValid;
      await slot.drop(session);
      return { kind: 'signedOut' };
    }
    let pending = slot.refreshing.get(session.key);
    if (!pending) {
      const { refreshToken } = credential;
      const refresh = () =>
        refreshTokens(provider, refreshToken)
          .then(async (next): Promise<Usable> => {
            await slot.save(session, next);
            return { kind: 'ok', credential: next };
          })
          .catch(async (error: unknown): Promise<Usable> => {
            const message = error instanceof Error ? error.message : String(error);
            log(`Could not refresh a session's ${provider.name} access token: ${message}`);
            // Only the provider turning the refresh token down drops it; a network blip does not.
            if (error instanceof OAuthExchangeError && error.refused) {
              await slot.drop(session);
              return { kind: 'signedOut' };
            }
            return credential.expiresAt !== null && credential.expiresAt > Date.now()
              ? stillValid
              : { kind: 'unavailable', description: message };
          });
      pending = refreshOnOneInstance({
        store: options.store,
        sessionKey: session.key,
        stale: credential,
        read: slot.credential,
        refresh,
        giveUp: () =>
          credential.expiresAt !== null && credential.expiresAt > Date.now()
            ? stillValid
            : { kind: 'unavailable', description: `${provider.name} sign-in is being renewed; try again` },
      }).finally(() => slot.refreshing.delete(session.key));
      slot.refreshing.set(session.key, pending);
    }
    return pending;
  }

  /** Puts the slot's `Authorization` for this request in the context, or answers why there is none. */
  function requireToken(slot: TokenSlot, missing: (c: Context) => Response): MiddlewareHandler<RosterEnv> {
    return async (c, next) => {
      const session = await currentSession(c);
      if (!session) return signInRequired(c);
      const resolved = await usable(slot, session);
      if (resolved.kind === 'signedOut') return missing(c);
      if (resolved.kind === 'unavailable') {
        return c.json({ error: 'UpstreamUnavailable', description: resolved.description }, 503);
      }
      c.set('upstreamAuthorization', authorizationHeader(resolved.credential));
      await next();
    };
  }

  /** Whether `sentAuthorization` is still what the slot holds: a request sent just before a refresh may come back refused after it. */
  function stillHolds(slot: TokenSlot, session: Session | undefined, sentAuthorization: string) {
    const credential = session && slot.credential(session);
    return credential !== undefined && authorizationHeader(credential) === sentAuthorization;
  }

  return {
    mode: options.mode,
    oauth: options.mode === 'signIn' ? options.oauth : undefined,
    boxOAuth: options.mode === 'signIn' ? options.boxOAuth : undefined,
    store: options.mode === 'signIn' ? options.store : undefined,
    currentSession,

    /** Puts the upstream `Authorization` for this request in the context, or answers 401. */
    requireCredential(): MiddlewareHandler<RosterEnv> {
      if (!slots) {
        const authorization = authorizationHeader((options as { credential: UpstreamCredential }).credential);
        return async (c, next) => {
          c.set('upstreamAuthorization', authorization);
          await next();
        };
      }
      return requireToken(slots.zendesk, signInRequired);
    },

    /** The same for Box, with the account the person connected: 401 `BoxNotConnected` without one. */
    requireBoxCredential(): MiddlewareHandler<RosterEnv> {
      if (!slots) throw new Error('Box accounts are connected to sessions, which exist only in sign-in mode');
      return requireToken(slots.box, boxNotConnected);
    },

    /**
     * Lets the request on only when someone with one of `roles` is signed in (always, with
     * credentials from the environment): for a credential the server holds for everyone.
     */
    requireSignedIn(roles: readonly string[], refusal: string): MiddlewareHandler {
      return async (c, next) => {
        if (options.mode === 'signIn') {
          const session = await currentSession(c);
          if (!session) return signInRequired(c);
          if (!roles.includes(session.user.role))
            return c.json({ error: 'Forbidden', description: refusal }, 403);
        }
        await next();
      };
    },

    async begin(c: Context, user: SessionUser, credential: UpstreamCredential, method: SignInMethod) {
      if (options.mode !== 'signIn') throw new Error('Sessions exist only in sign-in mode');
      const previous = await currentSession(c);
      if (previous) await options.store.delete(previous.key);
      const sessionId = await options.store.create(user, credential, { demo: method === 'demo' });
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
    async refused(c: Context, sentAuthorization: string): Promise<void> {
      if (slots && stillHolds(slots.zendesk, await currentSession(c), sentAuthorization)) await this.end(c);
    },

    /** Box refused the session's Box token (401): the account is disconnected, the session goes on. */
    async boxRefused(c: Context, sentAuthorization: string): Promise<void> {
      const session = await currentSession(c);
      if (slots && session && stillHolds(slots.box, session, sentAuthorization))
        await slots.box.drop(session);
    },

    /**
     * The credential of a person's newest live session, refreshed as a request's would be: what an
     * operation they started runs with. With credentials from the environment, that one.
     */
    async credentialOfUser(provider: 'zendesk' | 'box', userId: string): Promise<Usable> {
      if (!slots) {
        const { credential } = options as { credential: UpstreamCredential };
        return provider === 'zendesk' ? { kind: 'ok', credential } : { kind: 'signedOut' };
      }
      const session = await (options as { store: SessionStore }).store.findByUser(userId);
      if (!session) return { kind: 'signedOut' };
      return usable(provider === 'zendesk' ? slots.zendesk : slots.box, session);
    },

    /** The upstream refused a person's credential outside a request: as `refused`, for their session. */
    async refusedForUser(provider: 'zendesk' | 'box', userId: string, sentAuthorization: string) {
      if (!slots || options.mode !== 'signIn') return;
      const session = await options.store.findByUser(userId);
      const slot = provider === 'zendesk' ? slots.zendesk : slots.box;
      if (session && stillHolds(slot, session, sentAuthorization)) await slot.drop(session);
    },

    /** Ends the request's session on the server and in the browser. */
    async end(c: Context): Promise<void> {
      if (options.mode !== 'signIn') return;
      const session = await currentSession(c);
      if (session) {
        await options.store.delete(session.key);
        options.log(`Signed out ${session.user.email ?? `user ${session.user.id}`}`);
      }
      deleteCookie(c, cookieName, { path: '/', secure: options.secureCookie });
    },
  };
}
