import type { Session, SessionStore } from '../store/session-store.ts';
import type { Usable } from './session-auth.ts';
import { authorizationHeader, type UpstreamCredential } from './upstream-credential.ts';

/** Longer than a refresh request may take (20 s), so a claim outlives the refresh it covers. */
const CLAIM_MS = 30_000;
const WAIT_STEP_MS = 200;

/**
 * Runs `refresh` for a session on one instance at a time: a refresh token works once, so two
 * instances refreshing together would end the session. An instance that finds another one
 * refreshing waits for the new credential to appear in the store and uses that.
 */
export async function refreshOnOneInstance(options: {
  store: Pick<SessionStore, 'claimRefresh' | 'releaseRefresh' | 'findByKey'>;
  sessionKey: string;
  /** The credential as this instance read it: another one in the store means it was refreshed elsewhere. */
  stale: UpstreamCredential;
  read: (session: Session) => UpstreamCredential | undefined;
  refresh: () => Promise<Usable>;
  /** What to answer when the other instance's refresh never shows up. */
  giveUp: () => Usable;
}): Promise<Usable> {
  const { store, sessionKey } = options;
  const staleAuthorization = authorizationHeader(options.stale);
  const deadline = Date.now() + CLAIM_MS;
  while (Date.now() < deadline) {
    if (await store.claimRefresh(sessionKey, CLAIM_MS)) {
      try {
        return await options.refresh();
      } finally {
        await store.releaseRefresh(sessionKey);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    const session = await store.findByKey(sessionKey, { touch: false });
    if (!session) return { kind: 'signedOut' };
    const current = options.read(session);
    if (!current) return { kind: 'signedOut' };
    if (authorizationHeader(current) !== staleAuthorization) return { kind: 'ok', credential: current };
  }
  return options.giveUp();
}
