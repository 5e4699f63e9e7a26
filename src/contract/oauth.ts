import { z } from 'zod';

/** The scopes Roster asks for; the sandbox grants no others. */
export const OAUTH_SCOPES = ['read', 'write'] as const;

/** `POST /oauth/tokens` for the authorization_code and refresh_token grant types. */
export const oauthTokenGrantResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string(),
  expires_in: z.number().int().positive().nullish(),
  refresh_token: z.string().min(1).nullish(),
  refresh_token_expires_in: z.number().int().positive().nullish(),
});
export type OAuthTokenGrantResponse = z.infer<typeof oauthTokenGrantResponseSchema>;

/** RFC 6749's error body, which Zendesk's token endpoint answers with. */
export const oauthErrorBodySchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});
export type OAuthErrorBody = z.infer<typeof oauthErrorBodySchema>;
