import { type Context, Hono } from 'hono';
import { validator } from 'hono/validator';
import { omit } from 'zod/mini';
import { createOrganizationMembershipInputSchema } from '../../../contract/organization-membership.ts';
import {
  agentsOnly,
  requireAdminOrAgentForEndUser,
  requireMayAddMembershipFor,
  selfOrAgents,
} from '../auth/permissions.ts';
import type { OrganizationMembershipRow } from '../db/rows.ts';
import { listPage, parseIncludes, parseMembershipSort, queryOf, uniqueIds } from '../http/list-response.ts';
import { parseId } from '../http/request-input.ts';
import type { SandboxDeps } from '../http/sandbox-deps.ts';
import type { SandboxEnv } from '../http/sandbox-env.ts';
import { recordInvalid, recordNotFound } from '../http/zendesk-errors.ts';
import { bulkEnvelopeBody, envelopeBody, idListQuery, idParams } from '../http/zendesk-validators.ts';
import { presentJob } from '../jobs/job-store.ts';
import type { ListQuery, SortKey } from '../pagination/list-query.ts';
import { presentOrganization } from '../presenters/present-organization.ts';
import { presentOrganizationMembership } from '../presenters/present-organization-membership.ts';
import { presentUser } from '../presenters/present-user.ts';
import {
  createOrganizationMembership,
  destroyOrganizationMembership,
  findOrganizationMembership,
  findOrganizationMembershipOf,
  listUserOrganizationMemberships,
  makeDefaultOrganizationMembership,
  ORGANIZATION_MEMBERSHIP_FROM,
  ORGANIZATION_MEMBERSHIP_SELECT,
} from '../store/organization-memberships.ts';
import { findOrganization, findOrganizations } from '../store/organizations.ts';
import { findUser, findUsers } from '../store/users.ts';

const BY_ID: { sortName: string; order: SortKey[] } = {
  sortName: 'id',
  order: [{ column: 'om.id', direction: 'asc' }],
};

/** A user's memberships: the default first, then by organization name (the documented order). */
const DEFAULT_THEN_NAME: { sortName: string; order: SortKey[] } = {
  sortName: 'default_then_name',
  order: [
    { column: 'om.is_default', direction: 'desc' },
    { column: 'o.name', direction: 'asc', collate: 'NOCASE' },
    { column: 'om.id', direction: 'asc' },
  ],
};

