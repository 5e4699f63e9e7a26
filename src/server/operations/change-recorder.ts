import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod/mini';
import type { OperationKind, Target } from '../../contract/roster-operations.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { Actor, ItemOutcome, NewItem, OperationStore } from '../store/operation-store.ts';
import type { OperationEvents } from './operation-events.ts';
import type { Identify } from './operation-routes.ts';
import { newItem } from './plan-draft.ts';
import { ZENDESK_API } from './providers/zendesk-api.ts';
import { createUpstreamClient, type UpstreamClient } from './upstream-client.ts';
import {
  groupMembershipBriefSchema,
  organizationMembershipBriefSchema,
  targetName,
  userBriefSchema,
} from './zendesk-reads.ts';

/**
 * Records the single membership changes people make on pages (a make-default toggle, one add, one
 * removal or unassign) in History, with names: the forwarding stays as it is, and a successful
 * write is written down after it happened. What a removal took away is read just before it goes.
 */

type Membership = {
  id: number;
  userId: number;
  targetId: number;
  default: boolean;
  viewTickets: boolean | null;
};
type Change = {
  kind: OperationKind;
  type: 'group' | 'organization';
  membership: Membership;
};

const groupOne = z.looseObject({ group_membership: groupMembershipBriefSchema });
const organizationOne = z.looseObject({ organization_membership: organizationMembershipBriefSchema });
const organizationList = z.looseObject({
  organization_memberships: z.array(organizationMembershipBriefSchema),
});
const userOne = z.looseObject({ user: userBriefSchema });

const fromGroup = (m: z.infer<typeof groupMembershipBriefSchema>): Membership => ({
  id: m.id,
  userId: m.user_id,
  targetId: m.group_id,
  default: m.default,
  viewTickets: null,
});
const fromOrganization = (m: z.infer<typeof organizationMembershipBriefSchema>): Membership => ({
  id: m.id,
  userId: m.user_id,
  targetId: m.organization_id,
  default: m.default === true,
  viewTickets: m.view_tickets,
});

const ID = '(\\d+)';
const route = (pattern: string) => new RegExp(`^/api/v2${pattern}(?:\\.json)?$`);
const ROUTES = {
  groupCreate: route('(?:/users/\\d+)?/group_memberships'),
  groupDelete: route(`(?:/users/\\d+)?/group_memberships/${ID}`),
  groupDefault: route(`/users/${ID}/group_memberships/${ID}/make_default`),
  organizationCreate: route('(?:/users/\\d+)?/organization_memberships'),
  organizationDelete: route(`(?:/users/\\d+)?/organization_memberships/${ID}`),
  organizationUnassign: route(`/users/${ID}/organizations/${ID}`),
  organizationDefault: route(`/users/${ID}/organization_memberships/${ID}/make_default`),
  organizationDefaultByOrg: route(`/users/${ID}/organizations/${ID}/make_default`),
};

async function tryRead<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

/** What a removal is about to take away, read before it is forwarded. */
async function beforeRemoval(
  client: UpstreamClient,
  method: string,
  path: string,
): Promise<Change | undefined> {
  if (method !== 'DELETE') return undefined;
  let match = ROUTES.groupDelete.exec(path);
  if (match) {
    const body = await tryRead(() => client.get(`/group_memberships/${match?.[1]}`, groupOne));
    return (
      body && {
        kind: 'group_memberships.destroy',
        type: 'group',
        membership: fromGroup(body.group_membership),
      }
    );
  }
  match = ROUTES.organizationDelete.exec(path);
  if (match) {
    const body = await tryRead(() => client.get(`/organization_memberships/${match?.[1]}`, organizationOne));
    return (
      body && {
        kind: 'organization_memberships.destroy',
        type: 'organization',
        membership: fromOrganization(body.organization_membership),
      }
    );
  }
  match = ROUTES.organizationUnassign.exec(path);
  if (match) {
    const [, userId, organizationId] = match;
    const body = await tryRead(() =>
      client.get(`/users/${userId}/organization_memberships`, organizationList),
    );
    const membership = body?.organization_memberships.find(
      (m) => String(m.organization_id) === organizationId,
    );
    return (
      membership && {
        kind: 'organization_memberships.destroy',
        type: 'organization',
        membership: fromOrganization(membership),
      }
    );
  }
  return undefined;
}

