import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CASE_CLASSIFICATIONS, CaseClassification, DISEASE_REPORT_ACTIONS } from '../event.types';
import { DISEASE_CODES } from '../notifiable-diseases';
import { EventEnvelopeDto } from './event-envelope.dto';
import { codeField } from './fields';
import { EVENT_LIMITS } from './limits';
import { ResidentPersonDto } from './person.dto';
import { IsAction, IsCalendarDate, IsEventType, IsOffsetTimestamp, RequiredWhen, Rules } from './validators';

/** Everything but a deletion states the case; a deletion (查重/误报) needs only the card's identity. */
const statesTheCase = (event: Record<string, unknown>) => event.action !== 'deleted';

/**
 * A notifiable-disease report card (传染病报告卡, 网络直报). Incidence is attributed to the patient's
 * current residence (现住址), hence `person.residenceRegion` is required. Dates are checked against
 * each other and the clock in check-context (onset ≤ diagnosis ≤ report).
 */
export class DiseaseReportEventDto extends EventEnvelopeDto {
  static override readonly personDto = ResidentPersonDto;

  @Rules(IsDefined(), IsEventType('disease_report')) type: 'disease_report';
  @Rules(IsDefined(), IsAction(DISEASE_REPORT_ACTIONS)) action: (typeof DISEASE_REPORT_ACTIONS)[number];

  @Rules(RequiredWhen(statesTheCase), IsDefined(), IsObject(), ValidateNested(), Type(() => ResidentPersonDto))
  person: ResidentPersonDto;

  /** Code of the national notifiable list (NOTIFIABLE_DISEASES); the class 甲/乙/丙 follows from it. */
  @Rules(RequiredWhen(statesTheCase), IsDefined(), codeField(DISEASE_CODES)) disease: string;

  @Rules(RequiredWhen(statesTheCase), IsDefined(), codeField(CASE_CLASSIFICATIONS)) classification: CaseClassification;

  /** 发病日期, a CST calendar date. */
  @Rules(RequiredWhen(statesTheCase), IsDefined(), IsString(), MaxLength(EVENT_LIMITS.dateLength), IsCalendarDate()) onsetDate: string;

  /** 诊断时间; the reporting limit (2 h for 甲类, 24 h otherwise) runs from here to the door's receipt. */
  @Rules(RequiredWhen(statesTheCase), IsDefined(), IsString(), MaxLength(EVENT_LIMITS.timestampLength), IsOffsetTimestamp())
  diagnosedAt: string;
}
