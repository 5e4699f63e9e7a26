import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import type { OperationKind } from '../../../contract/roster-operations.ts';
import { BOX_DEMO_IDENTITIES } from '../../sandbox/box/box-demo-identities.ts';
import type { ItemRecord, OperationParams } from '../../store/operation-store.ts';
import { type InProcessSandbox, startInProcessSandbox } from '../../testing/in-process-sandbox.ts';
import { newItem } from '../plan-draft.ts';
import type { UpstreamClient } from '../upstream-client.ts';
import { boxProvider } from './box.ts';

const entriesOf = <T extends z.ZodMiniType>(entry: T) => z.looseObject({ entries: z.array(entry) });
const groupSchema = z.looseObject({ id: z.string(), name: z.string() });
const userSchema = z.looseObject({ id: z.string(), name: z.string(), login: z.string(), role: z.string() });
const membershipSchema = z.looseObject({
  id: z.string(),
  role: z.string(),
  user: z.looseObject({ id: z.string() }),
  group: z.looseObject({ id: z.string() }),
});

let sandbox: InProcessSandbox;
let admin: UpstreamClient;
let member: UpstreamClient;
let group: z.infer<typeof groupSchema>;
/** Regular Box users outside `group`, handed out once each so that the tests never collide. */
let outsiders: z.infer<typeof userSchema>[];

function itemFor(user: { id: string; name: string }, fields: Partial<ItemRecord> = {}): ItemRecord {
  return {
    ...newItem({
      user: { id: user.id, name: user.name, email: null },
      target: { type: 'box_group', id: group.id, name: group.name },
    }),
    operationId: 'op_test',
    index: 0,
    state: 'pending',
    phase: 'apply',
    tries: 0,
    resubmitted: false,
    status: null,
    error: null,
    details: null,
    resultId: null,
    ...fields,
  };
}

function nextOutsider() {
  const user = outsiders.shift();
  if (!user) throw new Error('The tiny seed has no more Box users outside the group');
  return user;
}

const submit = (kind: OperationKind, item: ItemRecord, params: OperationParams = {}, client = admin) =>
  boxProvider.submitOne(client, kind, item, params);

async function add(user: { id: string; name: string }) {
  const outcome = await submit('box_group_memberships.create', itemFor(user));
  if (!outcome.resultId) throw new Error('Box named no membership');
  return outcome.resultId;
}

const membership = (id: string) => admin.get(`/2.0/group_memberships/${id}`, membershipSchema);

beforeAll(async () => {
  sandbox = startInProcessSandbox();
  admin = boxProvider.client(sandbox.box, `Bearer ${BOX_DEMO_IDENTITIES.admin.token}`);
  member = boxProvider.client(sandbox.box, `Bearer ${BOX_DEMO_IDENTITIES.member.token}`);
  const groups = await admin.get('/2.0/groups?limit=1000', entriesOf(groupSchema));
  const first = groups.entries[0];
  if (!first) throw new Error('The tiny seed has no Box group');
  group = first;
  const inGroup = await admin.get(
    `/2.0/groups/${group.id}/memberships?limit=1000`,
    entriesOf(membershipSchema),
  );
  const taken = new Set(inGroup.entries.map((entry) => entry.user.id));
  const users = await admin.get('/2.0/users?limit=1000', entriesOf(userSchema));
  outsiders = users.entries.filter(
    (user) => user.role === 'user' && !taken.has(user.id) && !user.login.endsWith('@roster.example'),
  );
});

afterAll(async () => {
  await sandbox?.close();
});

describe('the Box provider', () => {
  it('adds a member with one request and answers Created with the membership Box made', async () => {
    const user = nextOutsider();
    const before = admin.requests();
    const outcome = await submit('box_group_memberships.create', itemFor(user, { role: 'admin' }));
    expect(admin.requests() - before).toBe(1);
    expect(outcome).toMatchObject({ success: true, status: 'Created', error: null });
    const created = await membership(outcome.resultId ?? 'none');
    expect(created).toMatchObject({ role: 'admin', user: { id: user.id }, group: { id: group.id } });
  });

  it("sets an update operation's shared role, and a mixed change's item's own role", async () => {
    const id = await add(nextOutsider());
    const promoted = await submit(
      'box_group_memberships.update',
      itemFor(nextOutsider(), { membershipId: id, role: 'member' }),
      { role: 'admin' },
    );
    expect(promoted).toMatchObject({ success: true, status: 'Updated', resultId: id });
    expect((await membership(id)).role).toBe('admin');
    await submit(
      'box_group_memberships.change',
      itemFor(nextOutsider(), { membershipId: id, action: 'set_role', role: 'member' }),
      { role: 'admin' },
    );
    expect((await membership(id)).role).toBe('member');
  });

  it("sends a mixed change's add as a create and its removal as a destroy", async () => {
    const user = nextOutsider();
    const added = await submit('box_group_memberships.change', itemFor(user, { action: 'add' }));
    expect(added).toMatchObject({ success: true, status: 'Created' });
    const id = added.resultId ?? 'none';
    expect((await membership(id)).user.id).toBe(user.id);
    const removed = await submit(
      'box_group_memberships.change',
      itemFor(user, { action: 'remove', membershipId: id }),
    );
    expect(removed).toMatchObject({ success: true, status: 'Deleted', resultId: id });
  });

  it('reads a removal whose membership is already gone as done: AlreadyRemoved', async () => {
    const id = await add(nextOutsider());
    const item = itemFor(nextOutsider(), { membershipId: id });
    expect(await submit('box_group_memberships.destroy', item)).toMatchObject({ status: 'Deleted' });
    expect(await submit('box_group_memberships.destroy', item)).toMatchObject({
      success: true,
      status: 'AlreadyRemoved',
      details: 'The membership was already gone',
    });
  });

  it("reads a retried add's conflict as AlreadyMember, and a first add's conflict as Box's refusal", async () => {
    const user = nextOutsider();
    await add(user);
    expect(await submit('box_group_memberships.create', itemFor(user, { resubmitted: true }))).toMatchObject({
      success: true,
      status: 'AlreadyMember',
    });
    expect(await submit('box_group_memberships.create', itemFor(user))).toMatchObject({
      success: false,
      status: 'Failed',
      error: 'conflict',
    });
  });

  it("fails an item Box refuses for the starter's role, in Box's code and words", async () => {
    const outcome = await submit('box_group_memberships.create', itemFor(nextOutsider()), {}, member);
    expect(outcome).toMatchObject({
      success: false,
      status: 'Failed',
      error: 'access_denied_insufficient_permissions',
    });
    expect(outcome.details).toEqual(expect.any(String));
  });

  it('throws a transient failure on a 5xx, for the engine to retry, and succeeds the next time', async () => {
    const user = nextOutsider();
    await sandbox.setFaults('box', { rules: [{ method: 'POST', status: 503, times: 1 }] });
    await expect(submit('box_group_memberships.create', itemFor(user))).rejects.toMatchObject({
      name: 'UpstreamFailure',
      kind: 'transient',
      status: 503,
    });
    expect(await submit('box_group_memberships.create', itemFor(user, { resubmitted: true }))).toMatchObject({
      status: 'Created',
    });
  });

  it('names Box, not Zendesk, when an operation waits for its starter', () => {
    expect(boxProvider.name).toBe('Box');
    expect(boxProvider.pausedReason('Ada Admin')).toBe('Paused until Ada Admin connects Box again');
  });
});
