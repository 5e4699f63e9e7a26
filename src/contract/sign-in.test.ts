import { describe, expect, it } from 'vitest';
import { apiTokenSignInSchema } from './sign-in.ts';

const messages = (input: unknown) => {
  const parsed = apiTokenSignInSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('apiTokenSignInSchema', () => {
  it('says once what each field is missing', () => {
    expect(messages({ email: 'not-an-email', token: '' })).toEqual([
      'Enter the email address of your Zendesk user',
      'Enter an API token',
    ]);
  });

  it('refuses a token with a space and trims the edges of one without', () => {
    expect(messages({ email: 'a@b.co', token: 'abc def' })).toEqual(['An API token has no spaces']);
    expect(apiTokenSignInSchema.parse({ email: 'a@b.co', token: '  abc  ' }).token).toBe('abc');
  });
});
