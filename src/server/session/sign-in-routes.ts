import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Connection, RosterSession } from '../../contract/roster-session.ts';
import { apiTokenSignInSchema, demoSignInSchema } from '../../contract/sign-in.ts';
import { rosterJson } from '../http/roster-validators.ts';
import type { Upstream } from '../proxy/upstream.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES } from '../sandbox/demo-identities.ts';
import { type BoxConnectOptions, boxConnectRoutes } from './box-connect-routes.ts';
import { oauthFlowRoutes } from './oauth-flow-routes.ts';
import type { SecretBox } from './secret-box.ts';
import type { SessionAuth, SignInMethod } from './session-auth.ts';
import { createSignInThrottle, type SignInLimits } from './sign-in-throttle.ts';
import type { UpstreamCredential } from './upstream-credential.ts';
import { verifyCredential } from './verify-credential.ts';

export type SignInRoutesOptions = {
  auth: SessionAuth;
  upstream: Upstream;
  connection: Connection;
  box: SecretBox;
  /** Where people reach Roster, when a proxy in front changes it; else the request's own origin. */
  publicUrl: string | undefined;
  secureCookie: boolean;
  /** The browser-facing base of the upstream's OAuth pages, for this request. */
  authorizeBase: (c: Context) => string;
  /** Set when each person connects their own Box account: `/roster/box/*`. */
  boxConnect?: Pick<BoxConnectOptions, 'authorizeUrl'> | undefined;
  /** How many wrong API tokens an address or an email may send before sign-in pauses for them. */
  signInLimits: SignInLimits;
  log: (message: string) => void;
};

const DEMO_DESCRIPTIONS = {
  admin: 'Admin: manages every membership',
  agent: 'Agent without a custom role: sees groups, cannot change them',
  groupManager: 'Agent with the "Group manager" custom role',
  endUser: 'End user: sees only their own organizations',
} as const;

/** `/roster/session`, `/roster/oauth/*` and `/roster/box/*`: who is signed in, every way in and out, and their Box account. */
export function signInRoutes(options: SignInRoutesOptions) {
  const { auth, upstream, connection, box } = options;
  const app = new Hono();
  const signInMode = auth.mode === 'signIn';
  const demoAvailable = signInMode && connection.kind === 'sandbox';
  const throttle = createSignInThrottle(options.signInLimits);

  async function signIn(c: Context, credential: UpstreamCredential, method: SignInMethod) {
    const verified = await verifyCredential(upstream, credential);
    if (!verified.ok)
      return c.json({ error: 'SignInFailed', description: verified.description }, verified.status);
    await auth.begin(c, verified.user, credential, method);
    return c.json({ user: verified.user });
  }

  function unavailable(c: Context, description: string) {
    return c.json({ error: 'SignInUnavailable', description }, 404);
  }
  const signInModeOnly = createMiddleware(async (c, next) => {
    if (!signInMode) return unavailable(c, 'Roster signs in with the credentials in its environment');
    await next();
  });
  const demoOnly = createMiddleware(async (c, next) => {
    if (!demoAvailable) return unavailable(c, 'Demo identities exist only in the sandbox');
    await next();
  });
  const apiTokenBody = rosterJson(apiTokenSignInSchema, (error) => ({
    error: 'InvalidSignIn',
    description: error.issues.map((issue) => issue.message).join('; '),
  }));
  const demoBody = rosterJson(demoSignInSchema, () => ({
    error: 'InvalidSignIn',
    description: `Choose one of ${Object.keys(DEMO_IDENTITIES).join(', ')}`,
  }));

  app.get('/session', async (c) => {
    const session = await auth.currentSession(c);
    const body: RosterSession = {
      connection,
      mode: auth.mode,
      signedIn: !signInMode || session !== undefined,
      user: session?.user ?? null,
      box: {
        connect: auth.boxOAuth !== undefined,
        account: session?.box ? { name: session.box.account.name, login: session.box.account.login } : null,
      },
      methods: {
        oauth: auth.oauth !== undefined,
        apiToken: signInMode,
        demoIdentities: demoAvailable
          ? Object.entries(DEMO_IDENTITIES).map(([key, identity]) => ({
              key: key as keyof typeof DEMO_IDENTITIES,
              name: identity.name,
              email: identity.email,
              description: DEMO_DESCRIPTIONS[key as keyof typeof DEMO_IDENTITIES],
            }))
          : [],
      },
    };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/session/api-token', signInModeOnly, apiTokenBody, async (c) => {
    const { email, token } = c.req.valid('json');
    // The socket's address: behind a proxy that is the proxy's, and the per-email count does the work.
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const retryAfter = await throttle.retryAfterSeconds(address, email);
    if (retryAfter > 0) {
      const description = `Too many failed sign-ins from this address or for this email; try again in ${retryAfter} seconds.`;
      return c.json({ error: 'TooManySignInAttempts', description }, 429, {
        'Retry-After': String(retryAfter),
      });
    }
    const response = await signIn(c, { kind: 'apiToken', email, token }, 'apiToken');
    if (response.status === 401) await throttle.failed(address, email);
    if (response.ok) await throttle.succeeded(email);
    return response;
  });

  app.post('/session/demo', demoOnly, demoBody, (c) => {
    const { email } = DEMO_IDENTITIES[c.req.valid('json').identity];
    return signIn(c, { kind: 'apiToken', email, token: DEMO_API_TOKEN }, 'demo');
  });

  app.delete('/session', async (c) => {
    await auth.end(c);
    return c.body(null, 204);
  });

  app.route(
    '/oauth',
    oauthFlowRoutes({
      provider: auth.oauth,
      path: '/roster/oauth',
      cookieName: 'roster_oauth',
      box,
      secureCookie: options.secureCookie,
      publicUrl: options.publicUrl,
      authorizeEndpoint: (c) => `${options.authorizeBase(c)}/oauth/authorizations/new`,
      beforeStart: () => ({ sessionKey: null }),
      async complete(c, credential) {
        const verified = await verifyCredential(upstream, credential);
        if (!verified.ok) {
          options.log(`OAuth sign-in could not be verified: ${verified.description}`);
          return 'verify';
        }
        await auth.begin(c, verified.user, credential, 'oauth');
        return undefined;
      },
      failed: (c, code, flow) =>
        c.redirect(`/sign-in?error=${code}${flow ? `&next=${encodeURIComponent(flow.next)}` : ''}`),
      done: 'Signed in',
      log: options.log,
    }),
  );

  if (options.boxConnect) app.route('/box', boxConnectRoutes({ ...options, ...options.boxConnect }));

  return app;
}
