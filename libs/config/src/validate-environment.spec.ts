import { Type } from 'class-transformer';
import { IsInt } from 'class-validator';
import { BaseEnvironment } from './base-environment';
import { DEVELOPMENT_ADMIN_TOKEN, NeverEchoed, Secret } from './secrets';
import { declaredVariables, InvalidEnvironmentError, validateEnvironment } from './validate-environment';

class ExampleEnvironment extends BaseEnvironment {
  override PORT = 3999;

  @Type(() => Number)
  @IsInt()
  BATCH_SIZE = 500;
}

/** The validation message for `raw`, or '' when it passes. */
function problemsOf(environmentClass: new () => BaseEnvironment, raw: Record<string, string>): string {
  try {
    validateEnvironment(environmentClass, raw);
    return '';
  } catch (error) {
    return (error as InvalidEnvironmentError).message;
  }
}

describe('validateEnvironment', () => {
  it('applies defaults and converts numbers', () => {
    const env = validateEnvironment(ExampleEnvironment, { PORT: '4100' });
    expect(env.PORT).toBe(4100);
    expect(env.BATCH_SIZE).toBe(500);
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });

  it('treats an empty value as unset', () => {
    expect(validateEnvironment(ExampleEnvironment, { PORT: '' }).PORT).toBe(3999);
  });

  it('names the variable and the value when a number is not a number', () => {
    expect(() => validateEnvironment(ExampleEnvironment, { PORT: 'eighty' })).toThrow(InvalidEnvironmentError);
    expect(() => validateEnvironment(ExampleEnvironment, { PORT: 'eighty' })).toThrow(/PORT: .*integer.*got "eighty"/);
  });

  it('reports every bad variable at once', () => {
    try {
      validateEnvironment(ExampleEnvironment, { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost', LOG_LEVEL: 'loud' });
      fail('expected an error');
    } catch (error) {
      const problems = (error as InvalidEnvironmentError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/KAFKA_BROKERS/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('lists declared variables, inherited ones included', () => {
    expect(declaredVariables(ExampleEnvironment)).toEqual(expect.arrayContaining(['BATCH_SIZE', 'DATABASE_URL', 'PORT']));
  });
});

describe('secrets', () => {
  class SecretEnvironment extends BaseEnvironment {
    override PORT = 1;

    @Secret()
    TOKEN = DEVELOPMENT_ADMIN_TOKEN;

    @NeverEchoed()
    OLD_KEYS = '';
  }
  const STRONG = 'f3a9c1d27be84406a5e0c9d1b7f2e8a4';
  const KAFKA_CREDENTIALS = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'ingest', KAFKA_SASL_PASSWORD: STRONG };
  const problems = (raw: Record<string, string>) => problemsOf(SecretEnvironment, raw);

  it('accepts the development defaults outside production', () => {
    expect(validateEnvironment(SecretEnvironment, {}).TOKEN).toBe(DEVELOPMENT_ADMIN_TOKEN);
    expect(validateEnvironment(SecretEnvironment, { NODE_ENV: 'test', TOKEN: 'short' }).TOKEN).toBe('short');
  });

  it.each([
    ['the development default', DEVELOPMENT_ADMIN_TOKEN, /TOKEN is a published default/],
    ["docker-compose's old placeholder", 'compose-admin-token-change-me-000001', /TOKEN is a published default/],
    ['any change-me placeholder', 'our-own-token-CHANGE-ME-please-0000000000', /TOKEN contains "change-me"/],
    ['a short secret', 'f3a9c1d27be84406a5e0c9d1b7f2e8a', /TOKEN is shorter than 32 characters/],
  ])('refuses %s in production, naming the rule', (_, secret, rule) => {
    expect(problems({ NODE_ENV: 'production', TOKEN: secret })).toMatch(rule);
  });

  it('accepts a secret of 32 characters of your own in production', () => {
    expect(validateEnvironment(SecretEnvironment, { NODE_ENV: 'production', TOKEN: STRONG, ...KAFKA_CREDENTIALS }).TOKEN).toBe(STRONG);
  });

  it('holds passwords in DATABASE_URL and REDIS_URL to the same rules in production; a URL without one passes', () => {
    const production = { NODE_ENV: 'production', TOKEN: STRONG, ...KAFKA_CREDENTIALS };
    expect(problems({ ...production, DATABASE_URL: 'postgres://health:health@db:5432/health' })).toMatch(/the password in DATABASE_URL is a published default/);
    expect(problems({ ...production, REDIS_URL: 'redis://:change-me@redis:6379/0' })).toMatch(/the password in REDIS_URL contains "change-me"/);
    expect(problems({ ...production, DATABASE_URL: `postgres://health:${STRONG}@db:5432/health` })).toBe('');
    expect(problems({ ...production, DATABASE_URL: 'postgres://health@db:5432/health' })).toBe('');
    expect(problems({ DATABASE_URL: 'postgres://health:health@127.0.0.1:5432/health' })).toBe('');
  });

  it('never echoes a secret, whatever is wrong with it (URLs lose their password)', () => {
    const secrets = ['dev-admin-token-change-me-000000', 'tiny-secret-9f8e', 'pw-4c1d-in-a-url'];
    const message = problems({ NODE_ENV: 'production', TOKEN: secrets[1], OLD_KEYS: secrets[0], DATABASE_URL: `mysql://health:${secrets[2]}@db/health` });
    expect(message).toMatch(/TOKEN: .*\(got a secret of 16 characters, not shown\)/);
    expect(message).toMatch(/DATABASE_URL: .*got "mysql:\/\/health:\*\*\*@db\/health"/);
    for (const secret of secrets) expect(message).not.toContain(secret);
    const unparsable = problems({ NODE_ENV: 'production', TOKEN: STRONG, ...KAFKA_CREDENTIALS, DATABASE_URL: `postgres://health:${secrets[2]} @db` });
    expect(unparsable).toMatch(/DATABASE_URL/);
    expect(unparsable).not.toContain(secrets[2]);
  });
});

describe('Kafka credentials', () => {
  class KafkaEnvironment extends BaseEnvironment {
    override PORT = 1;
  }
  const STRONG = '8b1e0c5d93a74f26b0d4e7c2a9f1358e';
  const problems = (raw: Record<string, string>) => problemsOf(KafkaEnvironment, raw);

  it('lets a developer connect without authentication outside production', () => {
    expect(validateEnvironment(KafkaEnvironment, {}).KAFKA_SASL_MECHANISM).toBe('');
  });

  it('refuses to start in production without SASL credentials, naming each variable', () => {
    const message = problems({ NODE_ENV: 'production' });
    expect(message).toMatch(/KAFKA_SASL_MECHANISM is required in production/);
    expect(message).toMatch(/KAFKA_SASL_USERNAME/);
    expect(message).toMatch(/KAFKA_SASL_PASSWORD/);
  });

  it('holds the Kafka password to the production secret rules and never echoes it', () => {
    const message = problems({
      NODE_ENV: 'production',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'ingest',
      KAFKA_SASL_PASSWORD: 'kafka-change-me-4c1d',
    });
    expect(message).toMatch(/KAFKA_SASL_PASSWORD contains "change-me"/);
    expect(message).not.toContain('kafka-change-me-4c1d');
  });

  it('needs a username and a password once a mechanism is chosen, in any mode', () => {
    expect(problems({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toMatch(/KAFKA_SASL_USERNAME[\s\S]*KAFKA_SASL_PASSWORD/);
    expect(problems({ KAFKA_SASL_MECHANISM: 'plain-text' })).toMatch(/KAFKA_SASL_MECHANISM/);
    expect(problems({ NODE_ENV: 'production', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'ingest', KAFKA_SASL_PASSWORD: STRONG })).toBe('');
  });
});
