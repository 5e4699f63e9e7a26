import { join, resolve } from 'node:path';
import { z } from 'zod';

const rate = z.coerce.number().min(0).max(1);
/** An http(s) URL without a trailing slash, so paths can be appended. */
const baseUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4780),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Never echoed in a message: it holds a password. */
  DATABASE_URL: z
    .string()
    .refine(
      (value) => /^postgres(ql)?:$/.test(URL.parse(value)?.protocol ?? ''),
      'must be a PostgreSQL URL: postgres://user:password@host:5432/database',
    )
    .optional(),
  ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean),
    ),
  ZENDESK_URL: baseUrl.optional(),
  ZENDESK_EMAIL: z.string().min(1).optional(),
  ZENDESK_API_TOKEN: z.string().min(1).optional(),
  ZENDESK_OAUTH_CLIENT_ID: z.string().min(1).optional(),
  ZENDESK_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  /** How long an access token from the OAuth sign-in lasts before Roster refreshes it. */
  OAUTH_ACCESS_TOKEN_SECONDS: z.coerce.number().int().min(1).max(172_800).default(3600),
  PUBLIC_URL: baseUrl.optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(43_200).default(480),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(8760).default(168),
  SESSION_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
  DEMO_SESSION_IDLE_MINUTES: z.coerce.number().int().min(2).max(43_200).default(30),
  DEMO_SESSION_LIMIT: z.coerce.number().int().min(1).max(100_000).default(100),
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  SIGN_IN_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).max(100_000).default(5),
  SIGN_IN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOG_REQUESTS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  /** How long the first render of a page waits for the upstream before sending the shell's loading state. */
  SSR_TIMEOUT_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  OPERATIONS_MAX_JOBS: z.coerce.number().int().min(1).max(30).default(30),
  BOX_API_URL: baseUrl.default('https://api.box.com'),
  BOX_DEVELOPER_TOKEN: z.string().min(1).optional(),
  BOX_CLIENT_ID: z.string().min(1).max(200).optional(),
  BOX_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  BOX_AUTHORIZE_URL: baseUrl.optional(),
  SANDBOX_BOX_TOKEN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  SANDBOX_BOX_IDENTITY: z.enum(['admin', 'groupAdmin', 'member']).default('admin'),
  SANDBOX_BOX_RATE_LIMIT: z.coerce.number().int().min(1).default(1000),
  SANDBOX_SEED_SCALE: z.enum(['tiny', 'demo', 'large']).default('demo'),
  SANDBOX_IDENTITY: z.enum(['admin', 'agent', 'groupManager', 'endUser']).optional(),
  SANDBOX_JOB_ITEM_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(20),
  SANDBOX_RATE_LIMIT: z.coerce.number().int().min(1).default(700),
  SANDBOX_MAX_ACTIVE_JOBS: z.coerce.number().int().min(1).default(30),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SANDBOX_ERROR_RATE: rate.default(0),
  SANDBOX_RATE_LIMIT_RATE: rate.default(0),
});

type Environment = z.infer<typeof environmentSchema>;

const BOX_AUTHORIZE_URL = 'https://account.box.com/api/oauth2/authorize';

