import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { FAMILY_DOCTOR_ACTIONS, PRIORITY_GROUPS, PriorityGroup, SERVICE_KINDS, ServiceKind } from '../event.types';
import { EventEnvelopeDto } from './event-envelope.dto';
import { codeField, idField } from './fields';
import { ResidentPersonDto } from './person.dto';
import { IsAction, IsCode, IsEventType, OnlyForAction, RequiredUnlessVoided, RequiredWhen, Rules } from './validators';

/** A family-doctor contract step or a service delivered (家庭医生签约服务, 上门服务). */
export class FamilyDoctorEventDto extends EventEnvelopeDto {
  static override readonly personDto = ResidentPersonDto;

  @Rules(IsDefined(), IsEventType('family_doctor')) type: 'family_doctor';
  @Rules(IsDefined(), IsAction(FAMILY_DOCTOR_ACTIONS)) action: (typeof FAMILY_DOCTOR_ACTIONS)[number];

  @Rules(RequiredUnlessVoided(), IsDefined(), IsObject(), ValidateNested(), Type(() => ResidentPersonDto))
  person: ResidentPersonDto;

  @Rules(RequiredUnlessVoided(), IsDefined(), idField()) teamId: string;

  /** The resident's priority groups (重点人群); each at most once, so the list is never longer than the code list. */
  @Rules(IsOptional(), IsArray(), ArrayMaxSize(PRIORITY_GROUPS.length), IsString({ each: true }), IsCode(PRIORITY_GROUPS, { each: true }), ArrayUnique())
  priorityGroups?: PriorityGroup[];

  /** What was delivered; only on `service`, where it is required (home visits are counted from it). */
  @Rules(RequiredWhen((event) => event.action === 'service'), IsDefined(), codeField(SERVICE_KINDS), OnlyForAction('service', FAMILY_DOCTOR_ACTIONS))
  serviceKind?: ServiceKind;
}
