import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { preparedStatement } from '../../shared/prepared-statements.ts';
import { adminsOnly } from '../auth/permissions.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { envelopeBody } from '../http/zendesk-validators.ts';
import { nowTimestamp } from '../store/now.ts';

const createTokenSchema = z.object({
  client_id: z.union([z.string().min(1).max(100), z.number().int()]).transform(String),
  scopes: z.array(z.enum(['read', 'write'])).min(1),
});

/** Zendesk's "Create Token" (admins): an OAuth access token for the caller, shown in full once. */
export function oauthTokenRoutes({ db }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();

  app.post('/oauth/tokens', adminsOnly, envelopeBody('token', createTokenSchema), (c) => {
    const identity = c.get('identity');
    const input = c.req.valid('json');
    const token = randomBytes(32).toString('hex');
    const now = nowTimestamp();
    const scopes = [...new Set(input.scopes)].join(' ');
    const { lastInsertRowid } = preparedStatement(
      db,
      'INSERT INTO oauth_tokens (token, user_id, client_id, scopes, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(token, identity.user.id, input.client_id, scopes, now);
    return c.json(
      {
        token: {
          id: Number(lastInsertRowid),
          url: `${c.get('apiBase')}/oauth/tokens/${lastInsertRowid}.json`,
          user_id: identity.user.id,
          client_id: input.client_id,
          token: token.slice(0, 10),
          full_token: token,
          scopes: scopes.split(' '),
          created_at: now,
          expires_at: null,
        },
      },
      201,
    );
  });

  return app;
}
