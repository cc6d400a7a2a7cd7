import { conventionalInstitutionId, isInstitutionId, outOfNetworkInstitutionId, parseConventionalInstitutionId } from './institution-id';

describe('institution ids', () => {
  it('mints and reads back the conventional form', () => {
    expect(conventionalInstitutionId('610921', 'township_health_center', 1)).toBe('610921-THC-001');
    expect(conventionalInstitutionId('610902', 'village_clinic', 1234)).toBe('610902-VC-1234');
    expect(parseConventionalInstitutionId('610921-THC-001')).toEqual({ region: '610921', type: 'township_health_center', seq: 1 });
    expect(parseConventionalInstitutionId('610902-CITY-004')).toEqual({ region: '610902', type: 'city_hospital', seq: 4 });
    expect(outOfNetworkInstitutionId('420000')).toBe('OON-420000');
    expect(parseConventionalInstitutionId('OON-420000')).toEqual({ region: '420000', type: 'out_of_network' });
  });

  it('does not read other schemes as conventional', () => {
    expect(parseConventionalInstitutionId('HIS-0001')).toBeNull();
    expect(parseConventionalInstitutionId('610921-XYZ-001')).toBeNull();
    expect(parseConventionalInstitutionId('610921-OON-001')).toBeNull();
  });

  it('accepts any safe id, rejects unsafe ones', () => {
    expect(isInstitutionId('HIS-0001')).toBe(true);
    expect(isInstitutionId('12345678-9.a_b')).toBe(true);
    expect(isInstitutionId('')).toBe(false);
    expect(isInstitutionId('-lead')).toBe(false);
    expect(isInstitutionId('has space')).toBe(false);
    expect(isInstitutionId('汉阴')).toBe(false);
    expect(isInstitutionId('a'.repeat(65))).toBe(false);
  });

  it('refuses a non-positive sequence', () => {
    expect(() => conventionalInstitutionId('610921', 'village_clinic', 0)).toThrow(RangeError);
  });
});
