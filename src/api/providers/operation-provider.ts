import type { ProviderId } from '../../contract/providers/operation-providers.ts';

/** What the SPA knows of a provider's operations; the tray, History and the caches ask it, never the kind's spelling. */
export type SpaOperationProvider = {
  id: ProviderId;
  /** The cached lists an operation of the provider changes as its items succeed. */
  affectedKeys: readonly (readonly string[])[];
  /** What the review of an undo that removes memberships adds to the server's own notes. */
  removalNotes: readonly string[];
};