export function organizationMembershipRoutes({ db, jobs }: SandboxDeps) {
  const app = new Hono<SandboxEnv>();

  function list(
    c: Context<SandboxEnv>,
    where: string[],
    params: unknown[],
    sort: { sortName: string; order: SortKey[] },
  ) {
    const query: ListQuery = {
      select: ORGANIZATION_MEMBERSHIP_SELECT,
      from: ORGANIZATION_MEMBERSHIP_FROM,
      where,
      params,
      ...sort,
    };
    const page = listPage<OrganizationMembershipRow>(c, db, query);
    const apiBase = c.get('apiBase');
    const includes = parseIncludes(c, ['users', 'organizations'] as const);
    return c.json({
      organization_memberships: page.rows.map((row) => presentOrganizationMembership(row, apiBase)),
      ...(includes.has('users') && {
        users: findUsers(db, uniqueIds(page.rows.map((r) => r.user_id))).map((u) => presentUser(u, apiBase)),
      }),
      ...(includes.has('organizations') && {
        organizations: findOrganizations(db, uniqueIds(page.rows.map((r) => r.organization_id))).map((o) =>
          presentOrganization(o, apiBase),
        ),
      }),
      ...page.fields,
    });
  }

  function one(c: Context<SandboxEnv>, row: OrganizationMembershipRow | undefined) {
    if (!row) throw recordNotFound();
    return c.json({ organization_membership: presentOrganizationMembership(row, c.get('apiBase')) });
  }

  function targetUser(userId: number) {
    const user = findUser(db, userId);
    if (!user) throw recordNotFound();
    return user;
  }

  function create(c: Context<SandboxEnv>, userId: number, organizationId: number, viewTickets?: boolean) {
    requireMayAddMembershipFor(c.get('identity'), findUser(db, userId));
    const outcome = db.transaction(() =>
      createOrganizationMembership(db, userId, organizationId, viewTickets ?? true),
    )();
    if (outcome.refusal) {
      const { field, error, description } = outcome.refusal;
      throw recordInvalid({ [field]: [{ description, error }] });
    }
    return c.json(
      { organization_membership: presentOrganizationMembership(outcome.row, c.get('apiBase')) },
      201,
    );
  }

  function destroy(c: Context<SandboxEnv>, row: OrganizationMembershipRow | undefined) {
    if (!row) throw recordNotFound();
    requireAdminOrAgentForEndUser(c.get('identity'), targetUser(row.user_id));
    db.transaction(() => destroyOrganizationMembership(db, row.id))();
    return c.body(null, 204);
  }

  const ofUser = omit(createOrganizationMembershipInputSchema, { user_id: true });

  app.get('/organization_memberships', (c) => {
    const identity = c.get('identity');
    const sort = parseMembershipSort(queryOf(c).get('sort'), 'om');
    if (identity.user.role === 'end-user') return list(c, ['om.user_id = ?'], [identity.user.id], sort);
    return list(c, [], [], sort);
  });
  app.post(
    '/organization_memberships/create_many',
    agentsOnly,
    bulkEnvelopeBody('organization_memberships', createOrganizationMembershipInputSchema),
    (c) => {
      const items = c.req.valid('json');
      const job = jobs.enqueue('organization_memberships.create_many', items, c.get('identity').user.id);
      return c.json({ job_status: presentJob(db, job, c.get('apiBase')) });
    },
  );
  app.delete('/organization_memberships/destroy_many', agentsOnly, idListQuery, (c) => {
    const ids = c.req.valid('query').ids;
    const job = jobs.enqueue('organization_memberships.destroy_many', ids, c.get('identity').user.id);
    return c.json({ job_status: presentJob(db, job, c.get('apiBase')) });
  });
  app.get('/organization_memberships/:id', agentsOnly, idParams('id'), (c) =>
    one(c, findOrganizationMembership(db, c.req.valid('param').id)),
  );
  app.post(
    '/organization_memberships',
    envelopeBody('organization_membership', createOrganizationMembershipInputSchema),
    (c) => {
      const input = c.req.valid('json');
      return create(c, input.user_id, input.organization_id, input.view_tickets);
    },
  );
  app.delete('/organization_memberships/:id', idParams('id'), agentsOnly, (c) =>
    destroy(c, findOrganizationMembership(db, c.req.valid('param').id)),
  );

  app.get('/users/:user_id/organization_memberships', idParams('user_id'), selfOrAgents('user_id'), (c) => {
    const userId = c.req.valid('param').user_id;
    targetUser(userId);
    return list(c, ['om.user_id = ?'], [userId], DEFAULT_THEN_NAME);
  });
  app.get('/users/:user_id/organization_memberships/:id', agentsOnly, idParams('id', 'user_id'), (c) => {
    const { id, user_id } = c.req.valid('param');
    return one(c, findOrganizationMembership(db, id, user_id));
  });
  app.post(
    '/users/:user_id/organization_memberships',
    idParams('user_id'),
    envelopeBody('organization_membership', ofUser),
    (c) => {
      const input = c.req.valid('json');
      return create(c, c.req.valid('param').user_id, input.organization_id, input.view_tickets);
    },
  );
  app.delete('/users/:user_id/organization_memberships/:id', idParams('id', 'user_id'), agentsOnly, (c) => {
    const { id, user_id } = c.req.valid('param');
    return destroy(c, findOrganizationMembership(db, id, user_id));
  });
  app.put(
    '/users/:user_id/organization_memberships/:id/make_default',
    agentsOnly,
    idParams('user_id', 'id'),
    (c) => {
      const { id, user_id: userId } = c.req.valid('param');
      const row = findOrganizationMembership(db, id, userId);
      if (!row) throw recordNotFound();
      requireAdminOrAgentForEndUser(c.get('identity'), targetUser(userId));
      const rows = db.transaction(() => {
        makeDefaultOrganizationMembership(db, row.id);
        return listUserOrganizationMemberships(db, userId);
      })();
      const apiBase = c.get('apiBase');
      return c.json({ organization_memberships: rows.map((r) => presentOrganizationMembership(r, apiBase)) });
    },
  );
  /** The membership of the path's user in the path's organization (404 when there is none). */
  const membershipOfUserInOrganization = validator('param', (params: Record<string, string>) => {
    const row = findOrganizationMembershipOf(db, parseId(params.user_id), parseId(params.organization_id));
    if (!row) throw recordNotFound();
    return { membership: row };
  });
  app.put(
    '/users/:user_id/organizations/:organization_id/make_default',
    agentsOnly,
    membershipOfUserInOrganization,
    (c) => {
      const row = c.req.valid('param').membership;
      db.transaction(() => makeDefaultOrganizationMembership(db, row.id))();
      return one(c, findOrganizationMembership(db, row.id));
    },
  );
  app.delete(
    '/users/:user_id/organizations/:organization_id',
    agentsOnly,
    membershipOfUserInOrganization,
    (c) => {
      db.transaction(() => destroyOrganizationMembership(db, c.req.valid('param').membership.id))();
      return c.body(null, 204);
    },
  );

  app.get(
    '/organizations/:organization_id/organization_memberships',
    agentsOnly,
    idParams('organization_id'),
    (c) => {
      const organizationId = c.req.valid('param').organization_id;
      if (!findOrganization(db, organizationId)) throw recordNotFound();
      return list(c, ['om.organization_id = ?'], [organizationId], BY_ID);
    },
  );

  return app;
}
