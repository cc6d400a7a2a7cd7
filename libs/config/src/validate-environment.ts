import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { secretKindOf, withoutPassword } from './secrets';

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * Validates raw environment variables against an environment class and returns the typed instance.
 * Unknown variables are ignored (the process environment holds many); every declared one is checked.
 */
export function validateEnvironment<T extends object>(environmentClass: new () => T, raw: Record<string, unknown>): T {
  const declared = new environmentClass() as Record<string, unknown>;
  const relevant: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    // Empty strings mean "unset" so that `VAR=` in a compose file falls back to the default.
    if (value !== '' && value !== undefined) relevant[key] = value;
  }
  const instance = plainToInstance(environmentClass, relevant, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(instance, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new InvalidEnvironmentError(errors.map((error) => describe(error, relevant, declared)));
  }
  return instance;
}

function describe(error: ValidationError, raw: Record<string, unknown>, declared: Record<string, unknown>): string {
  const got =
    error.property in raw
      ? `got ${shown(declared, error.property, String(raw[error.property]))}`
      : declared[error.property] === undefined
        ? 'not set'
        : 'default';
  return `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')} (${got})`;
}

/** A value as a message may show it: secrets never, URLs without their password (logs outlive the process). */
function shown(declared: object, variable: string, value: string): string {
  switch (secretKindOf(declared, variable)) {
    case 'secret':
      return `a secret of ${value.length} characters, not shown`;
    case 'url':
      return `"${withoutPassword(value)}"`;
    default:
      return `"${value}"`;
  }
}

/** Names of the variables an environment class declares (for docs and the compose check). */
export function declaredVariables(environmentClass: new () => object): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getMetadataStorage } = require('class-validator') as typeof import('class-validator');
  const metadata = getMetadataStorage().getTargetValidationMetadatas(environmentClass, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort();
}
