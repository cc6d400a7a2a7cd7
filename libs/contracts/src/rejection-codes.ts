/**
 * Machine-readable reasons for rejecting an event (CONTRACT.md: `rejected` with `errors`).
 * Integrators branch on `code`; `message` is for humans and may be reworded, codes may not.
 * Adding a code is a contract addition; renaming or dropping one needs a new contract version.
 */
export const REJECTION_CODES = [
  // Shape of the JSON
  'invalid_type',
  'missing_field',
  'unknown_field',
  'invalid_value',
  'too_long',
  'too_many_items',
  // Vocabularies of the contract
  'unknown_event_type',
  'unknown_action',
  'unknown_code',
  // Time
  'invalid_timestamp',
  'future_timestamp',
  'too_old',
  // Registry (institutions and regions as registered by the operator)
  'unknown_institution',
  'inactive_institution',
  'unknown_region',
  'same_institution',
  // Person identifiers
  'invalid_id_number',
  'personal_data_in_identifier',
  // Referrals
  'not_a_referral_party',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

/** One reason an event was rejected. `path` is a dotted JSON path (`person.residenceRegion`), `''` for the event itself. */
export interface EventError {
  path: string;
  code: RejectionCode;
  /** English, for people; never contains submitted values (person identifiers must not reach logs). */
  message: string;
}

/** One line per code, for API documentation and integrator guides. */
export const REJECTION_CODE_MEANINGS: Readonly<Record<RejectionCode, string>> = {
  invalid_type: 'The value has the wrong JSON type (e.g. a number where a string is expected), or the event is not a JSON object.',
  missing_field: 'A required field is absent or null.',
  unknown_field: 'The field is not part of the contract; remove it (typos are caught here).',
  invalid_value: 'The value has the right type but is out of range or malformed (e.g. dose 0, a 5-digit region code).',
  too_long: 'The string is longer than the contract allows.',
  too_many_items: 'The array has more items than the contract allows.',
  unknown_event_type: '`type` is not one of the event types of the contract.',
  unknown_action: '`action` is not allowed for this event type.',
  unknown_code: 'The value is not in the code list of the field (vaccine, screening programme, priority group, ...).',
  invalid_timestamp: 'Not an ISO 8601 date-time with offset (or, for dates, not a valid YYYY-MM-DD calendar date).',
  future_timestamp: 'The time or date lies in the future beyond the allowed clock skew.',
  too_old: 'The event happened before the accepted horizon.',
  unknown_institution: 'The institution is not registered.',
  inactive_institution: 'The institution is registered but no longer active.',
  unknown_region: 'The region code is not a registered region.',
  same_institution: 'A referral must go between two different institutions.',
  invalid_id_number: 'The person identifier fails its format check (for resident IDs: GB 11643 check digit or embedded birth date).',
  personal_data_in_identifier:
    'An identifier field (eventId, institutionId, referralId, the referral parties, teamId) holds a resident ID number (GB 11643, 15 or 18 characters); identifiers must carry no personal data.',
  not_a_referral_party: 'The reporting institution is neither fromInstitutionId nor toInstitutionId of the referral; only a party may report it.',
};
