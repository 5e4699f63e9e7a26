import type { OperationListFilters } from '../../api/roster-operations.ts';
import { operationFiltersSchema } from '../../contract/roster-operations.ts';

/** The filters History reads from its URL, so every view of it is a link. */
export const HISTORY_FILTER_NAMES = [
  'who',
  'status',
  'user_id',
  'group_id',
  'organization_id',
  'box_group_id',
  'source',
] as const satisfies readonly (keyof OperationListFilters)[];

/** Each filter in the URL that the API would accept; anything else is left out rather than refused. */
export function historyFiltersOf(params: URLSearchParams): OperationListFilters {
  const accepted: Record<string, string> = {};
  for (const name of HISTORY_FILTER_NAMES) {
    const value = params.get(name);
    if (value !== null && operationFiltersSchema.safeParse({ [name]: value }).success) accepted[name] = value;
  }
  return operationFiltersSchema.parse(accepted);
}

/** The search part of the URL with one filter set (or cleared with `undefined`), the others kept. */
export function withFilter(
  params: URLSearchParams,
  name: (typeof HISTORY_FILTER_NAMES)[number],
  value: string | undefined,
): string {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  const query = next.toString();
  return query ? `?${query}` : '';
}
