import { describe, expect, it } from 'vitest';
import { zendeskChanges } from './zendesk-changes.ts';

describe("a Zendesk grid's changes as a request", () => {
  it('sends an add before the default it also makes, and a removal alone', () => {
    expect(
      zendeskChanges([
        { rowId: '5', columnId: '7', membership: 'add', makeDefault: true },
        { rowId: '6', columnId: '7', membership: 'remove' },
        { rowId: '8', columnId: '9', makeDefault: true },
      ]),
    ).toEqual([
      { action: 'add', user_id: 5, target_id: 7 },
      { action: 'make_default', user_id: 5, target_id: 7 },
      { action: 'remove', user_id: 6, target_id: 7 },
      { action: 'make_default', user_id: 8, target_id: 9 },
    ]);
  });
});
