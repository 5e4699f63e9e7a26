import { z } from 'zod/mini';
import { demoIdentityKeySchema } from './roster-session.ts';

/** What the sign-in page sends; only that page and the server need these, so they stay off the first route. */
export const apiTokenSignInSchema = z.object({
  email: z
    .email('Enter the email address of your Zendesk user')
    .check(z.maxLength(320, 'That email is too long')),
  token: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter an API token'),
      z.maxLength(200, 'That API token is too long'),
      z.regex(/^\S*$/, 'An API token has no spaces'),
    ),
});

export const demoSignInSchema = z.object({ identity: demoIdentityKeySchema });

/** `?error=` on the sign-in page after an OAuth round trip; the page turns the code into a sentence. */
export const oauthErrorCodeSchema = z.enum(['denied', 'state', 'exchange', 'verify', 'unavailable']);
export type OAuthErrorCode = z.infer<typeof oauthErrorCodeSchema>;
