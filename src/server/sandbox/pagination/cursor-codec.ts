import { invalidPagination } from '../http/zendesk-errors.ts';

export type CursorValue = string | number;

/**
 * Cursors are opaque to clients: base64url of the sort's name and the last row's key values. The sort
 * name is checked on the way back in, so a cursor from one ordering cannot be replayed on another.
 */
export function encodeCursor(sortName: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([sortName, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
  sortName: string,
  keyCount: number,
  param: 'page[after]' | 'page[before]',
): CursorValue[] {
  const invalid = () => invalidPagination(`${param} is not valid`);
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== keyCount + 1 || decoded[0] !== sortName) throw invalid();
  const values = decoded.slice(1);
  if (!values.every((value) => typeof value === 'string' || Number.isSafeInteger(value))) throw invalid();
  return values as CursorValue[];
}
