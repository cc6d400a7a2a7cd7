import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaBatchConsumers } from './kafka-batch-consumer';

/**
 * The app's Kafka consumers are up unless one has crashed and not yet joined its group again (it is
 * being restarted meanwhile): a consumer kafkajs gave up on would otherwise stop its door silently.
 */
@Injectable()
export class KafkaConsumersHealthCheck {
  constructor(
    private readonly consumers: KafkaBatchConsumers,
    private readonly indicator: HealthIndicatorService,
  ) {}

  check() {
    const indicator = this.indicator.check('kafkaConsumers');
    const consumers = this.consumers.all();
    const crashed = consumers.flatMap((c) =>
      c.state.status === 'crashed' ? [{ group: c.groupId, topic: c.topic, error: c.state.error, since: c.state.since }] : [],
    );
    return crashed.length === 0 ? indicator.up({ consumers: consumers.length }) : indicator.down({ crashed });
  }
}
