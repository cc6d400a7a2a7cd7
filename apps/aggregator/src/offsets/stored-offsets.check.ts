import { Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Gauge } from 'prom-client';
import type { TopicLog } from '@lib/kafka';
import type { DependencyCheck } from '@lib/observability';
import { ConsumerOffsetsRepository } from './consumer-offsets.repository';
import { METRIC_OFFSETS_REFUSED } from '../consumption/aggregator.metrics';
import { checkStoredOffsets, describeMismatches, OffsetMismatch } from './stored-offsets';

/** What an operator runs once the broker's log is known to be the new truth (see the aggregator README). */
export const RESEED_COMMAND = 'node dist/tools/rebuild.js --reseed-offsets';

/**
 * At every assignment, checks the offsets stored in PostgreSQL against the broker's log of the topic
 * before the consumer seeks to them. Resuming past a recreated topic's end would make every new
 * message look applied; so on another cluster id or an offset outside a partition's log the topic is
 * refused: nothing applied, /health down, `aggregator_offsets_refused` set, one error line with the
 * command to run. Accepted again at the next assignment that passes (after the re-seed, at restart).
 */
@Injectable()
export class StoredOffsetsCheck implements DependencyCheck {
  private readonly logger = new Logger(StoredOffsetsCheck.name);
  private readonly refused = new Map<string, OffsetMismatch[]>();

  constructor(
    private readonly offsets: ConsumerOffsetsRepository,
    private readonly indicator: HealthIndicatorService,
    @InjectMetric(METRIC_OFFSETS_REFUSED) private readonly refusedGauge: Gauge,
  ) {}

  /** The offsets to seek the assigned partitions to, or 'refuse'. */
  async resume(groupId: string, log: TopicLog, assigned: readonly number[]): Promise<ReadonlyMap<number, string> | 'refuse'> {
    const stored = await this.offsets.loadTopic(groupId, log.topic);
    const verdict = checkStoredOffsets(stored, log);
    this.refusedGauge.set({ topic: log.topic }, verdict.mismatches.length);
    if (verdict.mismatches.length > 0) {
      this.refused.set(log.topic, verdict.mismatches);
      this.logger.error(
        { topic: log.topic, group: groupId, brokerCluster: log.clusterId, mismatches: verdict.mismatches, command: RESEED_COMMAND },
        `stored offsets of ${log.topic} do not point into the broker's log (${describeMismatches(verdict.mismatches)}): ` +
          `nothing of the topic is applied; if the broker's data was rebuilt or the topic recreated, run \`${RESEED_COMMAND}\` and restart the aggregators`,
      );
      return 'refuse';
    }
    this.refused.delete(log.topic);
    if (verdict.unidentified.length > 0) await this.offsets.adoptCluster(groupId, log.topic, log.clusterId);
    const wanted = new Set(assigned);
    return new Map(stored.filter((row) => wanted.has(row.partition)).map((row) => [row.partition, row.nextOffset]));
  }

  check() {
    const offsets = this.indicator.check('consumerOffsets');
    if (this.refused.size === 0) return offsets.up();
    return offsets.down({
      message: `stored offsets refused; run ${RESEED_COMMAND}`,
      topics: Object.fromEntries([...this.refused].map(([topic, mismatches]) => [topic, describeMismatches(mismatches)])),
    });
  }
}
