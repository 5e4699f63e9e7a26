import { boxErrorBodySchema } from '../../contract/box/box-error.ts';
import type { ErrorBodyReader } from './error-reading.ts';

/** Box's `{type: "error", code, message}`. */
export const boxErrorReader: ErrorBodyReader = {
  pathPrefix: '/api/box/',
  read(body) {
    const box = boxErrorBodySchema.safeParse(body);
    return box.success ? { code: box.data.code, message: box.data.message } : undefined;
  },
};
