import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBackend, STORE_BACKENDS } from '../testing/test-stores.ts';
import type { ItemOutcome, NewItem, NewOperation, OperationStore, StoredPlan } from './operation-store.ts';
import { openRosterDatabase, type RosterDatabase } from './roster-database.ts';
import { openOperationStore } from './roster-operation-store.ts';

const ada = { id: '380000001', name: 'Ada Admin', email: 'admin@roster.example' };
const group = { type: 'group' as const, id: '360000021', name: 'Trust & Safety' };

function people(count: number, from = 0): NewItem[] {
  return Array.from({ length: count }, (_, i) => ({
    user: { id: String(381000000 + from + i), name: `Agent ${from + i}`, email: null },
    target: group,
    membershipId: null,
    wasDefault: null,
    viewTickets: null,
    role: null,
    restoreDefault: false,
    action: null,
    previousDefaultId: null,
  }));
}

function addition(items: NewItem[], extra: Partial<NewOperation> = {}): NewOperation {
  return {
    kind: 'group_memberships.create',
    source: 'bulk',
    label: `Add ${items.length} agents to Trust & Safety`,
    actor: ada,
    targets: [group],
    params: {},
    items,
    expanding: false,
    undoOf: null,
    ...extra,
  };
}

const ok = (resultId: string) => ({ success: true, status: 'Created', error: null, details: null, resultId });
const LEASE = 10_000;

