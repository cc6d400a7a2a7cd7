import { Injectable } from '@nestjs/common';
import { RegistrySnapshot } from '@lib/registry-store';
import type { StaleFeed } from '@lib/targets-store';
import { AlertingSettings } from '../settings/alerting-settings';
import { InstitutionFeedsRepository } from './institution-feeds.repository';
import { WorkingCalendarService } from '../calendar/working-calendar.service';
import { isFeedStale } from './feed-silence';

export interface FeedState {
  institutionId: string;
  county: string;
  stale: boolean;
  feed: StaleFeed;
}

/** Which institutions have gone quiet (judged in working hours, CST, on the working calendar), by county. */
@Injectable()
export class FeedStaleness {
  constructor(
    private readonly feeds: InstitutionFeedsRepository,
    private readonly registry: RegistrySnapshot,
    private readonly settings: AlertingSettings,
    private readonly calendar: WorkingCalendarService,
  ) {}

  /** Every known feed with its state. Institutions that never reported are not judged: not onboarded is not silent. */
  async states(now: Date): Promise<FeedState[]> {
    if (this.settings.feedStaleAfterHours <= 0) return [];
    const calendar = await this.calendar.calendarAt(now);
    const out: FeedState[] = [];
    for (const activity of await this.feeds.all()) {
      const institution = this.registry.institution(activity.institutionId);
      if (!institution || !institution.active || institution.type === 'out_of_network') continue;
      out.push({
        institutionId: institution.id,
        county: institution.county,
        stale: isFeedStale(activity.lastReceivedAt, now, this.settings.feedStaleAfterHours, this.settings.workingSchedule, calendar),
        feed: { institutionId: institution.id, name: institution.name, lastReceivedAt: activity.lastReceivedAt.toISOString() },
      });
    }
    return out;
  }

  /** Stale feeds by county (what indicator alerts of that county, or of its city, mention). */
  static byCounty(states: readonly FeedState[]): Map<string, StaleFeed[]> {
    const map = new Map<string, StaleFeed[]>();
    for (const state of states) {
      if (!state.stale) continue;
      map.set(state.county, [...(map.get(state.county) ?? []), state.feed]);
    }
    return map;
  }
}
