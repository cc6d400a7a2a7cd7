import { ApiError } from '@lib/platform';
import type { RegistrySnapshot } from '@lib/registry-store';

/**
 * A bureau reads only its own region's subtree: a county bureau asking about another county (or an
 * institution located there) is refused, whatever the endpoint. Returns the region's current code
 * (superseded codes resolve), or the institution id.
 */
export function regionInScope(registry: RegistrySnapshot, region: string, scope: string): string {
  const institution = registry.institution(region);
  const code = institution ? institution.county : registry.regions.resolve(region)?.code;
  if (!code) throw new ApiError('unknown_region', `Region or institution ${region} is not registered`);
  if (!registry.regions.isWithin(code, scope)) {
    throw new ApiError('out_of_scope', `This token may read ${scope} and the regions under it only`);
  }
  return institution ? institution.id : code;
}
