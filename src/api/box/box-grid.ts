import { queryOptions, experimental_streamedQuery as streamedQuery } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { boxGroupMembershipSchema } from '../../contract/box/box-group-membership.ts';
import { type BoxUser, boxUserSchema } from '../../contract/box/box-user.ts';
import {
  GRID_BATCH_MS,
  type GridChunk,
  gridMembershipsQueryFn,
  PARALLEL_LISTS,
  sideBySide,
} from '../grid-memberships.ts';
import { mergeStreams } from '../merge-streams.ts';
import { boxMembershipKeys } from './box-memberships.ts';
import { BOX_PAGE_SIZE, fetchBoxPage } from './box-paging.ts';
import { boxUserKeys } from './box-users.ts';

/**
 * Every page of a Box list: the first says how long it is, and Box pages by offset, so the rest
 * are asked for together. Box refuses offsets past 10,000; what lies beyond is not listed.
 */
async function* boxPages<Entry extends z.ZodMiniType>(
  path: string,
  entry: Entry,
  signal: AbortSignal,
): AsyncGenerator<z.infer<Entry>[]> {
  const first = await fetchBoxPage(path, entry, { offset: undefined, signal });
  yield first.items;
  if (first.next === undefined) return;
  const offsets: string[] = [];
  for (let offset = Number(first.next); offset < first.total && offset <= 10_000; offset += BOX_PAGE_SIZE) {
    offsets.push(String(offset));
  }
  const rest = offsets.map(
    (offset) =>
      async function* () {
        yield (await fetchBoxPage(path, entry, { offset, signal })).items;
      },
  );
  for await (const batch of mergeStreams(rest, PARALLEL_LISTS, GRID_BATCH_MS)) yield batch.flat();
}

/** Every Box user, for the grid's rows. */
export const allBoxUsersQueryOptions = () =>
  queryOptions({
    queryKey: boxUserKeys.every(),
    queryFn: streamedQuery<BoxUser[], BoxUser[][]>({
      streamFn: ({ signal }) => boxPages('/users', boxUserSchema, signal),
      refetchMode: 'replace',
    }),
    staleTime: 60_000,
  });

/** The members of the chosen Box groups with their roles, each group's pages read in parallel. */
export const gridBoxMembershipsQueryOptions = (groupIds: readonly string[]) =>
  queryOptions({
    queryKey: boxMembershipKeys.grid(groupIds),
    queryFn: gridMembershipsQueryFn<never>(({ signal }) =>
      sideBySide(
        groupIds.map(
          (groupId) =>
            async function* (): AsyncGenerator<GridChunk<never>> {
              for await (const entries of boxPages(
                `/groups/${groupId}/memberships`,
                boxGroupMembershipSchema,
                signal,
              )) {
                yield {
                  memberships: entries.map((m) => ({
                    id: m.id,
                    userId: m.user.id,
                    targetId: m.group.id,
                    isDefault: false,
                    role: m.role,
                  })),
                };
              }
              yield { memberships: [], finished: [groupId] };
            },
        ),
      ),
    ),
    staleTime: 30_000,
  });
