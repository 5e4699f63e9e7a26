import { queryOptions, experimental_streamedQuery as streamedQuery } from '@tanstack/react-query';
import type { User } from '../contract/user.ts';
import { apiRequest } from './api-client.ts';
import { cursorQuery, nextCursor } from './cursor-pagination.ts';
import { mergeStreams } from './merge-streams.ts';
import { type UserRoleFilter, userKeys } from './user-keys.ts';
import { ROLE_QUERY, userCursorPageSchema } from './users.ts';

/** How often the people of a whole role, read page by page, are handed to the view. */
const EVERYONE_BATCH_MS = 120;

/**
 * Everyone with the roles of a filter, every page by cursor, each page asked for as soon as the
 * one before answers (not after the view has drawn it), handed over in batches as they arrive:
 * the membership grid's rows.
 */
export const everyoneQueryOptions = (role: UserRoleFilter) =>
  queryOptions({
    queryKey: userKeys.everyone(role),
    queryFn: streamedQuery<User[], User[][]>({
      streamFn: async function* ({ signal }) {
        const roles = new URLSearchParams(ROLE_QUERY[role].map((name) => ['role[]', name]));
        const pages = async function* () {
          let after: string | undefined;
          do {
            const body = await apiRequest(
              `/api/v2/users?${roles.size ? `${roles}&` : ''}${cursorQuery(after)}`,
              {
                schema: userCursorPageSchema,
                signal,
              },
            );
            yield body.users;
            after = nextCursor(body);
          } while (after);
        };
        for await (const batch of mergeStreams([pages], 1, EVERYONE_BATCH_MS)) yield batch.flat();
      },
      refetchMode: 'replace',
    }),
    staleTime: 60_000,
  });
