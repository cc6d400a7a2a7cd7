import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DEVELOPMENT_ADMIN_TOKEN } from '@lib/config';
import type { HealthEvent } from '@lib/contracts';
import { claimedIdentity, MAX_FAILURES_PER_MINUTE } from '@lib/platform';
import { AppProcess } from '../support/app-process';
import { issueBureauToken } from '../support/bureau-fixture';
import { issueApiKey, seedRegistry } from '../support/registry-fixture';
import { freshExamples } from '../ingest/event-fixtures';
import { testEnvironment } from '../support/test-environment';
import { recordFigures } from './support/figures';
import { postEvents, send, Tally } from './support/http-client';

/** A secret shaped like the real ones (`hik_`/`hbt_` + 43 base64url characters), random. */
const randomSecret = (prefix: 'hik' | 'hbt') => `${prefix}_${randomBytes(32).toString('base64url')}`;
/** A wrong secret that claims to be `secret` (same identity: the same first characters). */
const sameIdentity = (secret: string) =>
  claimedIdentity(secret) +
  randomBytes(32)
    .toString('base64url')
    .slice(0, secret.length - claimedIdentity(secret).length);
const address = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/**
 * Lock-out attempts against the doors (ingest and query as real processes): guessing keys from the
 * address every client shares behind an ingress, spoofed X-Forwarded-For entries, and a brute force
 * on one identity. Failures are limited per claimed identity and per source; a valid credential is
 * looked up and accepted whatever others fail, so no one can lock an institution or a bureau out.
 */
