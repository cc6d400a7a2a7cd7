import type { Target } from '@lib/targets';
import type { Judgement } from '../lifecycle/lifecycle';
import type { AlertKey } from '@lib/targets-store';

/** An indicator cell to judge: what a change message names, or what the clock sweeps. */
export interface EvaluationCell {
  indicator: string;
  level: string;
  region: string;
  period: string;
  dims: string;
}

/** A judged key, ready for the lifecycle: the judgement, or `close` to end an open alert whatever the value. */
export interface AlertCandidate {
  key: AlertKey;
  bureau: string;
  target: Target | null;
  judgement: Judgement;
  close?: 'period_ended' | 'target_removed';
}

export function cellKey(cell: EvaluationCell): string {
  return [cell.indicator, cell.level, cell.region, cell.period, cell.dims].join('|');
}
