import type { UserRole } from '../contract/user.ts';

/** A Zendesk role as every page writes it: "End user", never the API's "end-user". */
export const ROLE_WORDS: Record<UserRole, string> = {
  admin: 'Admin',
  agent: 'Agent',
  'end-user': 'End user',
};
