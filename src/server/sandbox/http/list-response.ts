import type { Context } from 'hono';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { KeyedRow, ListQuery, SortKey } from '../pagination/list-query.ts';
import {
  type PaginationSupport,
  parsePageRequest,
  resolveCursorAliases,
} from '../pagination/page-request.ts';
import { type Page, type PageUrlBuilder, paginate } from '../pagination/paginate.ts';
import type { SandboxEnv } from './sandbox-env.ts';
import { invalidPagination } from './zendesk-errors.ts';

/**
 * Links are absolute and keep the client's own spelling of the path (with or without `.json`); the
 * query is the one the page was read from, with aliases under their documented names.
 */
export function pageUrlFor(c: Context, query: URLSearchParams): PageUrlBuilder {
  return (changes) => {
    const url = new URL(c.req.url);
    url.search = query.toString();
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    return url.toString();
  };
}

export function queryOf(c: Context): URLSearchParams {
  return new URL(c.req.url).searchParams;
}

export function listPage<Row extends KeyedRow>(
  c: Context<SandboxEnv>,
  db: SandboxDatabase,
  query: ListQuery,
  support: PaginationSupport = 'both',
): Page<Row> {
  const params = resolveCursorAliases(queryOf(c));
  const listPath = c.req.path.slice(new URL(c.get('apiBase')).pathname.length);
  return paginate<Row>(db, query, parsePageRequest(params, support), pageUrlFor(c, params), {
    codec: c.get('cursors'),
    listPath,
  });
}

/** `sort=created_at` or `sort=-updated_at` on the top-level membership lists, always tie-broken by id. */
export function parseMembershipSort(
  raw: string | null,
  alias: string,
): { sortName: string; order: SortKey[] } {
  const value = raw ?? 'id';
  const match = /^(-?)(id|created_at|updated_at)$/.exec(value);
  if (!match)
    throw invalidPagination('sort must be one of id, created_at, updated_at, optionally prefixed with -');
  const direction = match[1] === '-' ? 'desc' : 'asc';
  const column = match[2] as string;
  const order: SortKey[] = [{ column: `${alias}.${column}`, direction }];
  if (column !== 'id') order.push({ column: `${alias}.id`, direction });
  return { sortName: value, order };
}

/** `include=users,groups`: which of the allowed sideloads were asked for. */
export function parseIncludes<Name extends string>(c: Context, allowed: readonly Name[]): Set<Name> {
  const requested = (queryOf(c).get('include') ?? '').split(',').map((part) => part.trim());
  return new Set(allowed.filter((name) => requested.includes(name)));
}

export function uniqueIds(values: Iterable<number | null>): number[] {
  return [...new Set([...values].filter((value): value is number => value !== null))];
}
