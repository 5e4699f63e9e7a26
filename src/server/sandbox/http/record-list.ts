import type { Context } from 'hono';
import type { SandboxDatabase } from '../db/open-database.ts';
import type { KeyedRow, SortKey } from '../pagination/list-query.ts';
import type { PaginationSupport } from '../pagination/page-request.ts';
import { listPage } from './list-response.ts';
import type { SandboxEnv } from './sandbox-env.ts';

type Sorted = { sortName: string; order: SortKey[] };

/** A table of named records (groups, organizations) listed under its plural: `{"groups": […], …page}`. */
export type NamedRecords<Row> = {
  envelope: string;
  table: string;
  alias: string;
  present: (row: Row, apiBase: string) => unknown;
};

/** Pages of one such table, by id or (for autocomplete) by name; the caller adds the conditions. */
export function namedRecordList<Row extends KeyedRow>(db: SandboxDatabase, records: NamedRecords<Row>) {
  const { alias } = records;
  const byId: Sorted = { sortName: 'id', order: [{ column: `${alias}.id`, direction: 'asc' }] };
  const byName: Sorted = {
    sortName: 'name',
    order: [
      { column: `${alias}.name`, direction: 'asc', collate: 'NOCASE' },
      { column: `${alias}.id`, direction: 'asc' },
    ],
  };
  const from = `${records.table} ${alias}`;

  function respond(
    c: Context<SandboxEnv>,
    where: string[],
    params: unknown[],
    sorted: Sorted,
    support: PaginationSupport,
  ) {
    const page = listPage<Row>(c, db, { select: `${alias}.*`, from, where, params, ...sorted }, support);
    const apiBase = c.get('apiBase');
    return c.json({
      [records.envelope]: page.rows.map((row) => records.present(row, apiBase)),
      ...page.fields,
    });
  }

  return {
    from,
    byId: (c: Context<SandboxEnv>, where: string[], params: unknown[]) =>
      respond(c, where, params, byId, 'both'),
    /** Autocomplete's order, offset pages only (as Zendesk's autocomplete endpoints). */
    byName: (c: Context<SandboxEnv>, where: string[], params: unknown[]) =>
      respond(c, where, params, byName, 'offset-only'),
  };
}
