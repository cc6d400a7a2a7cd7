import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDemoCredentials, stillValid, writeDemoCredentials } from './demo-credentials';

describe('demo credentials file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'demo-credentials-'));

  it('round-trips through a file only its owner can read', () => {
    const file = path.join(dir, 'nested/creds.json');
    const credentials = {
      institutions: { '610921-THC-001': 'hik_a' },
      apiKeyIds: { '610921-THC-001': '7d0f0b9e-3a52-4c36-9d0b-4c7bb2d6d9a1' },
      bureaus: { '610900': 'hbt_b' },
    };
    writeDemoCredentials(file, credentials);
    expect(readDemoCredentials(file)).toEqual(credentials);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(credentials);
  });

  it('reads a file written before key ids were saved, with none', () => {
    const older = path.join(dir, 'older.json');
    writeFileSync(older, '{"institutions": {"610921-THC-001": "hik_a"}, "bureaus": {}}');
    expect(readDemoCredentials(older)).toEqual({ institutions: { '610921-THC-001': 'hik_a' }, apiKeyIds: {}, bureaus: {} });
  });

  it('treats a missing or foreign file as none', () => {
    expect(readDemoCredentials(path.join(dir, 'missing.json'))).toBeUndefined();
    const foreign = path.join(dir, 'foreign.json');
    writeFileSync(foreign, '{"institutions": [1]}');
    expect(readDemoCredentials(foreign)).toBeUndefined();
  });

  it('keeps only secrets that still belong to the owner they are saved under', () => {
    const saved = { a: 'k1', b: 'k2', c: 'k3' };
    expect(stillValid(saved, ['a', null, 'x'])).toEqual({ a: 'k1' });
  });
});
