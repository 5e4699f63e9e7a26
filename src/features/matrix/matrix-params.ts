import type { UserRoleFilter } from '../../api/user-keys.ts';
import { roleFilterOf } from '../../components/role-filters.ts';
import { parseRecordId } from '../../lib/parse-record-id.ts';

export type ColumnOrder = 'name' | 'members';

/** The grid's view, all of it in the URL so that every view is a link. */
export type MatrixParams = {
  /** Name or email contains this, ignoring case. */
  text: string;
  role: UserRoleFilter;
  /** Rows: members of this group (or organization) only. */
  memberOf: number | undefined;
  /** Rows: people in none of the chosen columns. */
  outside: boolean;
  /** Columns: these, in the URL's order; undefined for all of them. */
  columns: number[] | undefined;
  /** Column ids in the URL that are not ids at all. */
  badColumns: string[];
  order: ColumnOrder;
};

export function parseMatrixParams(params: URLSearchParams): MatrixParams {
  const role = params.get('role');
  const raw = params.get('columns');
  const parts = raw === null ? undefined : raw.split(',').filter((part) => part.trim() !== '');
  const columns = parts?.flatMap((part) => {
    const id = parseRecordId(part.trim());
    return id === undefined ? [] : [id];
  });
  return {
    text: (params.get('q') ?? '').trim().slice(0, 100),
    role: roleFilterOf(role),
    memberOf: parseRecordId(params.get('in') ?? undefined),
    outside: params.get('outside') === '1',
    columns: columns && [...new Set(columns)],
    badColumns: parts?.filter((part) => parseRecordId(part.trim()) === undefined) ?? [],
    order: params.get('order') === 'members' ? 'members' : 'name',
  };
}

/** The URL's parameters with one changed (`undefined` or the default removes it). */
export function withParam(params: URLSearchParams, name: string, value: string | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined) next.delete(name);
  else next.set(name, value);
  return next;
}
