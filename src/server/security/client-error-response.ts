import type { Duplex } from 'node:stream';

type Refusal = { status: number; reason: string; error: string; description: string };

const BAD_REQUEST: Refusal = {
  status: 400,
  reason: 'Bad Request',
  error: 'BadRequest',
  description: 'The request could not be read as HTTP',
};

/** Node's parser errors, answered with the statuses Node itself would send. */
const REFUSALS: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    error: 'RequestHeaderFieldsTooLarge',
    description: 'The request headers are too large',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    reason: 'Payload Too Large',
    error: 'RequestTooLarge',
    description: 'The chunk extensions of the request are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    error: 'RequestTimeout',
    description: 'The request did not arrive in time',
  },
};

/**
 * A `clientError` listener for the HTTP server. Without one, Node answers a request it cannot parse
 * with a bare status line and an empty body, outside every middleware; this writes the same status
 * with the security headers and a JSON error body, then closes the connection, as Node does.
 */
export function clientErrorResponder(securityHeaders: readonly [string, string][]) {
  return (error: Error & { code?: string }, socket: Duplex) => {
    const written =
      'bytesWritten' in socket && typeof socket.bytesWritten === 'number' && socket.bytesWritten > 0;
    if (error.code === 'ECONNRESET' || !socket.writable || written) {
      socket.destroy();
      return;
    }
    const refusal = REFUSALS[error.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify({ error: refusal.error, description: refusal.description });
    const head = [
      `HTTP/1.1 ${refusal.status} ${refusal.reason}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      ...securityHeaders.map(([name, value]) => `${name}: ${value}`),
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  };
}
