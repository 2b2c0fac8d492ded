/**
 * The demo's patients: realistic, diverse and entirely fictional. Pure: dates are computed
 * from `today` with Temporal (facility-local calendar days), choices from a seeded Prng.
 */
import { Temporal } from 'temporal-polyfill';
import type { Prng } from './prng.ts';
import type { TrackKey } from './organization.ts';

type Identity = 'woman' | 'man' | 'nonbinary' | 'transgender_man';
/** [legal given, family, identity, preferred name?] */
type Person = readonly [string, string, Identity, string?];

const ADULTS: readonly Person[] = [
  ['Maria', 'Santiago', 'woman'], ['James', "O'Connor", 'man'], ['DeShawn', 'Williams', 'man'], ['Katarzyna', 'Nowak', 'woman', 'Kasia'],
  ['Luis', 'Rivera', 'man'], ['Ashley', 'Thompson', 'woman'], ['Michael', 'Russo', 'man', 'Mike'], ['Tiffany', 'Brown', 'woman'],
  ['Robert', 'Chen', 'man', 'Rob'], ['Jasmine', 'Ortiz', 'woman'], ['Kevin', 'Murphy', 'man'], ['Angela', 'Dos Santos', 'woman'],
  ['Jordan', 'Lee', 'nonbinary'], ['Christopher', 'Jackson', 'man', 'Chris'], ['Nicole', 'Perez', 'woman'], ['Anthony', 'DiMaggio', 'man'],
  ['Samantha', 'Greene', 'woman', 'Sam'], ['Héctor', 'Colón', 'man'], ['Brittany', 'Kowalczyk', 'woman'], ['Terrence', 'Davis', 'man'],
  ['Linh', 'Nguyen', 'woman'], ['Patrick', 'Sullivan', 'man'], ['Yolanda', 'Baptiste', 'woman'], ['Erik', 'Johansson', 'man'],
  ['Carmen', 'Vázquez', 'woman'], ['Daniel', 'Goldberg', 'man', 'Danny'], ['Rachel', 'Adams', 'woman'], ['Tyrone', 'Mitchell', 'man'],
  ['Elena', 'Petrova', 'woman'], ['Brian', 'Walsh', 'man'], ['Destiny', 'Howard', 'woman'], ['José', 'Medina', 'man'],
  ['Megan', 'Clarke', 'woman'], ['Ahmed', 'Hassan', 'man'], ['Lauren', 'Bianchi', 'woman'], ['Elijah', 'Grant', 'transgender_man'],
  ['Stephanie', 'Morales', 'woman'], ['Raymond', 'Cruz', 'man', 'Ray'], ['Heather', 'Lindqvist', 'woman'], ['Wilfredo', 'Ayala', 'man', 'Willie'],
];

const ADOLESCENTS: readonly Person[] = [
  ['Sofía', 'Hernández', 'woman'], ['Ethan', 'Park', 'man'], ['Isabella', 'Garcia', 'woman', 'Bella'], ['Jayden', 'Washington', 'man'],
  ['Mia', 'Tanaka', 'woman'], ['Noah', 'Sarkisian', 'man'], ['Aaliyah', 'Johnson', 'woman'], ['Diego', 'Ramírez', 'man'],
  ['Chloe', 'Nguyen', 'woman'], ['Alex', 'Petrosyan', 'nonbinary'], ['Emily', 'Walker', 'woman'], ['Mateo', 'Flores', 'man'],
  ['Zoe', 'Kaplan', 'woman'], ['Malik', 'Robinson', 'man'], ['Valentina', 'Castillo', 'woman'], ['Lucas', 'Wong', 'man'],
  ['Ava', 'Martinez', 'woman'], ['Gabriel', 'Avakian', 'man', 'Gabe'], ['Olivia', 'Bennett', 'woman', 'Liv'], ['Kai', 'Mendoza', 'transgender_man'],
];

export const MAX_ADULTS = ADULTS.length;
export const MAX_ADOLESCENTS = ADOLESCENTS.length;

