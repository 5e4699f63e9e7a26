import { describe, expect, it } from 'vitest';
import type { OperationItem } from '../../contract/roster-operations.ts';
import { resultsCsv } from './results-csv.ts';

const item = (overrides: Partial<OperationItem> = {}): OperationItem => ({
  index: 0,
  state: 'succeeded',
  user: { id: '380001', name: 'Ada Lovelace', email: 'ada@example.com' },
  target: { type: 'group', id: '360001', name: 'Billing' },
  membership_id: '900001',
  action: null,
  status: 'Created',
  error: null,
  details: null,
  tries: 1,
  ...overrides,
});

describe('resultsCsv', () => {
  it('puts every id, name and email in a column of its own, one CRLF-terminated line per item', () => {
    expect(resultsCsv([item()])).toBe(
      'item,state,action,user_id,user_name,user_email,target_type,target_id,target_name,membership_id,upstream_status,error,details,tries\r\n' +
        '1,succeeded,,380001,Ada Lovelace,ada@example.com,group,360001,Billing,900001,Created,,,1\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, and leaves missing values empty', () => {
    const csv = resultsCsv([
      item({
        state: 'failed',
        user: { id: '380002', name: 'Lovelace, Ada', email: null },
        membership_id: null,
        status: 'Failed',
        error: 'DuplicateValue',
        details: 'said "no"\ntwice',
      }),
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      '1,failed,,380002,"Lovelace, Ada",,group,360001,Billing,,Failed,DuplicateValue,"said ""no""\ntwice",1',
    );
  });

  it('defuses names a spreadsheet would run as formulas', () => {
    const csv = resultsCsv([item({ user: { id: '1', name: '=HYPERLINK("x")', email: '@me' } })]);
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")",'@me`);
  });
});
