import { boxErrorBodySchema } from '../../../contract/box/box-error.ts';
import type { UpstreamApi } from '../upstream-client.ts';

/** Box's API, whose paths start with `/2.0` and whose errors are `{type: "error", code, message}`. */
export const BOX_API: UpstreamApi = {
  prefix: '',
  readError(body) {
    const box = boxErrorBodySchema.safeParse(body);
    return box.success ? { code: box.data.code, message: box.data.message } : undefined;
  },
};
