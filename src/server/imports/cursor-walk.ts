import type { z } from 'zod/mini';
import type { cursorPageSchema } from '../../contract/pagination.ts';
import type { UpstreamClient } from '../operations/upstream-client.ts';
import { cursorQuery, nextCursorOf } from '../operations/zendesk-reads.ts';

/** Every page of a Zendesk cursor list, 100 at a time, one request per page as it is asked for. */
export async function* walkCursor<T extends z.ZodMiniType<z.infer<typeof cursorPageSchema>>>(
  client: UpstreamClient,
  path: string,
  schema: T,
  extra: Record<string, string> = {},
): AsyncGenerator<z.infer<T>> {
  let after: string | undefined;
  do {
    const page = await client.get(`${path}?${cursorQuery(after, extra)}`, schema);
    yield page;
    after = nextCursorOf(page) ?? undefined;
  } while (after);
}

/** All of a short list (the account's groups or organizations), gathered. */
export async function collectCursor<T extends z.ZodMiniType<z.infer<typeof cursorPageSchema>>, R>(
  client: UpstreamClient,
  path: string,
  schema: T,
  pick: (page: z.infer<T>) => readonly R[],
  extra: Record<string, string> = {},
): Promise<R[]> {
  const all: R[] = [];
  for await (const page of walkCursor(client, path, schema, extra)) all.push(...pick(page));
  return all;
}
