import {
  createContext,
  createElement,
  type ReactNode,
  useCallback,
  useContext,
  useSyncExternalStore,
} from 'react';
import type { BulkEngine } from './bulk-engine.ts';
import type { BulkOperation } from './bulk-operation.ts';

const BulkEngineContext = createContext<BulkEngine | null>(null);

/** Give it the app's one engine (created once, `resume()`d at start); pages reach it through the hooks. */
export function BulkEngineProvider({ engine, children }: { engine: BulkEngine; children?: ReactNode }) {
  return createElement(BulkEngineContext.Provider, { value: engine }, children);
}

export function useBulkEngine(): BulkEngine {
  const engine = useContext(BulkEngineContext);
  if (!engine) throw new Error('useBulkEngine needs a <BulkEngineProvider> above it');
  return engine;
}

/** Every operation this browser keeps, newest first; re-renders on any change, progress included. */
export function useBulkOperations(): readonly BulkOperation[] {
  const { store } = useBulkEngine();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** One operation; re-renders only when that operation changes. */
export function useBulkOperation(id: string | undefined): BulkOperation | undefined {
  const { store } = useBulkEngine();
  const getOperation = useCallback(() => (id === undefined ? undefined : store.get(id)), [store, id]);
  return useSyncExternalStore(store.subscribe, getOperation, getOperation);
}
