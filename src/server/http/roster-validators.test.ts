import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { rosterJson, rosterQuery } from './roster-validators.ts';

const app = new Hono();
const nameSchema = z.object({ name: z.string().check(z.minLength(1)) });
const refuse = (error: z.core.$ZodError) => ({
  error: 'InvalidThing',
  description: 'The thing is not valid',
  details: error.issues.map((issue) => ({ path: issue.path.join('.'), message: 'bad' })),
});
app.post('/strict', rosterJson(nameSchema, refuse, { error: 'InvalidJson', description: 'Not JSON' }), (c) =>
  c.json({ hello: c.req.valid('json').name }),
);
app.post('/lenient', rosterJson(nameSchema, refuse), (c) => c.json({ hello: c.req.valid('json').name }));
app.get('/list', rosterQuery(nameSchema, refuse), (c) => c.json({ hello: c.req.valid('query').name }));

const post = (path: string, body: string) =>
  app.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

describe('Roster request validators', () => {
  it('hands the handler the body that passed its schema', async () => {
    const response = await post('/strict', '{"name":"Ada"}');
    expect(await response.json()).toEqual({ hello: 'Ada' });
  });

  it("answers a body that fails its schema with Roster's error body and the route's details", async () => {
    const response = await post('/strict', '{"name":""}');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'InvalidThing',
      description: 'The thing is not valid',
      details: [{ path: 'name', message: 'bad' }],
    });
  });

  it('answers a body that is not JSON with the route’s own refusal for it, or as a missing body', async () => {
    const strict = await post('/strict', '{name');
    expect(strict.status).toBe(400);
    expect(await strict.json()).toEqual({ error: 'InvalidJson', description: 'Not JSON' });
    const lenient = await post('/lenient', '{name');
    expect(await lenient.json()).toMatchObject({ error: 'InvalidThing' });
  });

  it('validates the first value of each query parameter', async () => {
    expect(await (await app.request('/list?name=Ada&name=Bob')).json()).toEqual({ hello: 'Ada' });
    const refused = await app.request('/list');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'InvalidThing' });
  });
});