/** Credentials travel only over https, except to this machine (a sandbox on another port). */
function isHttpsOrLoopback(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function boxProblems(env: Environment): string[] {
  const problems: string[] = [];
  if (Boolean(env.BOX_CLIENT_ID) !== Boolean(env.BOX_CLIENT_SECRET)) {
    problems.push('BOX_CLIENT_ID and BOX_CLIENT_SECRET are set together or not at all (from your Box app)');
  }
  if (env.BOX_AUTHORIZE_URL && !env.BOX_CLIENT_ID) problems.push('BOX_AUTHORIZE_URL needs BOX_CLIENT_ID');
  if (!env.BOX_CLIENT_ID) return problems;
  if (env.BOX_DEVELOPER_TOKEN) {
    problems.push(
      'Set BOX_CLIENT_ID (each person connects Box) or BOX_DEVELOPER_TOKEN (one shared token), not both',
    );
  }
  if (env.SANDBOX_IDENTITY || env.ZENDESK_EMAIL) {
    problems.push(
      'BOX_CLIENT_ID keeps each person’s Box account in their Roster session, so people must sign in: unset SANDBOX_IDENTITY or ZENDESK_EMAIL and ZENDESK_API_TOKEN',
    );
  }
  for (const name of ['BOX_API_URL', 'BOX_AUTHORIZE_URL'] as const) {
    const value = env[name];
    if (value && !isHttpsOrLoopback(value)) {
      problems.push(`${name} must use https (plain http is accepted for loopback addresses only)`);
    }
  }
  return problems;
}

function configurationProblems(env: Environment): string[] {
  const problems: string[] = [];
  if (Boolean(env.ZENDESK_EMAIL) !== Boolean(env.ZENDESK_API_TOKEN)) {
    problems.push('ZENDESK_EMAIL and ZENDESK_API_TOKEN are set together or not at all');
  }
  if (!env.ZENDESK_URL) {
    for (const name of ['ZENDESK_EMAIL', 'ZENDESK_OAUTH_CLIENT_ID', 'ZENDESK_OAUTH_CLIENT_SECRET'] as const) {
      if (env[name]) problems.push(`${name} needs ZENDESK_URL (https://{subdomain}.zendesk.com) as well`);
    }
  } else {
    if (!isHttpsOrLoopback(env.ZENDESK_URL)) {
      problems.push('ZENDESK_URL must use https (plain http is accepted for loopback addresses only)');
    }
    if (env.SANDBOX_IDENTITY)
      problems.push('SANDBOX_IDENTITY applies to the sandbox; unset it or ZENDESK_URL');
  }
  if (env.DATABASE_URL && !env.SESSION_SECRET) {
    problems.push(
      'SESSION_SECRET is required with DATABASE_URL: every instance must open the credentials the others sealed, so give them all the same secret (at least 32 characters)',
    );
  }
  if (env.ZENDESK_OAUTH_CLIENT_SECRET && !env.ZENDESK_OAUTH_CLIENT_ID) {
    problems.push('ZENDESK_OAUTH_CLIENT_SECRET needs ZENDESK_OAUTH_CLIENT_ID');
  }
  return [...problems, ...boxProblems(env)];
}

/** `Host` headers spell IPv6 addresses in brackets: `[::1]:4780`. */
function bracketIpv6(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}

export type ServerConfig = ReturnType<typeof readConfig>;

/** Reads the environment once at start; a bad value stops the server with a message naming it. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env) {
  // `NAME=` in a shell or an .env file means "not set", as most tools read it.
  const set = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const problems = configurationProblems(env);
  if (problems.length > 0)
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    port: env.PORT,
    host: env.HOST,
    /** `Host` names answered besides the bound address, `localhost` and `127.0.0.1` (DNS rebinding). */
    allowedHostNames: [
      ...new Set([
        ...[env.HOST.toLowerCase(), 'localhost', '127.0.0.1', ...env.ALLOWED_HOSTS].map(bracketIpv6),
        // URL already brackets IPv6 addresses; `host` keeps a proxy's own port.
        ...(env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).hostname, new URL(env.PUBLIC_URL).host] : []),
      ]),
    ],
    dataDir: resolve(env.DATA_DIR),
    /** Sessions, operations and history: a file beside the sandbox, or a PostgreSQL database several instances share. */
    store: env.DATABASE_URL
      ? { kind: 'postgres' as const, url: env.DATABASE_URL }
      : { kind: 'sqlite' as const, file: join(resolve(env.DATA_DIR), 'roster.sqlite') },
    upstream: env.ZENDESK_URL
      ? {
          kind: 'zendesk' as const,
          url: env.ZENDESK_URL,
          /** Set together: everyone using this server acts as this person, with no sign-in page. */
          apiToken:
            env.ZENDESK_EMAIL && env.ZENDESK_API_TOKEN
              ? { email: env.ZENDESK_EMAIL, token: env.ZENDESK_API_TOKEN }
              : undefined,
          oauthClient: env.ZENDESK_OAUTH_CLIENT_ID
            ? {
                id: env.ZENDESK_OAUTH_CLIENT_ID,
                secret: env.ZENDESK_OAUTH_CLIENT_SECRET,
                accessTokenSeconds: env.OAUTH_ACCESS_TOKEN_SECONDS,
              }
            : undefined,
        }
      : { kind: 'sandbox' as const },
    /** Where people reach Roster, when that is not the address it listens on (an https proxy in front). */
    publicUrl: env.PUBLIC_URL,
    oauthAccessTokenSeconds: env.OAUTH_ACCESS_TOKEN_SECONDS,
    session: {
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: env.SESSION_MAX_HOURS * 3_600_000,
      secret: env.SESSION_SECRET,
      demoIdleMs: env.DEMO_SESSION_IDLE_MINUTES * 60_000,
      demoLimit: env.DEMO_SESSION_LIMIT,
    },
    signInLimits: {
      failuresPerAddress: env.SIGN_IN_FAILURES_PER_ADDRESS,
      failuresPerEmail: env.SIGN_IN_FAILURES_PER_EMAIL,
      windowMs: env.SIGN_IN_FAILURE_WINDOW_MINUTES * 60_000,
    },
    logRequests: env.LOG_REQUESTS,
    ssrTimeoutMs: env.SSR_TIMEOUT_MS,
    operations: {
      /** Finished operations and recorded changes older than this are dropped from History. */
      retentionMs: env.HISTORY_RETENTION_DAYS * 86_400_000,
      /** Zendesk jobs queued or running at once for all operations together (the account allows 30). */
      maxJobsInFlight: env.OPERATIONS_MAX_JOBS,
    },
    /**
     * Box: each signed-in person connects their own account (an OAuth client), one token the server
     * lends to admins (a developer token), or the embedded Box sandbox's demo identity.
     */
    box:
      env.BOX_CLIENT_ID && env.BOX_CLIENT_SECRET
        ? {
            kind: 'oauth' as const,
            url: env.BOX_API_URL,
            authorizeUrl: env.BOX_AUTHORIZE_URL ?? BOX_AUTHORIZE_URL,
            client: { id: env.BOX_CLIENT_ID, secret: env.BOX_CLIENT_SECRET },
          }
        : env.BOX_DEVELOPER_TOKEN
          ? { kind: 'box' as const, url: env.BOX_API_URL, token: env.BOX_DEVELOPER_TOKEN }
          : { kind: 'sandbox' as const, identity: env.SANDBOX_BOX_IDENTITY },
    sandbox: {
      seedScale: env.SANDBOX_SEED_SCALE,
      /** Set: the dashboard acts as this demo identity with no sign-in page (a single-person setup). */
      identity: env.SANDBOX_IDENTITY,
      itemDelayMs: env.SANDBOX_JOB_ITEM_DELAY_MS,
      rateLimitPerMinute: env.SANDBOX_RATE_LIMIT,
      boxRateLimitPerMinute: env.SANDBOX_BOX_RATE_LIMIT,
      boxAccessTokenSeconds: env.SANDBOX_BOX_TOKEN_SECONDS,
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
