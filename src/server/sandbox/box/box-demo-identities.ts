/**
 * The Box identities the README documents: they exist in every seeded sandbox and authenticate
 * with these fixed Bearer tokens. Emails match the Zendesk demo identities where the person is the same.
 */
export const BOX_DEMO_IDENTITIES = {
  admin: { name: 'Ada Admin', login: 'admin@roster.example', role: 'admin', token: 'roster-box-admin-token' },
  groupAdmin: {
    name: 'Grace Groupmanager',
    login: 'group-manager@roster.example',
    role: 'user',
    token: 'roster-box-group-admin-token',
  },
  member: {
    name: 'Alan Agent',
    login: 'agent@roster.example',
    role: 'user',
    token: 'roster-box-member-token',
  },
} as const;

export type BoxDemoIdentityKey = keyof typeof BOX_DEMO_IDENTITIES;

/**
 * The OAuth client every Box sandbox knows, for Roster's "Connect Box": a confidential client whose
 * redirect URL is any loopback address's `/roster/box/oauth/callback`.
 */
export const BOX_DEMO_OAUTH_CLIENT = {
  identifier: 'roster-box',
  name: 'Roster',
  secret: 'roster-box-sandbox-client-secret',
  redirectUris: ['http://127.0.0.1/roster/box/oauth/callback', 'http://localhost/roster/box/oauth/callback'],
} as const;
