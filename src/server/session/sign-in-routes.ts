import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { z } from 'zod';
import { type Connection, type RosterSession, safeNextPath } from '../../contract/roster-session.ts';
import { apiTokenSignInSchema, demoSignInSchema, type OAuthErrorCode } from '../../contract/sign-in.ts';
import type { Upstream } from '../proxy/upstream.ts';
import { DEMO_API_TOKEN, DEMO_IDENTITIES } from '../sandbox/demo-identities.ts';
import { sameText } from '../security/same-text.ts';
import { createPkcePair } from './pkce.ts';
import type { SecretBox } from './secret-box.ts';
import type { SessionAuth, SignInMethod } from './session-auth.ts';
import type { UpstreamCredential } from './upstream-credential.ts';
import { verifyCredential } from './verify-credential.ts';
import { authorizationUrl, exchangeCode, OAuthExchangeError } from './zendesk-oauth.ts';

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
  log: (message: string) => void;
};

const FLOW_COOKIE = 'roster_oauth';
const FLOW_MAX_AGE_SECONDS = 600;

const flowSchema = z.object({
  state: z.string(),
  verifier: z.string(),
  redirectUri: z.string(),
  next: z.string(),
  startedAt: z.number(),
});

const DEMO_DESCRIPTIONS = {
  admin: 'Admin: manages every membership',
  agent: 'Agent without a custom role: sees groups, cannot change them',
  groupManager: 'Agent with the "Group manager" custom role',
  endUser: 'End user: sees only their own organizations',
} as const;

/** `/roster/session` and `/roster/oauth/*`: who is signed in, and every way in and out. */
export function signInRoutes(options: SignInRoutesOptions) {
  const { auth, upstream, connection, box } = options;
  const app = new Hono();
  const signInMode = auth.mode === 'signIn';
  const demoAvailable = signInMode && connection.kind === 'sandbox';

  function publicOrigin(c: Context): string {
    return options.publicUrl ?? new URL(c.req.url).origin;
  }

  async function signIn(c: Context, credential: UpstreamCredential, method: SignInMethod) {
    const verified = await verifyCredential(upstream, credential);
    if (!verified.ok)
      return c.json({ error: 'SignInFailed', description: verified.description }, verified.status);
    auth.begin(c, verified.user, credential, method);
    return c.json({ user: verified.user });
  }

  function unavailable(c: Context, description: string) {
    return c.json({ error: 'SignInUnavailable', description }, 404);
  }

  app.get('/session', (c) => {
    const session = auth.currentSession(c);
    const body: RosterSession = {
      connection,
      mode: auth.mode,
      signedIn: !signInMode || session !== undefined,
      user: session?.user ?? null,
      methods: {
        oauth: auth.oauthClient !== undefined,
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

  app.post('/session/api-token', async (c) => {
    if (!signInMode) return unavailable(c, 'Roster signs in with the credentials in its environment');
    const parsed = apiTokenSignInSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return c.json(
        { error: 'InvalidSignIn', description: parsed.error.issues.map((issue) => issue.message).join('; ') },
        400,
      );
    }
    return signIn(c, { kind: 'apiToken', email: parsed.data.email, token: parsed.data.token }, 'apiToken');
  });

  app.post('/session/demo', async (c) => {
    if (!demoAvailable) return unavailable(c, 'Demo identities exist only in the sandbox');
    const parsed = demoSignInSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return c.json(
        { error: 'InvalidSignIn', description: `Choose one of ${Object.keys(DEMO_IDENTITIES).join(', ')}` },
        400,
      );
    }
    const { email } = DEMO_IDENTITIES[parsed.data.identity];
    return signIn(c, { kind: 'apiToken', email, token: DEMO_API_TOKEN }, 'demo');
  });

  app.delete('/session', (c) => {
    auth.end(c);
    return c.body(null, 204);
  });

  app.get('/oauth/start', (c) => {
    const client = auth.oauthClient;
    if (!client) return c.redirect('/sign-in?error=unavailable');
    const { verifier, challenge } = createPkcePair();
    const state = randomBytes(24).toString('base64url');
    const redirectUri = `${publicOrigin(c)}/roster/oauth/callback`;
    const flow = {
      state,
      verifier,
      redirectUri,
      next: safeNextPath(c.req.query('next')),
      startedAt: Date.now(),
    };
    // Lax, not Strict: the browser must send it when Zendesk sends the person back from another site.
    setCookie(c, FLOW_COOKIE, box.seal(JSON.stringify(flow), FLOW_COOKIE), {
      path: '/roster/oauth',
      httpOnly: true,
      sameSite: 'Lax',
      secure: options.secureCookie,
      maxAge: FLOW_MAX_AGE_SECONDS,
    });
    return c.redirect(
      authorizationUrl(options.authorizeBase(c), client, { redirectUri, state, codeChallenge: challenge }),
    );
  });

  app.get('/oauth/callback', async (c) => {
    const sealed = getCookie(c, FLOW_COOKIE);
    deleteCookie(c, FLOW_COOKIE, { path: '/roster/oauth', secure: options.secureCookie });
    const opened = sealed ? box.open(sealed, FLOW_COOKIE) : undefined;
    const flow = opened === undefined ? undefined : flowSchema.safeParse(JSON.parse(opened)).data;
    const fail = (code: OAuthErrorCode) => {
      const next = flow ? `&next=${encodeURIComponent(flow.next)}` : '';
      return c.redirect(`/sign-in?error=${code}${next}`);
    };
    const client = auth.oauthClient;
    if (!client) return fail('unavailable');
    const state = c.req.query('state') ?? '';
    if (!flow || Date.now() - flow.startedAt > FLOW_MAX_AGE_SECONDS * 1000 || !sameText(state, flow.state)) {
      return fail('state');
    }
    const code = c.req.query('code');
    if (!code) {
      options.log(`OAuth sign-in ended without a code: ${c.req.query('error') ?? 'no error given'}`);
      return fail('denied');
    }
    let credential: UpstreamCredential;
    try {
      credential = await exchangeCode(upstream, client, {
        code,
        redirectUri: flow.redirectUri,
        codeVerifier: flow.verifier,
      });
    } catch (error) {
      if (!(error instanceof OAuthExchangeError)) throw error;
      options.log(`OAuth code exchange failed: ${error.message}`);
      return fail('exchange');
    }
    const verified = await verifyCredential(upstream, credential);
    if (!verified.ok) {
      options.log(`OAuth sign-in could not be verified: ${verified.description}`);
      return fail('verify');
    }
    auth.begin(c, verified.user, credential, 'oauth');
    // A redirect here would still count as a cross-site navigation and the new SameSite=Strict
    // cookie would not be sent; a page of our own that moves on makes the next request same-site.
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta http-equiv="refresh" content="0;url=${flow.next}" />
            <title>Signed in · Roster</title>
          </head>
          <body>
            <p>Signed in. <a href="${flow.next}">Continue to Roster</a></p>
          </body>
        </html>`,
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  return app;
}
