import type { ItemOutcome } from '../../store/operation-store.ts';
import type { UpstreamFailure } from '../upstream-client.ts';

/** An item the upstream carried out (or found already so), with the membership it names. */
export const doneOutcome = (
  status: string,
  resultId: string | null,
  details: string | null = null,
): ItemOutcome => ({
  success: true,
  status,
  error: null,
  details,
  resultId,
});

/** The upstream's final refusal of one item, in its own code and words. */
export const refusedOutcome = (failure: UpstreamFailure): ItemOutcome => ({
  success: false,
  status: 'Failed',
  error: failure.code ?? String(failure.status),
  details: failure.message,
  resultId: null,
});
