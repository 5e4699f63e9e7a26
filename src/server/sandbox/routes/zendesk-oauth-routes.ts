import { Hono } from 'hono';
import { OAUTH_SCOPES } from '../../../contract/oauth.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { DEMO_IDENTITIES } from '../demo-identities.ts';
import { grantStore } from '../store/oauth-grants.ts';
import { findUserByEmail } from '../store/users.ts';
import { oauthAuthorizationRoutes } from './oauth-authorization.ts';
import { oauthTokenGrantRoutes } from './oauth-token-grant.ts';

/** Zendesk's OAuth pages and token endpoint, mounted at `{basePath}/oauth`. */
export function zendeskOAuthRoutes({ db, basePath }: { db: SandboxDatabase; basePath: string }) {
  const grants = grantStore(db, '');
  const app = new Hono();
  app.route(
    '/',
    oauthAuthorizationRoutes({
      title: 'Zendesk sandbox',
      grants,
      routes: { page: '/authorizations/new', form: '/authorizations' },
      paths: { authorize: `${basePath}/oauth/authorizations`, css: `${basePath}/oauth/consent.css` },
      identities: Object.values(DEMO_IDENTITIES).map((identity) => ({
        name: identity.name,
        email: identity.email,
        detail: identity.customRole ? 'agent, custom role' : identity.role,
      })),
      findActiveUser(email) {
        const user = findUserByEmail(db, email);
        return user?.active === 1 && user.suspended !== 1 ? user.id : undefined;
      },
      grantedScopes(scope = 'read') {
        const scopes = [...new Set(scope.split(/[\s,]+/).filter(Boolean))];
        const known = (name: string) => (OAUTH_SCOPES as readonly string[]).includes(name);
        return scopes.length === 0 || !scopes.every(known) ? undefined : scopes.join(' ');
      },
      describeAccess: (scopes) => scopes.replace(' ', ' and '),
    }),
  );
  app.route(
    '/',
    oauthTokenGrantRoutes({
      path: '/tokens',
      grants,
      acceptsJson: true,
      invalidClientStatus: 401,
      lifetimes: (grant) => ({
        expiresIn: grant.expires_in,
        refreshTokenExpiresIn: grant.refresh_token_expires_in,
      }),
      present: (tokens) => ({
        access_token: tokens.accessToken,
        token_type: 'bearer',
        scope: tokens.scopes,
        expires_in: tokens.expiresIn,
        refresh_token: tokens.refreshToken,
        refresh_token_expires_in: tokens.refreshTokenExpiresIn,
      }),
    }),
  );
  return app;
}
