import type { Operation } from '../contract/roster-operations.ts';

/** An operation as the server lists it, running, for tests: three agents being added to Billing. */
export function operationFixture(overrides: Partial<Operation> = {}): Operation {
  return {
    id: 'op-1',
    kind: 'group_memberships.create',
    label: 'Add 3 agents to Billing',
    source: 'bulk',
    state: 'running',
    state_reason: null,
    actor: { id: '7', name: 'Ada Admin', email: 'admin@roster.example' },
    created_at: '2026-11-23T10:00:00.000Z',
    updated_at: '2026-11-23T10:00:01.000Z',
    finished_at: null,
    targets: [{ type: 'group', id: '360001', name: 'Billing' }],
    counts: { total: 3, pending: 3, submitted: 0, succeeded: 0, failed: 0, cancelled: 0 },
    done: 0,
    jobs: { total: 1, running: 1 },
    undo_of: null,
    undone_by: null,
    can: { cancel: true, retry_failed: false, undo: false },
    ...overrides,
  };
}
