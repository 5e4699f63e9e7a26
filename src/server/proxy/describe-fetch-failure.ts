const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

export function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

/** Turns a failed fetch into a sentence a person can act on: DNS, refused, TLS or timeout. */
export function describeFetchFailure(error: unknown, baseUrl: string): string {
  const host = URL.canParse(baseUrl) ? new URL(baseUrl).host : baseUrl;
  if (isTimeout(error)) return `${host} did not answer in time`;
  const code = causeCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `The address ${host} could not be found (DNS lookup failed). Check ZENDESK_URL.`;
  }
  if (code === 'ECONNREFUSED') return `${host} refused the connection`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `The connection to ${host} was cut off`;
  if (code && TLS_CODE.test(code)) {
    return `A secure (TLS) connection to ${host} could not be made (${code}). Check ZENDESK_URL and the server's certificates.`;
  }
  const detail =
    code ?? (error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined);
  return `${host} could not be reached${detail ? ` (${detail})` : ''}`;
}
