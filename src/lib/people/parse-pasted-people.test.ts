import { describe, expect, it } from 'vitest';
import { parsePastedPeople } from './parse-pasted-people.ts';

describe('parsePastedPeople', () => {
  it('reads emails and ids one per line, comma- or space-separated', () => {
    expect(parsePastedPeople('a@x.io\n380000001, b@y.com; 380000002  c@z.org')).toEqual({
      ids: [380000001, 380000002],
      emails: ['a@x.io', 'b@y.com', 'c@z.org'],
      invalid: [],
      duplicates: [],
    });
  });

  it('takes the address out of "Name <email>" as mail clients copy it', () => {
    expect(parsePastedPeople('Ada Lovelace <Ada@Example.com>, "Turing, Alan" <alan@example.com>')).toEqual({
      ids: [],
      emails: ['ada@example.com', 'alan@example.com'],
      invalid: [],
      duplicates: [],
    });
  });

  it('lists garbage as invalid instead of dropping it', () => {
    const parsed = parsePastedPeople('hello\nnot-an-email@\n-5\n0\n12.5\n@x.io\n99999999999999999999');
    expect(parsed.ids).toEqual([]);
    expect(parsed.emails).toEqual([]);
    expect(parsed.invalid).toEqual([
      'hello',
      'not-an-email@',
      '-5',
      '0',
      '12.5',
      '@x.io',
      '99999999999999999999',
    ]);
  });

  it('counts repeated entries once and reports the repeats, ignoring email case', () => {
    const parsed = parsePastedPeople('a@x.io\nA@X.IO\n7\n007');
    expect(parsed.emails).toEqual(['a@x.io']);
    expect(parsed.ids).toEqual([7]);
    expect(parsed.duplicates).toEqual(['A@X.IO', '007']);
  });

  it('returns nothing for blank input', () => {
    expect(parsePastedPeople('  \n\n , ; ')).toEqual({ ids: [], emails: [], invalid: [], duplicates: [] });
  });
});
