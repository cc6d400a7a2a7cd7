import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { PERSON_ID_TYPES, PersonIdType, SEXES, Sex } from '../event.types';
import { EVENT_LIMITS } from './limits';
import { IsCalendarDate, IsCode, IsPersonId, IsRegionCode, Rules } from './validators';

/**
 * The subject person. Which details are required depends on what the event feeds: indicators
 * attributed to the residence county need `residenceRegion`, cohort and age-band indicators need
 * `birthDate`, the two-cancer screenings need `sex` (DOMAIN.md). Hence one class per requirement,
 * composed from the same field rules rather than inherited and overridden (class-validator merges
 * inherited rules per kind, which makes "optional here, required there" easy to get wrong).
 */

const sexField = () => Rules(IsString(), IsCode(SEXES));
const birthDateField = () => Rules(IsString(), MaxLength(EVENT_LIMITS.dateLength), IsCalendarDate());
const residenceRegionField = () => Rules(IsString(), IsRegionCode());

/** Identifier fields, the same for every event type. */
export abstract class PersonIdentityDto {
  /** Clear identifier on the raw side (pseudonymised by ingest before anything is stored or forwarded). */
  @Rules(IsDefined(), IsString(), MaxLength(EVENT_LIMITS.personIdLength), IsPersonId())
  id: string;

  /** Defaults to `resident_id`, the only kind with a checksum. */
  @Rules(IsOptional(), IsString(), IsCode(PERSON_ID_TYPES))
  idType?: PersonIdType;
}

/** Only the identifier is required (referral parties, voided events). */
export class PersonDto extends PersonIdentityDto {
  @Rules(IsOptional(), sexField()) sex?: Sex;
  @Rules(IsOptional(), birthDateField()) birthDate?: string;
  @Rules(IsOptional(), residenceRegionField()) residenceRegion?: string;
}

/** A resident counted in the indicators of the county where they live (visits, family doctor, chronic disease). */
export class ResidentPersonDto extends PersonIdentityDto {
  @Rules(IsOptional(), sexField()) sex?: Sex;
  @Rules(IsOptional(), birthDateField()) birthDate?: string;
  @Rules(IsDefined(), residenceRegionField()) residenceRegion: string;
}

/** A vaccinated child: coverage is by birth cohort (接种率 per birth year) and residence county. */
export class VaccineePersonDto extends PersonIdentityDto {
  @Rules(IsOptional(), sexField()) sex?: Sex;
  @Rules(IsDefined(), birthDateField()) birthDate: string;
  @Rules(IsDefined(), residenceRegionField()) residenceRegion: string;
}

/** A screened person: two-cancer coverage counts women aged 35–64 on the screening date (两癌筛查). */
export class ScreenedPersonDto extends PersonIdentityDto {
  @Rules(IsDefined(), sexField()) sex: Sex;
  @Rules(IsDefined(), birthDateField()) birthDate: string;
  @Rules(IsDefined(), residenceRegionField()) residenceRegion: string;
}

export type PersonDtoClass = new () => PersonIdentityDto;
