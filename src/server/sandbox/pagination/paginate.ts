import { MAX_OFFSET_RECORDS } from '../../../contract/pagination.ts';
import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { type CursorCodec, cursorScope } from './cursor-codec.ts';
import {
  type KeyedRow,
  keysetCondition,
  keyValuesOf,
  type ListQuery,
  orderBy,
  selectWithKeys,
} from './list-query.ts';
import type { CursorPageRequest, OffsetPageRequest, PageRequest } from './page-request.ts';

/** Builds the absolute URL of this same list with some query parameters replaced (null removes). */
export type PageUrlBuilder = (changes: Record<string, string | null>) => string;

export type CursorPageFields = {
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { next: string | null; prev: string | null };
};
export type OffsetPageFields = { next_page: string | null; previous_page: string | null; count: number };

export type Page<Row> = { rows: Row[]; fields: CursorPageFields | OffsetPageFields };

/** Signs and checks the cursors of one list, named by its path under the API root. */
export type ListCursors = { codec: CursorCodec; listPath: string };

export function paginate<Row extends KeyedRow>(
  db: SandboxDatabase,
  query: ListQuery,
  request: PageRequest,
  pageUrl: PageUrlBuilder,
  cursors: ListCursors,
): Page<Row> {
  return request.style === 'cursor'
    ? cursorPage<Row>(db, query, request, pageUrl, cursors)
    : offsetPage<Row>(db, query, request, pageUrl);
}

function cursorPage<Row extends KeyedRow>(
  db: SandboxDatabase,
  query: ListQuery,
  request: CursorPageRequest,
  pageUrl: PageUrlBuilder,
  { codec, listPath }: ListCursors,
): Page<Row> {
  const scope = cursorScope(listPath, query.sortName);
  const backward = request.before !== undefined;
  const cursor = request.before ?? request.after;
  const where = [...query.where];
  const params = [...query.params];
  if (cursor !== undefined) {
    const values = codec.decode(cursor, scope, query.order.length, backward ? 'page[before]' : 'page[after]');
    const condition = keysetCondition(query.order, values, backward);
    where.push(condition.sql);
    params.push(...condition.params);
  }
  const sql = `SELECT ${selectWithKeys(query)} FROM ${query.from} ${whereClause(where)} ORDER BY ${orderBy(
    query.order,
    backward,
  )} LIMIT ?`;
  const fetched = preparedStatement(db, sql).all(...params, request.size + 1) as Row[];
  const hasMore = fetched.length > request.size;
  const rows = fetched.slice(0, request.size);
  if (backward) rows.reverse();

  const first = rows[0];
  const last = rows.at(-1);
  const keyCount = query.order.length;
  const afterCursor = last ? codec.encode(scope, keyValuesOf(last, keyCount)) : null;
  const beforeCursor = first ? codec.encode(scope, keyValuesOf(first, keyCount)) : null;
  const size = String(request.size);
  return {
    rows,
    fields: {
      meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
      links: {
        next: afterCursor
          ? pageUrl({ 'page[size]': size, 'page[after]': afterCursor, 'page[before]': null })
          : null,
        prev: beforeCursor
          ? pageUrl({ 'page[size]': size, 'page[before]': beforeCursor, 'page[after]': null })
          : null,
      },
    },
  };
}

function offsetPage<Row extends KeyedRow>(
  db: SandboxDatabase,
  query: ListQuery,
  request: OffsetPageRequest,
  pageUrl: PageUrlBuilder,
): Page<Row> {
  const where = whereClause(query.where);
  const { count } = preparedStatement(db, `SELECT count(*) AS count FROM ${query.from} ${where}`).get(
    ...query.params,
  ) as {
    count: number;
  };
  const offset = (request.page - 1) * request.perPage;
  const rows = preparedStatement(
    db,
    `SELECT ${selectWithKeys(query)} FROM ${query.from} ${where} ORDER BY ${orderBy(query.order, false)} LIMIT ? OFFSET ?`,
  ).all(...query.params, request.perPage, offset) as Row[];
  const perPage = String(request.perPage);
  const nextOffset = offset + request.perPage;
  const hasNext = nextOffset < count && nextOffset < MAX_OFFSET_RECORDS;
  return {
    rows,
    fields: {
      next_page: hasNext ? pageUrl({ page: String(request.page + 1), per_page: perPage }) : null,
      previous_page: request.page > 1 ? pageUrl({ page: String(request.page - 1), per_page: perPage }) : null,
      count,
    },
  };
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : '';
}
