import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { VACCINATION_ACTIONS, VACCINE_CODES, VaccineCode } from '../event.types';
import { EventEnvelopeDto } from './event-envelope.dto';
import { codeField, integerField } from './fields';
import { EVENT_LIMITS } from './limits';
import { VaccineePersonDto } from './person.dto';
import { IsAction, IsEventType, RequiredUnlessVoided, Rules } from './validators';

/** One dose of the national immunisation programme (国家免疫规划); coverage is per birth cohort. */
export class VaccinationEventDto extends EventEnvelopeDto {
  static override readonly personDto = VaccineePersonDto;

  @Rules(IsDefined(), IsEventType('vaccination')) type: 'vaccination';
  @Rules(IsDefined(), IsAction(VACCINATION_ACTIONS)) action: (typeof VACCINATION_ACTIONS)[number];

  @Rules(RequiredUnlessVoided(), IsDefined(), IsObject(), ValidateNested(), Type(() => VaccineePersonDto))
  person: VaccineePersonDto;

  @Rules(RequiredUnlessVoided(), IsDefined(), codeField(VACCINE_CODES)) vaccine: VaccineCode;

  /** Dose number in the schedule, from 1. */
  @Rules(RequiredUnlessVoided(), IsDefined(), integerField(), Min(1), Max(EVENT_LIMITS.maxDose)) dose: number;
}
