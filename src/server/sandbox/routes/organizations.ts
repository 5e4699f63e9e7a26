import { type Context, Hono } from 'hono';
import { requireAgent } from '../auth/permissions.ts';
import type { OrganizationRow } from '../db/rows.ts';
import { countBody, namePrefixCondition } from '../http/count-response.ts';
import { listPage, queryOf } from '../http/list-response.ts';
import { parseId, parseIdList } from '../http/request-input.ts';
import { requiredText } from '../http/required-text.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { recordNotFound } from '../http/zendesk-errors.ts';
import type { SortKey } from '../pagination/list-query.ts';
import type { PaginationSupport } from '../pagination/page-request.ts';
import { presentOrganization } from '../presenters/present-organization.ts';
import { findOrganization, findOrganizations } from '../store/organizations.ts';
import { findUser } from '../store/users.ts';

const BY_ID: SortKey[] = [{ column: 'o.id', direction: 'asc' }];
const BY_NAME: SortKey[] = [
  { column: 'o.name', direction: 'asc', collate: 'NOCASE' },
  { column: 'o.id', direction: 'asc' },
];

export function organizationRoutes({ db }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();

  function list(
    c: Context<SandboxEnv>,
    where: string[],
    params: unknown[],
    sorted: { sortName: string; order: SortKey[] } = { sortName: 'id', order: BY_ID },
    support: PaginationSupport = 'both',
  ) {
    requireAgent(c.get('identity'));
    const page = listPage<OrganizationRow>(
      c,
      db,
      { select: 'o.*', from: 'organizations o', where, params, ...sorted },
      support,
    );
    const apiBase = c.get('apiBase');
    return c.json({
      organizations: page.rows.map((row) => presentOrganization(row, apiBase)),
      ...page.fields,
    });
  }

  app.get('/organizations', (c) => list(c, [], []));
  app.get('/organizations/count', (c) => {
    requireAgent(c.get('identity'));
    return c.json(countBody(db, 'organizations o', [], []));
  });
  app.get('/organizations/autocomplete', (c) => {
    const prefix = namePrefixCondition('o.name', requiredText(c.req.query('name'), 'name'));
    return list(c, [prefix.sql], prefix.params, { sortName: 'name', order: BY_NAME }, 'offset-only');
  });
  app.get('/organizations/show_many', (c) => {
    requireAgent(c.get('identity'));
    const rows = findOrganizations(db, parseIdList(queryOf(c)));
    const apiBase = c.get('apiBase');
    return c.json({ organizations: rows.map((row) => presentOrganization(row, apiBase)) });
  });
  app.get('/organizations/:id', (c) => {
    requireAgent(c.get('identity'));
    const organization = findOrganization(db, parseId(c.req.param('id')));
    if (!organization) throw recordNotFound();
    return c.json({ organization: presentOrganization(organization, c.get('apiBase')) });
  });
  app.get('/users/:user_id/organizations', (c) => {
    requireAgent(c.get('identity'));
    const userId = parseId(c.req.param('user_id'));
    if (!findUser(db, userId)) throw recordNotFound();
    return list(
      c,
      ['o.id IN (SELECT organization_id FROM organization_memberships WHERE user_id = ?)'],
      [userId],
    );
  });

  return app;
}
