import { Type } from 'class-transformer';
import { IsInt } from 'class-validator';
import { BaseEnvironment, NotDevelopmentDefaultInProduction } from './base-environment';
import { declaredVariables, InvalidEnvironmentError, validateEnvironment } from './validate-environment';

class ExampleEnvironment extends BaseEnvironment {
  override PORT = 3999;

  @Type(() => Number)
  @IsInt()
  BATCH_SIZE = 500;
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

describe('NotDevelopmentDefaultInProduction', () => {
  class SecretEnvironment extends BaseEnvironment {
    override PORT = 1;

    @NotDevelopmentDefaultInProduction('dev-secret')
    SECRET = 'dev-secret';
  }

  it('accepts the development default outside production', () => {
    expect(validateEnvironment(SecretEnvironment, {}).SECRET).toBe('dev-secret');
  });

  it('refuses it in production and accepts a real secret there', () => {
    expect(() => validateEnvironment(SecretEnvironment, { NODE_ENV: 'production' })).toThrow(/SECRET must be set to a secret of your own/);
    expect(validateEnvironment(SecretEnvironment, { NODE_ENV: 'production', SECRET: 'mine' }).SECRET).toBe('mine');
  });
});
