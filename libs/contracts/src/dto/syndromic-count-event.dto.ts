import 'reflect-metadata';
import { IsDefined, IsString, Max, MaxLength, Min } from 'class-validator';
import { SYNDROMIC_COUNT_ACTIONS } from '../event.types';
import { EventEnvelopeDto } from './event-envelope.dto';
import { integerField } from './fields';
import { EVENT_LIMITS } from './limits';
import { IsAction, IsCalendarDate, IsEventType, RequiredUnlessVoided, Rules } from './validators';

const countField = () => Rules(RequiredUnlessVoided(), IsDefined(), integerField(), Min(0), Max(EVENT_LIMITS.maxDailyCount));

/**
 * One day's counts of a fever clinic (发热门诊) or influenza sentinel site (流感哨点医院). No person:
 * counts only. That `occurredAt` falls on `date` and that ILI and fever-clinic visits are among the
 * outpatient visits is checked in check-context, where the fields are known to be clean.
 */
export class SyndromicCountEventDto extends EventEnvelopeDto {
  @Rules(IsDefined(), IsEventType('syndromic_count')) type: 'syndromic_count';
  @Rules(IsDefined(), IsAction(SYNDROMIC_COUNT_ACTIONS)) action: (typeof SYNDROMIC_COUNT_ACTIONS)[number];

  /** The CST day counted. */
  @Rules(RequiredUnlessVoided(), IsDefined(), IsString(), MaxLength(EVENT_LIMITS.dateLength), IsCalendarDate()) date: string;

  @countField() feverClinicVisits: number;
  /** 流感样病例 (ILI): fever ≥ 38 °C with cough or sore throat. */
  @countField() iliCases: number;
  /** All outpatient and emergency visits of the site that day (the ILI percentage's denominator). */
  @countField() outpatientVisits: number;
}
