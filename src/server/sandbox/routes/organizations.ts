import { Hono } from 'hono';
import { agentsOnly } from '../auth/permissions.ts';
import type { OrganizationRow } from '../db/rows.ts';
import { countBody, namePrefixCondition } from '../http/count-response.ts';
import { namedRecordList } from '../http/record-list.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { recordNotFound } from '../http/zendesk-errors.ts';
import { idListQuery, idParams, textQuery } from '../http/zendesk-validators.ts';
import { presentOrganization } from '../presenters/present-organization.ts';
import { findOrganization, findOrganizations } from '../store/organizations.ts';
import { findUser } from '../store/users.ts';

export function organizationRoutes({ db }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();
  const organizations = namedRecordList<OrganizationRow>(db, {
    envelope: 'organizations',
    table: 'organizations',
    alias: 'o',
    present: presentOrganization,
  });

  app.get('/organizations', agentsOnly, (c) => organizations.byId(c, [], []));
  app.get('/organizations/count', agentsOnly, (c) => c.json(countBody(db, organizations.from, [], [])));
  app.get('/organizations/autocomplete', textQuery('name'), agentsOnly, (c) => {
    const prefix = namePrefixCondition('o.name', c.req.valid('query').name);
    return organizations.byName(c, [prefix.sql], prefix.params);
  });
  app.get('/organizations/show_many', agentsOnly, idListQuery, (c) => {
    const rows = findOrganizations(db, c.req.valid('query').ids);
    const apiBase = c.get('apiBase');
    return c.json({ organizations: rows.map((row) => presentOrganization(row, apiBase)) });
  });
  app.get('/organizations/:id', agentsOnly, idParams('id'), (c) => {
    const organization = findOrganization(db, c.req.valid('param').id);
    if (!organization) throw recordNotFound();
    return c.json({ organization: presentOrganization(organization, c.get('apiBase')) });
  });
  app.get('/users/:user_id/organizations', agentsOnly, idParams('user_id'), (c) => {
    const userId = c.req.valid('param').user_id;
    if (!findUser(db, userId)) throw recordNotFound();
    return organizations.byId(
      c,
      ['o.id IN (SELECT organization_id FROM organization_memberships WHERE user_id = ?)'],
      [userId],
    );
  });

  return app;
}
