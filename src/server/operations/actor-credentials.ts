import type { ProviderId } from '../../contract/providers/operation-providers.ts';

export type ActorCredential =
  | { kind: 'ok'; authorization: string }
  /** No live session of that person holds one: the operation waits for them to sign in again. */
  | { kind: 'signedOut' }
  /** A token refresh could not reach the provider: try again later. */
  | { kind: 'unavailable'; description: string };

/** Operations run with the credential of the person who started them, refreshed like a request's. */
export type ActorCredentials = {
  credential(provider: ProviderId, actorId: string): Promise<ActorCredential>;
  /** The upstream refused `authorization` (401): the session holding it is over (or its Box link is). */
  refused(provider: ProviderId, actorId: string, authorization: string): Promise<void>;
};
