import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZendeskHttpError } from '../http/zendesk-errors.ts';
import { createCursorCodec, cursorScope } from './cursor-codec.ts';

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

const codec = createCursorCodec(randomBytes(32));
const memberships = cursorScope('/group_memberships', 'id');

describe('cursor codec', () => {
  it('round-trips the key values of a sort as an opaque base64url string', () => {
    const scope = cursorScope('/group_memberships', '-created_at');
    const cursor = codec.encode(scope, ['2024-06-01T00:05:00Z', 400000123]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('created_at');
    expect(codec.decode(cursor, scope, 2, 'page[after]')).toEqual(['2024-06-01T00:05:00Z', 400000123]);
  });

  it('refuses a cursor made for another list, another sort or another number of keys', () => {
    const cursor = codec.encode(memberships, [400000123]);
    for (const scope of [
      cursorScope('/groups/360000001/memberships', 'id'),
      cursorScope('/group_memberships', 'updated_at'),
    ]) {
      expect(refusal(() => codec.decode(cursor, scope, 1, 'page[after]'))).toEqual(afterInvalid);
    }
    expect(refusal(() => codec.decode(cursor, memberships, 2, 'page[after]'))).toEqual(afterInvalid);
  });

  it('refuses an edited cursor, and one signed without the secret', () => {
    const cursor = codec.encode(memberships, [400000123]);
    const raw = Buffer.from(cursor, 'base64url');
    const edited = Buffer.from(raw.toString('latin1').replace('400000123', '400000124'), 'latin1');
    expect(refusal(() => codec.decode(edited.toString('base64url'), memberships, 1, 'page[after]'))).toEqual(
      afterInvalid,
    );
    const payload = JSON.stringify([400000124]);
    const unkeyed = createHash('sha256').update(payload).digest().subarray(0, 16);
    const forged = Buffer.concat([unkeyed, Buffer.from(payload)]).toString('base64url');
    expect(refusal(() => codec.decode(forged, memberships, 1, 'page[after]'))).toEqual(afterInvalid);
    const otherSandbox = createCursorCodec(randomBytes(32)).encode(memberships, [400000124]);
    expect(refusal(() => codec.decode(otherSandbox, memberships, 1, 'page[after]'))).toEqual(afterInvalid);
  });

  it('names the parameter it refuses', () => {
    expect(refusal(() => codec.decode('!!', memberships, 1, 'page[before]'))).toEqual({
      status: 400,
      body: { errors: [{ code: 'InvalidPaginationParameter', title: 'page[before] is not valid' }] },
    });
  });
});
