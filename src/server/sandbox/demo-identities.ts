/**
 * The identities the README documents. They exist in every seeded sandbox, with these exact emails,
 * and all authenticate with the account's demo API token.
 */
export const DEMO_API_TOKEN = 'roster-sandbox-token';

export const DEMO_IDENTITIES = {
  admin: { name: 'Ada Admin', email: 'admin@roster.example', role: 'admin', customRole: false },
  agent: { name: 'Alan Agent', email: 'agent@roster.example', role: 'agent', customRole: false },
  groupManager: {
    name: 'Grace Groupmanager',
    email: 'group-manager@roster.example',
    role: 'agent',
    customRole: true,
  },
  endUser: { name: 'Eve Enduser', email: 'end-user@roster.example', role: 'end-user', customRole: false },
} as const;

export type DemoIdentityKey = keyof typeof DEMO_IDENTITIES;

/** The custom role that lets an agent add and remove group memberships. */
export const GROUP_MANAGER_ROLE_NAME = 'Group manager';

/**
 * The OAuth client every sandbox knows, for Roster's sign-in: a confidential client whose redirect
 * URL is any loopback address's `/roster/oauth/callback`.
 */
export const DEMO_OAUTH_CLIENT = {
  identifier: 'roster',
  name: 'Roster',
  secret: 'roster-sandbox-client-secret',
  redirectUris: ['http://127.0.0.1/roster/oauth/callback', 'http://localhost/roster/oauth/callback'],
} as const;
