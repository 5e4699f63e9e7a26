import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalidPagination } from '../http/zendesk-errors.ts';

export type CursorValue = string | number;

export type CursorCodec = ReturnType<typeof createCursorCodec>;

const MAC_BYTES = 16;

/**
 * The list a cursor belongs to: its path under the API root (without `.json`) and its sort. A
 * cursor from `/groups/1/memberships` is no cursor on `/group_memberships`, or on the same list
 * in another order.
 */
export function cursorScope(listPath: string, sortName: string): string {
  return JSON.stringify([listPath, sortName]);
}

/**
 * Cursors are opaque to clients: base64url of an HMAC under the sandbox's own secret, then the
 * last row's key values. The MAC covers the list the cursor came from as well as the values, so
 * an edited cursor, one made up by a client, or one from another list answers 400 rather than a
 * wrong page (SQLite sorts every text after every number, so a forged value would otherwise
 * still match rows).
 */
export function createCursorCodec(key: Buffer) {
  const macOf = (scope: string, payload: string) =>
    createHmac('sha256', key).update(scope).update('\n').update(payload).digest().subarray(0, MAC_BYTES);

  return {
    encode(scope: string, values: readonly CursorValue[]): string {
      const payload = JSON.stringify(values);
      return Buffer.concat([macOf(scope, payload), Buffer.from(payload, 'utf8')]).toString('base64url');
    },

    decode(
      cursor: string,
      scope: string,
      keyCount: number,
      param: 'page[after]' | 'page[before]',
    ): CursorValue[] {
      const invalid = () => invalidPagination(`${param} is not valid`);
      if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
      const raw = Buffer.from(cursor, 'base64url');
      if (raw.length <= MAC_BYTES) throw invalid();
      const payload = raw.subarray(MAC_BYTES).toString('utf8');
      if (!timingSafeEqual(raw.subarray(0, MAC_BYTES), macOf(scope, payload))) throw invalid();
      let decoded: unknown;
      try {
        decoded = JSON.parse(payload);
      } catch {
        throw invalid();
      }
      if (!Array.isArray(decoded) || decoded.length !== keyCount) throw invalid();
      if (!decoded.every((value) => typeof value === 'string' || Number.isSafeInteger(value)))
        throw invalid();
      return decoded as CursorValue[];
    },
  };
}
