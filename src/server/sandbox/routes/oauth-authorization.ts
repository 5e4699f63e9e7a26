import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { type GrantStore, isRegisteredRedirect, type OAuthClientRow } from '../store/oauth-grants.ts';
import { CONSENT_CSS } from './oauth-consent-css.ts';

const requestSchema = z.object({
  response_type: z.string().optional(),
  client_id: z.string().min(1).max(200),
  redirect_uri: z.string().min(1).max(2000),
  scope: z.string().max(200).optional(),
  state: z.string().max(2000).optional(),
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43,128}$/)
    .optional(),
  code_challenge_method: z.string().optional(),
});
type AuthorizationRequest = z.infer<typeof requestSchema>;
type Paths = { authorize: string; css: string };

/** What makes the consent page Zendesk's or Box's. */
export type ConsentProvider = {
  /** e.g. `Zendesk sandbox`: the page's heading and title. */
  title: string;
  grants: GrantStore;
  /** Where the page lives below the mount point: the form posts to `form`. */
  routes: { page: string; form: string };
  /** The browser-facing paths of the form's target and the stylesheet. */
  paths: Paths;
  identities: readonly { name: string; email: string; detail: string }[];
  /** The id of an active user with this email (a Box login), if there is one. */
  findActiveUser(email: string): number | undefined;
  /** The scopes granted for `scope`, or undefined when it names one the provider does not know. */
  grantedScopes(scope: string | undefined): string | undefined;
  /** e.g. `read and write`: the access the client asks for, in words. */
  describeAccess(scopes: string): string;
};

type Validated =
  | { kind: 'ok'; request: AuthorizationRequest; client: OAuthClientRow; scopes: string }
  | { kind: 'page'; message: string }
  | { kind: 'redirect'; error: string; description: string; request: AuthorizationRequest };

/** RFC 6749 §4.1.2.1: without a known client and redirect URL, the error is shown, never redirected. */
function validate(provider: ConsentProvider, input: Record<string, unknown>): Validated {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) {
    return { kind: 'page', message: 'The authorization request is missing client_id or redirect_uri.' };
  }
  const request = parsed.data;
  const client = provider.grants.findClient(request.client_id);
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
  const scopes = provider.grantedScopes(request.scope);
  if (scopes === undefined) {
    return {
      kind: 'redirect',
      error: 'invalid_scope',
      description: `Unknown scope in "${request.scope}"`,
      request,
    };
  }
  return { kind: 'ok', request, client, scopes };
}

function redirectTarget(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

function page(
  c: Context,
  { paths, title: provider }: ConsentProvider,
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
          <title>${title} · ${provider}</title>
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
function continueTo(c: Context, provider: ConsentProvider, target: string) {
  return page(
    c,
    provider,
    'Returning to the app',
    html`<h1>Returning to the app…</h1>
      <p><a href="${target}">Continue</a></p>`,
    200,
    target,
  );
}

function problemPage(c: Context, provider: ConsentProvider, message: string) {
  return page(c, provider, 'Sign-in problem', html`<h1>Sign-in problem</h1><p>${message}</p>`, 400);
}

function hiddenFields(request: AuthorizationRequest) {
  return Object.entries(request)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`);
}

function consentPage(
  c: Context,
  provider: ConsentProvider,
  validated: Extract<Validated, { kind: 'ok' }>,
  /** An email no user has: said, and left in the field to correct. */
  refused?: string,
) {
  const { request, client, scopes } = validated;
  const { paths } = provider;
  return page(
    c,
    provider,
    `Sign in to ${client.name}`,
    html`<h1>Sign in to the ${provider.title}</h1>
      <p>
        <strong>${client.name}</strong> asks for <strong>${provider.describeAccess(scopes)}</strong> access to this
        sandbox account. Choose who signs in; the sandbox has no passwords.
      </p>
      ${refused === undefined ? '' : html`<p class="problem" role="alert">No active sandbox user has the email "${refused}".</p>`}
      <form method="post" action="${paths.authorize}">
        ${hiddenFields(request)}
        <input type="hidden" name="decision" value="allow" />
        <ul class="identities">
          ${provider.identities.map(
            (identity) =>
              html`<li>
                <button type="submit" name="email" value="${identity.email}">
                  <span class="name">${identity.name}</span>
                  <span class="detail">${identity.email} · ${identity.detail}</span>
                </button>
              </li>`,
          )}
        </ul>
      </form>
      <form method="post" action="${paths.authorize}" class="other">
        ${hiddenFields(request)}
        <input type="hidden" name="decision" value="allow" />
        <label>Another sandbox user's email <input type="email" name="email" required autocomplete="off" value="${refused ?? ''}" /></label>
        <button type="submit">Allow</button>
      </form>
      <form method="post" action="${paths.authorize}">
        ${hiddenFields(request)}
        <button type="submit" name="decision" value="deny" class="deny">Deny access</button>
      </form>`,
  );
}

/**
 * A provider's authorization page, as a sandbox: Zendesk's `GET /oauth/authorizations/new` or Box's
 * `GET /oauth2/authorize`, and the form it posts.
 */
export function oauthAuthorizationRoutes(provider: ConsentProvider) {
  const app = new Hono();

  app.get('/consent.css', (c) =>
    c.body(CONSENT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );

  app.get(provider.routes.page, (c) => {
    const validated = validate(provider, c.req.query());
    if (validated.kind === 'page') return problemPage(c, provider, validated.message);
    if (validated.kind === 'redirect') {
      const { request, error, description } = validated;
      return c.redirect(
        redirectTarget(request.redirect_uri, { error, error_description: description, state: request.state }),
      );
    }
    return consentPage(c, provider, validated);
  });

  app.post(provider.routes.form, async (c) => {
    const form = await c.req.parseBody();
    const validated = validate(provider, form);
    if (validated.kind === 'page') return problemPage(c, provider, validated.message);
    const { request } = validated;
    if (validated.kind === 'redirect') {
      const { error, description } = validated;
      return continueTo(
        c,
        provider,
        redirectTarget(request.redirect_uri, { error, error_description: description, state: request.state }),
      );
    }
    if (form.decision !== 'allow') {
      return continueTo(
        c,
        provider,
        redirectTarget(request.redirect_uri, {
          error: 'access_denied',
          error_description: 'The user denied access',
          state: request.state,
        }),
      );
    }
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const userId = email ? provider.findActiveUser(email) : undefined;
    if (userId === undefined) {
      return consentPage(c, provider, validated, email);
    }
    const code = provider.grants.createAuthorizationCode({
      clientId: validated.client.identifier,
      userId,
      redirectUri: request.redirect_uri,
      scopes: validated.scopes,
      codeChallenge: request.code_challenge,
    });
    return continueTo(c, provider, redirectTarget(request.redirect_uri, { code, state: request.state }));
  });

  return app;
}
