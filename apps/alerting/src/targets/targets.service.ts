import { Injectable } from '@nestjs/common';
import { ApiError } from '@lib/platform';
import type { Target } from '@lib/targets';
import { StoredTarget, TargetsRepository } from '@lib/targets-store';
import { demoTargets } from './demo-targets';
import type { TargetDto } from './target.dto';
import { targetProblems } from './target-validation';

@Injectable()
export class TargetsService {
  constructor(private readonly targets: TargetsRepository) {}

  /** All or nothing: one bad target refuses the whole PUT, naming each problem by item. */
  async put(items: readonly TargetDto[]): Promise<{ stored: number }> {
    const targets: (Target & { source: string })[] = items.map((t) => ({
      ...t,
      dims: t.dims ?? '',
      minDenominator: t.minDenominator ?? null,
      source: t.source ?? '',
    }));
    const errors = targets.flatMap((t, i) => targetProblems(t).map((message) => ({ path: `[${i}].${message.split(':')[0]}`, message })));
    if (errors.length > 0) throw new ApiError('invalid_targets', 'Some targets are invalid', { errors });
    return { stored: await this.targets.upsert(targets) };
  }

  list(year?: number): Promise<StoredTarget[]> {
    return year ? this.targets.forYears([year]) : this.targets.all();
  }

  async loadDemo(year: number): Promise<{ stored: number }> {
    return { stored: await this.targets.upsert(demoTargets(year)) };
  }
}
