import { badRequest } from './zendesk-errors.ts';

/** A required, non-blank query parameter such as `name` on autocomplete. */
export function requiredText(value: string | undefined, name: string, minLength = 1): string {
  const text = value?.trim() ?? '';
  if (text.length < minLength) {
    throw badRequest('InvalidValue', `Parameter ${name} must have at least ${minLength} character(s)`);
  }
  if (text.length > 200) throw badRequest('InvalidValue', `Parameter ${name} is too long`);
  return text;
}
