import { parseRegionCode, regionLevel, structuralParent } from './region-code';
import { RegionDirectory } from './region-directory';
import type { Region, RegionLevel, SupersededRegion } from './registry.types';

/** What an operator posts to register a region (`POST /v1/admin/regions`). */
export interface RegionRegistration {
  code: unknown;
  name: unknown;
  level?: unknown;
  parentCode?: unknown;
}

/** What an operator posts to map an old code (`POST /v1/admin/superseded-regions`). */
export interface SupersededRegistration {
  oldCode: unknown;
  currentCode: unknown;
  oldName?: unknown;
  since?: unknown;
}

export interface RegionProblem {
  /** Index of the offending row in the posted list. */
  index: number;
  path: string;
  code: 'invalid' | 'unknown_region' | 'level_mismatch' | 'registry_conflict';
  message: string;
}

export type RegionsCheck = { ok: true; regions: Region[] } | { ok: false; problems: RegionProblem[] };
export type SupersededCheck = { ok: true; superseded: SupersededRegion[] } | { ok: false; problems: RegionProblem[] };

const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };

/**
 * The region a registration describes, with what the code's shape implies filled in: the level
 * (it must match the shape, as the table's check does) and the structural parent. An explicit
 * parent is for the irregular cases the shape gets wrong; it must sit above the region.
 */
export function regionFromRegistration(input: RegionRegistration, index = 0): { region?: Region; problems: RegionProblem[] } {
  const problems: RegionProblem[] = [];
  const problem = (path: string, code: RegionProblem['code'], message: string) => problems.push({ index, path, code, message });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) problem('name', 'invalid', 'name is required');
  if (!parseRegionCode(input.code)) {
    problem('code', 'invalid', `not a GB/T 2260 code: ${JSON.stringify(input.code)}`);
    return { problems };
  }
  const code = input.code as string;
  const level = regionLevel(code);
  if (input.level !== undefined && input.level !== null && input.level !== level) {
    problem('level', 'level_mismatch', `${code} is a ${level} by its code, not ${JSON.stringify(input.level)}`);
  }
  const parentCode = input.parentCode === undefined || input.parentCode === null ? structuralParent(code) : input.parentCode;
  if (parentCode !== null) {
    const parent = parseRegionCode(parentCode);
    if (level === 'province') problem('parentCode', 'invalid', 'a province has no parent');
    else if (!parent || LEVEL_RANK[parent.level] >= LEVEL_RANK[level]) {
      problem('parentCode', 'invalid', `parent ${JSON.stringify(parentCode)} must be a region above the ${level} ${code}`);
    }
  }
  if (problems.length > 0) return { problems };
  return { region: { code, name, level, parentCode: parentCode as string | null }, problems };
}

/**
 * Checks a batch against what is registered: every row well formed, parents registered or in the
 * batch, and the result still a consistent directory (no code both a region and superseded, no
 * cycle). The last check is the one RegistrySnapshot would otherwise fail on at its next refresh.
 */
export function checkRegionRegistrations(
  inputs: readonly RegionRegistration[],
  registered: RegionDirectory,
  superseded: readonly SupersededRegion[],
): RegionsCheck {
  const rows = inputs.map((input, index) => ({ index, ...regionFromRegistration(input, index) }));
  const problems = rows.flatMap((r) => r.problems);
  const batchCodes = new Set<string>();
  for (const { index, region } of rows) {
    if (!region) continue;
    if (batchCodes.has(region.code)) problems.push({ index, path: 'code', code: 'invalid', message: `${region.code} appears twice` });
    batchCodes.add(region.code);
  }
  for (const { index, region } of rows) {
    if (region?.parentCode && !batchCodes.has(region.parentCode) && !registered.has(region.parentCode)) {
      problems.push({ index, path: 'parentCode', code: 'unknown_region', message: `parent ${region.parentCode} is not registered` });
    }
  }
  const regions = rows.flatMap((r) => (r.region ? [r.region] : []));
  if (problems.length > 0) return { ok: false, problems };
  const merged = new Map(registered.all().map((r) => [r.code, r]));
  for (const r of regions) merged.set(r.code, r);
  const conflict = directoryConflict([...merged.values()], superseded);
  return conflict ? { ok: false, problems: [{ index: 0, path: '', code: 'registry_conflict', message: conflict }] } : { ok: true, regions };
}

/** Checks old → current mappings: well-formed codes, the current one registered, no cycle or clash. */
export function checkSupersededRegistrations(
  inputs: readonly SupersededRegistration[],
  registered: RegionDirectory,
  existing: readonly SupersededRegion[],
): SupersededCheck {
  const problems: RegionProblem[] = [];
  const superseded: SupersededRegion[] = [];
  inputs.forEach((input, index) => {
    const rowProblems: RegionProblem[] = [];
    if (!parseRegionCode(input.oldCode))
      rowProblems.push({ index, path: 'oldCode', code: 'invalid', message: `not a GB/T 2260 code: ${JSON.stringify(input.oldCode)}` });
    if (!parseRegionCode(input.currentCode))
      rowProblems.push({ index, path: 'currentCode', code: 'invalid', message: `not a GB/T 2260 code: ${JSON.stringify(input.currentCode)}` });
    else if (!registered.has(input.currentCode as string))
      rowProblems.push({ index, path: 'currentCode', code: 'unknown_region', message: `${String(input.currentCode)} is not registered` });
    if (input.oldName !== undefined && typeof input.oldName !== 'string')
      rowProblems.push({ index, path: 'oldName', code: 'invalid', message: 'oldName must be a string' });
    if (input.since !== undefined && !(Number.isInteger(input.since) && (input.since as number) >= 1980 && (input.since as number) <= 2200)) {
      rowProblems.push({ index, path: 'since', code: 'invalid', message: 'since must be a year between 1980 and 2200' });
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0) {
      superseded.push({
        oldCode: input.oldCode as string,
        currentCode: input.currentCode as string,
        oldName: input.oldName as string | undefined,
        since: input.since as number | undefined,
      });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const merged = new Map(existing.map((s) => [s.oldCode, s]));
  for (const s of superseded) merged.set(s.oldCode, s);
  const conflict = directoryConflict(registered.all(), [...merged.values()]);
  return conflict ? { ok: false, problems: [{ index: 0, path: '', code: 'registry_conflict', message: conflict }] } : { ok: true, superseded };
}

/** RegionDirectory's constructor holds every cross-row invariant; reuse it rather than restate them. */
function directoryConflict(regions: readonly Region[], superseded: readonly SupersededRegion[]): string | undefined {
  try {
    new RegionDirectory(regions, superseded);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
