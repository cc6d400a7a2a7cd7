import { TokenBucketStorage } from './token-bucket.storage';

const MINUTE = 60_000;

function storageAt(start = 1_000_000) {
  const clock = { now: start };
  const storage = new TokenBucketStorage(() => clock.now);
  const hit = (key: string, limit = 3, blockDuration = MINUTE) => storage.increment(key, MINUTE, limit, blockDuration);
  return { clock, storage, hit };
}

describe('TokenBucketStorage', () => {
  it('lets a key make its limit at once, then blocks it for the block duration', async () => {
    const { hit } = storageAt();
    const answers = [await hit('a'), await hit('a'), await hit('a'), await hit('a')];
    expect(answers.map((a) => a.isBlocked)).toEqual([false, false, false, true]);
    expect(answers.map((a) => a.totalHits)).toEqual([1, 2, 3, 4]);
    expect(answers[3].timeToBlockExpire).toBe(60);
  });

  it('counts each key on its own', async () => {
    const { hit } = storageAt();
    for (let i = 0; i < 4; i++) await hit('a');
    expect((await hit('a')).isBlocked).toBe(true);
    expect((await hit('b')).isBlocked).toBe(false);
  });

  it('stays blocked until the block expires, however the bucket refills', async () => {
    const { clock, hit } = storageAt();
    for (let i = 0; i < 4; i++) await hit('a');
    clock.now += MINUTE - 1;
    expect(await hit('a')).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    clock.now += 1;
    expect((await hit('a')).isBlocked).toBe(false);
  });

  it('refills at limit per ttl: a steady sender at the limit is never blocked', async () => {
    const { clock, hit } = storageAt();
    const limit = 60; // one a second
    const blocked: number[] = [];
    for (let second = 0; second < 300; second++) {
      if ((await hit('steady', limit)).isBlocked) blocked.push(second);
      clock.now += 1000;
    }
    expect(blocked).toEqual([]);
  });

  it('a sender over the limit on average is blocked', async () => {
    const { clock, hit } = storageAt();
    const limit = 60;
    let sent = 0;
    while (sent < 2000 && !(await hit('fast', limit)).isBlocked) {
      sent += 1;
      clock.now += 920; // 65.2 a minute: the bucket loses 0.08 of a request per request
    }
    expect(sent).toBe(738); // before request k the bucket holds 60 - 0.08 (k - 1): under 1 from k = 739
  });

  it('reports remaining requests and the seconds until the bucket is full', async () => {
    const { clock, hit } = storageAt();
    await hit('a', 60);
    clock.now += 1000; // one token back
    await hit('a', 60);
    const third = await hit('a', 60);
    expect(third.totalHits).toBe(2); // 60 - 58 tokens left
    expect(third.timeToExpire).toBe(2);
  });

  it('forgets keys whose bucket has been full again for a ttl', async () => {
    const { clock, storage, hit } = storageAt();
    await hit('idle');
    for (let i = 0; i < 4; i++) await hit('blocked', 3, 10 * MINUTE);
    clock.now += MINUTE;
    await hit('fresh');
    expect(storage.size).toBe(2); // 'idle' swept, 'blocked' kept while its block lasts
    clock.now += 10 * MINUTE;
    await hit('fresh');
    expect(storage.size).toBe(1);
  });
});
