import { createHash } from 'node:crypto';
import { invalidPagination } from '../http/zendesk-errors.ts';

export type CursorValue = string | number;

const CHECK_LENGTH = 8;

/**
 * A short digest of the cursor's content. Without it an edited cursor that still decodes (say an id
 * turned into text) would be accepted and, since SQLite sorts every text after every number, answer
 * 200 with a wrong page instead of the documented 400.
 */
function checkOf(payload: string): string {
  return createHash('sha256').update(payload).digest('base64url').slice(0, CHECK_LENGTH);
}

/**
 * Cursors are opaque to clients: base64url of a check, the sort's name and the last row's key values.
 * The sort name is checked on the way back in, so a cursor from one ordering cannot be replayed on another.
 */
export function encodeCursor(sortName: string, values: readonly CursorValue[]): string {
  const payload = JSON.stringify([sortName, ...values]);
  return Buffer.from(`${checkOf(payload)}${payload}`, 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
  sortName: string,
  keyCount: number,
  param: 'page[after]' | 'page[before]',
): CursorValue[] {
  const invalid = () => invalidPagination(`${param} is not valid`);
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const payload = text.slice(CHECK_LENGTH);
  if (text.slice(0, CHECK_LENGTH) !== checkOf(payload)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(payload);
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== keyCount + 1 || decoded[0] !== sortName) throw invalid();
  const values = decoded.slice(1);
  if (!values.every((value) => typeof value === 'string' || Number.isSafeInteger(value))) throw invalid();
  return values as CursorValue[];
}