const SUD = [
  { code: 'F10.20', description: 'Alcohol dependence, uncomplicated' },
  { code: 'F11.20', description: 'Opioid dependence, uncomplicated' },
  { code: 'F14.20', description: 'Cocaine dependence, uncomplicated' },
  { code: 'F12.20', description: 'Cannabis dependence, uncomplicated' },
  { code: 'F15.20', description: 'Other stimulant dependence, uncomplicated' },
  { code: 'F10.20', description: 'Alcohol dependence, uncomplicated' },
  { code: 'F11.20', description: 'Opioid dependence, uncomplicated' },
];
const TEEN_SUD = [
  { code: 'F12.10', description: 'Cannabis abuse, uncomplicated' },
  { code: 'F12.20', description: 'Cannabis dependence, uncomplicated' },
  { code: 'F10.10', description: 'Alcohol abuse, uncomplicated' },
];
const MENTAL = [
  { code: 'F33.1', description: 'Major depressive disorder, recurrent, moderate' },
  { code: 'F41.1', description: 'Generalized anxiety disorder' },
  { code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified' },
  { code: 'F32.1', description: 'Major depressive disorder, single episode, moderate' },
];
const TEEN_MENTAL = [
  { code: 'F32.1', description: 'Major depressive disorder, single episode, moderate' },
  { code: 'F41.1', description: 'Generalized anxiety disorder' },
  { code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified' },
  { code: 'F90.0', description: 'Attention-deficit hyperactivity disorder, predominantly inattentive type' },
];

const CT_TOWNS: readonly (readonly [string, string])[] = [['Hartford', '06106'], ['West Hartford', '06119'], ['East Hartford', '06108'], ['Wethersfield', '06109'], ['New Britain', '06051'], ['Manchester', '06040']];
const CA_TOWNS: readonly (readonly [string, string])[] = [['Pasadena', '91104'], ['Altadena', '91001'], ['South Pasadena', '91030'], ['Glendale', '91205'], ['Arcadia', '91006']];
const STREETS = ['Maple Avenue', 'Park Street', 'Oak Street', 'Washington Street', 'Franklin Avenue', 'Elm Street', 'Lincoln Avenue', 'Garfield Avenue', 'Hill Street', 'Orange Grove Boulevard'];
const SOBER_HOMES = ['Oxford House Asylum Hill', 'Recovery residence on Capitol Avenue', 'Oxford House Wethersfield'];
const ADULT_REFERRALS = ['Self-referral', 'Hartford Hospital emergency department', 'Primary care physician', 'Employee assistance program', 'Step-down from residential treatment', 'Step-down from withdrawal management', 'Probation officer'];
const TEEN_REFERRALS = ['School counselor', 'Pediatrician', 'Parent', 'Huntington Hospital emergency department', 'Juvenile probation'];
const JOBS = [
  { label: 'Work', start: '08:00', end: '17:00' }, { label: 'Work', start: '07:00', end: '15:30' }, { label: 'Work (warehouse shift)', start: '06:00', end: '14:30' },
  { label: 'Work', start: '09:00', end: '17:00' },
];

export type Reliability = 'steady' | 'typical' | 'struggling';

export interface PatientProfile {
  /** Stable key, e.g. 'adult-07'. */
  readonly key: string;
  readonly track: TrackKey;
  readonly index: number;
  readonly reliability: Reliability;
  readonly referralSource: string;
  /** Body for POST /api/patients, without facilityId. */
  readonly input: Record<string, unknown>;
}

const pronounsOf: Record<Identity, string> = { woman: 'she/her', man: 'he/him', nonbinary: 'they/them', transgender_man: 'he/him' };
const sexOf: Record<Identity, string> = { woman: 'female', man: 'male', nonbinary: 'female', transgender_man: 'female' };

function birthDate(rng: Prng, today: string, minAge: number, maxAge: number): string {
  const age = rng.int(minAge, maxAge);
  // A birthday between 1 and 364 days past the age's anniversary keeps the age fixed for weeks either side.
  return Temporal.PlainDate.from(today).subtract({ years: age }).subtract({ days: rng.int(30, 330) }).toString();
}

const phone = (rng: Prng, area: string) => `(${area}) 555-0${rng.int(100, 199)}`;
const slug = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();

function profile(rng: Prng, person: Person, index: number, track: TrackKey, today: string): PatientProfile {
  const [given, family, identity, preferred] = person;
  const teen = track === 'afternoon';
  const area = teen ? '626' : '860';
  const [city, postalCode] = rng.pick(teen ? CA_TOWNS : CT_TOWNS);
  const soberLiving = !teen && rng.chance(0.25);
  const sud = rng.pick(teen ? TEEN_SUD : SUD);
  const mental = rng.chance(teen ? 0.8 : 0.6) ? rng.pick(teen ? TEEN_MENTAL : MENTAL) : null;
  const diagnoses = [{ ...sud, primary: true }, ...(mental ? [{ ...mental, primary: false }] : [])];
  const parentGiven = rng.pick(['Ana', 'David', 'Lisa', 'Robert', 'Grace', 'Miguel', 'Sarah', 'Hyun', 'Armen', 'Denise']);
  const parent = { name: `${parentGiven} ${family}`, relationship: rng.chance(0.6) ? 'mother' : 'father', phone: phone(rng, area), email: `${slug(parentGiven)}.${slug(family)}@example.com` };
  const availability = track === 'evening'
    ? (() => { const job = rng.pick(JOBS); return [1, 2, 3, 4, 5].map((day) => ({ dayOfWeek: day, start: job.start, end: job.end, label: job.label })); })()
    : teen ? [1, 2, 3, 4, 5].map((day) => ({ dayOfWeek: day, start: '07:45', end: '14:50', label: 'School' })) : [];
  const roll = rng.next();
  const reliability: Reliability = roll < 0.55 ? 'steady' : roll < 0.88 ? 'typical' : 'struggling';
  const input: Record<string, unknown> = {
    legalGivenName: given,
    legalFamilyName: family,
    ...(preferred ? { preferredName: preferred } : {}),
    dateOfBirth: teen ? birthDate(rng, today, 14, 17) : birthDate(rng, today, 19, 63),
    sexAtBirth: sexOf[identity],
    genderIdentity: identity,
    pronouns: pronounsOf[identity],
    language: !teen && ['Rivera', 'Colón', 'Vázquez', 'Medina', 'Ayala'].includes(family) && rng.chance(0.5) ? 'es' : 'en',
    phone: phone(rng, area),
    // Most patients give an e-mail address (the portal needs one to sign the treatment plan).
    email: rng.chance(0.92) ? `${slug(preferred ?? given)}.${slug(family)}@example.com` : null,
    address: soberLiving
      ? { line1: `${rng.int(10, 400)} ${rng.pick(STREETS)}`, city: 'Hartford', state: 'CT', postalCode: '06105' }
      : { line1: `${rng.int(10, 2400)} ${rng.pick(STREETS)}`, line2: rng.chance(0.3) ? `Apt ${rng.int(1, 30)}` : null, city, state: teen ? 'CA' : 'CT', postalCode },
    emergencyContact: teen ? parent : { name: `${rng.pick(['Rosa', 'John', 'Tanya', 'Mark', 'Paula', 'Andre', 'Lena'])} ${rng.chance(0.6) ? family : rng.pick(['Smith', 'Reyes', 'Brooks', 'Kim'])}`, relationship: rng.pick(['spouse', 'partner', 'sister', 'brother', 'mother', 'friend']), phone: phone(rng, area) },
    supportPersons: teen ? [parent] : rng.chance(0.4) ? [{ name: `${rng.pick(['Frank', 'Denise', 'Carl', 'Monique'])} ${rng.pick(['Harper', 'Lopez', 'Novak', 'Greene'])}`, relationship: 'sponsor', phone: phone(rng, area) }] : [],
    residence: soberLiving ? 'sober_living' : 'home',
    ...(soberLiving ? { residenceNote: rng.pick(SOBER_HOMES) } : {}),
    availability,
    diagnoses,
    specialtyPopulations: identity === 'nonbinary' || identity === 'transgender_man' ? ['lgbtq'] : [],
  };
  return { key: `${teen ? 'teen' : 'adult'}-${String(index).padStart(2, '0')}`, track, index, reliability, referralSource: rng.pick(teen ? TEEN_REFERRALS : ADULT_REFERRALS), input };
}

/** Adults alternate morning and evening (about 4 in 9 work days and come in the evening). */
export const adultTrack = (index: number): TrackKey => ([1, 3, 5, 7].includes(index % 9) ? 'evening' : 'morning');

export function demoPatients(rng: Prng, adults: number, adolescents: number, today: string): PatientProfile[] {
  if (adults > ADULTS.length || adolescents > ADOLESCENTS.length) throw new Error(`the demo has at most ${ADULTS.length} adults and ${ADOLESCENTS.length} adolescents`);
  return [
    ...ADULTS.slice(0, adults).map((p, i) => profile(rng.fork(`adult${i}`), p, i, adultTrack(i), today)),
    ...ADOLESCENTS.slice(0, adolescents).map((p, i) => profile(rng.fork(`teen${i}`), p, i, 'afternoon', today)),
  ];
}
