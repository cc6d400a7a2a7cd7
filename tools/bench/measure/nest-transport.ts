import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MicroserviceOptions, Transport } from '@nestjs/microservices';
import { KafkaConnection, saslOptions } from '@lib/kafka';

/**
 * Nest's own Kafka transport (ServerKafka) on the same topic: it runs kafkajs with `eachMessage`,
 * one message per handler call. An empty handler gives its ceiling; the aggregator cannot use it for
 * exactly-once batches (one PostgreSQL transaction per message would be slower still).
 */
export async function nestTransportRate(connection: KafkaConnection, topic: string, expected: number): Promise<number> {
  let seen = 0;
  let started = 0;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));

  @Controller()
  class CountingController {
    @EventPattern(topic)
    count(): void {
      if (started === 0) started = performance.now();
      if (++seen >= expected) finish();
    }
  }

  @Module({ controllers: [CountingController] })
  class CountingModule {}

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(CountingModule, {
    logger: ['error'],
    transport: Transport.KAFKA,
    options: {
      client: { clientId: 'bench-nest-transport', brokers: connection.KAFKA_BROKERS.split(','), sasl: saslOptions(connection) },
      consumer: { groupId: `bench-nest-${Date.now()}`, allowAutoTopicCreation: false },
      subscribe: { fromBeginning: true },
      // The transport would otherwise reply to the caller; events need no reply topic.
      run: { autoCommit: true },
    },
  });
  await app.listen();
  await done;
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return seen / seconds;
}
