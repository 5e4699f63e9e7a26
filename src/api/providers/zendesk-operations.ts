import { MEMBERSHIP_AFFECTED_KEYS } from '../membership-affected-keys.ts';
import type { SpaOperationProvider } from './operation-provider.ts';

export const zendeskOperations: SpaOperationProvider = {
  id: 'zendesk',
  affectedKeys: MEMBERSHIP_AFFECTED_KEYS,
  removalNotes: [
    'Removing these memberships makes Zendesk unassign their open tickets there, as any removal does.',
  ],
};
