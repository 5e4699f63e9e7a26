import { type ProviderId, providerIdOf } from '../../contract/providers/operation-providers.ts';
import type { OperationKind } from '../../contract/roster-operations.ts';
import { boxOperations } from './box-operations.ts';
import type { SpaOperationProvider } from './operation-provider.ts';
import { zendeskOperations } from './zendesk-operations.ts';

/** The SPA's side of each provider, one line each. */
const PROVIDERS: Readonly<Record<ProviderId, SpaOperationProvider>> = {
  zendesk: zendeskOperations,
  box: boxOperations,
};

/** The provider whose memberships an operation of this kind changes. */
export function operationProviderOf(kind: OperationKind): SpaOperationProvider {
  return PROVIDERS[providerIdOf(kind)];
}
