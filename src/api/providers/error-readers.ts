import type { ProviderId } from '../../contract/providers/operation-providers.ts';
import { boxErrorReader } from './box-error-reader.ts';
import type { ErrorBodyReader, ErrorReading } from './error-reading.ts';
import { zendeskErrorReader } from './zendesk-error-reader.ts';

/** Each provider's error form, one line each. */
const READERS: Readonly<Record<ProviderId, ErrorBodyReader>> = {
  zendesk: zendeskErrorReader,
  box: boxErrorReader,
};

const ORDERED = Object.values(READERS);

/**
 * An error body from `endpoint`, read by the provider that path reaches; then by the others,
 * because Roster's server answers its own refusals on any path (a guard on `/api/box/`, a
 * failed forward) in the form it imitates, Zendesk's. The forms do not overlap.
 */
export function readErrorBody(endpoint: string, body: unknown): ErrorReading | undefined {
  const own = ORDERED.filter((reader) => endpoint.startsWith(reader.pathPrefix));
  const others = ORDERED.filter((reader) => !own.includes(reader));
  for (const reader of [...own, ...others]) {
    const reading = reader.read(body);
    if (reading) return reading;
  }
  return undefined;
}
