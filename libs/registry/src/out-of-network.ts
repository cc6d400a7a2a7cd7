import { DEFAULT_CARE_LEVEL } from './care-level';
import { outOfNetworkInstitutionId } from './institution-id';
import type { Institution, Region } from './registry.types';

/**
 * Out-of-network pseudo-institutions (DOMAIN.md, visits). A visit outside the reporting network
 * reaches 县域就诊率's denominator only through medical-insurance settlement (医保结算): the
 * insurance bureau reports it as a visit of a registered out-of-network institution located where
 * the visit happened. One per region is enough, because the indicators only need to know that
 * the visit was *not* in the resident's county:
 * - a province other than the home one: the visit left the province (省外就医);
 * - the home province: a hospital in the province that does not report (省内网络外就医).
 * Located at the province code, such a visit never lands in any county's numerator or in any
 * county's institution-attributed figures (基层就诊率, costs), yet it counts in the residence
 * county's denominator. An operator who wants finer attribution registers `OON-<county>` as well.
 */
export function outOfNetworkInstitution(region: Region, homeProvince: string): Institution {
  const where = region.code === homeProvince ? '省内网络外就医' : '异地就医';
  return {
    id: outOfNetworkInstitutionId(region.code),
    name: `医保结算·${region.name}${where}`,
    county: region.code,
    type: 'out_of_network',
    level: DEFAULT_CARE_LEVEL.out_of_network,
    active: true,
  };
}
