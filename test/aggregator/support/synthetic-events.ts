import type { CanonicalEvent, CareLevel, InstitutionFacts, InstitutionType } from '@lib/contracts';

/**
 * A realistic, seeded event load for one synthetic province `PP` (two cities of five counties, each
 * with village clinics, a township centre and a county hospital; a city hospital per city; one
 * provincial hospital). Every region code and institution id starts with `PP`, so loads of different
 * provinces in one test file's database keep apart. Persons carry pseudonyms as ingest writes them.
 */
export interface SyntheticLoad {
  /** What is produced, in arrival order: versions shuffled, with retries (duplicates). */
  arrival: CanonicalEvent[];
  /** Distinct events (logical), before amendments and retries. */
  logical: number;
}

/** mulberry32: small, fast, seedable; the same seed gives the same load. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticInstitutions(province: string): InstitutionFacts[] {
  const out: InstitutionFacts[] = [];
  const add = (id: string, county: string, type: InstitutionType, level: CareLevel) => out.push({ id, county, type, level });
  for (const city of ['01', '02']) {
    for (const d of ['02', '03', '04', '05', '06']) {
      const county = `${province}${city}${d}`;
      add(`${county}-VC-1`, county, 'village_clinic', 1);
      add(`${county}-VC-2`, county, 'village_clinic', 1);
      add(`${county}-THC-1`, county, d === '02' ? 'community_health_center' : 'township_health_center', 2);
      add(`${county}-CH-1`, county, 'county_hospital', 3);
    }
    add(`${province}${city}00-CITY-1`, `${province}${city}02`, 'city_hospital', 4);
  }
  add(`${province}0000-PH-1`, `${province}0102`, 'provincial_hospital', 5);
  return out;
}

interface Person {
  id: string;
  residence: string;
  sex: 'F' | 'M';
  birthDate: string;
  chronic?: 'hypertension' | 'diabetes' | 'smd';
}

export function syntheticLoad(province: string, messages: number, seed = 1): SyntheticLoad {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const institutions = syntheticInstitutions(province);
  const counties = [...new Set(institutions.map((i) => i.county))];
  const hex = (n: number) => (n.toString(16).padStart(8, '0') + seed.toString(16).padStart(8, '0')).repeat(4);
  const persons: Person[] = Array.from({ length: Math.max(40, Math.floor(messages / 12)) }, (_, n) => {
    const child = rand() < 0.15;
    const year = child ? 2023 + Math.floor(rand() * 2) : 1940 + Math.floor(rand() * 60);
    return {
      id: `hmac-sha256:k1:${hex(n)}`,
      residence: pick(counties),
      sex: rand() < 0.55 ? 'F' : 'M',
      birthDate: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      chronic: !child && rand() < 0.3 ? pick(['hypertension', 'hypertension', 'diabetes', 'smd'] as const) : undefined,
    };
  });
  const at = () => {
    const ms = Date.parse('2024-01-01T00:00:00+08:00') + Math.floor(rand() * 455 * 86_400_000);
    return new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
  };
  const near = (person: Person) => {
    const r = rand();
    const local = institutions.filter((i) => i.county === person.residence && i.level <= 3);
    if (r < 0.7) return pick(local);
    if (r < 0.9) return pick(institutions.filter((i) => i.level <= 3));
    return pick(institutions.filter((i) => i.level >= 4));
  };
  const registered = new Set<string>();
  let sequence = 0;

  function build(): CanonicalEvent {
    sequence += 1;
    const eventId = `S${seed}-${sequence}`;
    const person = pick(persons);
    const roll = rand();
    const base = (institution: InstitutionFacts) => ({
      eventId,
      version: 1,
      voided: false,
      institutionId: institution.id,
      institution: { ...institution },
      occurredAt: at(),
      receivedAt: new Date().toISOString(),
    });
    const who = { id: person.id, sex: person.sex, birthDate: person.birthDate, residenceRegion: person.residence };
    if (roll < 0.5) {
      const action = pick(['outpatient', 'outpatient', 'outpatient', 'outpatient', 'outpatient', 'emergency', 'admission', 'discharge'] as const);
      return {
        ...base(near(person)),
        type: 'visit',
        action,
        person: who,
        cost: Math.round(rand() * 300_000) / 100,
        tcmPrescription: rand() < 0.3,
        tcmNonDrugTherapy: rand() < 0.06,
      };
    }
    if (roll < 0.58) {
      const from = pick(institutions);
      const to = pick(institutions.filter((i) => i.id !== from.id));
      const completed = rand() < 0.4;
      const reporter = completed ? to : from;
      return {
        ...base(reporter),
        type: 'referral',
        action: completed ? 'completed' : pick(['initiated', 'initiated', 'initiated', 'accepted'] as const),
        person: who,
        referralId: `R${seed}-${Math.floor((rand() * messages) / 20)}`,
        fromInstitutionId: from.id,
        toInstitutionId: to.id,
        referralParties: { from: { ...from }, to: { ...to } },
      };
    }
    if (roll < 0.66) {
      return {
        ...base(near(person)),
        type: 'vaccination',
        action: 'dose',
        person: who,
        vaccine: pick(['HepB', 'BCG', 'DTaP', 'MMR'] as const),
        dose: 1 + Math.floor(rand() * 3),
      };
    }
    if (roll < 0.72) {
      return {
        ...base(near(person)),
        type: 'screening',
        action: 'screened',
        person: who,
        programme: pick(['cervical', 'breast', 'newborn'] as const),
        result: pick(['normal', 'normal', 'abnormal'] as const),
      };
    }
    if (roll < 0.8) {
      const action = pick(['contract_signed', 'contract_renewed', 'contract_cancelled', 'service', 'service'] as const);
      return {
        ...base(near(person)),
        type: 'family_doctor',
        action,
        person: who,
        teamId: `T${Math.floor(rand() * 20)}`,
        priorityGroups: rand() < 0.4 ? [pick(['elderly_65', 'hypertension', 'low_income'] as const)] : undefined,
        serviceKind: action === 'service' ? pick(['home_visit', 'follow_up', 'health_check'] as const) : undefined,
      };
    }
    const patient = pick(persons.filter((p) => p.chronic)) ?? person;
    const action = registered.has(patient.id) && rand() < 0.9 ? 'followup' : 'registration';
    registered.add(patient.id);
    return {
      ...base(near(patient)),
      type: 'chronic_followup',
      action,
      condition: patient.chronic ?? 'hypertension',
      person: { id: patient.id, sex: patient.sex, birthDate: patient.birthDate, residenceRegion: patient.residence },
      controlled: rand() < 0.6,
    } as CanonicalEvent;
  }

  const arrival: CanonicalEvent[] = [];
  let logical = 0;
  while (arrival.length < messages) {
    logical += 1;
    const first = build();
    arrival.push(first);
    const roll = rand();
    if (roll < 0.1) {
      // An amendment: the visit moves in time (another day, often another month) or changes its facts.
      let other = build();
      while (other.type !== first.type) other = build();
      arrival.push({ ...other, eventId: first.eventId, institutionId: first.institutionId, institution: first.institution, version: 2 });
      if (rand() < 0.3) arrival.push({ ...first, occurredAt: at(), version: 3 });
    } else if (roll < 0.15) {
      arrival.push({ ...first, version: 2, voided: true });
    }
    if (rand() < 0.05) arrival.push(first); // a retry of the same version
  }
  // Shuffled arrival: versions of one event may arrive in any order (they share a partition, so the
  // partition keeps whatever order the producer used).
  for (let i = arrival.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arrival[i], arrival[j]] = [arrival[j], arrival[i]];
  }
  return { arrival: arrival.slice(0, messages), logical };
}
