/** The registration / demographics form: values, checks, and conversion to and from the API. */
import type { GenderIdentity, Patient, PatientInput, Residence, SexAtBirth } from '../api/types.ts';

let counter = 0;
const rowKey = () => `row-${++counter}`;

export interface WindowRow { key: string; dayOfWeek: string; start: string; end: string; label: string }
export interface DiagnosisRow { key: string; code: string; description: string; primary: boolean }
export interface PersonRow { key: string; name: string; relationship: string; phone: string; email: string }

export interface PatientFormValues {
  facilityId: string | null;
  mrn: string;
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  sexAtBirth: SexAtBirth | null;
  genderIdentity: GenderIdentity | null;
  language: string;
  phone: string;
  email: string;
  address: { line1: string; line2: string; city: string; state: string; postalCode: string };
  emergencyContact: { name: string; relationship: string; phone: string; email: string };
  supportPersons: PersonRow[];
  residence: Residence;
  residenceNote: string;
  availability: WindowRow[];
  diagnoses: DiagnosisRow[];
  specialtyPopulations: string[];
}

export const newWindow = (): WindowRow => ({ key: rowKey(), dayOfWeek: '1', start: '09:00', end: '17:00', label: 'Work' });
export const newDiagnosis = (primary: boolean): DiagnosisRow => ({ key: rowKey(), code: '', description: '', primary });
export const newPerson = (): PersonRow => ({ key: rowKey(), name: '', relationship: '', phone: '', email: '' });

