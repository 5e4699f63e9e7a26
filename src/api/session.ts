import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { type DemoIdentityKey, rosterSessionSchema, sessionUserSchema } from '../contract/roster-session.ts';
import { apiRequest } from './api-client.ts';

export const sessionKeys = { all: ['roster-session'] as const };

/** Who is signed in, where Roster is connected and the ways in; asked again after any 401. */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => apiRequest('/roster/session', { schema: rosterSessionSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

const signedInSchema = z.object({ user: sessionUserSchema });

export function signInWithApiToken(input: { email: string; token: string }) {
  return apiRequest('/roster/session/api-token', {
    method: 'POST',
    body: input,
    schema: signedInSchema,
    waitOutRateLimit: false,
  });
}

export function signInAsDemo(identity: DemoIdentityKey) {
  return apiRequest('/roster/session/demo', { method: 'POST', body: { identity }, schema: signedInSchema });
}

export function signOut() {
  return apiRequest('/roster/session', { method: 'DELETE', schema: z.undefined() });
}

/** The server's OAuth entry point: a full-page navigation, since the flow leaves this site. */
export function oauthStartUrl(next: string): string {
  return `/roster/oauth/start?next=${encodeURIComponent(next)}`;
}

/** Connecting Box is a full-page navigation too: it goes to Box's consent page and back. */
export function boxConnectUrl(next: string): string {
  return `/roster/box/oauth/start?next=${encodeURIComponent(next)}`;
}

/** Drops the Box tokens from this person's Roster session. */
export function disconnectBox() {
  return apiRequest('/roster/box/connection', { method: 'DELETE', schema: z.undefined() });
}

/** Signing in changes who every query is for: the caller clears the cache once it succeeds. */
export const signInAsDemoMutationOptions = () =>
  mutationOptions({ mutationKey: [...sessionKeys.all, 'demo'], mutationFn: signInAsDemo });

export const signInWithApiTokenMutationOptions = () =>
  mutationOptions({ mutationKey: [...sessionKeys.all, 'api-token'], mutationFn: signInWithApiToken });
