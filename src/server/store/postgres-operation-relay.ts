import pg from 'pg';
import { z } from 'zod';
import type { OperationEventRelay } from '../operations/operation-events.ts';
import { connectionFailureReason } from './postgres-pool.ts';

const CHANNEL = 'roster_operation_changes';
/** PostgreSQL refuses a notification payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_000;
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 5_000;

/** `{instance}:{operation id},{operation id}…`: who sent it, so an instance ignores its own. */
const payloadSchema = z
  .string()
  .max(MAX_PAYLOAD + 100)
  .regex(/^[\w-]{1,64}:op_[0-9a-f]{18}(,op_[0-9a-f]{18})*$/);

export type PostgresOperationRelay = OperationEventRelay & { close(): Promise<void> };

/**
 * Operation changes between instances through PostgreSQL's LISTEN/NOTIFY: each instance listens on
 * one channel on a connection of its own (reconnected when it drops) and notifies the others
 * through the pool. A notification sent while an instance's connection is down is not replayed;
 * the browsers' own polling covers that gap.
 */
export async function openPostgresOperationRelay(options: {
  url: string;
  pool: pg.Pool;
  instanceId: string;
  log: (message: string) => void;
}): Promise<PostgresOperationRelay> {
  const { pool, instanceId, log } = options;
  const listeners: ((operationIds: readonly string[]) => void)[] = [];
  let listening: pg.Client | undefined;
  let closed = false;
  let retryMs = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function received(message: pg.Notification): void {
    const parsed = payloadSchema.safeParse(message.payload);
    if (!parsed.success) return;
    const separator = parsed.data.indexOf(':');
    if (parsed.data.slice(0, separator) === instanceId) return;
    const ids = parsed.data.slice(separator + 1).split(',');
    for (const listener of listeners) listener(ids);
  }

  function lost(client: pg.Client, error?: Error): void {
    if (listening !== client) return;
    listening = undefined;
    client.removeAllListeners();
    client.on('error', () => {});
    void client.end().catch(() => {});
    if (closed) return;
    if (retryMs === 0) {
      log(
        `Operation events from other instances stopped: ${error ? connectionFailureReason(error) : 'the connection ended'}`,
      );
    }
    retryMs = Math.min(LONGEST_RETRY_MS, Math.max(FIRST_RETRY_MS, retryMs * 2));
    retryTimer = setTimeout(() => void listen().catch(() => {}), retryMs);
    retryTimer.unref();
  }

  async function listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: options.url,
      application_name: 'roster-events',
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    listening = client;
    client.on('notification', received);
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      lost(client, error instanceof Error ? error : undefined);
      throw error;
    }
    if (retryMs !== 0) log('Operation events from other instances are back');
    retryMs = 0;
  }

  try {
    await listen();
  } catch (error) {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    throw error;
  }

  return {
    publish(operationIds) {
      let batch: string[] = [];
      let size = 0;
      const send = () => {
        if (batch.length === 0) return;
        const payload = `${instanceId}:${batch.join(',')}`;
        // A notification lost to an outage is not worth more than a line in the runner's log.
        pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => {});
        batch = [];
        size = 0;
      };
      for (const id of operationIds) {
        if (size + id.length + 1 > MAX_PAYLOAD) send();
        batch.push(id);
        size += id.length + 1;
      }
      send();
    },
    onRemote(listener) {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const client = listening;
      listening = undefined;
      if (client) {
        client.removeAllListeners();
        client.on('error', () => {});
        await client.end().catch(() => {});
      }
    },
  };
}
