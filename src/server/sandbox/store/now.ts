import { toZendeskTimestamp } from '../../../contract/timestamp.ts';

export function nowTimestamp(): string {
  return toZendeskTimestamp(new Date());
}
