import { Logger } from '@nestjs/common';
import type { KafkaProducer, KafkaTopics } from '@lib/kafka';
import type { EventSink } from '../sinks/event-sink';
import { FileSink } from '../sinks/file-sink';
import { HttpSink } from '../sinks/http-sink';
import { KafkaSink } from '../sinks/kafka-sink';
import type { SimulatorEnvironment } from '../simulator.environment';

/** The sink chosen by SIMULATOR_SINK. */
export function sinkFromEnvironment(env: SimulatorEnvironment, producer: KafkaProducer, topics: KafkaTopics, logger: Logger): EventSink {
  switch (env.SIMULATOR_SINK) {
    case 'kafka':
      return new KafkaSink(producer, topics.name('eventsRaw'), env.SIMULATOR_BATCH_SIZE, env.SIMULATOR_CREDENTIALS_FILE);
    case 'file':
      return new FileSink(env.SIMULATOR_OUT_FILE);
    default:
      return new HttpSink({
        ingestUrl: env.SIMULATOR_INGEST_URL,
        credentialsFile: env.SIMULATOR_CREDENTIALS_FILE,
        batchSize: env.SIMULATOR_BATCH_SIZE,
        concurrency: 4,
        onRetry: (reason, attempt) => logger.warn(`retrying a batch (attempt ${attempt}): ${reason}`),
      });
  }
}
