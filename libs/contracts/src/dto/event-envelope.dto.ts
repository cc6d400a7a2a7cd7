import { IsBoolean, IsDefined, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { idField, integerField } from './fields';
import { EVENT_ID_PATTERN, EVENT_LIMITS } from './limits';
import { PersonDtoClass } from './person.dto';
import { IsFreeOfIdNumbers, IsOffsetTimestamp, Rules } from './validators';

/**
 * Fields every event has, voided or not (CONTRACT.md "Event"). `type` and `action` are declared by
 * each event DTO, which knows its own actions. Used alone only to report envelope errors of an event
 * whose `type` is unknown.
 */
export class EventEnvelopeDto {
  /** Which person rules apply to this event type; `undefined` for the bare envelope. */
  static readonly personDto?: PersonDtoClass;

  @Rules(
    IsDefined(),
    IsString(),
    MaxLength(EVENT_LIMITS.eventIdLength),
    Matches(EVENT_ID_PATTERN, { message: '$property may contain only letters, digits and . _ : -' }),
    IsFreeOfIdNumbers(),
  )
  eventId: string;

  /** An amendment resends the same `eventId` with a higher version. */
  @Rules(IsOptional(), integerField(), Min(1), Max(EVENT_LIMITS.maxVersion))
  version: number = 1;

  /** `true` withdraws the event (sent with a higher version). */
  @Rules(IsOptional(), IsBoolean())
  voided: boolean = false;

  @Rules(IsDefined(), idField())
  institutionId: string;

  @Rules(IsDefined(), IsString(), MaxLength(EVENT_LIMITS.timestampLength), IsOffsetTimestamp())
  occurredAt: string;
}

export type EventDtoClass = (new () => EventEnvelopeDto) & { readonly personDto?: PersonDtoClass };