for (const backend of STORE_BACKENDS) {
  describe.skipIf(!backend.available)(onBackend('the operation store', backend), () => {
    let dispose: () => Promise<void>;
    let database: RosterDatabase;
    /** A second connection to the same store, as another instance has (SQLite: the same one, its only writer). */
    let otherDatabase: RosterDatabase | undefined;
    let store: OperationStore;
    let other: OperationStore;

    beforeAll(async () => {
      const created = await backend.create();
      dispose = created.dispose;
      database = await openRosterDatabase(created.location);
      store = openOperationStore(database);
      if (created.location.kind === 'postgres') {
        otherDatabase = await openRosterDatabase(created.location);
        other = openOperationStore(otherDatabase);
      } else other = store;
    });
    afterAll(async () => {
      await otherDatabase?.close();
      await database?.close();
      await dispose?.();
    });

    /** Operations from earlier tests are finished, so each test's leases concern its own only. */
    async function fresh(items: NewItem[], extra?: Partial<NewOperation>) {
      for (const operation of await store.list({ status: 'running', limit: 100 })) {
        await store.cancel(operation.id);
        await database.db.deleteFrom('operation_chunks').where('operation_id', '=', operation.id).execute();
        await database.db
          .updateTable('operations')
          .set({ state: 'cancelled', finished_at: 1 })
          .where('id', '=', operation.id)
          .execute();
      }
      return store.create(addition(items, extra));
    }

    it('records an operation with its items and counts, and lists it with every filter', async () => {
      const created = await fresh(people(3));
      expect(created).toMatchObject({ state: 'queued', total: 3, counts: { pending: 3, succeeded: 0 } });
      const items = await store.items(created.id, { afterIndex: -1, limit: 10 });
      expect(items.map((item) => [item.index, item.state, item.user.name])).toEqual([
        [0, 'pending', 'Agent 0'],
        [1, 'pending', 'Agent 1'],
        [2, 'pending', 'Agent 2'],
      ]);
      const list = (filters: Parameters<OperationStore['list']>[0]) =>
        store.list(filters).then((rows) => rows.map((row) => row.id));
      expect(await list({ actorId: ada.id, limit: 100 })).toContain(created.id);
      expect(await list({ actorId: 'someone else', limit: 100 })).not.toContain(created.id);
      expect(await list({ status: 'running', limit: 100 })).toContain(created.id);
      expect(await list({ status: 'finished', limit: 100 })).not.toContain(created.id);
      expect(await list({ userId: '381000001', limit: 100 })).toContain(created.id);
      expect(await list({ userId: '389999999', limit: 100 })).not.toContain(created.id);
      expect(await list({ targetType: 'group', targetId: group.id, limit: 100 })).toContain(created.id);
      expect(await list({ targetType: 'organization', targetId: group.id, limit: 100 })).not.toContain(
        created.id,
      );
      expect(await list({ beforeSeq: created.seq, limit: 100 })).not.toContain(created.id);
      expect(await list({ source: 'single', limit: 100 })).not.toContain(created.id);
    });

    it('lets only the holder of an operation’s lease claim its items', async () => {
      const operation = await fresh(people(5));
      const claim = (owner: string, at = 1000) =>
        store.claim({ operationId: operation.id, phase: 'apply', limit: 2, now: at, owner });
      expect((await claim('instance-a')).items).toEqual([]);
      const leases = await store.lease('instance-a', 1000, 1000 + LEASE);
      expect(leases.held).toEqual([operation.id]);
      expect(leases.taken).toEqual([{ operationId: operation.id, from: null }]);
      expect((await claim('instance-b')).items).toEqual([]);
      const mine = await claim('instance-a');
      expect(mine.items.map((item) => [item.index, item.state, item.tries])).toEqual([
        [0, 'submitted', 1],
        [1, 'submitted', 1],
      ]);
      expect(await store.get(operation.id)).toMatchObject({
        state: 'running',
        counts: { pending: 3, submitted: 2 },
      });
      // Expired and not renewed: not even its holder may claim any more.
      expect((await claim('instance-a', 1000 + LEASE + 1)).items).toEqual([]);
      expect((await store.active('instance-a')).map((row) => row.id)).toEqual([operation.id]);
      expect(await store.active('instance-b')).toEqual([]);
    });

    it('counts every instance’s chunks against one job budget', async () => {
      const first = await fresh(people(500));
      const second = await store.create(addition(people(500, 500)));
      await store.lease('instance-a', 1000, 1000 + LEASE);
      // Instance b takes nothing: a holds both. Hand the second over as if a had let it go.
      await database.db
        .updateTable('operations')
        .set({ lease_owner: 'instance-b' })
        .where('id', '=', second.id)
        .execute();
      const chunk = (operationId: string, owner: string) =>
        store.claim({
          operationId,
          phase: 'apply',
          limit: 100,
          now: 1000,
          owner,
          chunk: { maxInFlight: 3 },
        });
      expect((await chunk(first.id, 'instance-a')).chunksInFlight).toBe(1);
      expect((await chunk(second.id, 'instance-b')).chunksInFlight).toBe(2);
      expect((await chunk(first.id, 'instance-a')).chunksInFlight).toBe(3);
      const refused = await chunk(second.id, 'instance-b');
      expect(refused).toEqual({ chunkId: null, items: [], chunksInFlight: 3 });
      expect((await store.get(second.id))?.counts).toMatchObject({ pending: 400, submitted: 100 });
    });

    it('never opens more chunks than the budget when instances claim at the same moment', async () => {
      const operations = [await fresh(people(1000))];
      for (let i = 1; i < 4; i++) operations.push(await store.create(addition(people(1000, i * 1000))));
      await store.lease('instance-a', 1000, 1000 + LEASE);
      const claims = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          (i % 2 === 0 ? store : other).claim({
            operationId: operations[i % 4]?.id ?? '',
            phase: 'apply',
            limit: 100,
            now: 1000,
            owner: 'instance-a',
            chunk: { maxInFlight: 7 },
          }),
        ),
      );
      expect(claims.filter((claim) => claim.chunkId !== null)).toHaveLength(7);
      expect(await store.chunksInFlight()).toHaveLength(7);
      const submitted = (await Promise.all(operations.map((op) => store.get(op.id)))).reduce(
        (sum, op) => sum + (op?.counts.submitted ?? 0),
        0,
      );
      expect(submitted).toBe(700);
    });

    it('hands an operation whose holder stopped renewing to another instance, which sends again what was in flight', async () => {
      const operation = await fresh(people(250));
      await store.lease('instance-a', 1000, 1000 + LEASE);
      const claim = (owner: string, at: number, chunk = true) =>
        store.claim({
          operationId: operation.id,
          phase: 'apply',
          limit: chunk ? 100 : 10,
          now: at,
          owner,
          ...(chunk && { chunk: { maxInFlight: 30 } }),
        });
      const accepted = await claim('instance-a', 1000);
      await store.chunkAccepted(accepted.chunkId ?? 0, 'job-1');
      const sending = await claim('instance-a', 1000);
      const loose = await claim('instance-a', 1000, false);
      expect(loose.items).toHaveLength(10);

      // Still valid: renewing keeps it with a, and b takes nothing.
      expect((await other.lease('instance-b', 5000, 5000 + LEASE)).held).toEqual([]);
      expect((await store.lease('instance-a', 6000, 6000 + LEASE)).held).toEqual([operation.id]);
      // a dies; its last lease runs out at 16,000.
      const takeover = await other.lease('instance-b', 16_001, 16_001 + LEASE);
      expect(takeover.taken).toEqual([{ operationId: operation.id, from: 'instance-a' }]);
      const after = await store.get(operation.id);
      expect(after?.counts).toMatchObject({ pending: 150, submitted: 100 });
      const chunks = await store.chunksInFlight();
      expect(chunks.map((chunk) => [chunk.id, chunk.jobId])).toEqual([[accepted.chunkId, 'job-1']]);
      const resent = await store.items(operation.id, { state: 'pending', afterIndex: -1, limit: 1000 });
      expect(resent.filter((item) => item.resubmitted).map((item) => item.index)).toEqual([
        ...Array.from({ length: 110 }, (_, i) => 100 + i),
      ]);
      expect(sending.items.every((item) => resent.some((r) => r.index === item.index))).toBe(true);

      // a's late answers change nothing: its claims are refused and its stale results are ignored.
      expect((await claim('instance-a', 16_002)).items).toEqual([]);
      await store.settleItems(
        operation.id,
        new Map(sending.items.map((item) => [item.index, ok(`m${item.index}`)])),
        new Map(),
        sending.chunkId,
      );
      await store.settleItems(operation.id, new Map([[200, ok('m200')]]), new Map(), null);
      expect((await store.get(operation.id))?.counts).toMatchObject({ pending: 150, succeeded: 0 });
      expect((await claim('instance-b', 16_002)).items).toHaveLength(100);
    });

    it('takes every operation at once as the only instance, and at once after a clean stop', async () => {
      const operation = await fresh(people(10));
      await store.lease('instance-a', 1000, 1000 + LEASE);
      expect((await other.lease('instance-b', 2000, 2000 + LEASE)).held).toEqual([]);
      expect((await other.lease('instance-b', 2000, 2000 + LEASE, { takeAll: true })).taken).toEqual([
        { operationId: operation.id, from: 'instance-a' },
      ]);
      await other.release('instance-b');
      expect((await store.lease('instance-c', 2001, 2001 + LEASE)).taken).toEqual([
        { operationId: operation.id, from: null },
      ]);
    });

    it('gives each operation to exactly one of several instances taking leases together', async () => {
      const operations = [await fresh(people(1))];
      for (let i = 1; i < 6; i++) operations.push(await store.create(addition(people(1, i))));
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((name, i) =>
          (i % 2 === 0 ? store : other).lease(`instance-${name}`, 1000, 1000 + LEASE),
        ),
      );
      const held = results.flatMap((result) => result.held).sort();
      expect(held).toEqual(operations.map((operation) => operation.id).sort());
    });

    it('settles items, moves some on to another phase and finishes with the right state', async () => {
      const operation = await fresh(people(4));
      await store.lease('instance-a', 1000, 1000 + LEASE);
      const { chunkId, items } = await store.claim({
        operationId: operation.id,
        phase: 'apply',
        limit: 4,
        now: 1000,
        owner: 'instance-a',
        chunk: { maxInFlight: 30 },
      });
      expect(items).toHaveLength(4);
      const failed = {
        success: false,
        status: 'Failed',
        error: 'InvalidValue',
        details: 'No',
        resultId: null,
      };
      await store.settleItems(
        operation.id,
        new Map<number, ItemOutcome>([
          [0, ok('m0')],
          [1, failed],
          [2, ok('m2')],
        ]),
        new Map([[3, { phase: 'make_default' as const, membershipId: 'm3' }]]),
        chunkId,
      );
      expect(await store.chunksInFlight()).toEqual([]);
      expect(await store.finishIfDone(operation.id, 2000)).toBeUndefined();
      const last = await store.claim({
        operationId: operation.id,
        phase: 'make_default',
        limit: 4,
        now: 1000,
        owner: 'instance-a',
      });
      expect(last.items.map((item) => [item.index, item.membershipId, item.tries])).toEqual([[3, 'm3', 1]]);
      await store.settleItems(operation.id, new Map([[3, ok('m3')]]), new Map(), null);
      const finished = await store.finishIfDone(operation.id, 2000);
      expect(finished).toMatchObject({
        state: 'completed_with_failures',
        finishedAt: 2000,
        counts: { succeeded: 3, failed: 1, pending: 0, submitted: 0 },
      });
      expect(await store.retryFailed(operation.id)).toBe(1);
      expect(await store.get(operation.id)).toMatchObject({
        state: 'queued',
        finishedAt: null,
        counts: { failed: 0, pending: 1 },
      });
    });

    it('returns a chunk for later, cancels what was not sent and walks a list page by page', async () => {
      const operation = await fresh([], { expanding: true });
      expect(operation).toMatchObject({ state: 'expanding', expandCursor: '' });
      await store.appendItems(operation.id, people(150), 'page-2');
      await store.appendItems(operation.id, people(50, 150), null);
      expect(await store.get(operation.id)).toMatchObject({
        total: 200,
        expandCursor: null,
        counts: { pending: 200 },
      });
      await store.lease('instance-a', 1000, 1000 + LEASE);
      const { chunkId } = await store.claim({
        operationId: operation.id,
        phase: 'apply',
        limit: 100,
        now: 1000,
        owner: 'instance-a',
        chunk: { maxInFlight: 30 },
      });
      await store.chunkReturned(chunkId ?? 0, { at: 5000, resubmitted: true, countsAsTry: false });
      const early = await store.claim({
        operationId: operation.id,
        phase: 'apply',
        limit: 200,
        now: 1000,
        owner: 'instance-a',
      });
      expect(early.items.map((item) => item.index)[0]).toBe(100);
      const returned = await store.items(operation.id, { afterIndex: -1, limit: 1 });
      expect(returned[0]).toMatchObject({ state: 'pending', resubmitted: true, tries: 0 });
      await store.cancel(operation.id);
      const cancelled = await store.get(operation.id);
      expect(cancelled).toMatchObject({ cancelRequested: true, counts: { cancelled: 100, submitted: 100 } });
      const [first] = await store.items(operation.id, { state: 'cancelled', afterIndex: -1, limit: 1 });
      expect(first).toMatchObject({ status: 'Cancelled', details: 'Cancelled before it was sent' });
    });

    it('gives a reviewed plan out once and not after it expires, and purges old history', async () => {
      const { actor: _actor, ...operation } = addition(people(1));
      const stored: StoredPlan = { plan: { id: 'plan_a' } as StoredPlan['plan'], actorId: ada.id, operation };
      const at = Date.now();
      await store.savePlan('plan_a', stored, at + 5000);
      await store.savePlan('plan_b', stored, at + 5000);
      expect(await store.takePlan('plan_a', at + 1000)).toMatchObject({ actorId: ada.id });
      expect(await store.takePlan('plan_a', at + 1000)).toBeUndefined();
      expect(await store.takePlan('plan_b', at + 6000)).toBeUndefined();
      const done = await store.create(addition(people(2), { source: 'single', outcome: ok('m1') }));
      expect(done).toMatchObject({ state: 'completed', counts: { succeeded: 2 } });
      await store.purge(done.finishedAt ?? 0);
      expect(await store.get(done.id)).toBeDefined();
      expect(await store.purge((done.finishedAt ?? 0) + 1)).toBeGreaterThanOrEqual(1);
      expect(await store.get(done.id)).toBeUndefined();
      expect(await store.items(done.id, { afterIndex: -1, limit: 10 })).toEqual([]);
    });
  });
}
