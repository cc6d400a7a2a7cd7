import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { SCREENING_ACTIONS, SCREENING_PROGRAMMES, SCREENING_RESULTS, ScreeningProgramme, ScreeningResult } from '../event.types';
import { EventEnvelopeDto } from './event-envelope.dto';
import { codeField } from './fields';
import { ScreenedPersonDto } from './person.dto';
import { IsAction, IsEventType, RequiredUnlessVoided, Rules } from './validators';

/** A screening (两癌 cervical/breast, newborn disease, congenital heart disease, lung function, early cancer). */
export class ScreeningEventDto extends EventEnvelopeDto {
  static override readonly personDto = ScreenedPersonDto;

  @Rules(IsDefined(), IsEventType('screening')) type: 'screening';
  @Rules(IsDefined(), IsAction(SCREENING_ACTIONS)) action: (typeof SCREENING_ACTIONS)[number];

  @Rules(RequiredUnlessVoided(), IsDefined(), IsObject(), ValidateNested(), Type(() => ScreenedPersonDto))
  person: ScreenedPersonDto;

  @Rules(RequiredUnlessVoided(), IsDefined(), codeField(SCREENING_PROGRAMMES)) programme: ScreeningProgramme;
  @Rules(RequiredUnlessVoided(), IsDefined(), codeField(SCREENING_RESULTS)) result: ScreeningResult;
}
