import { ValidationTypes, getMetadataStorage } from 'class-validator';
import { CODE_BY_CONSTRAINT, decisiveConstraint } from './constraint-codes';
import { EventEnvelopeDto } from './dto/event-envelope.dto';
import { EVENT_DTO_BY_TYPE } from './dto/event-dto-by-type';
import { PersonDto, ResidentPersonDto, ScreenedPersonDto, VaccineePersonDto } from './dto/person.dto';
import { REJECTION_CODES } from './rejection-codes';

describe('constraint → rejection code table', () => {
  const dtos = [EventEnvelopeDto, ...Object.values(EVENT_DTO_BY_TYPE), PersonDto, ResidentPersonDto, VaccineePersonDto, ScreenedPersonDto];

  it('maps every constraint any DTO uses', () => {
    const storage = getMetadataStorage();
    const used = new Set<string>();
    for (const dto of dtos) {
      for (const metadata of storage.getTargetValidationMetadatas(dto, '', true, false)) {
        if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) continue; // ValidateIf/IsOptional decide whether to check, not what
        if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) {
          for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) used.add(constraint.name);
        } else {
          used.add(metadata.type);
        }
      }
    }
    expect([...used].filter((name) => !(name in CODE_BY_CONSTRAINT))).toEqual([]);
  });

  it('maps only to known codes', () => {
    for (const code of Object.values(CODE_BY_CONSTRAINT)) expect(REJECTION_CODES).toContain(code);
  });

  it('prefers presence, then type, then length over value checks', () => {
    expect(decisiveConstraint(['matches', 'maxLength', 'isString'])).toBe('isString');
    expect(decisiveConstraint(['matches', 'maxLength'])).toBe('maxLength');
    expect(decisiveConstraint(['isIn', 'isDefined'])).toBe('isDefined');
    expect(decisiveConstraint(['min', 'isInt'])).toBe('min');
  });
});
