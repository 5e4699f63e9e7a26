import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createBulkEngine } from './bulk-engine.ts';
import { createBulkOperation } from './bulk-operation.ts';
import { createMemoryStorage, createOperationStore } from './operation-store.ts';
import {
  BulkEngineProvider,
  useBulkEngine,
  useBulkOperation,
  useBulkOperations,
} from './use-bulk-operations.ts';

function engineWith(ids: string[]) {
  const store = createOperationStore({ storage: createMemoryStorage() });
  ids.forEach((id, index) => {
    store.add(
      createBulkOperation({
        id,
        kind: 'group_memberships.destroy',
        label: `Operation ${id}`,
        items: [],
        invalidates: [],
        createdAt: index,
      }),
    );
  });
  return createBulkEngine({ store, queryClient: new QueryClient() });
}

function OperationLabels() {
  return (
    <ul>
      {useBulkOperations().map((operation) => (
        <li key={operation.id}>{operation.label}</li>
      ))}
    </ul>
  );
}

function OneOperation({ id }: { id: string }) {
  return <p>{useBulkOperation(id)?.label ?? 'none'}</p>;
}

function Orphan() {
  useBulkEngine();
  return null;
}

describe('the React binding', () => {
  it('reads the operations of the engine given to the provider, newest first', () => {
    const engine = engineWith(['a', 'b']);
    const html = renderToString(
      <BulkEngineProvider engine={engine}>
        <OperationLabels />
        <OneOperation id="a" />
        <OneOperation id="missing" />
      </BulkEngineProvider>,
    );
    expect(html).toBe('<ul><li>Operation b</li><li>Operation a</li></ul><p>Operation a</p><p>none</p>');
    engine.dispose();
  });

  it('says what is missing when a component uses the engine outside the provider', () => {
    expect(() => renderToString(<Orphan />)).toThrow('useBulkEngine needs a <BulkEngineProvider> above it');
  });
});
