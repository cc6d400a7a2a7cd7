import { parseRegionCode } from './region-code';
import type { Region, RegionLevel, SupersededRegion } from './registry.types';
import { currentRegionCode, supersededMap } from './superseded-regions';

/**
 * The registered regions held in memory: what ingest needs to map a residence code to a current,
 * known county, and what query needs to scope a bureau and drill down. Built once from the
 * `regions` and `superseded_regions` rows; it uses the stored parents (not the code's shape), so
 * a province-administered county or any other irregular case is whatever the operator registered.
 */
export class RegionDirectory {
  private readonly byCode = new Map<string, Region>();
  private readonly children = new Map<string, Region[]>();
  private readonly superseded: Map<string, string>;

  constructor(regions: readonly Region[], superseded: readonly SupersededRegion[] = []) {
    for (const r of regions) {
      if (!parseRegionCode(r.code)) throw new Error(`malformed region code ${r.code}`);
      if (this.byCode.has(r.code)) throw new Error(`region ${r.code} registered twice`);
      this.byCode.set(r.code, r);
    }
    for (const r of regions) {
      if (r.parentCode === null) continue;
      if (!this.byCode.has(r.parentCode)) throw new Error(`region ${r.code} has unregistered parent ${r.parentCode}`);
      const siblings = this.children.get(r.parentCode) ?? [];
      siblings.push(r);
      this.children.set(r.parentCode, siblings);
    }
    for (const r of regions) this.ancestorsOf(r.code); // rejects parent cycles at construction
    this.superseded = supersededMap(superseded);
    for (const s of superseded) {
      if (this.byCode.has(s.oldCode)) throw new Error(`superseded code ${s.oldCode} is still registered as a region`);
      if (!this.byCode.has(currentRegionCode(s.oldCode, this.superseded))) {
        throw new Error(`superseded code ${s.oldCode} maps to unregistered ${s.currentCode}`);
      }
    }
  }

  get(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  all(): Region[] {
    return [...this.byCode.values()];
  }

  /**
   * The registered region a code means today: itself, or what it was superseded by.
   * `undefined` when neither (ingest rejects with `unknown_region`).
   */
  resolve(code: string): Region | undefined {
    return this.byCode.get(currentRegionCode(code, this.superseded));
  }

  /** Whether the code is an old one that maps to a current region (worth a warning, not a rejection). */
  isSuperseded(code: string): boolean {
    return this.superseded.has(code);
  }

  parentOf(code: string): Region | undefined {
    const parent = this.byCode.get(code)?.parentCode;
    return parent ? this.byCode.get(parent) : undefined;
  }

  /** Registered ancestors nearest first (county → city → province). Unknown code: []. */
  ancestorsOf(code: string): Region[] {
    const out: Region[] = [];
    const seen = new Set<string>([code]);
    for (let p = this.parentOf(code); p; p = this.parentOf(p.code)) {
      if (seen.has(p.code)) throw new Error(`region parents form a cycle at ${p.code}`);
      seen.add(p.code);
      out.push(p);
    }
    return out;
  }

  /** Bureau scoping: whether `code` is `scope` or lies under it. Superseded codes are resolved first. */
  isWithin(code: string, scope: string): boolean {
    const region = this.resolve(code);
    if (!region || !this.byCode.has(scope)) return false;
    return region.code === scope || this.ancestorsOf(region.code).some((a) => a.code === scope);
  }

  childrenOf(code: string): Region[] {
    return [...(this.children.get(code) ?? [])];
  }

  /** Every registered region of `level` in `scope`'s subtree (the scope itself included when it matches). */
  descendantsAt(scope: string, level: RegionLevel): Region[] {
    const out: Region[] = [];
    const walk = (r: Region): void => {
      if (r.level === level) out.push(r);
      for (const c of this.children.get(r.code) ?? []) walk(c);
    };
    const root = this.byCode.get(scope);
    if (root) walk(root);
    return out;
  }
}
