import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';
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

/** A kafkajs client of the project: its logs in the app's, every compression codec decoded (bounded). */
export function createKafkaClient(brokers: string, clientId: string): Kafka {
  registerRecordCodecs();
  return new Kafka({
    clientId,
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}
