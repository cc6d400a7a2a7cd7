import { HealthEvent, residentIdCheckChar } from '@lib/contracts';
import { syntheticInstitutions } from '../../aggregator/support/synthetic-events';

/**
 * Plain HTTP visit events (as an institution sends them: clear, valid resident ID numbers) of a
 * synthetic province, seeded, recent enough for the door's age limit. Visits feed most visit
 * indicators (县域就诊率, 基层就诊率, 住院率, TCM shares, cost), which is enough to see a loss or a double.
 */
export function visitEvents(province: string, count: number, tag: string, seed = 1): HealthEvent[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const institutions = syntheticInstitutions(province).filter((i) => i.level <= 4);
  const counties = [...new Set(institutions.map((i) => i.county))];
  const people = Array.from({ length: Math.max(30, Math.floor(count / 5)) }, (_, n) => {
    const residence = pick(counties);
    const birth = `${1940 + Math.floor(rand() * 70)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const sex = rand() < 0.5 ? 'F' : 'M';
    // The 17th digit is odd for men, even for women (GB 11643).
    const sequence = String((n % 500) * 2 + (sex === 'M' ? 1 : 0)).padStart(3, '0');
    const body = `${residence}${birth}${sequence}`;
    return { id: body + residentIdCheckChar(body), sex, birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, residenceRegion: residence };
  });
  const now = Date.now();
  return Array.from({ length: count }, (_, n) => {
    const person = pick(people);
    const institution = rand() < 0.7 ? pick(institutions.filter((i) => i.county === person.residenceRegion)) : pick(institutions);
    const occurredAt = new Date(now - Math.floor(rand() * 200 * 86_400_000) - 3600_000).toISOString().replace('Z', '+00:00');
    return {
      eventId: `${tag}-${n}`,
      version: 1,
      voided: false,
      type: 'visit',
      action: pick(['outpatient', 'outpatient', 'outpatient', 'emergency', 'admission'] as const),
      institutionId: institution.id,
      occurredAt,
      person,
      cost: Math.round(rand() * 200_000) / 100,
      tcmPrescription: rand() < 0.3,
      tcmNonDrugTherapy: rand() < 0.06,
    } as HealthEvent;
  });
}
