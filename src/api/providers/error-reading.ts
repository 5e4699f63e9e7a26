import type { FieldErrorDetails } from '../api-error.ts';

/** An upstream's error body read as what Roster keeps of it: its code, its words, field details. */
export type ErrorReading = { code?: string; message: string; details?: FieldErrorDetails };

/** How one provider's API writes its errors; answers undefined for a body in another form. */
export type ErrorBodyReader = {
  /** The paths through Roster's server that reach this provider, e.g. `/api/box/`. */
  pathPrefix: string;
  read(body: unknown): ErrorReading | undefined;
};
