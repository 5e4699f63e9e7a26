import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('defaults to the embedded sandbox on 127.0.0.1:4780', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 4780, host: '127.0.0.1', upstream: { kind: 'sandbox' } });
    expect(config.sandbox).toMatchObject({ itemDelayMs: 20, rateLimitPerMinute: 700, maxActiveJobs: 30 });
  });

  it('limits failed sign-ins and demo sessions by default, and reads other limits', () => {
    expect(readConfig({}).signInLimits).toEqual({
      failuresPerAddress: 20,
      failuresPerEmail: 5,
      windowMs: 900_000,
    });
    expect(readConfig({}).session).toMatchObject({ demoIdleMs: 1_800_000, demoLimit: 100 });
    const tuned = readConfig({ SIGN_IN_FAILURES_PER_EMAIL: '3', DEMO_SESSION_LIMIT: '7' });
    expect(tuned.signInLimits.failuresPerEmail).toBe(3);
    expect(tuned.session.demoLimit).toBe(7);
    expect(() => readConfig({ SIGN_IN_FAILURES_PER_ADDRESS: '0' })).toThrow(/SIGN_IN_FAILURES_PER_ADDRESS/);
    expect(() => readConfig({ DEMO_SESSION_IDLE_MINUTES: '1' })).toThrow(/DEMO_SESSION_IDLE_MINUTES/);
  });

  it('names the variable that is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ SANDBOX_ERROR_RATE: '2' })).toThrow(/SANDBOX_ERROR_RATE/);
  });

  it('reads a real Zendesk with an API token as one identity for everyone, with no sign-in', () => {
    const config = readConfig({
      ZENDESK_URL: 'https://acme.zendesk.com/',
      ZENDESK_EMAIL: 'me@acme.com',
      ZENDESK_API_TOKEN: 'abc',
    });
    expect(config.upstream).toMatchObject({
      kind: 'zendesk',
      url: 'https://acme.zendesk.com',
      apiToken: { email: 'me@acme.com', token: 'abc' },
    });
  });

  it('reads a real Zendesk with only an OAuth client as sign-in for each person', () => {
    const config = readConfig({
      ZENDESK_URL: 'https://acme.zendesk.com',
      ZENDESK_OAUTH_CLIENT_ID: 'roster',
      ZENDESK_OAUTH_CLIENT_SECRET: 's3cret',
    });
    expect(config.upstream).toMatchObject({
      apiToken: undefined,
      oauthClient: { id: 'roster', secret: 's3cret' },
    });
  });

  it('refuses half-given credentials, plain http to a remote host and settings without ZENDESK_URL', () => {
    expect(() =>
      readConfig({ ZENDESK_URL: 'https://acme.zendesk.com', ZENDESK_EMAIL: 'me@acme.com' }),
    ).toThrow(/ZENDESK_EMAIL and ZENDESK_API_TOKEN/);
    expect(() => readConfig({ ZENDESK_URL: 'http://acme.zendesk.com' })).toThrow(/https/);
    expect(() => readConfig({ ZENDESK_OAUTH_CLIENT_ID: 'roster' })).toThrow(/needs ZENDESK_URL/);
    expect(readConfig({ ZENDESK_URL: 'http://127.0.0.1:4780/sandbox' }).upstream.kind).toBe('zendesk');
  });

  it('reads a Box OAuth client as each person connecting their own Box account', () => {
    const config = readConfig({ BOX_CLIENT_ID: 'box-app', BOX_CLIENT_SECRET: 'box-secret' });
    expect(config.box).toEqual({
      kind: 'oauth',
      url: 'https://api.box.com',
      authorizeUrl: 'https://account.box.com/api/oauth2/authorize',
      client: { id: 'box-app', secret: 'box-secret' },
    });
  });

  it('refuses a half-given Box client, one beside a developer token or a shared identity, and plain http', () => {
    expect(() => readConfig({ BOX_CLIENT_ID: 'box-app' })).toThrow(/BOX_CLIENT_ID and BOX_CLIENT_SECRET/);
    const client = { BOX_CLIENT_ID: 'box-app', BOX_CLIENT_SECRET: 'box-secret' };
    expect(() => readConfig({ ...client, BOX_DEVELOPER_TOKEN: 't' })).toThrow(/not both/);
    expect(() => readConfig({ ...client, SANDBOX_IDENTITY: 'admin' })).toThrow(/people must sign in/);
    expect(() => readConfig({ ...client, BOX_API_URL: 'http://box.example' })).toThrow(
      /BOX_API_URL must use https/,
    );
    expect(() => readConfig({ BOX_AUTHORIZE_URL: 'https://box.example/authorize' })).toThrow(
      /BOX_AUTHORIZE_URL needs BOX_CLIENT_ID/,
    );
    expect(readConfig({ ...client, BOX_API_URL: 'http://127.0.0.1:4821/sandbox/box' }).box.kind).toBe(
      'oauth',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(readConfig({ SANDBOX_IDENTITY: '', PORT: '' })).toMatchObject({
      port: 4780,
      sandbox: { identity: undefined },
    });
  });

  it('answers the host names of PUBLIC_URL, with and without its port', () => {
    const config = readConfig({ PUBLIC_URL: 'https://roster.acme.internal:8443/' });
    expect(config.allowedHostNames).toEqual(
      expect.arrayContaining(['roster.acme.internal', 'roster.acme.internal:8443', 'localhost']),
    );
    expect(config.publicUrl).toBe('https://roster.acme.internal:8443');
  });

  it('keeps the store in DATA_DIR by default and in PostgreSQL with DATABASE_URL', () => {
    expect(readConfig({ DATA_DIR: '/tmp/roster-data' }).store).toEqual({
      kind: 'sqlite',
      file: '/tmp/roster-data/roster.sqlite',
    });
    const url = 'postgres://roster:pw@db.internal:5432/roster';
    expect(readConfig({ DATABASE_URL: url, SESSION_SECRET: 'x'.repeat(32) }).store).toEqual({
      kind: 'postgres',
      url,
    });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL’s, without repeating its password', () => {
    for (const value of ['mysql://roster:hunter2@db/roster', 'not a url hunter2']) {
      const attempt = () => readConfig({ DATABASE_URL: value, SESSION_SECRET: 'x'.repeat(32) });
      expect(attempt).toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
      expect(attempt).not.toThrow(/hunter2/);
    }
  });

  it('requires SESSION_SECRET with DATABASE_URL, since every instance must open what the others sealed', () => {
    expect(() => readConfig({ DATABASE_URL: 'postgresql://roster@localhost/roster' })).toThrow(
      /SESSION_SECRET is required with DATABASE_URL/,
    );
  });
});
