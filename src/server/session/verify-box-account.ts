import { z } from 'zod';
import type { BoxLink } from '../store/session-store.ts';
import type { OAuthProvider } from './oauth-client.ts';
import { authorizationHeader, type OAuthCredential } from './upstream-credential.ts';

const boxMeSchema = z.object({ id: z.string(), name: z.string(), login: z.string() });

/** Box's `users/me` says whose account the new tokens open, for the header and the log. */
export async function verifyBoxAccount(
  provider: OAuthProvider,
  credential: OAuthCredential,
): Promise<BoxLink['account'] | string> {
  const { upstream } = provider;
  try {
    const response = await upstream.fetch(
      new Request(`${upstream.baseUrl}/2.0/users/me?fields=id,name,login`, {
        headers: { authorization: authorizationHeader(credential), accept: 'application/json' },
        signal: AbortSignal.timeout(20_000),
      }),
    );
    const parsed = boxMeSchema.safeParse(await response.json().catch(() => undefined));
    if (response.ok && parsed.success) return parsed.data;
    return `Box answered ${response.status} when Roster asked whose account it is`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
