import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod/mini';
import {
  BULK_KINDS,
  type ItemState,
  itemStateSchema,
  OPERATION_EVENT,
  operationFiltersSchema,
  operationRequestSchema,
  startOperationSchema,
} from '../../contract/roster-operations.ts';
import { rosterJson, rosterQuery } from '../http/roster-validators.ts';
import type { Upstream } from '../proxy/upstream.ts';
import type { Actor, OperationRecord, OperationStore, StoredPlan } from '../store/operation-store.ts';
import type { ActorCredentials } from './actor-credentials.ts';
import type { OperationEvents } from './operation-events.ts';
import type { OperationRunner } from './operation-runner.ts';
import { planOperation } from './plan-operation.ts';
import { answerPlanningErrors, planSaver, planWithCredential, rosterError } from './plan-saving.ts';
import { planUndo } from './plan-undo.ts';
import { type Asker, presentItem, presentOperation } from './present-operation.ts';
import { providerFor } from './providers/operation-providers.ts';

/** Who is asking: the signed-in person (or the configured identity), and whether they are a Zendesk admin. */
export type Identify = (c: Context) => Promise<{ actor: Actor; role: string } | undefined>;

export type OperationRoutesOptions = {
  store: OperationStore;
  runner: OperationRunner;
  events: OperationEvents;
  credentials: ActorCredentials;
  identify: Identify;
  zendesk: Upstream;
  box: Upstream;
  now?: () => number;
};

type Who = Asker & { actor: Actor };

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
const KEEPALIVE_MS = 15_000;

const itemQuerySchema = z.object({
  state: z.optional(itemStateSchema),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,9}$/))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,4}$/))),
});

