import { type ProviderId, providerIdOf } from '../../../contract/providers/operation-providers.ts';
import type { OperationKind } from '../../../contract/roster-operations.ts';
import { boxProvider } from './box.ts';
import type { OperationProvider } from './operation-provider.ts';
import { zendeskProvider } from './zendesk.ts';

/** The engine's providers, one line each; the contract's registry names which kinds each owns. */
const PROVIDERS: Readonly<Record<ProviderId, OperationProvider>> = {
  zendesk: zendeskProvider,
  box: boxProvider,
};

export function providerById(id: ProviderId): OperationProvider {
  return PROVIDERS[id];
}

/** The provider that plans and runs operations of this kind. */
export function providerFor(kind: OperationKind): OperationProvider {
  return PROVIDERS[providerIdOf(kind)];
}
