import { BOX_OPERATION_KINDS, BOX_TARGET_TYPES } from './box-operations.ts';
import { ZENDESK_OPERATION_KINDS, ZENDESK_TARGET_TYPES } from './zendesk-operations.ts';

/**
 * Every provider Roster's operations reach, with the kinds and target types it owns. A new
 * provider is a contract module of its own and one line here; the server and the SPA each
 * register its strategy the same way, and the types refuse a provider one of them lacks.
 */
export const OPERATION_PROVIDERS = {
  zendesk: { kinds: ZENDESK_OPERATION_KINDS, targetTypes: ZENDESK_TARGET_TYPES },
  box: { kinds: BOX_OPERATION_KINDS, targetTypes: BOX_TARGET_TYPES },
} as const;

export type ProviderId = keyof typeof OPERATION_PROVIDERS;

type KindOf<P extends ProviderId> = (typeof OPERATION_PROVIDERS)[P]['kinds'][number];

const PROVIDER_OF_KIND = new Map<string, ProviderId>(
  (Object.keys(OPERATION_PROVIDERS) as ProviderId[]).flatMap((provider) =>
    OPERATION_PROVIDERS[provider].kinds.map((kind) => [kind, provider] as const),
  ),
);

/** The provider that runs an operation of this kind. */
export function providerIdOf(kind: KindOf<ProviderId>): ProviderId {
  const provider = PROVIDER_OF_KIND.get(kind);
  if (!provider) throw new Error(`No provider runs ${kind}`);
  return provider;
}
