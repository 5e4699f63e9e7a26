import type { UpstreamClient } from '../operations/upstream-client.ts';
import type { CsvCell } from './csv-export-stream.ts';
import {
  accountMembershipTotal,
  listTargets,
  type MembershipScope,
  targetMemberTotal,
  walkMemberships,
  type ZendeskTargetType,
} from './zendesk-membership-lists.ts';

/** What an export covers: the account, some groups or organizations, one person, or a name search. */
export type ExportScope = MembershipScope | { of: 'search'; text: string; match: 'anywhere' | 'start' };

export type ZendeskExport = {
  /** The rows expected, sent before the first row so the browser can show progress. */
  total: number;
  pages: AsyncGenerator<CsvCell[][]>;
};

/**
 * The rows of a group or organization membership export, in the columns of `EXPORT_COLUMNS`.
 * The account's groups (or organizations) are read first for their names; the memberships are
 * walked as the download asks for them.
 */
export async function zendeskExport(
  client: UpstreamClient,
  type: ZendeskTargetType,
  scope: ExportScope,
): Promise<ZendeskExport> {
  const targets = await listTargets(client, type);
  let walk: MembershipScope = scope.of === 'search' ? { of: 'targets', ids: [] } : scope;
  if (scope.of === 'search') {
    const wanted = scope.text.toLowerCase();
    walk = {
      of: 'targets',
      ids: [...targets]
        .filter(([, name]) =>
          scope.match === 'start'
            ? name.toLowerCase().startsWith(wanted)
            : name.toLowerCase().includes(wanted),
        )
        .map(([id]) => id),
    };
  }
  let total = 0;
  if (walk.of === 'account') total = await accountMembershipTotal(client, type);
  else if (walk.of === 'targets') {
    for (const id of walk.ids) if (targets.has(id)) total += await targetMemberTotal(client, type, id);
  }
  const scoped = walk;
  async function* pages(): AsyncGenerator<CsvCell[][]> {
    for await (const page of walkMemberships(client, type, scoped)) {
      const rows: CsvCell[][] = [];
      for (const m of page.memberships) {
        const targetName = targets.get(m.target_id);
        // Memberships of deleted groups are listed by Zendesk too; the export holds live ones.
        if (targetName === undefined) continue;
        const user = page.users.get(m.user_id);
        rows.push([
          m.user_id,
          user?.name ?? '',
          user?.email ?? '',
          user?.role ?? '',
          m.target_id,
          targetName,
          m.default,
          ...(type === 'organization' ? [m.view_tickets ?? true] : []),
          m.created_at,
        ]);
      }
      yield rows;
    }
  }
  return { total, pages: pages() };
}
