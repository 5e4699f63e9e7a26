import { resolve } from 'node:path';
import { z } from 'zod';

const rate = z.coerce.number().min(0).max(1);

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4780),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean),
    ),
  ZENDESK_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  ZENDESK_EMAIL: z.string().min(1).optional(),
  ZENDESK_API_TOKEN: z.string().min(1).optional(),
  BOX_API_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://api.box.com'),
  BOX_DEVELOPER_TOKEN: z.string().min(1).optional(),
  SANDBOX_BOX_IDENTITY: z.enum(['admin', 'groupAdmin', 'member']).default('admin'),
  SANDBOX_BOX_RATE_LIMIT: z.coerce.number().int().min(1).default(1000),
  SANDBOX_SEED_SCALE: z.enum(['tiny', 'demo', 'large']).default('demo'),
  SANDBOX_IDENTITY: z.enum(['admin', 'agent', 'groupManager', 'endUser']).default('admin'),
  SANDBOX_JOB_ITEM_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(20),
  SANDBOX_RATE_LIMIT: z.coerce.number().int().min(1).default(700),
  SANDBOX_MAX_ACTIVE_JOBS: z.coerce.number().int().min(1).default(30),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SANDBOX_ERROR_RATE: rate.default(0),
  SANDBOX_RATE_LIMIT_RATE: rate.default(0),
});

/** `Host` headers spell IPv6 addresses in brackets: `[::1]:4780`. */
function bracketIpv6(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}

export type ServerConfig = ReturnType<typeof readConfig>;

/** Reads the environment once at start; a bad value stops the server with a message naming it. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env) {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  if (env.ZENDESK_URL && !(env.ZENDESK_EMAIL && env.ZENDESK_API_TOKEN)) {
    throw new Error(
      'Invalid configuration:\n  ZENDESK_URL needs ZENDESK_EMAIL and ZENDESK_API_TOKEN as well',
    );
  }
  return {
    port: env.PORT,
    host: env.HOST,
    /** `Host` names answered besides the bound address, `localhost` and `127.0.0.1` (DNS rebinding). */
    allowedHostNames: [
      ...new Set([env.HOST.toLowerCase(), 'localhost', '127.0.0.1', ...env.ALLOWED_HOSTS].map(bracketIpv6)),
    ],
    dataDir: resolve(env.DATA_DIR),
    upstream: env.ZENDESK_URL
      ? {
          kind: 'zendesk' as const,
          url: env.ZENDESK_URL,
          email: env.ZENDESK_EMAIL,
          token: env.ZENDESK_API_TOKEN,
        }
      : { kind: 'sandbox' as const },
    /** A real Box account when a token is configured; the embedded Box sandbox otherwise. */
    box: env.BOX_DEVELOPER_TOKEN
      ? { kind: 'box' as const, url: env.BOX_API_URL, token: env.BOX_DEVELOPER_TOKEN }
      : { kind: 'sandbox' as const, identity: env.SANDBOX_BOX_IDENTITY },
    sandbox: {
      seedScale: env.SANDBOX_SEED_SCALE,
      /** Which demo identity the dashboard acts as until sign-in exists. */
      identity: env.SANDBOX_IDENTITY,
      itemDelayMs: env.SANDBOX_JOB_ITEM_DELAY_MS,
      rateLimitPerMinute: env.SANDBOX_RATE_LIMIT,
      boxRateLimitPerMinute: env.SANDBOX_BOX_RATE_LIMIT,
      maxActiveJobs: env.SANDBOX_MAX_ACTIVE_JOBS,
      faults: {
        latency_ms: env.SANDBOX_LATENCY_MS,
        error_rate: env.SANDBOX_ERROR_RATE,
        rate_limit_rate: env.SANDBOX_RATE_LIMIT_RATE,
        rules: [],
      },
    },
  };
}
