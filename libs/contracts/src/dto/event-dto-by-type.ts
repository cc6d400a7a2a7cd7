import { EventType } from '../event.types';
import { ChronicFollowupEventDto } from './chronic-followup-event.dto';
import { DiseaseReportEventDto } from './disease-report-event.dto';
import { EventDtoClass } from './event-envelope.dto';
import { FamilyDoctorEventDto } from './family-doctor-event.dto';
import { ReferralEventDto } from './referral-event.dto';
import { ScreeningEventDto } from './screening-event.dto';
import { SyndromicCountEventDto } from './syndromic-count-event.dto';
import { VaccinationEventDto } from './vaccination-event.dto';
import { VisitEventDto } from './visit-event.dto';

/** The discriminator: `type` picks the DTO whose rules apply. */
export const EVENT_DTO_BY_TYPE = {
  visit: VisitEventDto,
  referral: ReferralEventDto,
  vaccination: VaccinationEventDto,
  screening: ScreeningEventDto,
  family_doctor: FamilyDoctorEventDto,
  chronic_followup: ChronicFollowupEventDto,
  disease_report: DiseaseReportEventDto,
  syndromic_count: SyndromicCountEventDto,
} as const satisfies Record<EventType, EventDtoClass>;