export function valuesOf(p: Patient | undefined, defaults: { facilityId: string | null }): PatientFormValues {
  return {
    facilityId: p?.facilityId ?? defaults.facilityId,
    mrn: '',
    legalGivenName: p?.legalGivenName ?? '',
    legalFamilyName: p?.legalFamilyName ?? '',
    preferredName: p?.preferredName ?? '',
    pronouns: p?.pronouns ?? '',
    dateOfBirth: p?.dateOfBirth ?? '',
    sexAtBirth: (p?.sexAtBirth as SexAtBirth | undefined) ?? null,
    genderIdentity: (p?.genderIdentity as GenderIdentity | undefined) ?? null,
    language: p?.language ?? 'en',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    address: {
      line1: p?.address?.line1 ?? '',
      line2: p?.address?.line2 ?? '',
      city: p?.address?.city ?? '',
      state: p?.address?.state ?? '',
      postalCode: p?.address?.postalCode ?? '',
    },
    emergencyContact: {
      name: p?.emergencyContact?.name ?? '',
      relationship: p?.emergencyContact?.relationship ?? '',
      phone: p?.emergencyContact?.phone ?? '',
      email: p?.emergencyContact?.email ?? '',
    },
    supportPersons: (p?.supportPersons ?? []).map((s) => ({ key: rowKey(), name: s.name, relationship: s.relationship, phone: s.phone ?? '', email: s.email ?? '' })),
    residence: (p?.residence as Residence | undefined) ?? 'home',
    residenceNote: p?.residenceNote ?? '',
    availability: (p?.availability ?? []).map((w) => ({ key: rowKey(), dayOfWeek: String(w.dayOfWeek), start: w.start, end: w.end, label: w.label })),
    diagnoses: (p?.diagnoses ?? []).map((d) => ({ key: rowKey(), code: d.code, description: d.description, primary: d.primary })),
    specialtyPopulations: p?.specialtyPopulations ?? [],
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);
const orUndefined = (v: string) => (v.trim() ? v.trim() : undefined);

export function inputOf(v: PatientFormValues): PatientInput {
  const a = v.address;
  const hasAddress = [a.line1, a.line2, a.city, a.state, a.postalCode].some((x) => x.trim());
  const ec = v.emergencyContact;
  return {
    facilityId: v.facilityId ?? '',
    ...(v.mrn.trim() ? { mrn: v.mrn.trim() } : {}),
    legalGivenName: v.legalGivenName.trim(),
    legalFamilyName: v.legalFamilyName.trim(),
    preferredName: orNull(v.preferredName),
    pronouns: orNull(v.pronouns),
    dateOfBirth: v.dateOfBirth,
    sexAtBirth: v.sexAtBirth ?? 'unknown',
    genderIdentity: v.genderIdentity ?? 'not_disclosed',
    language: v.language || 'en',
    phone: orNull(v.phone),
    email: orNull(v.email),
    address: hasAddress
      ? { line1: a.line1.trim(), line2: orNull(a.line2), city: a.city.trim(), state: a.state.trim(), postalCode: a.postalCode.trim() }
      : null,
    emergencyContact: ec.name.trim() ? { name: ec.name.trim(), relationship: ec.relationship.trim(), phone: orUndefined(ec.phone), email: orUndefined(ec.email) } : null,
    supportPersons: v.supportPersons.map((s) => ({ name: s.name.trim(), relationship: s.relationship.trim(), phone: orUndefined(s.phone), email: orUndefined(s.email) })),
    residence: v.residence,
    residenceNote: orNull(v.residenceNote),
    availability: v.availability.map((w) => ({ dayOfWeek: Number(w.dayOfWeek), start: w.start, end: w.end, label: w.label.trim() })),
    diagnoses: v.diagnoses.map((d) => ({ code: d.code.trim().toUpperCase(), description: d.description.trim(), primary: d.primary })),
    specialtyPopulations: v.specialtyPopulations,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** ICD-10-CM: letter, digit, alphanumeric, then optionally '.' and 1–4 alphanumerics. */
export const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** An address is optional, but one that is started needs its street, city, state and ZIP code. */
function addressPart(v: string, values: PatientFormValues, message: string): string | null {
  const a = values.address;
  const started = [a.line1, a.line2, a.city, a.state, a.postalCode].some((x) => x.trim());
  return started && !v.trim() ? message : null;
}

export function patientValidation(today: string) {
  return {
    facilityId: (v: string | null) => (v ? null : 'Choose the facility.'),
    legalGivenName: (v: string) => (v.trim() ? null : 'Enter the legal given name.'),
    legalFamilyName: (v: string) => (v.trim() ? null : 'Enter the legal family name.'),
    dateOfBirth: (v: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'Enter the date of birth.';
      if (v > today) return 'The date of birth cannot be in the future.';
      return v < '1900-01-01' ? 'The date of birth cannot be before 1900.' : null;
    },
    sexAtBirth: (v: string | null) => (v ? null : 'Choose one (Unknown is allowed).'),
    genderIdentity: (v: string | null) => (v ? null : 'Choose one (Prefers not to say is allowed).'),
    email: (v: string) => (!v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : 'Enter a valid e-mail address.'),
    address: {
      line1: (v: string, values: PatientFormValues) => addressPart(v, values, 'Enter the street address.'),
      city: (v: string, values: PatientFormValues) => addressPart(v, values, 'Enter the city.'),
      state: (v: string, values: PatientFormValues) => addressPart(v, values, 'Enter the state.'),
      postalCode: (v: string, values: PatientFormValues) => addressPart(v, values, 'Enter the ZIP code.'),
    },
    emergencyContact: {
      relationship: (v: string, values: PatientFormValues) =>
        values.emergencyContact.name.trim() && !v.trim() ? 'Enter the relationship.' : null,
      name: (v: string, values: PatientFormValues) => {
        const ec = values.emergencyContact;
        return !v.trim() && (ec.relationship.trim() || ec.phone.trim() || ec.email.trim()) ? 'Enter the name, or clear this contact.' : null;
      },
    },
    supportPersons: {
      name: (v: string) => (v.trim() ? null : 'Enter the name.'),
      relationship: (v: string) => (v.trim() ? null : 'Enter the relationship.'),
    },
    availability: {
      start: (v: string) => (TIME.test(v) ? null : 'Enter the start time.'),
      end: (v: string, values: PatientFormValues, path: string) => {
        if (!TIME.test(v)) return 'Enter the end time.';
        const row = values.availability[Number(path.split('.')[1])];
        return row && TIME.test(row.start) && v <= row.start ? 'Must end after it starts.' : null;
      },
      label: (v: string) => (v.trim() ? null : 'Say what it is (work, school…).'),
    },
    diagnoses: {
      code: (v: string) => (ICD10.test(v.trim().toUpperCase()) ? null : 'Enter an ICD-10-CM code such as F10.20.'),
      description: (v: string) => (v.trim() ? null : 'Enter the description.'),
    },
  };
}

/** Server paths this form can show beside a field. */
export const PATIENT_FIELDS = [
  'facilityId', 'mrn', 'legalGivenName', 'legalFamilyName', 'preferredName', 'pronouns', 'dateOfBirth', 'sexAtBirth',
  'genderIdentity', 'language', 'phone', 'email', 'address.', 'emergencyContact.', 'supportPersons.', 'residence',
  'residenceNote', 'availability.', 'diagnoses.', 'specialtyPopulations',
];
