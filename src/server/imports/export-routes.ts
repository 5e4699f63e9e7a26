import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod/mini';
import {
  EXPORT_COLUMNS,
  EXPORT_TOTAL_HEADER,
  type MembershipFileKind,
} from '../../contract/membership-csv.ts';
import { rosterQuery } from '../http/roster-validators.ts';
import { BOX_API } from '../operations/providers/box-api.ts';
import { ZENDESK_API } from '../operations/providers/zendesk-api.ts';
import { createUpstreamClient, UpstreamFailure } from '../operations/upstream-client.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { RosterEnv } from '../session/session-auth.ts';
import { type BoxExportScope, boxExport } from './box-membership-export.ts';
import { type CsvCell, csvExportStream } from './csv-export-stream.ts';
import { type ExportScope, zendeskExport } from './zendesk-membership-export.ts';

export type ExportRoutesOptions = {
  zendesk: Upstream;
  requireCredential: MiddlewareHandler<RosterEnv>;
  /** Box with the asker's Box credential (their own, or the server's one lent to admins). */
  box: {
    upstream: Upstream;
    require: MiddlewareHandler<RosterEnv>;
    authorization: (c: Context<RosterEnv>) => string;
  };
  log: (line: string) => void;
};

const idList = z.string().check(z.regex(/^\d{1,20}(,\d{1,20}){0,99}$/));
const scopeQuerySchema = z.object({
  group_id: z.optional(idList),
  organization_id: z.optional(idList),
  user_id: z.optional(z.string().check(z.regex(/^\d{1,20}$/))),
  /** Groups or organizations whose name holds this (the Groups list's search)… */
  search: z.optional(z.string().check(z.maxLength(200))),
  /** …or starts with it (the Organizations list's, Zendesk's autocomplete). */
  name_start: z.optional(z.string().check(z.maxLength(200))),
});

function scopeOf(query: z.infer<typeof scopeQuerySchema>, ids: string | undefined): ExportScope {
  if (ids !== undefined) return { of: 'targets', ids: ids.split(',').map(Number) };
  if (query.user_id !== undefined) return { of: 'user', id: Number(query.user_id) };
  if (query.search) return { of: 'search', text: query.search, match: 'anywhere' };
  if (query.name_start) return { of: 'search', text: query.name_start, match: 'start' };
  return { of: 'account' };
}

const boxScopeSchema = z.object({
  box_group_id: z.optional(z.string().check(z.regex(/^\d{1,20}$/))),
  box_user_id: z.optional(z.string().check(z.regex(/^\d{1,20}$/))),
});

function fileName(kind: MembershipFileKind, scope: ExportScope | BoxExportScope): string {
  const what =
    scope.of === 'account'
      ? 'all'
      : scope.of === 'user'
        ? `user-${scope.id}`
        : scope.of === 'search'
          ? 'search'
          : scope.of === 'group'
            ? scope.id
            : scope.ids.length === 1
              ? String(scope.ids[0])
              : `${scope.ids.length}-lists`;
  return `${kind.replaceAll('_', '-')}-${what}-${new Date().toISOString().slice(0, 10)}.csv`;
}

function refusal(c: Context, error: UpstreamFailure) {
  const status = error.status === 401 || error.status === 403 || error.status === 404 ? error.status : 502;
  return c.json({ error: error.code ?? 'UpstreamError', description: error.message }, status);
}

/**
 * `GET /roster/exports/{group_memberships,organization_memberships}.csv`: streamed as the server
 * walks Zendesk's cursor lists with the asker's own credential, the expected row count in
 * `X-Total-Count` before the first row.
 */
export function exportRoutes(options: ExportRoutesOptions) {
  const zendeskScopeQuery = rosterQuery(scopeQuerySchema, () => ({
    error: 'InvalidFilter',
    description: 'group_id / organization_id are up to 100 ids, comma-separated; user_id one id',
  }));
  const boxScopeQuery = rosterQuery(boxScopeSchema, () => ({
    error: 'InvalidFilter',
    description: 'box_group_id and box_user_id are ids',
  }));
  const app = new Hono<RosterEnv>();
  const zendeskCsv = (kind: 'group_memberships' | 'organization_memberships') =>
    app.get(`/${kind}.csv`, options.requireCredential, zendeskScopeQuery, async (c) => {
      const scopeQuery = c.req.valid('query');
      const type = kind === 'group_memberships' ? 'group' : 'organization';
      const scope = scopeOf(scopeQuery, type === 'group' ? scopeQuery.group_id : scopeQuery.organization_id);
      const client = createUpstreamClient(options.zendesk, ZENDESK_API, c.get('upstreamAuthorization'));
      let exported: Awaited<ReturnType<typeof zendeskExport>>;
      try {
        exported = await zendeskExport(client, type, scope);
      } catch (error) {
        if (error instanceof UpstreamFailure) return refusal(c, error);
        throw error;
      }
      return csvResponse(c, kind, fileName(kind, scope), exported);
    });
  zendeskCsv('group_memberships');
  zendeskCsv('organization_memberships');
  app.get('/box_group_memberships.csv', options.box.require, boxScopeQuery, async (c) => {
    const query = c.req.valid('query');
    const scope: BoxExportScope = query.box_group_id
      ? { of: 'group', id: query.box_group_id }
      : query.box_user_id
        ? { of: 'user', id: query.box_user_id }
        : { of: 'account' };
    const client = createUpstreamClient(options.box.upstream, BOX_API, options.box.authorization(c));
    try {
      const exported = await boxExport(client, scope);
      return csvResponse(c, 'box_group_memberships', fileName('box_group_memberships', scope), exported);
    } catch (error) {
      if (error instanceof UpstreamFailure) return refusal(c, error);
      throw error;
    }
  });

  function csvResponse(
    c: Context,
    kind: MembershipFileKind,
    name: string,
    exported: { total: number; pages: AsyncGenerator<CsvCell[][]> },
  ) {
    const body = csvExportStream(EXPORT_COLUMNS[kind], exported.pages, (error) =>
      options.log(`Export ${kind} stopped: ${String(error)}`),
    );
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      [EXPORT_TOTAL_HEADER]: String(exported.total),
    });
  }
  return app;
}
