import 'reflect-metadata';
import { IsNotEmpty, IsString, registerDecorator, ValidationArguments } from 'class-validator';

/** Shortest secret accepted in production: 32 characters (`openssl rand -hex 16` gives 32, `-hex 24` 48). */
export const SECRET_MIN_LENGTH = 32;

/** One operator token on a developer machine for every app with an admin API; refused in production. */
export const DEVELOPMENT_ADMIN_TOKEN = 'dev-admin-token-change-me-000000';

/** The pseudonym key on a developer machine; refused in production. */
export const DEVELOPMENT_PSEUDONYM_SECRET = 'dev-pseudonym-secret-change-me-0000000000';

/**
 * Secrets anyone can read in this repository's history, and so in every copy of its files: the
 * development defaults, the placeholders of docker-compose.yml and the demo overlay, the compose
 * database password. Refused in production even where another rule would let them through.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  DEVELOPMENT_ADMIN_TOKEN,
  DEVELOPMENT_PSEUDONYM_SECRET,
  'compose-admin-token-change-me-000001',
  'compose-pseudonym-secret-change-me-00000001',
  'demo-admin-token-change-me-0000001',
  'demo-pseudonym-secret-change-me-000000001',
  'demo-password-change-me',
  'health',
];

/** Why a secret must not guard a production installation, or undefined when it may. */
export function secretWeakness(secret: string): string | undefined {
  if (PUBLISHED_SECRETS.includes(secret)) return 'is a published default';
  if (/change-?me/i.test(secret)) return 'contains "change-me"';
  if (secret.length < SECRET_MIN_LENGTH) return `is shorter than ${SECRET_MIN_LENGTH} characters`;
  return undefined;
}

/** The password of a URL (`scheme://user:password@host`), decoded; undefined when it has none. */
export function urlPassword(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}

/** The URL with its password replaced, for messages. Not a URL: nothing of it. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

type SecretKind = 'secret' | 'url';
const SECRET_KIND = 'environment:secret-kind';

/** How a variable's value may appear in a validation message: not at all, as a URL without its password, or as is. */
export function secretKindOf(environment: object, variable: string): SecretKind | undefined {
  return Reflect.getMetadata(SECRET_KIND, environment, variable) as SecretKind | undefined;
}

function productionRule(propertyName: string, target: object, kind: SecretKind): void {
  registerDecorator({
    name: kind === 'secret' ? 'strongSecretInProduction' : 'strongUrlPasswordInProduction',
    target: target.constructor,
    propertyName,
    validator: {
      validate: (value: unknown, args: ValidationArguments) => weaknessInProduction(value, args, kind) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        `${kind === 'secret' ? propertyName : `the password in ${propertyName}`} ${args ? weaknessInProduction(args.value, args, kind) : 'is weak'}; production needs a secret of your own (e.g. openssl rand -hex 24)`,
    },
  });
}

function weaknessInProduction(value: unknown, args: ValidationArguments, kind: SecretKind): string | undefined {
  if ((args.object as { NODE_ENV?: string }).NODE_ENV !== 'production' || typeof value !== 'string') return undefined;
  const secret = kind === 'secret' ? value : urlPassword(value);
  return secret === undefined ? undefined : secretWeakness(secret);
}

/**
 * A secret variable (token, key): never echoed by a validation message, and in production neither
 * a published default, nor a `change-me` placeholder, nor shorter than SECRET_MIN_LENGTH.
 */
export const Secret = (): PropertyDecorator => (target, key) => {
  Reflect.defineMetadata(SECRET_KIND, 'secret', target, key);
  IsString()(target, key);
  IsNotEmpty()(target, key);
  productionRule(key as string, target, 'secret');
};

/**
 * A URL that may carry a password (DATABASE_URL, REDIS_URL): messages show it without the
 * password, and in production a password in it is held to the rules of `Secret`.
 */
export const UrlWithSecret = (): PropertyDecorator => (target, key) => {
  Reflect.defineMetadata(SECRET_KIND, 'url', target, key);
  productionRule(key as string, target, 'url');
};

/**
 * A variable holding secrets that are not held to the production rules (retired keys, which are
 * retired precisely because they may be weak or known): never echoed either.
 */
export const NeverEchoed = (): PropertyDecorator => (target, key) => {
  Reflect.defineMetadata(SECRET_KIND, 'secret', target, key);
};
