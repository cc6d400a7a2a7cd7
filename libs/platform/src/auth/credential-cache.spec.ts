import { CredentialCache } from './credential-cache';

describe('CredentialCache', () => {
  const owners = new Map([['hik_valid', 'inst-1']]);
  let lookups: string[];
  const cache = () => {
    lookups = [];
    return new CredentialCache<string>((secret) => {
      lookups.push(secret);
      return Promise.resolve(owners.get(secret));
    });
  };

  it('looks a secret up once a minute, known or not', async () => {
    const c = cache();
    expect(await c.ownerOf('hik_valid', 0)).toBe('inst-1');
    expect(await c.ownerOf('hik_valid', 59_000)).toBe('inst-1');
    expect(await c.ownerOf('hik_wrong', 0)).toBeUndefined();
    expect(await c.ownerOf('hik_wrong', 59_000)).toBeUndefined();
    expect(lookups).toEqual(['hik_valid', 'hik_wrong']);
    expect(await c.ownerOf('hik_valid', 60_001)).toBe('inst-1');
    expect(lookups).toHaveLength(3);
  });

  it('keeps credentials in use through a flood of guesses', async () => {
    const c = cache();
    await c.ownerOf('hik_valid', 0);
    for (let i = 0; i < 25_000; i++) await c.ownerOf(`hik_guess-${i}`, 1);
    lookups = [];
    expect(await c.ownerOf('hik_valid', 2)).toBe('inst-1');
    expect(lookups).toEqual([]);
  });

  it('tells the owner of a secret resolved within the minute without looking anything up', async () => {
    const c = cache();
    expect(c.knownOwnerOf('hik_valid', 0)).toBeUndefined();
    expect(lookups).toEqual([]);
    await c.ownerOf('hik_valid', 0);
    await c.ownerOf('hik_wrong', 0);
    expect(c.knownOwnerOf('hik_valid', 59_000)).toBe('inst-1');
    expect(c.knownOwnerOf('hik_wrong', 1)).toBeUndefined();
    expect(c.knownOwnerOf('hik_valid', 60_001)).toBeUndefined();
    expect(lookups).toEqual(['hik_valid', 'hik_wrong']);
  });
});
