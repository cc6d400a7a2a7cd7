import type { TopicLog } from '@lib/kafka';
import { checkStoredOffsets, describeMismatches, StoredOffset } from './stored-offsets';

const log = (clusterId: string, ...partitions: Array<[start: number, end: number]>): TopicLog => ({
  topic: 'health.events.v1',
  clusterId,
  partitions: partitions.map(([start, end], partition) => ({ partition, start: String(start), end: String(end) })),
});
const row = (partition: number, nextOffset: number, clusterId: string | null = 'A'): StoredOffset => ({ partition, nextOffset: String(nextOffset), clusterId });

describe('checkStoredOffsets', () => {
  it('accepts offsets inside each partition’s log, its start and end included', () => {
    expect(checkStoredOffsets([row(0, 0), row(1, 5), row(2, 9)], log('A', [0, 10], [0, 5], [9, 9]))).toEqual({ mismatches: [], unidentified: [] });
  });

  it('accepts a topic with nothing stored (a new group starts at the beginning)', () => {
    expect(checkStoredOffsets([], log('A', [0, 10]))).toEqual({ mismatches: [], unidentified: [] });
  });

  it('refuses offsets past the log end: the topic was recreated or the broker’s data lost', () => {
    const verdict = checkStoredOffsets([row(0, 3), row(1, 120), row(2, 88)], log('A', [0, 4], [0, 4], [0, 2]));
    expect(verdict.mismatches).toEqual([
      { partition: 1, problem: 'beyond-log-end', stored: '120', broker: '4' },
      { partition: 2, problem: 'beyond-log-end', stored: '88', broker: '2' },
    ]);
  });

  it('refuses offsets below the log start: messages expired before they were applied', () => {
    expect(checkStoredOffsets([row(0, 10)], log('A', [11, 40])).mismatches).toEqual([{ partition: 0, problem: 'below-log-start', stored: '10', broker: '11' }]);
  });

  it('refuses offsets of another cluster even when their numbers fit the log', () => {
    expect(checkStoredOffsets([row(0, 3), row(1, 0, null)], log('B', [0, 50], [0, 50])).mismatches).toEqual([
      { partition: 0, problem: 'other-cluster', stored: 'A', broker: 'B' },
    ]);
  });

  it('lets rows stored before the cluster was recorded adopt it, their offsets still checked', () => {
    expect(checkStoredOffsets([row(0, 3, null), row(1, 4)], log('A', [0, 5], [0, 5]))).toEqual({ mismatches: [], unidentified: [0] });
    expect(checkStoredOffsets([row(0, 9, null)], log('A', [0, 5])).mismatches).toEqual([{ partition: 0, problem: 'beyond-log-end', stored: '9', broker: '5' }]);
  });

  it('refuses a stored partition the topic no longer has', () => {
    expect(checkStoredOffsets([row(3, 0)], log('A', [0, 1])).mismatches).toEqual([
      { partition: 3, problem: 'no-such-partition', stored: '0', broker: '1 partitions' },
    ]);
  });

  it('compares 64-bit offsets exactly', () => {
    const big = '9007199254740993'; // 2^53 + 1: a Number would round it to 2^53
    expect(
      checkStoredOffsets([{ partition: 0, nextOffset: big, clusterId: 'A' }], {
        topic: 't',
        clusterId: 'A',
        partitions: [{ partition: 0, start: '0', end: '9007199254740992' }],
      }).mismatches,
    ).toHaveLength(1);
  });
});

describe('describeMismatches', () => {
  it('groups the partitions by problem, with stored and broker values', () => {
    expect(
      describeMismatches([
        { partition: 1, problem: 'beyond-log-end', stored: '120', broker: '4' },
        { partition: 2, problem: 'beyond-log-end', stored: '88', broker: '2' },
        { partition: 5, problem: 'below-log-start', stored: '1', broker: '7' },
      ]),
    ).toBe('beyond-log-end: p1 stored 120 > log end 4, p2 stored 88 > log end 2; below-log-start: p5 stored 1 < log start 7');
  });

  it('names a pair of clusters once, with its partitions', () => {
    expect(
      describeMismatches([
        { partition: 0, problem: 'other-cluster', stored: 'A', broker: 'B' },
        { partition: 1, problem: 'other-cluster', stored: 'A', broker: 'B' },
      ]),
    ).toBe('other-cluster: stored cluster A, broker cluster B (p0, p1)');
  });
});
