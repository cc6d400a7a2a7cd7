import type { Target } from './target.types';

/**
 * The target that applies to a region: its own, else the default for its level (`default:county`).
 * Region-specific targets override level defaults (a mountain county may be given a lower figure).
 */
export function resolveTarget(targets: readonly Target[], indicator: string, region: string, level: string, year: number, dims: string): Target | undefined {
  const candidates = targets.filter((t) => t.indicator === indicator && t.year === year && t.dims === dims);
  return candidates.find((t) => t.scope === region) ?? candidates.find((t) => t.scope === `default:${level}`);
}
