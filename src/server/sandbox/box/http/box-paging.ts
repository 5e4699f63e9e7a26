import { createHmac } from 'node:crypto';
import { BOX_DEFAULT_LIMIT, BOX_MAX_LIMIT, BOX_MAX_OFFSET } from '../../../../contract/box/box-collection.ts';
import { boxBadRequest, boxInvalidLimit, boxInvalidOffset } from './box-errors.ts';

export type BoxOffsetPage = { limit: number; offset: number };

/** `limit` (default 100, silently capped at 1000) and `offset` (0 to 10,000). */
export function parseBoxOffsetPage(query: URLSearchParams): BoxOffsetPage {
  const rawLimit = query.get('limit');
  const rawOffset = query.get('offset');
  let limit = BOX_DEFAULT_LIMIT;
  if (rawLimit !== null) {
    if (!/^\d{1,9}$/.test(rawLimit) || Number(rawLimit) < 1) throw boxInvalidLimit(rawLimit);
    limit = Math.min(Number(rawLimit), BOX_MAX_LIMIT);
  }
  let offset = 0;
  if (rawOffset !== null) {
    if (!/^\d{1,9}$/.test(rawOffset)) {
      throw boxInvalidOffset(`Invalid value '${rawOffset}' for offset: must be a non-negative integer`);
    }
    offset = Number(rawOffset);
    if (offset > BOX_MAX_OFFSET) {
      throw boxInvalidOffset(
        `Invalid value '${rawOffset}' for offset: offset cannot exceed ${BOX_MAX_OFFSET}`,
      );
    }
  }
  return { limit, offset };
}

export function boxCollection<Entry>(entries: Entry[], total: number, page: BoxOffsetPage, orderBy = 'id') {
  return {
    total_count: total,
    limit: page.limit,
    offset: page.offset,
    order: [{ by: orderBy, direction: 'ASC' as const }],
    entries,
  };
}

/**
 * Opaque markers naming the last row of a page, checked with the sandbox's own secret: a marker
 * that was edited, or made up without the secret, is refused.
 */
export function boxMarkerCodec(key: Buffer) {
  const checkOf = (id: number) =>
    createHmac('sha256', key).update(`box-users-marker:${id}`).digest('base64url').slice(0, 16);
  return {
    encode: (lastId: number) => Buffer.from(`${lastId}.${checkOf(lastId)}`).toString('base64url'),
    decode(marker: string): number {
      const [id, check] = Buffer.from(marker, 'base64url').toString('utf8').split('.', 2);
      const lastId = Number(id);
      if (!id || !/^\d{1,16}$/.test(id) || check !== checkOf(lastId)) {
        throw boxBadRequest(`Invalid value '${marker}' for marker`, 'marker');
      }
      return lastId;
    },
  };
}
