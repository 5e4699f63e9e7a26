import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from './csv-cells.ts';
import { importText, readImportFile } from './read-import-file.ts';

describe('reading an import file', () => {
  it('numbers each row by the line it starts on, past quoted newlines', () => {
    const file = readImportFile(
      'group_memberships',
      'email,group,notes\n"a@x.co","Tier 1","two\nlines"\nb@x.co,Tier 2,\n',
    );
    expect(file.rows.map((row) => [row.line, row.person])).toEqual([
      [2, { email: 'a@x.co' }],
      [4, { email: 'b@x.co' }],
    ]);
  });

  it('reports a broken line on its own and goes on with the next one', () => {
    const file = readImportFile(
      'group_memberships',
      'email,group\na@x.co,"Tier 1"oops\nb@x.co,Tier 2\nc@x.co,"never closed\nd@x.co,Tier 3\n',
    );
    expect(file.bad.map((row) => [row.line, row.reason])).toEqual([
      [2, 'malformed_line'],
      [4, 'malformed_line'],
    ]);
    expect(file.rows.map((row) => row.line)).toEqual([3, 5]);
  });

  it('takes ids before emails and names, and reads the default column in words', () => {
    const file = readImportFile(
      'organization_memberships',
      'User_ID,Email,Organization_ID,Organization,Default\n7,a@x.co,9,Acme,yes\n,b@x.co,,Acme,\n',
    );
    expect(file.rows.map((row) => [row.person, row.target, row.makeDefault])).toEqual([
      [{ id: '7' }, { id: '9' }, true],
      [{ email: 'b@x.co' }, { name: 'Acme' }, undefined],
    ]);
  });

  it('refuses text that went through the wrong decoding', () => {
    expect(() =>
      importText({ kind: 'group_memberships', mode: 'add', csv: 'email\nJos\uFFFD@x.co' }),
    ).toThrow(/not UTF-8/);
  });
});

describe('formula cells', () => {
  it('prefixes a cell a spreadsheet would run, and the import takes the prefix off', () => {
    for (const cell of ['=SUM(A1)', '+1', '-2', '@cmd']) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
      expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
    }
    expect(neutraliseFormula("O'Brien")).toBe("O'Brien");
    expect(restoreFormula("'quoted")).toBe("'quoted");
  });
});
