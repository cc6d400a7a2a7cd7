import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { CHRONIC_CONDITIONS, CHRONIC_FOLLOWUP_ACTIONS, ChronicCondition } from '../event.types';
import { EventEnvelopeDto } from './event-envelope.dto';
import { booleanField, codeField } from './fields';
import { ResidentPersonDto } from './person.dto';
import { IsAction, IsEventType, RequiredUnlessVoided, RequiredWhen, Rules } from './validators';

/**
 * Registration of a chronic-disease patient or a face-to-face follow-up (规范管理, 控制率). `controlled`
 * is required on follow-ups because the control rate reads the last one; a registration may carry it.
 */
export class ChronicFollowupEventDto extends EventEnvelopeDto {
  static override readonly personDto = ResidentPersonDto;

  @Rules(IsDefined(), IsEventType('chronic_followup')) type: 'chronic_followup';
  @Rules(IsDefined(), IsAction(CHRONIC_FOLLOWUP_ACTIONS)) action: (typeof CHRONIC_FOLLOWUP_ACTIONS)[number];

  @Rules(RequiredUnlessVoided(), IsDefined(), IsObject(), ValidateNested(), Type(() => ResidentPersonDto))
  person: ResidentPersonDto;

  @Rules(RequiredUnlessVoided(), IsDefined(), codeField(CHRONIC_CONDITIONS)) condition: ChronicCondition;

  /** Blood pressure / glucose / condition under control at this follow-up. */
  @Rules(RequiredWhen((event) => event.action === 'followup'), IsDefined(), booleanField()) controlled?: boolean;
}
