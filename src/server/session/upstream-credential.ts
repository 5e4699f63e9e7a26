import { z } from 'zod';

export const oauthCredentialSchema = z.object({
  kind: z.literal('oauth'),
  accessToken: z.string(),
  refreshToken: z.string().nullable(),
  /** Epoch milliseconds; null for a token that does not expire. */
  expiresAt: z.number().nullable(),
  /** When it was granted (epoch milliseconds), to judge how early to refresh it. */
  issuedAt: z.number(),
});
export type OAuthCredential = z.infer<typeof oauthCredentialSchema>;

/** What the server holds for a signed-in person; it never leaves the server. */
export const upstreamCredentialSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('apiToken'), email: z.string(), token: z.string() }),
  oauthCredentialSchema,
]);
export type UpstreamCredential = z.infer<typeof upstreamCredentialSchema>;

export function authorizationHeader(credential: UpstreamCredential): string {
  return credential.kind === 'apiToken'
    ? `Basic ${Buffer.from(`${credential.email}/token:${credential.token}`).toString('base64')}`
    : `Bearer ${credential.accessToken}`;
}
