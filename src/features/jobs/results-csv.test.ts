import { describe, expect, it } from 'vitest';
import { resultsCsv } from './results-csv.ts';

describe('resultsCsv', () => {
  it('writes a header and one row per result, CRLF-terminated', () => {
    expect(
      resultsCsv([{ item: 'Ada to Billing', action: 'Add', outcome: 'Succeeded', error: '', details: '' }]),
    ).toBe('Item,Action,Outcome,Error,Details\r\nAda to Billing,Add,Succeeded,,\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    const csv = resultsCsv([
      {
        item: 'Lovelace, Ada',
        action: 'Add',
        outcome: 'Failed',
        error: 'DuplicateValue',
        details: 'said "no"\ntwice',
      },
    ]);
    expect(csv).toContain('"Lovelace, Ada",Add,Failed,DuplicateValue,"said ""no""\ntwice"');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    const csv = resultsCsv([
      { item: '=HYPERLINK("x")', action: '+1', outcome: 'Failed', error: '-', details: '@me' },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",'+1,Failed,'-,'@me`);
  });
});
