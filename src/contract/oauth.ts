import { z } from 'zod/mini';

/** The scopes Roster asks for; the sandbox grants no others. */
export const OAUTH_SCOPES = ['read', 'write'] as const;

/** Zendesk's `POST /oauth/tokens` and Box's `POST /oauth2/token` (which names no scope), for both grant types. */
export const oauthTokenGrantResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.string(),
  scope: z.optional(z.string()),
  expires_in: z.nullish(z.int().check(z.positive())),
  refresh_token: z.nullish(z.string().check(z.minLength(1))),
  refresh_token_expires_in: z.nullish(z.int().check(z.positive())),
});
export type OAuthTokenGrantResponse = z.infer<typeof oauthTokenGrantResponseSchema>;

/** RFC 6749's error body, which Zendesk's token endpoint answers with. */
export const oauthErrorBodySchema = z.looseObject({
  error: z.string(),
  error_description: z.optional(z.string()),
});
export type OAuthErrorBody = z.infer<typeof oauthErrorBodySchema>;
