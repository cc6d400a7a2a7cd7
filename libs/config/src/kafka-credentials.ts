import 'reflect-metadata';
import { registerDecorator, ValidationArguments } from 'class-validator';

/** SASL mechanisms the project's brokers offer; SCRAM-SHA-512 is the one deployed (deploy/local, Strimzi). */
export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/**
 * A Kafka variable that production cannot do without: a production broker authenticates every
 * client, so an app without its credentials would only fail later, at the first request.
 */
export const RequiredInProduction = (): PropertyDecorator => (target, key) => {
  registerDecorator({
    name: 'requiredInProduction',
    target: target.constructor,
    propertyName: key as string,
    validator: {
      validate: (value: unknown, args: ValidationArguments) =>
        (args.object as { NODE_ENV?: string }).NODE_ENV !== 'production' || (typeof value === 'string' && value !== ''),
      defaultMessage: () => `${String(key)} is required in production: the broker authenticates every client (SASL/SCRAM)`,
    },
  });
};
