import { z } from 'zod';

/** Where Roster sends API calls: the embedded sandbox or a Zendesk account's host. */
export const connectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({ kind: z.literal('zendesk'), host: z.string() }),
]);
export type Connection = z.infer<typeof connectionSchema>;

/** Where Roster sends Box calls: the embedded Box sandbox or a Box API host. */
export const boxConnectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({ kind: z.literal('box'), host: z.string() }),
]);
export type BoxConnection = z.infer<typeof boxConnectionSchema>;

export const demoIdentityKeySchema = z.enum(['admin', 'agent', 'groupManager', 'endUser']);
export type DemoIdentityKey = z.infer<typeof demoIdentityKeySchema>;

/** `GET /roster/session`: whether someone is signed in and which ways of signing in this server offers. */
export const rosterSessionSchema = z.object({
  connection: connectionSchema,
  /** `environment`: the server acts with configured credentials and there is no sign-in. */
  mode: z.enum(['signIn', 'environment']),
  signedIn: z.boolean(),
  user: z
    .object({ id: z.number(), name: z.string(), email: z.string().nullable(), role: z.string() })
    .nullable(),
  methods: z.object({
    oauth: z.boolean(),
    apiToken: z.boolean(),
    demoIdentities: z.array(
      z.object({ key: demoIdentityKeySchema, name: z.string(), email: z.string(), description: z.string() }),
    ),
  }),
});
export type RosterSession = z.infer<typeof rosterSessionSchema>;

export const apiTokenSignInSchema = z.object({
  email: z.email('Enter the email address of your Zendesk user').max(320),
  token: z.string().trim().min(1, 'Enter an API token').max(200).regex(/^\S+$/, 'An API token has no spaces'),
});

export const demoSignInSchema = z.object({ identity: demoIdentityKeySchema });

/** `?error=` on the sign-in page after an OAuth round trip; the page turns the code into a sentence. */
export const oauthErrorCodeSchema = z.enum(['denied', 'state', 'exchange', 'verify', 'unavailable']);
export type OAuthErrorCode = z.infer<typeof oauthErrorCodeSchema>;

/**
 * Where to go after sign-in: a path on this site only, never `//evil.example` or a URL, and never
 * back into the sign-in machinery.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/roster/') || next.startsWith('/sign-in')) return '/';
  return next;
}
