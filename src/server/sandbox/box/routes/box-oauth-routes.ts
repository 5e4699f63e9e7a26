import { Hono } from 'hono';
import { preparedStatement } from '../../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../../db/open-database.ts';
import { oauthAuthorizationRoutes } from '../../routes/oauth-authorization.ts';
import { oauthTokenGrantRoutes } from '../../routes/oauth-token-grant.ts';
import { grantStore } from '../../store/oauth-grants.ts';
import { BOX_DEMO_IDENTITIES } from '../box-demo-identities.ts';

/** What Box grants an app with the default application scopes. */
const BOX_SCOPE = 'root_readwrite';
/** Box's refresh tokens last 60 days. */
const REFRESH_TOKEN_SECONDS = 60 * 86_400;

const IDENTITY_DETAILS = {
  admin: 'Box admin',
  groupAdmin: 'user, admin of Support Leads and Finance',
  member: 'user, member of Support Team and Support Leads',
} as const;

/**
 * Box's OAuth 2 pages, mounted at `{basePath}/oauth2`: `GET /authorize` (a consent page where a
 * demo identity, or any Box sandbox user by login, allows access) and `POST /token`.
 */
export function boxOAuthRoutes(options: {
  db: SandboxDatabase;
  basePath: string;
  accessTokenSeconds: number;
}) {
  const { db, basePath } = options;
  const grants = grantStore(db, 'box_');
  const activeUserByLogin = preparedStatement(
    db,
    `SELECT id FROM box_users WHERE login = ? AND status = 'active'`,
  ).pluck();
  const app = new Hono();
  app.route(
    '/',
    oauthAuthorizationRoutes({
      title: 'Box sandbox',
      grants,
      routes: { page: '/authorize', form: '/authorize' },
      paths: { authorize: `${basePath}/oauth2/authorize`, css: `${basePath}/oauth2/consent.css` },
      identities: Object.entries(BOX_DEMO_IDENTITIES).map(([key, identity]) => ({
        name: identity.name,
        email: identity.login,
        detail: IDENTITY_DETAILS[key as keyof typeof BOX_DEMO_IDENTITIES],
      })),
      findActiveUser: (login) => activeUserByLogin.get(login) as number | undefined,
      // Box's authorize page takes an optional `scope`; the sandbox grants its one scope whatever is asked.
      grantedScopes: () => BOX_SCOPE,
      describeAccess: () => 'read and write',
    }),
  );
  app.route(
    '/',
    oauthTokenGrantRoutes({
      path: '/token',
      grants,
      acceptsJson: false,
      invalidClientStatus: 400,
      lifetimes: () => ({
        expiresIn: options.accessTokenSeconds,
        refreshTokenExpiresIn: REFRESH_TOKEN_SECONDS,
      }),
      present: (tokens) => ({
        access_token: tokens.accessToken,
        expires_in: tokens.expiresIn,
        token_type: 'bearer',
        refresh_token: tokens.refreshToken,
        restricted_to: [],
      }),
    }),
  );
  return app;
}
