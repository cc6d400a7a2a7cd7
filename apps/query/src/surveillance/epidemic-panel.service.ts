import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@lib/database';
import { addDays, cstDayOf } from '@lib/periods';
import { RegistrySnapshot } from '@lib/registry-store';
import { DailyCases, daysToRead } from '@lib/surveillance';
import { AlertsRepository } from '@lib/targets-store';
import { EpidemicPanel, epidemicPanel, OpenOutbreak, PANEL_DAYS } from './epidemic-panel';

/** The epidemic panel of a region's counties from the `disease_cases` day counters and the open outbreak alerts. */
@Injectable()
export class EpidemicPanels {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly registry: RegistrySnapshot,
    private readonly alerts: AlertsRepository,
  ) {}

  async panel(region: string, now: Date): Promise<EpidemicPanel & { counties: { region: string; name: string }[] }> {
    const counties = this.registry.regions.descendantsAt(region, 'county').map((r) => ({ region: r.code, name: r.name }));
    const codes = counties.map((c) => c.region);
    const today = cstDayOf(now);
    const { series, baseline } = daysToRead(today);
    const panelDays = Array.from({ length: PANEL_DAYS }, (_, i) => addDays(today, i - PANEL_DAYS + 1));
    const days = [...new Set([...panelDays, ...series, ...baseline.flat()])];
    const [{ rows }, open] = await Promise.all([
      this.pool.query<DailyCases>(
        `SELECT region AS county, substr(dims, 9) AS disease, period AS day, value::int AS cases
         FROM indicator_counter_values
         WHERE indicator = 'disease_cases' AND measure = 'value' AND level = 'county' AND region = ANY($1::text[])
           AND period = ANY($2::text[]) AND value > 0`,
        [codes, days],
      ),
      this.alerts.list({ state: 'open', bureaus: codes, indicator: 'disease_cases' }),
    ]);
    const outbreaks: OpenOutbreak[] = open
      .filter((a) => a.kind === 'outbreak' && (a.status === 'red' || a.status === 'yellow'))
      .map((a) => ({
        county: a.region,
        disease: a.dims.replace(/^disease=/, ''),
        state: a.state as OpenOutbreak['state'],
        status: a.status as OpenOutbreak['status'],
      }));
    return { ...epidemicPanel(today, codes, rows, outbreaks), counties };
  }
}
