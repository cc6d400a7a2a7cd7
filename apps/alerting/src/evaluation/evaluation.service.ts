import { Injectable } from '@nestjs/common';
import { parsePeriod, periodsOf } from '@lib/periods';
import { RegistrySnapshot } from '@lib/registry-store';
import { resolveTarget, Target } from '@lib/targets';
import { FeedStaleness, FeedState } from '../feeds/feed-staleness.service';
import { AlertingSettings } from '../settings/alerting-settings';
import { OutbreakDetection } from '../surveillance/outbreak-detection.service';
import { alertKeyString, AlertsRepository, TargetsRepository } from '@lib/targets-store';
import { AlertCandidate, cellKey, EvaluationCell } from './alert-candidate';
import { CellJudge } from './cell-judge.service';
import { EvaluationRun } from './evaluation-run';
import { sweepCells } from './sweep-cells';

/** The two ways alerts are judged: on changes (as they happen) and on the clock (time alone, period boundaries, repeats). */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly alerts: AlertsRepository,
    private readonly judge: CellJudge,
    private readonly feeds: FeedStaleness,
    private readonly registry: RegistrySnapshot,
    private readonly settings: AlertingSettings,
    private readonly run: EvaluationRun,
    private readonly outbreaks: OutbreakDetection,
  ) {}

  /** Cells named by change messages. Closed periods and granularities not judged are left out. */
  onChanges(cells: readonly EvaluationCell[], now: Date): Promise<number> {
    const live = dedupe(cells).filter((c) => this.settings.granularities.has(parsePeriod(c.period).granularity) && parsePeriod(c.period).end > now);
    // New cases are judged for outbreaks at once (a single cholera case is red within seconds).
    const cases = cells.some((c) => c.indicator === 'disease_cases');
    if (live.length === 0 && !cases) return Promise.resolve(0);
    return this.run.run(async () => {
      const years = [...new Set(live.map((c) => parsePeriod(c.period).year))];
      const [targets, feeds] = await Promise.all([this.targets.forYears(years), this.feeds.states(now)]);
      const judged = live.length > 0 ? await this.judge.judge(live, targets, FeedStaleness.byCounty(feeds), now) : [];
      return cases ? [...judged, ...(await this.outbreaks.candidates(now, await this.alerts.open()))] : judged;
    }, now);
  }

  /** Everything of the current year, every open alert, every feed. */
  sweep(now: Date): Promise<number> {
    return this.run.run(async () => {
      const year = Number(periodsOf(now).year);
      const [targets, open, feeds] = await Promise.all([this.targets.forYears([year]), this.alerts.open(), this.feeds.states(now)]);
      const cells = sweepCells(targets, this.regionsByLevel(), this.settings.granularities, now);
      const known = new Set(cells.map(cellKey));
      const closing: AlertCandidate[] = [];
      for (const alert of open.filter((a) => a.kind === 'indicator')) {
        if (parsePeriod(alert.period).end <= now)
          closing.push({ key: alert, bureau: alert.bureau, target: alert.target, judgement: asIs(alert), close: 'period_ended' });
        else if (!known.has(cellKey(alert))) cells.push(alert);
      }
      const judged = await this.judge.judge(cells, targets, FeedStaleness.byCounty(feeds), now);
      const outbreaks = await this.outbreaks.candidates(now, open);
      return [...judged, ...closing, ...this.removedTargets(open, targets, judged, now), ...this.feedCandidates(feeds, open), ...outbreaks];
    }, now);
  }

  /** Open alerts whose target was deleted end (nothing judges them any more). */
  private removedTargets(
    open: Awaited<ReturnType<AlertsRepository['open']>>,
    targets: readonly Target[],
    judged: AlertCandidate[],
    now: Date,
  ): AlertCandidate[] {
    const judgedKeys = new Set(judged.map((c) => alertKeyString(c.key)));
    return open
      .filter((a) => a.kind === 'indicator' && !judgedKeys.has(alertKeyString(a)))
      .filter((a) => parsePeriod(a.period).end > now && !resolveTarget(targets, a.indicator, a.region, a.level, parsePeriod(a.period).year, a.dims))
      .map((a) => ({ key: a, bureau: a.bureau, target: a.target, judgement: asIs(a), close: 'target_removed' as const }));
  }

  /** Stale feeds open (or keep) their alert; a feed heard from again resolves it. */
  private feedCandidates(feeds: readonly FeedState[], open: Awaited<ReturnType<AlertsRepository['open']>>): AlertCandidate[] {
    const openFeeds = new Set(open.filter((a) => a.kind === 'feed_stale').map((a) => a.region));
    return feeds
      .filter((f) => f.stale || openFeeds.has(f.institutionId))
      .map((f) => ({
        key: { kind: 'feed_stale' as const, indicator: 'feed_stale', dims: '', level: 'institution', region: f.institutionId, period: '' },
        bureau: f.county,
        target: null,
        judgement: {
          status: f.stale ? ('red' as const) : ('green' as const),
          expected: null,
          actual: null,
          gap: null,
          detail: { staleFeeds: [f.feed], lastReceivedAt: f.feed.lastReceivedAt },
        },
      }));
  }

  private regionsByLevel() {
    const directory = this.registry.regions;
    return {
      of: (level: string) =>
        directory
          .all()
          .filter((r) => r.level === level)
          .map((r) => r.code),
      levelOf: (region: string) => directory.get(region)?.level ?? (this.registry.institution(region) ? 'institution' : undefined),
    };
  }
}

function dedupe(cells: readonly EvaluationCell[]): EvaluationCell[] {
  return [...new Map(cells.map((c) => [cellKey(c), c])).values()];
}

/** A judgement that keeps an alert's last values (for closing it without a new reading). */
function asIs(alert: {
  status: AlertCandidate['judgement']['status'];
  expected: number | null;
  actual: number | null;
  gap: number | null;
  detail: AlertCandidate['judgement']['detail'];
}) {
  return { status: alert.status, expected: alert.expected, actual: alert.actual, gap: alert.gap, detail: alert.detail };
}
