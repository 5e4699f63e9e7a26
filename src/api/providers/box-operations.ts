import { boxMembershipKeys } from '../box/box-memberships.ts';
import type { SpaOperationProvider } from './operation-provider.ts';

export const boxOperations: SpaOperationProvider = {
  id: 'box',
  affectedKeys: [boxMembershipKeys.all],
  // Box moves nothing else when a membership goes.
  removalNotes: [],
};
