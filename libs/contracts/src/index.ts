/** `@lib/contracts`: event contract v1 — types, DTOs, examples and the pure validator. */
export * from './event.types';
export { eventKey, eventVersionKey } from './event-identity';
export type { EventIdentity, EventVersionIdentity } from './event-identity';
export * from './rejection-codes';
export * from './notifiable-diseases';
export * from './validation-context';
export { validateEvent, MAX_REPORTED_ERRORS } from './validate-event';
export {
  isValidResidentId,
  isValidPersonId,
  residentIdCheckChar,
  normalizePersonId,
  containsResidentIdNumber,
  hasIdLikeRun,
  maskIdNumbers,
} from './resident-id';
export { canonicalPerson } from './canonical-person';
export { parseOffsetTimestamp, isCalendarDateString, chinaDateOf } from './timestamps';
export { CODE_BY_CONSTRAINT } from './constraint-codes';
export { EVENT_LIMITS, EVENT_ID_PATTERN } from './dto/limits';
export { EventEnvelopeDto } from './dto/event-envelope.dto';
export { PersonDto, ResidentPersonDto, VaccineePersonDto, ScreenedPersonDto } from './dto/person.dto';
export { VisitEventDto } from './dto/visit-event.dto';
export { ReferralEventDto } from './dto/referral-event.dto';
export { VaccinationEventDto } from './dto/vaccination-event.dto';
export { ScreeningEventDto } from './dto/screening-event.dto';
export { FamilyDoctorEventDto } from './dto/family-doctor-event.dto';
export { ChronicFollowupEventDto } from './dto/chronic-followup-event.dto';
export { DiseaseReportEventDto } from './dto/disease-report-event.dto';
export { SyndromicCountEventDto } from './dto/syndromic-count-event.dto';
export { EVENT_DTO_BY_TYPE } from './dto/event-dto-by-type';
export * from './examples';
export { RAW_SIGNATURE_HEADERS, rawSignature, rawSignatureHeaders, rawSigningKey, signaturesMatch } from './raw-signature';
export { EVENT_HEADERS, RECORD_SCHEMA_VERSION, canonicalEventHeaders, deadLetterHeaders } from './event-headers';
export type { DeadLetterHeaderFacts } from './event-headers';
export { datedBefore } from './dated-examples';
export { EVENT_SCHEMA_NAMES, eventSchemas } from './event-json-schema';
export type { JsonSchema } from './event-json-schema';
