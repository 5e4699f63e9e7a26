/** Node's words for a connection that could not be made or was cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL's: connection exceptions (class 08), the server shutting down or starting
 * (57P01–57P03), and too many connections (53300).
 */
const SERVER_CODES = /^(08\d{3}|57P0[123]|53300)$/;

/** node-postgres' own words when a connection ends or never comes (it sets no code). */
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout|Connection ended|not queryable/i;

/**
 * Whether an error means Roster's store cannot be reached right now, as opposed to a mistake in
 * what was asked of it: the request is answered 503 and the runner waits, instead of failing work.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isStoreUnavailable);
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
  if (DRIVER_MESSAGES.test(error.message)) return true;
  return error.cause !== undefined && error.cause !== error && isStoreUnavailable(error.cause);
}

export const STORE_UNAVAILABLE = {
  error: 'StoreUnavailable',
  description: "Roster's database cannot be reached right now; nothing was lost. Try again in a moment.",
} as const;
