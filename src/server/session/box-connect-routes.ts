import { type Context, Hono } from 'hono';
import { movingOn, oauthFlowRoutes } from './oauth-flow-routes.ts';
import type { SecretBox } from './secret-box.ts';
import type { SessionAuth } from './session-auth.ts';
import { verifyBoxAccount } from './verify-box-account.ts';

export type BoxConnectOptions = {
  auth: SessionAuth;
  box: SecretBox;
  secureCookie: boolean;
  publicUrl: string | undefined;
  /** Box's authorize page (BOX_AUTHORIZE_URL). */
  authorizeUrl: string;
  log: (message: string) => void;
};

/**
 * `/roster/box/oauth/start`, `/roster/box/oauth/callback` and `DELETE /roster/box/connection`: a
 * signed-in person connects their own Box account to their Roster session, or drops it.
 */
export function boxConnectRoutes(options: BoxConnectOptions) {
  const { auth, log } = options;
  const store = auth.store;
  if (!store) throw new Error('Box accounts are connected to sessions, which exist only in sign-in mode');
  const app = new Hono();

  const withBoxError = (next: string, code: string) => {
    const url = new URL(next, 'http://roster.invalid');
    url.searchParams.set('box_error', code);
    return `${url.pathname}${url.search}${url.hash}`;
  };

  app.route(
    '/oauth',
    oauthFlowRoutes({
      provider: auth.boxOAuth,
      path: '/roster/box/oauth',
      cookieName: 'roster_box_oauth',
      box: options.box,
      secureCookie: options.secureCookie,
      publicUrl: options.publicUrl,
      authorizeEndpoint: () => options.authorizeUrl,
      // The flow cookie carries the session's key: Box sends the person back cross-site, without the Strict cookie.
      async beforeStart(c: Context) {
        const session = await auth.currentSession(c);
        if (!session) return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.query('next') ?? '/box')}`);
        return { sessionKey: session.key };
      },
      async complete(_c, credential, flow) {
        const session = flow.sessionKey ? await store.findByKey(flow.sessionKey) : undefined;
        if (!session || !auth.boxOAuth) return 'state';
        const account = await verifyBoxAccount(auth.boxOAuth, credential);
        if (typeof account === 'string') {
          log(`A new Box connection could not be verified: ${account}`);
          return 'verify';
        }
        await store.update(session.key, { box: { account, credential } });
        log(`Connected Box account ${account.login} for ${session.user.email ?? `user ${session.user.id}`}`);
        return undefined;
      },
      failed: (c, code, flow) =>
        movingOn(c, withBoxError(flow?.next ?? '/box/groups', code), 'Box not connected'),
      done: 'Box connected',
      log,
    }),
  );

  app.delete('/connection', async (c) => {
    const session = await auth.currentSession(c);
    if (!session)
      return c.json({ error: 'SignInRequired', description: 'Sign in to Roster to continue' }, 401);
    await store.update(session.key, { box: null });
    if (session.box) log(`Disconnected Box account ${session.box.account.login}`);
    return c.body(null, 204);
  });

  return app;
}
