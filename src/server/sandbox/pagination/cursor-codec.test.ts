import { describe, expect, it } from 'vitest';
import { ZendeskHttpError } from '../http/zendesk-errors.ts';
import { decodeCursor, encodeCursor } from './cursor-codec.ts';

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof ZendeskHttpError ? { status: error.status, body: error.body } : error;
  }
  throw new Error('expected a refusal');
}

const afterInvalid = {
  status: 400,
  body: { errors: [{ code: 'InvalidPaginationParameter', title: 'page[after] is not valid' }] },
};

describe('cursor codec', () => {
  it('round-trips the key values of a sort as an opaque base64url string', () => {
    const cursor = encodeCursor('-created_at', ['2024-06-01T00:05:00Z', 400000123]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('created_at');
    expect(decodeCursor(cursor, '-created_at', 2, 'page[after]')).toEqual([
      '2024-06-01T00:05:00Z',
      400000123,
    ]);
  });

  it('refuses a cursor made for another sort or another number of keys', () => {
    const cursor = encodeCursor('id', [400000123]);
    expect(refusal(() => decodeCursor(cursor, 'updated_at', 1, 'page[after]'))).toEqual(afterInvalid);
    expect(refusal(() => decodeCursor(cursor, 'id', 2, 'page[after]'))).toEqual(afterInvalid);
  });

  it('refuses an edited cursor even when it still decodes to a well-formed list', () => {
    const forged = Buffer.from(JSON.stringify(['id', 'not a number'])).toString('base64url');
    expect(refusal(() => decodeCursor(forged, 'id', 1, 'page[after]'))).toEqual(afterInvalid);
    const cursor = encodeCursor('id', [400000123]);
    const text = Buffer.from(cursor, 'base64url').toString('utf8').replace('400000123', '400000124');
    const edited = Buffer.from(text).toString('base64url');
    expect(refusal(() => decodeCursor(edited, 'id', 1, 'page[after]'))).toEqual(afterInvalid);
  });

  it('names the parameter it refuses', () => {
    expect(refusal(() => decodeCursor('!!', 'id', 1, 'page[before]'))).toEqual({
      status: 400,
      body: { errors: [{ code: 'InvalidPaginationParameter', title: 'page[before] is not valid' }] },
    });
  });
});
