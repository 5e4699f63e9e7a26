import { type InfiniteData, InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { writeOperation } from '../../api/operation-cache.ts';
import { operationFixture } from '../../api/operation-fixture.ts';
import type { Operation, OperationList } from '../../contract/roster-operations.ts';
import type { Followed } from './followed-operations.ts';
import { trayOperationsQueryOptions, trayView } from './use-tray-operations.ts';

const VIEWER = '7';

function operation(id: string, overrides: Partial<Operation> = {}): Operation {
  return operationFixture({ id, label: `Add 3 agents to Billing (${id})`, ...overrides });
}

const list = (...operations: Operation[]): InfiniteData<OperationList> => ({
  pages: [{ operations, meta: { has_more: false, after_cursor: null } }],
  pageParams: [undefined],
});

const following = (inline: string[] = []): Followed => ({
  followed: new Set(),
  dismissed: new Set(),
  inline: new Map(inline.map((id) => [id, 1])),
});

/**
 * The tray's query as the tray's hook subscribes to it: through `trayView`, notified when the
 * data it reads changes (the hook reads only `data`). Answers how often the tray would re-render.
 */
function watchTray(queryClient: QueryClient, followed: Followed) {
  const observer = new InfiniteQueryObserver(queryClient, {
    ...trayOperationsQueryOptions(),
    enabled: false,
    select: trayView(followed),
    notifyOnChangeProps: ['data'],
  });
  let renders = 0;
  const unsubscribe = observer.subscribe(() => {
    renders++;
  });
  return { renders: () => renders, shown: () => observer.getCurrentResult().data?.shown, unsubscribe };
}

function progressed(base: Operation, done: number): Operation {
  return { ...base, done, updated_at: `2026-11-23T10:00:0${done + 1}.000Z` };
}

describe('the tray subscription', () => {
  it('does not re-render the tray when an operation a page shows in its own panel progresses', () => {
    const queryClient = new QueryClient();
    const inline = operation('op-inline');
    queryClient.setQueryData(trayOperationsQueryOptions().queryKey, list(inline));
    const tray = watchTray(queryClient, following(['op-inline']));

    writeOperation(queryClient, progressed(inline, 1), VIEWER);
    writeOperation(queryClient, progressed(inline, 2), VIEWER);

    expect(tray.shown()).toEqual([]);
    expect(tray.renders()).toBe(0);
    tray.unsubscribe();
  });

  it('re-renders the tray once for each progress event of an operation it shows', () => {
    const queryClient = new QueryClient();
    const shown = operation('op-shown');
    const inline = operation('op-inline');
    queryClient.setQueryData(trayOperationsQueryOptions().queryKey, list(shown, inline));
    const tray = watchTray(queryClient, following(['op-inline']));

    writeOperation(queryClient, progressed(shown, 1), VIEWER);
    writeOperation(queryClient, progressed(inline, 1), VIEWER);
    writeOperation(queryClient, progressed(shown, 2), VIEWER);

    expect(tray.renders()).toBe(2);
    expect(tray.shown()?.map((item) => [item.id, item.done])).toEqual([['op-shown', 2]]);
    tray.unsubscribe();
  });
});

describe('trayView', () => {
  it('lists the running operations to follow, inline ones included, and shows only the others', () => {
    const finished = operation('op-done', { state: 'completed', finished_at: '2026-11-23T10:01:00.000Z' });
    const view = trayView(following(['op-inline']))(
      list(operation('op-a'), operation('op-inline'), finished),
    );
    expect(view.running).toEqual(['op-a', 'op-inline']);
    expect(view.shown.map((item) => item.id)).toEqual(['op-a']);
  });

  it('keeps showing a finished operation this page followed until it is dismissed', () => {
    const finished = operation('op-done', { state: 'completed', finished_at: '2026-11-23T10:01:00.000Z' });
    const followed = { ...following(), followed: new Set(['op-done']) };
    expect(trayView(followed)(list(finished)).shown.map((item) => item.id)).toEqual(['op-done']);
    const dismissed = { ...followed, dismissed: new Set(['op-done']) };
    expect(trayView(dismissed)(list(finished)).shown).toEqual([]);
  });
});
