import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsPositive, IsString, validateSync } from 'class-validator';
import { rememberValidationMetadata } from './remembered-validation-metadata';

class Parcel {
  @IsInt()
  weight: unknown;

  @IsString({ groups: ['labelled'] })
  label: unknown;
}

const failures = (value: object) => validateSync(value, { forbidUnknownValues: true }).map((e) => [e.property, Object.keys(e.constraints ?? {})]);

const parcels = [{ weight: 'heavy' }, { weight: -3, label: 7 }, { weight: 2, label: 'fragile' }, {}].map((fields) => Object.assign(new Parcel(), fields));
const asked = (groups?: string[]) => parcels.map((parcel) => validateSync(parcel, { forbidUnknownValues: true, groups }));

describe('rememberValidationMetadata', () => {
  // class-validator's own answers, before its storage remembers anything.
  const before = { plain: asked(), grouped: asked(['labelled']) };
  beforeAll(() => rememberValidationMetadata());

  it('answers a class’s rules from memory: the same lookup twice is the same answer', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Parcel, '', false, false);
    expect(storage.getTargetValidationMetadatas(Parcel, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    // Other options are other answers.
    expect(storage.getTargetValidationMetadatas(Parcel, '', true, false)).not.toBe(first);
  });

  it('validates as class-validator does, with and without groups', () => {
    expect(failures(parcels[0])).toEqual([
      ['weight', ['isInt']],
      ['label', ['isString']],
    ]);
    expect({ plain: asked(), grouped: asked(['labelled']) }).toEqual(before);
  });

  it('applies a rule added later from then on', () => {
    const light = Object.assign(new Parcel(), { weight: -3, label: 'x' });
    expect(failures(light)).toEqual([]);
    IsPositive()(Parcel.prototype, 'weight');
    expect(failures(light)).toEqual([['weight', ['isPositive']]]);
  });

  it('is installed once, whoever asks', () => {
    const storage = getMetadataStorage();
    const installed = storage.getTargetValidationMetadatas;
    rememberValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });
});
