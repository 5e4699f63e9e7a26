import { type InfiniteData, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Operation, OperationList } from '../contract/roster-operations.ts';
import { mayBeListed, writeOperation } from './operation-cache.ts';
import { operationFixture } from './operation-fixture.ts';
import { operationKeys } from './roster-operations.ts';

const operation = operationFixture;

const page = (operations: Operation[]): OperationList => ({
  operations,
  meta: { has_more: false, after_cursor: null },
});
const list = (...operations: Operation[]): InfiniteData<OperationList> => ({
  pages: [page(operations)],
  pageParams: [undefined],
});

describe('writeOperation', () => {
  it('updates the operation in place in its detail and in every list that holds it', () => {
    const queryClient = new QueryClient();
    const other = operation({ id: 'op-2' });
    queryClient.setQueryData(operationKeys.detail('op-1'), operation());
    queryClient.setQueryData(operationKeys.list({}, 50), list(other, operation()));
    queryClient.setQueryData(operationKeys.list({ who: 'mine' }, 20), list(operation()));
    const progressed = operation({ done: 2, updated_at: '2026-11-23T10:00:02.000Z' });

    writeOperation(queryClient, progressed, '7');

    expect(queryClient.getQueryData(operationKeys.detail('op-1'))).toEqual(progressed);
    const everyone = queryClient.getQueryData<InfiniteData<OperationList>>(operationKeys.list({}, 50));
    expect(everyone?.pages[0]?.operations).toEqual([other, progressed]);
    const mine = queryClient.getQueryData<InfiniteData<OperationList>>(
      operationKeys.list({ who: 'mine' }, 20),
    );
    expect(mine?.pages[0]?.operations).toEqual([progressed]);
  });

  it('keeps what the cache holds when an older answer arrives after a newer one', () => {
    const queryClient = new QueryClient();
    const newer = operation({ done: 3, updated_at: '2026-11-23T10:00:05.000Z' });
    queryClient.setQueryData(operationKeys.detail('op-1'), newer);
    queryClient.setQueryData(operationKeys.list({}, 50), list(newer));

    writeOperation(queryClient, operation({ done: 1 }), '7');

    expect(queryClient.getQueryData(operationKeys.detail('op-1'))).toEqual(newer);
    const cached = queryClient.getQueryData<InfiniteData<OperationList>>(operationKeys.list({}, 50));
    expect(cached?.pages[0]?.operations[0]).toEqual(newer);
  });

  it('marks a list stale when it could hold a new operation, and leaves lists that cannot alone', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(operationKeys.list({}, 50), list());
    queryClient.setQueryData(operationKeys.list({ status: 'finished' }, 50), list());
    queryClient.setQueryData(operationKeys.list({ group_id: '999' }, 10), list());

    writeOperation(queryClient, operation({ id: 'op-new' }), '7');

    const stale = (filters: object, size: number) =>
      queryClient.getQueryState(operationKeys.list(filters, size))?.isInvalidated;
    expect(stale({}, 50)).toBe(true);
    expect(stale({ status: 'finished' }, 50)).toBe(false);
    expect(stale({ group_id: '999' }, 10)).toBe(false);
  });

  it('creates no detail entry for an operation nobody has opened', () => {
    const queryClient = new QueryClient();
    writeOperation(queryClient, operation(), '7');
    expect(queryClient.getQueryData(operationKeys.detail('op-1'))).toBeUndefined();
  });
});

describe('mayBeListed', () => {
  it('rules out by whose, state, kind and target, and never by person', () => {
    const finishedWithFailures = operation({
      state: 'completed_with_failures',
      counts: { total: 3, pending: 0, submitted: 0, succeeded: 2, failed: 1, cancelled: 0 },
    });
    expect(mayBeListed({ who: 'mine' }, operation(), '8')).toBe(false);
    expect(mayBeListed({ who: 'mine' }, operation(), '7')).toBe(true);
    expect(mayBeListed({ status: 'running' }, finishedWithFailures, '7')).toBe(false);
    expect(mayBeListed({ status: 'failures' }, finishedWithFailures, '7')).toBe(true);
    expect(mayBeListed({ status: 'failures' }, operation(), '7')).toBe(false);
    expect(mayBeListed({ source: 'single' }, operation(), '7')).toBe(false);
    expect(mayBeListed({ group_id: '360001' }, operation(), '7')).toBe(true);
    expect(mayBeListed({ organization_id: '360001' }, operation(), '7')).toBe(false);
    expect(mayBeListed({ user_id: '12345' }, operation(), '7')).toBe(true);
  });
});
