import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { VISIT_ACTIONS } from '../event.types';
import { EventEnvelopeDto } from './event-envelope.dto';
import { booleanField, numberField } from './fields';
import { EVENT_LIMITS } from './limits';
import { ResidentPersonDto } from './person.dto';
import { IsAction, IsEventType, RequiredUnlessVoided, Rules } from './validators';

/** Outpatient, emergency, admission or discharge (县域就诊率, 基层就诊率, 次均费用, 中医药占比). */
export class VisitEventDto extends EventEnvelopeDto {
  static override readonly personDto = ResidentPersonDto;

  @Rules(IsDefined(), IsEventType('visit')) type: 'visit';
  @Rules(IsDefined(), IsAction(VISIT_ACTIONS)) action: (typeof VISIT_ACTIONS)[number];

  @Rules(RequiredUnlessVoided(), IsDefined(), IsObject(), ValidateNested(), Type(() => ResidentPersonDto))
  person: ResidentPersonDto;

  /** Total cost in yuan (次均费用). */
  @Rules(IsOptional(), numberField(), Min(0), Max(EVENT_LIMITS.maxCostYuan))
  cost?: number;

  /** A TCM prescription was given (中医药处方). */
  @Rules(IsOptional(), booleanField()) tcmPrescription?: boolean;

  /** A TCM non-drug therapy was given (中医非药物疗法). */
  @Rules(IsOptional(), booleanField()) tcmNonDrugTherapy?: boolean;
}
