import { Type, type Static } from 'typebox';
import { Email, Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';
import { Episode } from '../episodes/episodes.schemas.ts';

export const LocalDateString = Type.String({ format: 'date', description: 'A calendar day, YYYY-MM-DD' });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local wall-clock time, HH:MM' });
const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

const SexAtBirth = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('intersex'), Type.Literal('unknown')]);
const GenderIdentity = Type.Union([
  Type.Literal('woman'),
  Type.Literal('man'),
  Type.Literal('transgender_woman'),
  Type.Literal('transgender_man'),
  Type.Literal('nonbinary'),
  Type.Literal('other'),
  Type.Literal('not_disclosed'),
]);
const Residence = Type.Union([Type.Literal('home'), Type.Literal('sober_living'), Type.Literal('other')]);

export const PostalAddress = Type.Object(
  { line1: Name(200), line2: OptionalText(200), city: Name(100), state: Name(50), postalCode: Type.String({ minLength: 3, maxLength: 12, pattern: '^[A-Za-z0-9 -]+$' }) },
  { additionalProperties: false },
);

export const ContactPerson = Type.Object(
  { name: Name(200), relationship: Name(50), phone: OptionalText(30), email: Type.Optional(Nullable(Email)) },
  { additionalProperties: false },
);

export const AvailabilityWindow = Type.Object(
  {
    dayOfWeek: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
    start: Time,
    end: Time,
    label: Type.String({ maxLength: 100, description: 'e.g. Work, School' }),
  },
  { additionalProperties: false },
);

export const DiagnosisInput = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 12, description: 'ICD-10-CM, e.g. F10.20' }),
    description: Type.String({ maxLength: 300 }),
    primary: Type.Boolean(),
    category: Type.Optional(Type.String({ description: 'Ignored on input; derived from the code' })),
  },
  { additionalProperties: false },
);

const patientInputFields = {
  facilityId: Uuid,
  legalGivenName: Name(100),
  legalFamilyName: Name(100),
  preferredName: OptionalText(100),
  dateOfBirth: LocalDateString,
  sexAtBirth: SexAtBirth,
  genderIdentity: GenderIdentity,
  pronouns: OptionalText(50),
  language: Type.Optional(Type.String({ minLength: 2, maxLength: 35, description: 'BCP 47 tag, default en' })),
  phone: OptionalText(30),
  email: Type.Optional(Nullable(Email)),
  address: Type.Optional(Nullable(PostalAddress)),
  emergencyContact: Type.Optional(Nullable(ContactPerson)),
  supportPersons: Type.Optional(Type.Array(ContactPerson, { maxItems: 20 })),
  residence: Residence,
  residenceNote: OptionalText(500),
  // The 21-window limit is a clinic rule (availability.ts) answered with a field path; this bound only caps the payload.
  availability: Type.Optional(Type.Array(AvailabilityWindow, { maxItems: 100 })),
  diagnoses: Type.Optional(Type.Array(DiagnosisInput, { maxItems: 30 })),
  specialtyPopulations: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }), { maxItems: 20 })),
  mrn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$', description: 'Leave out to allocate the next number' }))),
};

export const PatientInput = Type.Object(patientInputFields, { additionalProperties: false });
export type PatientInput = Static<typeof PatientInput>;

export const PatientCreateInput = Type.Object(
  { ...patientInputFields, acknowledgedDuplicateOf: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type PatientCreateInput = Static<typeof PatientCreateInput>;

export const Diagnosis = Type.Object({
  code: Type.String(),
  description: Type.String(),
  primary: Type.Boolean(),
  category: Type.Union([Type.Literal('substance_use'), Type.Literal('mental_health'), Type.Literal('other')]),
});

const Contact = Type.Object({ name: Type.String(), relationship: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()) });

export const Patient = Type.Object({
  patientId: Uuid,
  mrn: Type.String(),
  facilityId: Uuid,
  facilityName: Type.String(),
  legalGivenName: Type.String(),
  legalFamilyName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: Type.String(),
  sexAtBirth: Type.String(),
  genderIdentity: Type.String(),
  pronouns: Nullable(Type.String()),
  language: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  address: Nullable(Type.Object({ line1: Type.String(), line2: Nullable(Type.String()), city: Type.String(), state: Type.String(), postalCode: Type.String() })),
  emergencyContact: Nullable(Contact),
  supportPersons: Type.Array(Contact),
  residence: Type.String(),
  residenceNote: Nullable(Type.String()),
  availability: Type.Array(Type.Object({ dayOfWeek: Type.Integer(), start: Type.String(), end: Type.String(), label: Type.String() })),
  diagnoses: Type.Array(Diagnosis),
  specialtyPopulations: Type.Array(Type.String()),
  possibleDuplicateOf: Nullable(Uuid),
  episodes: Type.Array(Episode, { description: 'Newest admission first' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Patient = Static<typeof Patient>;

export const PatientSummary = Type.Object({
  patientId: Uuid,
  mrn: Type.String(),
  legalGivenName: Type.String(),
  legalFamilyName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: Type.String(),
  facilityId: Uuid,
  facilityName: Type.String(),
  activeEpisode: Nullable(
    Type.Object({ episodeId: Uuid, programId: Uuid, programName: Type.String(), phaseId: Uuid, phaseName: Type.String(), admittedOn: Type.String() }),
  ),
  matchedBy: Nullable(Type.Union([Type.Literal('name'), Type.Literal('mrn'), Type.Literal('date_of_birth')])),
});
export type PatientSummary = Static<typeof PatientSummary>;

export const PatientSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'A name (typo-tolerant), an MRN, or a birth date (YYYY-MM-DD or MM/DD/YYYY)' })),
    facilityId: Type.Optional(Uuid),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('discharged'), Type.Literal('all')], {
        default: 'all',
        description: 'active: has an active episode; discharged: has episodes, none active; all: everyone',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type PatientSearchQuery = Static<typeof PatientSearchQuery>;

export const PatientParams = Type.Object({ patientId: Uuid });

export const DuplicateMatch = Type.Object({ patientId: Uuid, mrn: Type.String(), name: Type.String(), dateOfBirth: Type.String(), facilityName: Type.String() });
