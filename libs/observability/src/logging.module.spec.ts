import { withoutSecrets } from './logging.module';

describe('withoutSecrets', () => {
  it('redacts tokens in query strings and keeps the rest', () => {
    expect(withoutSecrets('/v1/stream?region=610921&token=hbt_secret&x=1')).toBe('/v1/stream?region=610921&token=[redacted]&x=1');
    expect(withoutSecrets('/dashboard?token=hbt_secret')).toBe('/dashboard?token=[redacted]');
    expect(withoutSecrets('/v1/indicators')).toBe('/v1/indicators');
  });
});