describe('lock-out', () => {
  const pool = new Pool({ connectionString: testEnvironment().DATABASE_URL });
  // Without TRUST_PROXY every request comes from 127.0.0.1: the address all clients share behind an ingress it does not trust.
  const shared = { ingest: new AppProcess('ingest', 3975, { RAW_DOOR_ENABLED: 'false' }), query: new AppProcess('query', 3976) };
  // Behind one trusted ingress: the client is the X-Forwarded-For entry the ingress appended (the last).
  const proxied = {
    ingest: new AppProcess('ingest', 3977, { RAW_DOOR_ENABLED: 'false', TRUST_PROXY: '1' }),
    query: new AppProcess('query', 3978, { TRUST_PROXY: '1' }),
  };
  const apps = [shared.ingest, shared.query, proxied.ingest, proxied.query];
  const institutions: { key: string; events: () => HealthEvent[] }[] = [];
  const bureaus: string[] = [];
  const figures = new Tally();

  /** One valid request of every institution and bureau; returns the statuses that were not the normal answer. */
  async function validClients(doors: typeof shared, headers: Record<string, string> = {}): Promise<number[]> {
    const refused: number[] = [];
    for (const institution of institutions) {
      const [event] = institution.events();
      const answer = await postEvents(doors.ingest.url, institution.key, JSON.stringify(event), headers);
      if (answer.status !== 202) refused.push(answer.status);
      figures.add('valid institution requests');
    }
    for (const token of bureaus) {
      const answer = await send(`${doors.query.url}/v1/indicators`, { headers: { authorization: `Bearer ${token}`, ...headers } });
      if (answer.status !== 200) refused.push(answer.status);
      figures.add('valid bureau requests');
    }
    return refused;
  }

  async function guess(doors: typeof shared, secret: string, headers: Record<string, string> = {}): Promise<number> {
    const answer = secret.startsWith('hik_')
      ? await postEvents(doors.ingest.url, secret, '{}', headers)
      : await send(`${doors.query.url}/v1/indicators`, { headers: { authorization: `Bearer ${secret}`, ...headers } });
    figures.add(secret.startsWith('hik_') ? 'wrong API keys' : 'wrong bureau tokens');
    return answer.status;
  }

  beforeAll(async () => {
    await seedRegistry(pool);
    await Promise.all(apps.map((app) => app.start()));
    const examples = freshExamples();
    for (const institutionId of [...new Set(examples.map((e) => e.institutionId))]) {
      institutions.push({ key: await issueApiKey(pool, institutionId), events: () => freshExamples().filter((e) => e.institutionId === institutionId) });
    }
    for (const region of ['610921', '610900']) bureaus.push(await issueBureauToken(pool, region));
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await pool.end();
    recordFigures('lockout', { requests: figures.counts });
  });

  it('keeps every institution and bureau in while random keys are tried from the address they share', async () => {
    const guesses: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILURES_PER_MINUTE; i++) {
        guesses.push(await guess(shared, randomSecret('hik')));
        guesses.push(await guess(shared, randomSecret('hbt')));
      }
      expect(await validClients(shared)).toEqual([]);
    }
    // The address is over its limit: its failures are answered 429 (with Retry-After), its valid requests as ever.
    expect(guesses.slice(0, MAX_FAILURES_PER_MINUTE).every((status) => status === 401)).toBe(true);
    expect(guesses.slice(-10)).toEqual(Array(10).fill(429));
    const locked = await postEvents(shared.ingest.url, randomSecret('hik'), '{}');
    expect([locked.status, locked.body?.code, Number(locked.headers.get('retry-after'))]).toEqual([429, 'too_many_auth_failures', expect.any(Number)]);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    figures.add('random guesses from one address', guesses.length);
  });

  it('keeps a credential valid while its own identity is hammered from the same address', async () => {
    const [institution] = institutions;
    for (let i = 0; i < MAX_FAILURES_PER_MINUTE + 5; i++) await guess(shared, sameIdentity(institution.key));
    for (let i = 0; i < MAX_FAILURES_PER_MINUTE + 5; i++) await guess(shared, sameIdentity(bureaus[0]));
    expect(await validClients(shared)).toEqual([]);
  });

  it('counts a trusted ingress client by the address the ingress appended, whatever the client wrote before it', async () => {
    const attacker = '203.0.113.9';
    for (const kind of ['hik', 'hbt'] as const) {
      const statuses: number[] = [];
      for (let i = 0; i < MAX_FAILURES_PER_MINUTE + 5; i++) {
        // The attacker writes its own X-Forwarded-For; the ingress appends the address it saw.
        statuses.push(await guess(proxied, randomSecret(kind), { 'x-forwarded-for': `${address()}, ${attacker}` }));
      }
      expect(statuses.slice(0, MAX_FAILURES_PER_MINUTE)).toEqual(Array(MAX_FAILURES_PER_MINUTE).fill(401));
      expect(statuses.slice(MAX_FAILURES_PER_MINUTE)).toEqual(Array(5).fill(429));
      figures.add('guesses with spoofed X-Forwarded-For', statuses.length);
    }
    // Clients elsewhere, and valid ones at the attacker's own address, are unaffected.
    expect(await validClients(proxied, { 'x-forwarded-for': '192.0.2.44' })).toEqual([]);
    expect(await validClients(proxied, { 'x-forwarded-for': `${address()}, ${attacker}` })).toEqual([]);
  });

  it('keeps valid clients in while guesses come from ever new addresses', async () => {
    for (let i = 0; i < 3 * MAX_FAILURES_PER_MINUTE; i++) {
      const status = await guess(proxied, randomSecret(i % 2 ? 'hik' : 'hbt'), { 'x-forwarded-for': address() });
      expect(status).toBe(401); // neither an address nor an identity repeats: nothing to limit, and nothing guessed
    }
    expect(await validClients(proxied, { 'x-forwarded-for': address() })).toEqual([]);
  });

  it('limits a brute force on one identity from many addresses, and its owner still gets in', async () => {
    const [institution] = institutions;
    for (const target of [institution.key, bureaus[1]]) {
      const statuses: number[] = [];
      for (let i = 0; i < MAX_FAILURES_PER_MINUTE + 5; i++) statuses.push(await guess(proxied, sameIdentity(target), { 'x-forwarded-for': address() }));
      expect(statuses.slice(0, MAX_FAILURES_PER_MINUTE)).toEqual(Array(MAX_FAILURES_PER_MINUTE).fill(401));
      expect(statuses.slice(MAX_FAILURES_PER_MINUTE)).toEqual(Array(5).fill(429));
      figures.add('brute-force guesses at one identity', statuses.length);
    }
    expect(await validClients(proxied, { 'x-forwarded-for': address() })).toEqual([]);
  });

  it('limits guesses at the admin token; the operator still gets in', async () => {
    const admin = (token: string, from: string) =>
      send(`${proxied.ingest.url}/v1/admin/institutions?county=610921`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': from } });
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_MINUTE + 5; i++) statuses.push((await admin(randomBytes(24).toString('hex'), address())).status);
    expect(statuses.slice(0, MAX_FAILURES_PER_MINUTE)).toEqual(Array(MAX_FAILURES_PER_MINUTE).fill(401));
    expect(statuses.slice(MAX_FAILURES_PER_MINUTE)).toEqual(Array(5).fill(429));
    expect((await admin(DEVELOPMENT_ADMIN_TOKEN, address())).status).toBe(200);
    figures.add('admin token guesses', statuses.length);
  });

  it('counts the failures and their answers in Prometheus', async () => {
    const metrics = await (await fetch(`${proxied.ingest.url}/metrics`)).text();
    const value = (credential: string, answer: string) =>
      Number(
        metrics
          .split('\n')
          .find((line) => line.startsWith('auth_failures_total{') && line.includes(`credential="${credential}"`) && line.includes(`answer="${answer}"`))
          ?.split(' ')[1] ?? 0,
      );
    expect(value('api_key', '429')).toBeGreaterThan(0);
    expect(value('admin_token', '429')).toBe(5);
  });
});
