import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry, SASLOptions } from 'kafkajs';
import { registerRecordCodecs } from './codecs/record-codecs';

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through Nest's logger (pino in the apps), so broker trouble shows in the app's JSON logs. */
function nestLogCreator() {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    logger[LEVELS[level] ?? 'log']({ ...extra, msg: message });
  };
}

/**
 * Where the brokers are and who this client is, as the environment says it (BaseEnvironment; any
 * object with these variables, e.g. a test's environment). Without a mechanism the client does not
 * authenticate, which only a developer's plaintext broker accepts.
 */
export interface KafkaConnection {
  KAFKA_BROKERS: string;
  KAFKA_SASL_MECHANISM?: string;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

/** kafkajs's `sasl` option for a connection (undefined: no authentication). */
export function saslOptions(connection: KafkaConnection): SASLOptions | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username = '', KAFKA_SASL_PASSWORD: password = '' } = connection;
  if (!mechanism) return undefined;
  if (mechanism !== 'scram-sha-512' && mechanism !== 'scram-sha-256') throw new Error(`KAFKA_SASL_MECHANISM ${mechanism} is not supported`);
  return { mechanism, username, password };
}

/** A kafkajs client of the project: its logs in the app's, every compression codec decoded (bounded). */
export function createKafkaClient(connection: KafkaConnection, clientId: string): Kafka {
  registerRecordCodecs();
  return new Kafka({
    clientId,
    brokers: connection.KAFKA_BROKERS.split(','),
    // SASL over plaintext, as the local broker and the cluster-internal listener offer; TLS is the network's.
    sasl: saslOptions(connection),
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}