function issuesOf(error: z.core.$ZodError, body?: unknown): { path: string; message: string }[] {
  const kind = typeof body === 'object' && body !== null && 'kind' in body ? body.kind : undefined;
  // A union names no field when its discriminator is wrong: say which kinds there are.
  if (kind !== undefined && !(BULK_KINDS as readonly unknown[]).includes(kind)) {
    return [
      { path: 'kind', message: `Unknown kind ${JSON.stringify(kind)}; one of ${BULK_KINDS.join(', ')}` },
    ];
  }
  // The start body is "a plan id or a request": for a request of a known kind, the request's own
  // issues name the field, where the outer union's say only "Invalid input".
  const issues =
    kind === undefined
      ? error.issues
      : (operationRequestSchema.safeParse(body).error?.issues ?? error.issues);
  return issues
    .slice(0, 20)
    .map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

const encodeCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number | undefined {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : undefined;
}

/** `/roster/operations*`: reviews, starts, the shared history, cancel, retry, undo and the event stream. */
export function operationRoutes(options: OperationRoutesOptions) {
  const { store, runner, events } = options;
  const now = options.now ?? Date.now;
  const draft = planWithCredential(options);
  const savePlan = planSaver(store, now);
  const withErrors = answerPlanningErrors;
  const app = new Hono<{ Variables: { asker: Who } }>();

  async function asker(c: Context): Promise<Who | undefined> {
    const who = await options.identify(c);
    return who && { id: who.actor.id, isAdmin: who.role === 'admin', actor: who.actor };
  }

  async function present(operation: OperationRecord, who: Asker) {
    return presentOperation(operation, await store.chunksInFlight(), who);
  }

  async function operationFor(c: Context, who: Asker, action: boolean): Promise<OperationRecord | Response> {
    const operation = await store.get(c.req.param('id') ?? '');
    if (!operation)
      return rosterError(c, 404, 'OperationNotFound', `There is no operation ${c.req.param('id')}`);
    if (action && !who.isAdmin && operation.actor.id !== who.id) {
      return rosterError(
        c,
        403,
        'Forbidden',
        `Only ${operation.actor.name} or an admin may change this operation`,
      );
    }
    return operation;
  }

  app.use('*', async (c, next) => {
    const who = await asker(c);
    if (!who) return rosterError(c, 401, 'SignInRequired', 'Sign in to Roster to continue');
    c.set('asker', who);
    await next();
  });

  const startBody = rosterJson(
    startOperationSchema,
    (error, body) => ({
      error: 'InvalidOperation',
      description: 'The request does not describe an operation',
      details: issuesOf(error, body),
    }),
    { error: 'InvalidJson', description: 'The body is not valid JSON' },
  );

  app.post('/plan', startBody, (c) =>
    withErrors(c, async () => {
      const who = c.get('asker');
      const request = c.req.valid('json');
      if ('plan_id' in request) {
        return rosterError(c, 400, 'InvalidOperation', 'The request does not describe an operation');
      }
      const planned = await draft(
        who.actor,
        (client) => planOperation(client, request),
        providerFor(request.kind).id,
      );
      return c.json({ plan: await savePlan(who.actor, planned) });
    }),
  );

  app.post('/', startBody, (c) =>
    withErrors(c, async () => {
      const who = c.get('asker');
      const start = c.req.valid('json');
      let operation: StoredPlan['operation'];
      if ('plan_id' in start) {
        const stored = await store.takePlan(start.plan_id, now());
        if (!stored || stored.actorId !== who.id) {
          return rosterError(
            c,
            404,
            'PlanNotFound',
            'This review has expired or was already started; review again',
          );
        }
        operation = stored.operation;
      } else {
        const request = start;
        operation = (
          await draft(who.actor, (client) => planOperation(client, request), providerFor(request.kind).id)
        ).result.operation;
      }
      if (operation.items.length === 0 && !operation.expanding) {
        return rosterError(c, 422, 'NothingToDo', 'The review found nothing to change');
      }
      const created = await store.create({ ...operation, actor: who.actor });
      if (operation.undoOf) await store.setUndoneBy(operation.undoOf, created.id);
      runner.wake();
      events.changed(created.id);
      if (operation.undoOf) events.changed(operation.undoOf);
      return c.json({ operation: await present(created, who) }, 202);
    }),
  );

  const filtersQuery = rosterQuery(operationFiltersSchema, (error) => ({
    error: 'InvalidFilter',
    description: 'The filters are not valid',
    details: issuesOf(error),
  }));

  app.get('/', filtersQuery, async (c) => {
    const who = c.get('asker');
    const filters = c.req.valid('query');
    const limit = Math.min(MAX_LIMIT, Math.max(1, Number(filters.limit ?? DEFAULT_LIMIT)));
    const beforeSeq = filters.cursor === undefined ? undefined : decodeCursor(filters.cursor);
    if (filters.cursor !== undefined && beforeSeq === undefined) {
      return rosterError(c, 400, 'InvalidCursor', 'The cursor is not one this list gave out');
    }
    const target = filters.group_id
      ? { targetType: 'group' as const, targetId: filters.group_id }
      : filters.organization_id
        ? { targetType: 'organization' as const, targetId: filters.organization_id }
        : filters.box_group_id
          ? { targetType: 'box_group' as const, targetId: filters.box_group_id }
          : {};
    const rows = await store.list({
      ...(filters.who === 'mine' && { actorId: who.id }),
      ...(filters.status && { status: filters.status }),
      ...(filters.user_id && { userId: filters.user_id }),
      ...(filters.source && { source: filters.source }),
      ...(beforeSeq !== undefined && { beforeSeq }),
      ...target,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const chunks = await store.chunksInFlight();
    const last = page[page.length - 1];
    return c.json({
      operations: page.map((operation) => presentOperation(operation, chunks, who)),
      meta: {
        has_more: rows.length > limit,
        after_cursor: rows.length > limit && last ? encodeCursor(last.seq) : null,
      },
    });
  });

  app.get('/events', (c) => {
    const who = c.get('asker');
    return streamSSE(c, async (stream) => {
      const queue: string[][] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = events.subscribe((ids) => {
        queue.push([...ids]);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted && !stream.closed) {
        const ids = queue.shift();
        if (!ids) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, KEEPALIVE_MS);
          });
          wake = undefined;
          if (queue.length === 0 && !stream.aborted) await stream.writeSSE({ event: 'ping', data: '{}' });
          continue;
        }
        const chunks = await store.chunksInFlight();
        for (const id of ids) {
          const operation = await store.get(id);
          if (operation) {
            await stream.writeSSE({
              event: OPERATION_EVENT,
              id,
              data: JSON.stringify(presentOperation(operation, chunks, who)),
            });
          }
        }
      }
      unsubscribe();
    });
  });

  // Before `/:id`: the Zendesk job list names each result's person and target through this.
  app.get('/by-job/:jobId', async (c) => {
    const who = c.get('asker');
    const jobId = c.req.param('jobId');
    const sent = await store.jobItems(jobId);
    const operation = sent && (await store.get(sent.operationId));
    if (!sent || !operation)
      return rosterError(c, 404, 'OperationNotFound', `No Roster operation sent the job ${jobId}`);
    return c.json({ operation: await present(operation, who), items: sent.items.map(presentItem) });
  });

  app.get('/:id', async (c) => {
    const who = c.get('asker');
    const operation = await operationFor(c, who, false);
    if (operation instanceof Response) return operation;
    return c.json({ operation: await present(operation, who) });
  });

  app.get('/:id/items', async (c) => {
    const who = c.get('asker');
    const operation = await operationFor(c, who, false);
    if (operation instanceof Response) return operation;
    const parsed = itemQuerySchema.safeParse(c.req.query());
    if (!parsed.success)
      return rosterError(c, 400, 'InvalidFilter', 'The filters are not valid', issuesOf(parsed.error));
    const limit = Math.min(1000, Math.max(1, Number(parsed.data.limit ?? 100)));
    const after = parsed.data.cursor === undefined ? -1 : Number(parsed.data.cursor);
    const state: ItemState | undefined = parsed.data.state;
    const items = await store.items(operation.id, {
      ...(state && { state }),
      afterIndex: after,
      limit: limit + 1,
    });
    const page = items.slice(0, limit);
    return c.json({
      items: page.map(presentItem),
      meta: {
        has_more: items.length > limit,
        after_cursor: items.length > limit ? String(page[page.length - 1]?.index ?? after) : null,
      },
    });
  });

  app.post('/:id/cancel', async (c) => {
    const who = c.get('asker');
    const operation = await operationFor(c, who, true);
    if (operation instanceof Response) return operation;
    if (operation.finishedAt !== null)
      return rosterError(c, 409, 'OperationFinished', 'The operation has already finished');
    if (operation.source !== 'bulk')
      return rosterError(c, 409, 'NotCancellable', 'A single change cannot be cancelled');
    await store.cancel(operation.id);
    runner.wake();
    events.changed(operation.id);
    const current = (await store.get(operation.id)) ?? operation;
    return c.json({ operation: await present(current, who) });
  });

  app.post('/:id/retry-failed', async (c) => {
    const who = c.get('asker');
    const operation = await operationFor(c, who, true);
    if (operation instanceof Response) return operation;
    if (operation.finishedAt === null)
      return rosterError(
        c,
        409,
        'OperationRunning',
        'Wait for the operation to finish before retrying its failures',
      );
    if (operation.source !== 'bulk')
      return rosterError(c, 409, 'NotRetryable', 'A single change cannot be retried here');
    if ((await store.retryFailed(operation.id)) === 0) {
      return rosterError(c, 409, 'NothingFailed', 'No item of this operation failed');
    }
    runner.wake();
    events.changed(operation.id);
    const current = (await store.get(operation.id)) ?? operation;
    return c.json({ operation: await present(current, who) }, 202);
  });

  app.post('/:id/undo', (c) =>
    withErrors(c, async () => {
      const who = c.get('asker');
      const operation = await operationFor(c, who, true);
      if (operation instanceof Response) return operation;
      const result = await planUndo(store, operation);
      return c.json({ plan: await savePlan(who.actor, { result, requests: 0 }) });
    }),
  );

  // Mounted by an app that knows nothing of `asker`.
  return new Hono().route('/', app);
}
