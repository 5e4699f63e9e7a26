import { MAX_OFFSET_RECORDS, MAX_PAGE_SIZE } from '../../../contract/pagination.ts';
import { invalidPagination } from '../http/zendesk-errors.ts';

export type CursorPageRequest = { style: 'cursor'; size: number; after?: string; before?: string };
export type OffsetPageRequest = { style: 'offset'; page: number; perPage: number };
export type PageRequest = CursorPageRequest | OffsetPageRequest;

/** Which pagination styles an endpoint speaks, and which one a request without page parameters gets. */
export type PaginationSupport = 'both' | 'cursor-only' | 'offset-only';

const CURSOR_KEYS = ['page[size]', 'page[after]', 'page[before]'] as const;

/** The SDK's own names for the cursor parameters, which some generated clients send literally. */
const CURSOR_ALIASES = { page_size: 'page[size]', page_after: 'page[after]', page_before: 'page[before]' };

/**
 * `page_size`, `page_after` and `page_before` under their documented names, so a client that sends
 * them gets the cursor page it asked for rather than a silent offset page. Both spellings of one
 * parameter at once are refused.
 */
export function resolveCursorAliases(query: URLSearchParams): URLSearchParams {
  const resolved = new URLSearchParams(query);
  for (const [alias, name] of Object.entries(CURSOR_ALIASES)) {
    const value = resolved.get(alias);
    if (value === null) continue;
    if (resolved.has(name)) throw invalidPagination(`${alias} and ${name} cannot be used together`);
    resolved.delete(alias);
    resolved.set(name, value);
  }
  return resolved;
}

/**
 * Reads `page[size]`/`page[after]`/`page[before]` or `page`/`per_page`. Like Zendesk, a request with
 * neither gets offset pagination where the endpoint has it; mixing the two styles is refused.
 */
export function parsePageRequest(query: URLSearchParams, support: PaginationSupport): PageRequest {
  const usesCursor = CURSOR_KEYS.some((key) => query.has(key));
  const usesOffset = query.has('page') || query.has('per_page');
  if (usesCursor && usesOffset) {
    throw invalidPagination('page and page[size], page[after] or page[before] cannot be used together');
  }
  if (usesCursor && support === 'offset-only') {
    throw invalidPagination('This endpoint supports offset pagination only (page and per_page)');
  }
  if (usesOffset && support === 'cursor-only') {
    throw invalidPagination('This endpoint supports cursor pagination only (page[size], page[after])');
  }
  if (usesCursor || support === 'cursor-only') return parseCursorRequest(query);
  return parseOffsetRequest(query);
}

function parseCursorRequest(query: URLSearchParams): CursorPageRequest {
  const size = parseBoundedInt(query.get('page[size]'), MAX_PAGE_SIZE, 'page[size]');
  const after = query.get('page[after]') ?? undefined;
  const before = query.get('page[before]') ?? undefined;
  if (after !== undefined && before !== undefined) {
    throw invalidPagination('page[after] and page[before] cannot be used together');
  }
  if (after === '') throw invalidPagination('page[after] is not valid');
  if (before === '') throw invalidPagination('page[before] is not valid');
  return { style: 'cursor', size, ...(after ? { after } : {}), ...(before ? { before } : {}) };
}

function parseOffsetRequest(query: URLSearchParams): OffsetPageRequest {
  const perPage = parseBoundedInt(query.get('per_page'), MAX_PAGE_SIZE, 'per_page');
  const page = parseBoundedInt(query.get('page'), Number.MAX_SAFE_INTEGER, 'page', 1);
  if ((page - 1) * perPage >= MAX_OFFSET_RECORDS) {
    throw invalidPagination(
      `Offset pagination is limited to the first ${MAX_OFFSET_RECORDS} records; use cursor pagination (page[size], page[after])`,
    );
  }
  return { style: 'offset', page, perPage };
}

function parseBoundedInt(raw: string | null, max: number, name: string, fallback = max): number {
  if (raw === null) return fallback;
  if (!/^\d{1,16}$/.test(raw)) throw invalidPagination(`${name} is not valid`);
  const value = Number(raw);
  if (value < 1 || value > max) throw invalidPagination(`${name} must be between 1 and ${max}`);
  return value;
}
