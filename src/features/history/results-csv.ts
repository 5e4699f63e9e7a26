import type { OperationItem } from '../../contract/roster-operations.ts';
import { toCsv } from './csv.ts';

const HEADER = [
  'item',
  'state',
  'action',
  'user_id',
  'user_name',
  'user_email',
  'target_type',
  'target_id',
  'target_name',
  'membership_id',
  'upstream_status',
  'error',
  'details',
  'tries',
] as const;

/** One line per item, every id, name and email in a column of its own, for a spreadsheet or a script. */
export function resultsCsv(items: readonly OperationItem[]): string {
  return toCsv(
    HEADER,
    items.map((item) => [
      item.index + 1,
      item.state,
      item.action,
      item.user.id,
      item.user.name,
      item.user.email,
      item.target.type,
      item.target.id,
      item.target.name,
      item.membership_id,
      item.status,
      item.error,
      item.details,
      item.tries,
    ]),
  );
}
