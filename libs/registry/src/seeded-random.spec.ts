import { randomInt, sampleDistinct, seededRandom } from './seeded-random';

describe('seeded random', () => {
  it('repeats for the same seed and differs between seeds', () => {
    const a = seededRandom('610921:涧池镇');
    const b = seededRandom('610921:涧池镇');
    const c = seededRandom('610921:蒲溪镇');
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect([c(), c(), c()]).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws integers in range and distinct samples', () => {
    const r = seededRandom('x');
    for (let i = 0; i < 200; i++) {
      const n = randomInt(r, 8, 15);
      expect(n >= 8 && n <= 15 && Number.isInteger(n)).toBe(true);
    }
    const s = sampleDistinct(r, ['a', 'b', 'c', 'd'], 3);
    expect(new Set(s).size).toBe(3);
    expect(sampleDistinct(r, ['a'], 5)).toEqual(['a']);
  });
});
