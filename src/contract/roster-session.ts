import { z } from 'zod/mini';

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

/** The signed-in person as Zendesk's `users/me` named them at sign-in. */
export const sessionUserSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.nullable(z.string()),
  role: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** `GET /roster/session`: whether someone is signed in and which ways of signing in this server offers. */
export const rosterSessionSchema = z.object({
  connection: connectionSchema,
  /** `environment`: the server acts with configured credentials and there is no sign-in. */
  mode: z.enum(['signIn', 'environment']),
  signedIn: z.boolean(),
  user: z.nullable(sessionUserSchema),
  box: z.object({
    /** Each person connects their own Box account (Roster has a Box OAuth client). */
    connect: z.boolean(),
    /** The Box account this session is connected to, if any. */
    account: z.nullable(z.object({ name: z.string(), login: z.string() })),
  }),
  methods: z.object({
    oauth: z.boolean(),
    apiToken: z.boolean(),
    demoIdentities: z.array(
      z.object({ key: demoIdentityKeySchema, name: z.string(), email: z.string(), description: z.string() }),
    ),
  }),
});
export type RosterSession = z.infer<typeof rosterSessionSchema>;

/**
 * Where to go after sign-in: a path on this site only. Whatever a browser would read as another
 * site (`//evil.example`, `/\\evil.example`, a tab or newline it strips, a full URL) becomes `/`,
 * and so does the sign-in machinery itself.
 */
export function safeNextPath(next: string | null | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (!next?.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  const base = 'http://roster.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (
    url.origin !== base ||
    path.startsWith('//') ||
    path.startsWith('/roster/') ||
    path.startsWith('/sign-in')
  ) {
    return '/';
  }
  return path;
}