/** What a successful create or make-default did, from its answer. */
function afterWrite(method: string, path: string, body: unknown): Change | undefined {
  if (method === 'POST' && ROUTES.groupCreate.test(path)) {
    const parsed = groupOne.safeParse(body);
    return parsed.success
      ? {
          kind: 'group_memberships.create',
          type: 'group',
          membership: fromGroup(parsed.data.group_membership),
        }
      : undefined;
  }
  if (method === 'POST' && ROUTES.organizationCreate.test(path)) {
    const parsed = organizationOne.safeParse(body);
    return parsed.success
      ? {
          kind: 'organization_memberships.create',
          type: 'organization',
          membership: fromOrganization(parsed.data.organization_membership),
        }
      : undefined;
  }
  if (method !== 'PUT') return undefined;
  const group = ROUTES.groupDefault.exec(path);
  if (group) {
    const list = z.looseObject({ group_memberships: z.array(groupMembershipBriefSchema) }).safeParse(body);
    const membership = list.data?.group_memberships.find((m) => String(m.id) === group[2]);
    return (
      membership && {
        kind: 'group_memberships.make_default',
        type: 'group',
        membership: fromGroup(membership),
      }
    );
  }
  const organization = ROUTES.organizationDefault.exec(path);
  if (organization) {
    const membership = organizationList
      .safeParse(body)
      .data?.organization_memberships.find((m) => String(m.id) === organization[2]);
    return (
      membership && {
        kind: 'organization_memberships.make_default',
        type: 'organization',
        membership: fromOrganization(membership),
      }
    );
  }
  if (ROUTES.organizationDefaultByOrg.test(path)) {
    const parsed = organizationOne.safeParse(body);
    return parsed.success
      ? {
          kind: 'organization_memberships.make_default',
          type: 'organization',
          membership: fromOrganization(parsed.data.organization_membership),
        }
      : undefined;
  }
  return undefined;
}

function labelOf(change: Change, user: string, target: string): string {
  const what = change.type === 'group' ? 'group' : 'organization';
  if (change.kind.endsWith('.create')) return `Add ${user} to ${target}`;
  if (change.kind.endsWith('.destroy')) return `Remove ${user} from ${target}`;
  return `Make ${target} ${user}'s default ${what}`;
}

export type ChangeRecorderOptions = {
  store: OperationStore;
  events: OperationEvents;
  identify: Identify;
  zendesk: Upstream;
  authorization: (c: Context) => string;
};

export function recordSingleChanges(options: ChangeRecorderOptions): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'POST' && method !== 'PUT' && method !== 'DELETE') return next();
    const path = new URL(c.req.url).pathname;
    const client = createUpstreamClient(options.zendesk, ZENDESK_API, options.authorization(c));
    const removal = await beforeRemoval(client, method, path);
    await next();
    if (c.res.status >= 300) return;
    let change = removal;
    if (!change) {
      const body = await tryRead(() => c.res.clone().json());
      change = afterWrite(method, path, body);
    }
    if (!change) return;
    const who = await options.identify(c);
    if (!who) return;
    await record(client, who.actor, change);
  };

  async function record(client: UpstreamClient, actor: Actor, change: Change): Promise<void> {
    const { membership } = change;
    const [user, name] = await Promise.all([
      tryRead(() => client.get(`/users/${membership.userId}`, userOne)),
      tryRead(() => targetName(client, change.type, membership.targetId)),
    ]);
    const person: Actor = user
      ? { id: String(user.user.id), name: user.user.name, email: user.user.email }
      : { id: String(membership.userId), name: `User ${membership.userId}`, email: null };
    const target: Target = {
      type: change.type,
      id: String(membership.targetId),
      name: name ?? `${change.type} ${membership.targetId}`,
    };
    const item: NewItem = newItem({
      user: person,
      target,
      membershipId: String(membership.id),
      wasDefault: change.kind.endsWith('.destroy') ? membership.default : null,
      viewTickets: membership.viewTickets,
    });
    const outcome: ItemOutcome = {
      success: true,
      status: change.kind.endsWith('.create')
        ? 'Created'
        : change.kind.endsWith('.destroy')
          ? 'Deleted'
          : 'MadeDefault',
      error: null,
      details: null,
      resultId: String(membership.id),
    };
    const created = await options.store.create({
      kind: change.kind,
      source: 'single',
      label: labelOf(change, person.name, target.name),
      actor,
      targets: [target],
      params: {},
      items: [item],
      expanding: false,
      undoOf: null,
      outcome,
    });
    options.events.changed(created.id);
  }
}
