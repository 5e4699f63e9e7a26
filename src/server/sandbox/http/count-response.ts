import type { Count } from '../../../contract/count.ts';
import { preparedStatement } from '../../shared/prepared-statements.ts';
import type { SandboxDatabase } from '../db/open-database.ts';
import { nowTimestamp } from '../store/now.ts';

export function countBody(db: SandboxDatabase, from: string, where: string[], params: unknown[]): Count {
  const clause = where.length > 0 ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '';
  const { value } = preparedStatement(db, `SELECT count(*) AS value FROM ${from} ${clause}`).get(
    ...params,
  ) as {
    value: number;
  };
  return { count: { value, refreshed_at: nowTimestamp() } };
}

/** `name >= prefix AND name < prefix + U+10FFFF` on a NOCASE index: a prefix match that uses the index. */
export function namePrefixCondition(column: string, prefix: string): { sql: string; params: string[] } {
  return {
    sql: `${column} COLLATE NOCASE >= ? AND ${column} COLLATE NOCASE < ?`,
    params: [prefix, `${prefix}\u{10FFFF}`],
  };
}
