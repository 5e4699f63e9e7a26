import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod/mini';
import type { OperationKind } from '../../contract/roster-operations.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { Actor, OperationStore } from '../store/operation-store.ts';
import type { OperationEvents } from './operation-events.ts';
import type { Identify } from './operation-routes.ts';
import { newItem } from './plan-draft.ts';
import { BOX_API } from './providers/box-api.ts';
import { createUpstreamClient } from './upstream-client.ts';

const boxMembershipSchema = z.looseObject({
  id: z.string(),
  user: z.looseObject({ id: z.string(), name: z.string(), login: z.string() }),
  group: z.looseObject({ id: z.string(), name: z.string() }),
  role: z.string(),
});
type BoxMembership = z.infer<typeof boxMembershipSchema>;

const ONE = /^\/api\/box\/2\.0\/group_memberships\/(\d+)$/;
const CREATE = /^\/api\/box\/2\.0\/group_memberships$/;

function labelOf(kind: OperationKind, membership: BoxMembership): string {
  if (kind === 'box_group_memberships.create')
    return `Add ${membership.user.name} to ${membership.group.name}`;
  if (kind === 'box_group_memberships.destroy')
    return `Remove ${membership.user.name} from ${membership.group.name}`;
  return `Make ${membership.user.name} ${membership.role === 'admin' ? 'an admin' : 'a member'} of ${membership.group.name}`;
}

/**
 * The Box side of recording single changes in History: a membership created, changed (role,
 * permissions) or removed through `/api/box/2.0/*`. Box answers carry the person's and the group's
 * names; what a removal took away is read just before it is forwarded.
 */
export function recordBoxChanges(options: {
  store: OperationStore;
  events: OperationEvents;
  identify: Identify;
  box: Upstream;
  authorization: (c: Context) => string;
}): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    const path = new URL(c.req.url).pathname;
    const one = ONE.exec(path);
    const kind: OperationKind | undefined =
      method === 'POST' && CREATE.test(path)
        ? 'box_group_memberships.create'
        : method === 'PUT' && one
          ? 'box_group_memberships.update'
          : method === 'DELETE' && one
            ? 'box_group_memberships.destroy'
            : undefined;
    if (!kind) return next();
    let membership: BoxMembership | undefined;
    if (kind !== 'box_group_memberships.create') {
      const client = createUpstreamClient(options.box, BOX_API, options.authorization(c));
      membership = await client
        .get(`/2.0/group_memberships/${one?.[1]}`, boxMembershipSchema)
        .catch(() => undefined);
    }
    await next();
    if (c.res.status >= 300) return;
    if (kind !== 'box_group_memberships.destroy') {
      const answer = boxMembershipSchema.safeParse(
        await c.res
          .clone()
          .json()
          .catch(() => undefined),
      );
      const previousRole = membership?.role ?? null;
      membership = answer.data;
      if (!membership) return;
      const who = await options.identify(c);
      if (!who) return;
      await save(who.actor, kind, membership, previousRole);
      return;
    }
    const who = await options.identify(c);
    if (membership && who) await save(who.actor, kind, membership, membership.role);
  };

  async function save(
    actor: Actor,
    kind: OperationKind,
    membership: BoxMembership,
    previousRole: string | null,
  ): Promise<void> {
    const target = { type: 'box_group' as const, id: membership.group.id, name: membership.group.name };
    const created = await options.store.create({
      kind,
      source: 'single',
      label: labelOf(kind, membership),
      actor,
      targets: [target],
      params:
        kind === 'box_group_memberships.update'
          ? { role: membership.role === 'admin' ? 'admin' : 'member' }
          : {},
      items: [
        newItem({
          user: { id: membership.user.id, name: membership.user.name, email: membership.user.login },
          target,
          membershipId: membership.id,
          role: kind === 'box_group_memberships.create' ? membership.role : previousRole,
        }),
      ],
      expanding: false,
      undoOf: null,
      outcome: {
        success: true,
        status:
          kind === 'box_group_memberships.create'
            ? 'Created'
            : kind === 'box_group_memberships.update'
              ? 'Updated'
              : 'Deleted',
        error: null,
        details: null,
        resultId: membership.id,
      },
    });
    options.events.changed(created.id);
  }
}
