import type { Operation } from '../../contract/roster-operations.ts';

/**
 * Reads `/roster/operations/events` from `response` and collects the states the stream reports
 * for operation `id`, until it reports `last` or the stream ends.
 */
export async function operationStatesFromStream(
  response: Response,
  id: string,
  last = 'completed',
): Promise<string[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const states: string[] = [];
  let buffer = '';
  while (!states.includes(last)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const events = buffer.split('\n\n');
    buffer = events.pop() ?? '';
    for (const event of events) {
      const data = event.split('\n').find((line) => line.startsWith('data:'));
      if (!event.includes('event: operation') || !data) continue;
      const operation = JSON.parse(data.slice(5)) as Operation;
      if (operation.id === id) states.push(operation.state);
    }
  }
  await reader.cancel();
  return states;
}
