import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { REFERRAL_ACTIONS } from '../event.types';
import { EventEnvelopeDto } from './event-envelope.dto';
import { idField } from './fields';
import { EVENT_LIMITS } from './limits';
import { PersonDto } from './person.dto';
import { IsAction, IsCleanText, IsEventType, RequiredUnlessVoided, Rules } from './validators';

/**
 * One step of a two-way referral (双向转诊). Direction (上转/下转) follows from the registered levels of
 * the two institutions, so the ids must be registered ones; the person is optional because the
 * referral indicators count referrals, not people.
 */
export class ReferralEventDto extends EventEnvelopeDto {
  static override readonly personDto = PersonDto;

  @Rules(IsDefined(), IsEventType('referral')) type: 'referral';
  @Rules(IsDefined(), IsAction(REFERRAL_ACTIONS)) action: (typeof REFERRAL_ACTIONS)[number];

  /** Links the steps (initiated → accepted → completed) of one referral. */
  @Rules(RequiredUnlessVoided(), IsDefined(), idField()) referralId: string;
  @Rules(RequiredUnlessVoided(), IsDefined(), idField()) fromInstitutionId: string;
  @Rules(RequiredUnlessVoided(), IsDefined(), idField()) toInstitutionId: string;

  @Rules(IsOptional(), IsString(), MaxLength(EVENT_LIMITS.reasonLength), IsCleanText({ multiline: true }))
  reason?: string;

  @Rules(IsOptional(), IsObject(), ValidateNested(), Type(() => PersonDto))
  person?: PersonDto;
}
