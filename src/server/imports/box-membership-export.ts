import { z } from 'zod/mini';
import { BOX_CONFIGURABLE_PERMISSIONS } from '../../contract/box/box-group-membership.ts';
import type { UpstreamClient } from '../operations/upstream-client.ts';
import { mapBounded } from '../operations/zendesk-reads.ts';
import type { CsvCell } from './csv-export-stream.ts';
import { boxCollect, boxGroupsOf } from './review-box-import.ts';

const PAGE = 1000;
const LOOKUP_CONCURRENCY = 4;

const entrySchema = z.looseObject({
  id: z.string(),
  user: z.looseObject({ id: z.string(), name: z.string(), login: z.string() }),
  group: z.looseObject({ id: z.string(), name: z.string() }),
  role: z.string(),
  created_at: z._default(z.nullable(z.string()), null),
});
const entryPage = z.looseObject({ total_count: z.int(), entries: z.array(entrySchema) });
const permissionsSchema = z.looseObject({
  configurable_permissions: z._default(z.nullable(z.record(z.string(), z.boolean())), null),
});

export type BoxExportScope = { of: 'account' } | { of: 'group'; id: string } | { of: 'user'; id: string };

/**
 * The rows of a Box group membership export. Box's lists leave out an admin's configurable
 * permissions, so each admin's membership is read on its own (admins are few).
 */
export async function boxExport(client: UpstreamClient, scope: BoxExportScope) {
  const groupIds =
    scope.of === 'account'
      ? (await boxGroupsOf(client)).map((group) => group.id)
      : scope.of === 'group'
        ? [scope.id]
        : [];
  const lists =
    scope.of === 'user'
      ? [`/2.0/users/${scope.id}/memberships`]
      : groupIds.map((id) => `/2.0/groups/${id}/memberships`);
  const firstPages = await mapBounded(lists, LOOKUP_CONCURRENCY, (path) =>
    client.get(`${path}?limit=${PAGE}&offset=0`, entryPage),
  );
  const total = firstPages.reduce((sum, page) => sum + page.total_count, 0);
  async function* pages(): AsyncGenerator<CsvCell[][]> {
    for (const [index, path] of lists.entries()) {
      const first = firstPages[index];
      const entries =
        first && first.total_count <= PAGE
          ? first.entries
          : await boxCollect(path, (offset) =>
              client.get(`${path}?limit=${PAGE}&offset=${offset}`, entryPage),
            );
      const permissions = await mapBounded(
        entries.filter((m) => m.role === 'admin'),
        LOOKUP_CONCURRENCY,
        async (m) =>
          [
            m.id,
            (await client.get(`/2.0/group_memberships/${m.id}`, permissionsSchema)).configurable_permissions,
          ] as const,
      );
      const of = new Map(permissions);
      yield entries.map((m) => {
        const granted = of.get(m.id);
        return [
          m.user.id,
          m.user.name,
          m.user.login,
          m.group.id,
          m.group.name,
          m.role,
          ...BOX_CONFIGURABLE_PERMISSIONS.map((key) => (m.role === 'admin' ? (granted?.[key] ?? false) : '')),
          m.created_at,
        ];
      });
    }
  }
  return { total, pages: pages() };
}
