import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { OAUTH_SCOPES } from '../../../contract/oauth.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { DEMO_IDENTITIES } from '../demo-identities.ts';
import {
  createAuthorizationCode,
  findOAuthClient,
  isRegisteredRedirect,
  type OAuthClientRow,
} from '../store/oauth-grants.ts';
import { findUserByEmail } from '../store/users.ts';
import { CONSENT_CSS } from './oauth-consent-css.ts';

const requestSchema = z.object({
  response_type: z.string().optional(),
  client_id: z.string().min(1).max(200),
  redirect_uri: z.string().min(1).max(2000),
  scope: z.string().max(200).default('read'),
  state: z.string().max(2000).optional(),
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43,128}$/)
    .optional(),
  code_challenge_method: z.string().optional(),
});
type AuthorizationRequest = z.infer<typeof requestSchema>;
type Paths = { authorize: string; css: string };

type Validated =
  | { kind: 'ok'; request: AuthorizationRequest; client: OAuthClientRow; scopes: string }
  | { kind: 'page'; message: string }
  | { kind: 'redirect'; error: string; description: string; request: AuthorizationRequest };

/** RFC 6749 §4.1.2.1: without a known client and redirect URL, the error is shown, never redirected. */
function validate(db: SandboxDatabase, input: Record<string, unknown>): Validated {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) {
    return { kind: 'page', message: 'The authorization request is missing client_id or redirect_uri.' };
  }
  const request = parsed.data;
  const client = findOAuthClient(db, request.client_id);
  if (!client) return { kind: 'page', message: `No OAuth client is registered as "${request.client_id}".` };
  if (!isRegisteredRedirect(client, request.redirect_uri)) {
    return { kind: 'page', message: `${request.redirect_uri} is not a redirect URL of ${client.name}.` };
  }
  if (request.response_type !== 'code') {
    return {
      kind: 'redirect',
      error: 'unsupported_response_type',
      description: 'Only response_type=code is supported',
      request,
    };
  }
  if (request.code_challenge_method !== undefined && request.code_challenge_method !== 'S256') {
    return {
      kind: 'redirect',
      error: 'invalid_request',
      description: 'code_challenge_method must be S256',
      request,
    };
  }
  const scopes = [...new Set(request.scope.split(/[\s,]+/).filter(Boolean))];
  if (scopes.length === 0 || scopes.some((scope) => !(OAUTH_SCOPES as readonly string[]).includes(scope))) {
    return {
      kind: 'redirect',
      error: 'invalid_scope',
      description: `Unknown scope in "${request.scope}"`,
      request,
    };
  }
  return { kind: 'ok', request, client, scopes: scopes.join(' ') };
}

function redirectTarget(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

function page(
  c: Context,
  paths: Paths,
  title: string,
  body: unknown,
  status: 200 | 400 = 200,
  refreshTo?: string,
) {
  return c.html(
    html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          ${refreshTo ? html`<meta http-equiv="refresh" content="0;url=${refreshTo}" />` : ''}
          <title>${title} · Zendesk sandbox</title>
          <link rel="stylesheet" href="${paths.css}" />
        </head>
        <body>
          <main>${body}</main>
        </body>
      </html>`,
    status,
    { 'Cache-Control': 'no-store' },
  );
}

/**
 * The page a form submission lands on, sending the browser on to the client. A plain redirect would
 * be checked against this page's `form-action` policy, which rightly names only this origin.
 */
function continueTo(c: Context, paths: Paths, target: string) {
  return page(
    c,
    paths,
    'Returning to the app',
    html`<h1>Returning to the app…</h1>
      <p><a href="${target}">Continue</a></p>`,
    200,
    target,
  );
}

function problemPage(c: Context, paths: Paths, message: string) {
  return page(c, paths, 'Sign-in problem', html`<h1>Sign-in problem</h1><p>${message}</p>`, 400);
}

function hiddenFields(request: AuthorizationRequest) {
  return Object.entries(request)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`);
}

function consentPage(
  c: Context,
  paths: Paths,
  validated: Extract<Validated, { kind: 'ok' }>,
  problem?: string,
) {
  const { request, client, scopes } = validated;
  const identities = Object.values(DEMO_IDENTITIES);
  return page(
    c,
    paths,
    `Sign in to ${client.name}`,
    html`<h1>Sign in to the Zendesk sandbox</h1>
      <p>
        <strong>${client.name}</strong> asks for <strong>${scopes.replace(' ', ' and ')}</strong> access to this
        sandbox account. Choose who signs in; the sandbox has no passwords.
      </p>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
      <form method="post" action="${paths.authorize}">
        ${hiddenFields(request)}
        <input type="hidden" name="decision" value="allow" />
        <ul class="identities">
          ${identities.map(
            (identity) =>
              html`<li>
                <button type="submit" name="email" value="${identity.email}">
                  <span class="name">${identity.name}</span>
                  <span class="detail">${identity.email} · ${identity.customRole ? 'agent, custom role' : identity.role}</span>
                </button>
              </li>`,
          )}
        </ul>
      </form>
      <form method="post" action="${paths.authorize}" class="other">
        ${hiddenFields(request)}
        <input type="hidden" name="decision" value="allow" />
        <label>Another sandbox user's email <input type="email" name="email" required autocomplete="off" /></label>
        <button type="submit">Allow</button>
      </form>
      <form method="post" action="${paths.authorize}">
        ${hiddenFields(request)}
        <button type="submit" name="decision" value="deny" class="deny">Deny access</button>
      </form>`,
  );
}

/** Zendesk's authorization page, as a sandbox: `GET /oauth/authorizations/new` and the form it posts. */
export function oauthAuthorizationRoutes({ db, basePath }: { db: SandboxDatabase; basePath: string }) {
  const app = new Hono();
  const paths: Paths = {
    authorize: `${basePath}/oauth/authorizations`,
    css: `${basePath}/oauth/consent.css`,
  };

  app.get('/consent.css', (c) =>
    c.body(CONSENT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );

  app.get('/authorizations/new', (c) => {
    const validated = validate(db, c.req.query());
    if (validated.kind === 'page') return problemPage(c, paths, validated.message);
    if (validated.kind === 'redirect') {
      const { request, error, description } = validated;
      return c.redirect(
        redirectTarget(request.redirect_uri, { error, error_description: description, state: request.state }),
      );
    }
    return consentPage(c, paths, validated);
  });

  app.post('/authorizations', async (c) => {
    const form = await c.req.parseBody();
    const validated = validate(db, form);
    if (validated.kind === 'page') return problemPage(c, paths, validated.message);
    const { request } = validated;
    if (validated.kind === 'redirect') {
      const { error, description } = validated;
      return continueTo(
        c,
        paths,
        redirectTarget(request.redirect_uri, { error, error_description: description, state: request.state }),
      );
    }
    if (form.decision !== 'allow') {
      return continueTo(
        c,
        paths,
        redirectTarget(request.redirect_uri, {
          error: 'access_denied',
          error_description: 'The user denied access',
          state: request.state,
        }),
      );
    }
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const user = email ? findUserByEmail(db, email) : undefined;
    if (user?.active !== 1 || user.suspended === 1) {
      return consentPage(c, paths, validated, `No active sandbox user has the email "${email}".`);
    }
    const code = createAuthorizationCode(db, {
      clientId: validated.client.identifier,
      userId: user.id,
      redirectUri: request.redirect_uri,
      scopes: validated.scopes,
      codeChallenge: request.code_challenge,
    });
    return continueTo(c, paths, redirectTarget(request.redirect_uri, { code, state: request.state }));
  });

  return app;
}
