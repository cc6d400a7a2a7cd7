import { isClassAManaged } from '@lib/contracts';
import { Signal } from './signal.types';

export interface FixedThresholdParams {
  /** Diseases the operator also wants alerted on their first case (CIDARS lists e.g. polio, diphtheria). */
  listedDiseases?: readonly string[];
}

/**
 * Fixed threshold (固定阈值法): one case of 甲类 (or 乙类甲管) or of an operator-listed disease is red at
 * once. `null` when the disease is not judged this way (then the moving percentile or EARS applies).
 */
export function fixedThreshold(disease: string, windowCount: number, params: FixedThresholdParams = {}): Signal | null {
  if (!isClassAManaged(disease) && !(params.listedDiseases ?? []).includes(disease)) return null;
  return { method: 'fixed_threshold', level: windowCount >= 1 ? 'red' : 'none', observed: windowCount, thresholds: { yellow: null, red: 1 } };
}
