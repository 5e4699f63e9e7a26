import { type Context, Hono } from 'hono';
import { validator } from 'hono/validator';
import { userRoleSchema } from '../../../contract/user.ts';
import { adminsOnly, agentsOnly, selfOrAgents } from '../auth/permissions.ts';
import type { UserRow } from '../db/rows.ts';
import { countBody, namePrefixCondition } from '../http/count-response.ts';
import { listPage, queryOf } from '../http/list-response.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { badRequest, recordInvalid, recordNotFound } from '../http/zendesk-errors.ts';
import { envelopeBody, idListQuery, idParams, textQuery } from '../http/zendesk-validators.ts';
import type { SortKey } from '../pagination/list-query.ts';
import type { PaginationSupport } from '../pagination/page-request.ts';
import { presentUser } from '../presenters/present-user.ts';
import { findGroup } from '../store/groups.ts';
import { findOrganization } from '../store/organizations.ts';
import { createUser, createUserSchema, findUser, findUsers } from '../store/users.ts';

type Sorted = { sortName: string; order: SortKey[] };
const BY_ID: Sorted = { sortName: 'id', order: [{ column: 'u.id', direction: 'asc' }] };
const BY_NAME: Sorted = {
  sortName: 'name',
  order: [
    { column: 'u.name', direction: 'asc', collate: 'NOCASE' },
    { column: 'u.id', direction: 'asc' },
  ],
};

/** `role=agent` or `role[]=agent&role[]=admin`. */
function roleCondition(c: Context<SandboxEnv>): { where: string[]; params: string[] } {
  const query = queryOf(c);
  const roles = [...query.getAll('role'), ...query.getAll('role[]')];
  if (roles.length === 0) return { where: [], params: [] };
  for (const role of roles) {
    if (!userRoleSchema.safeParse(role).success) {
      throw badRequest('InvalidValue', `role must be one of end-user, agent, admin; "${role}" is not a role`);
    }
  }
  return { where: [`u.role IN (${roles.map(() => '?').join(',')})`], params: roles };
}

const roleQuery = validator('query', (_query, c) => roleCondition(c));

/**
 * `users/search?query=`: free text matches name or email; `email:`, `name:` and `role:` narrow
 * it. A small subset of Zendesk's search syntax, enough for finding people to add.
 */
function searchCondition(text: string): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  const like = (value: string) => `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  for (const term of text.split(/\s+/).filter(Boolean)) {
    const [, field, value] = /^(email|name|role):(.+)$/.exec(term) ?? [undefined, undefined, term];
    if (field === 'role') {
      where.push('u.role = ?');
      params.push(value as string);
    } else if (field === 'email' && !(value as string).includes('*')) {
      // Zendesk matches `email:` exactly (case-insensitively); `*` asks for a wildcard match.
      where.push('u.email = ?');
      params.push(value as string);
    } else if (field === 'email' || field === 'name') {
      where.push(`u.${field} LIKE ? ESCAPE '\\'`);
      params.push(like((value as string).replaceAll('*', '')));
    } else {
      where.push(`(u.name LIKE ? ESCAPE '\\' OR u.email LIKE ? ESCAPE '\\')`);
      params.push(like(value as string), like(value as string));
    }
  }
  return { where, params };
}

export function userRoutes({ db }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();

  function list(
    c: Context<SandboxEnv>,
    from: string,
    where: string[],
    params: unknown[],
    sorted: Sorted = BY_ID,
    support: PaginationSupport = 'both',
  ) {
    const page = listPage<UserRow>(c, db, { select: 'u.*', from, where, params, ...sorted }, support);
    const apiBase = c.get('apiBase');
    return c.json({ users: page.rows.map((row) => presentUser(row, apiBase)), ...page.fields });
  }

  const inGroup = 'users u JOIN group_memberships gm ON gm.user_id = u.id';
  const inOrganization = 'users u JOIN organization_memberships om ON om.user_id = u.id';

  app.get('/users', roleQuery, agentsOnly, (c) => {
    const roles = c.req.valid('query');
    return list(c, 'users u', roles.where, roles.params);
  });
  app.get('/users/count', agentsOnly, roleQuery, (c) => {
    const roles = c.req.valid('query');
    return c.json(countBody(db, 'users u', roles.where, roles.params));
  });
  app.get('/users/me', (c) => c.json({ user: presentUser(c.get('identity').user, c.get('apiBase')) }));
  app.get('/users/autocomplete', textQuery('name'), agentsOnly, (c) => {
    const prefix = namePrefixCondition('u.name', c.req.valid('query').name);
    return list(c, 'users u', [prefix.sql], prefix.params, BY_NAME, 'offset-only');
  });
  app.get('/users/search', textQuery('query'), agentsOnly, (c) => {
    const search = searchCondition(c.req.valid('query').query);
    return list(c, 'users u', search.where, search.params, BY_ID, 'offset-only');
  });
  app.get('/users/show_many', agentsOnly, idListQuery, (c) => {
    const apiBase = c.get('apiBase');
    const rows = findUsers(db, c.req.valid('query').ids);
    return c.json({ users: rows.map((row) => presentUser(row, apiBase)) });
  });
  app.post('/users', adminsOnly, envelopeBody('user', createUserSchema), (c) => {
    const input = c.req.valid('json');
    const user = createUser(db, input);
    if (!user) {
      throw recordInvalid({
        email: [
          {
            error: 'DuplicateValue',
            description: `Email: ${input.email} is already being used by another user`,
          },
        ],
      });
    }
    return c.json({ user: presentUser(user, c.get('apiBase')) }, 201);
  });
  app.get('/users/:id', idParams('id'), selfOrAgents('id'), (c) => {
    const user = findUser(db, c.req.valid('param').id);
    if (!user) throw recordNotFound();
    return c.json({ user: presentUser(user, c.get('apiBase')) });
  });

  app.get('/groups/:group_id/users', agentsOnly, idParams('group_id'), (c) => {
    const groupId = c.req.valid('param').group_id;
    if (!findGroup(db, groupId)) throw recordNotFound();
    return list(c, inGroup, ['gm.group_id = ?'], [groupId]);
  });
  app.get('/groups/:group_id/users/count', agentsOnly, idParams('group_id'), (c) => {
    const groupId = c.req.valid('param').group_id;
    if (!findGroup(db, groupId)) throw recordNotFound();
    return c.json(countBody(db, 'group_memberships gm', ['gm.group_id = ?'], [groupId]));
  });
  app.get('/organizations/:organization_id/users', agentsOnly, idParams('organization_id'), (c) => {
    const organizationId = c.req.valid('param').organization_id;
    if (!findOrganization(db, organizationId)) throw recordNotFound();
    return list(c, inOrganization, ['om.organization_id = ?'], [organizationId]);
  });
  app.get('/organizations/:organization_id/users/count', agentsOnly, idParams('organization_id'), (c) => {
    const organizationId = c.req.valid('param').organization_id;
    if (!findOrganization(db, organizationId)) throw recordNotFound();
    return c.json(countBody(db, 'organization_memberships om', ['om.organization_id = ?'], [organizationId]));
  });

  return app;
}
