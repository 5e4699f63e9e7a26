import { setTimeout as sleep } from 'node:timers/promises';
import type { Env, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { rateLimitExceeded } from './rate-limit.ts';
import type { SandboxEnv } from './sandbox-env.ts';
import { ZendeskHttpError } from './zendesk-errors.ts';

export const faultRuleSchema = z.object({
  /** Matches the HTTP method, e.g. `PUT`; any method when absent. */
  method: z.string().toUpperCase().optional(),
  /** Matches when the path (after `/api/v2`) contains this text, e.g. `make_default`. */
  path_contains: z.string().optional(),
  status: z.union([z.literal(429), z.literal(500), z.literal(503), z.literal(403), z.literal(422)]),
  /** How many matching requests fail before the rule is spent; unlimited when absent. */
  times: z.number().int().positive().optional(),
});

export const faultsSchema = z.object({
  latency_ms: z.number().int().min(0).max(60_000).default(0),
  error_rate: z.number().min(0).max(1).default(0),
  rate_limit_rate: z.number().min(0).max(1).default(0),
  rules: z.array(faultRuleSchema).max(50).default([]),
});
export type Faults = z.infer<typeof faultsSchema>;

export const NO_FAULTS: Faults = { latency_ms: 0, error_rate: 0, rate_limit_rate: 0, rules: [] };

export type FaultStatus = Faults['rules'][number]['status'];

/** Zendesk's answer to an injected fault; the Box sandbox passes its own. */
function injectedZendeskError(status: FaultStatus): ZendeskHttpError {
  if (status === 429) return rateLimitExceeded(1);
  if (status === 403) {
    return new ZendeskHttpError(403, {
      error: 'Forbidden',
      description: 'You do not have access to this resource',
    });
  }
  if (status === 422) {
    return new ZendeskHttpError(422, {
      error: 'RecordInvalid',
      description: 'Record validation errors',
      details: { base: [{ description: 'Refused by the sandbox (fault injection)', error: 'InvalidValue' }] },
    });
  }
  return new ZendeskHttpError(status === 503 ? 503 : 500, {
    error: status === 503 ? 'ServiceUnavailable' : 'InternalServerError',
    description: 'The sandbox failed this request on purpose (fault injection)',
  });
}

/** Holds the current faults; configured by environment at start and by the admin-only control endpoint. */
export class FaultInjector {
  private faults: Faults;
  private readonly spent = new Map<number, number>();

  constructor(
    initial: Faults = NO_FAULTS,
    private readonly injectedError: (status: FaultStatus) => Error = injectedZendeskError,
  ) {
    this.faults = initial;
  }

  current(): Faults {
    return this.faults;
  }

  replace(faults: Faults): void {
    this.faults = faults;
    this.spent.clear();
  }

  middleware<E extends Env = SandboxEnv>(): MiddlewareHandler<E> {
    return async (c, next) => {
      const { latency_ms, error_rate, rate_limit_rate, rules } = this.faults;
      if (latency_ms > 0) await sleep(latency_ms);
      const path = new URL(c.req.url).pathname;
      const ruleIndex = rules.findIndex(
        (rule, index) =>
          (!rule.method || rule.method === c.req.method) &&
          (!rule.path_contains || path.includes(rule.path_contains)) &&
          (rule.times === undefined || (this.spent.get(index) ?? 0) < rule.times),
      );
      const rule = rules[ruleIndex];
      if (rule) {
        this.spent.set(ruleIndex, (this.spent.get(ruleIndex) ?? 0) + 1);
        throw this.injectedError(rule.status);
      }
      if (rate_limit_rate > 0 && Math.random() < rate_limit_rate) throw this.injectedError(429);
      if (error_rate > 0 && Math.random() < error_rate) throw this.injectedError(500);
      await next();
    };
  }
}
