import { Type, type Static } from 'typebox';
import { AftercareInput } from '../aftercare/aftercare.schemas.ts';
import { LocalDay, Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

const LocalDate = LocalDay('A calendar day at the program’s facility, YYYY-MM-DD');

export const DischargeReason = Type.Union([
  Type.Literal('completed'),
  Type.Literal('stepped_down_to_outpatient'),
  Type.Literal('transferred_to_higher_level'),
  Type.Literal('left_against_advice'),
  Type.Literal('administrative'),
  Type.Literal('other'),
]);

export const AdmitInput = Type.Object(
  {
    programId: Uuid,
    admittedOn: LocalDate,
    referralSource: Name(200),
    levelOfCare: Type.Optional(Type.String({ minLength: 1, maxLength: 8, description: 'Defaults to the program’s level of care' })),
    phaseId: Uuid,
    trackId: Type.Optional(Nullable(Uuid)),
    primaryClinicianId: Uuid,
  },
  { additionalProperties: false },
);
export type AdmitInput = Static<typeof AdmitInput>;

export const PhaseChangeInput = Type.Object(
  { phaseId: Uuid, effectiveOn: LocalDate, reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) },
  { additionalProperties: false },
);
export type PhaseChangeInput = Static<typeof PhaseChangeInput>;

export const DischargeInput = Type.Object(
  {
    dischargedOn: LocalDate,
    reason: DischargeReason,
    summary: Type.String({ minLength: 1, maxLength: 10000, pattern: '\\S' }),
    aftercare: Type.Optional(AftercareInput),
  },
  { additionalProperties: false, description: 'aftercare is required when the reason is completed or stepped_down_to_outpatient' },
);
export type DischargeInput = Static<typeof DischargeInput>;

export const ExtendStayInput = Type.Object(
  {
    newExpectedOn: LocalDate,
    reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'Why the stay is longer than expected (payers and some states require it)' }),
  },
  { additionalProperties: false },
);
export type ExtendStayInput = Static<typeof ExtendStayInput>;

export const LengthOfStay = Type.Object({
  dayOfStay: Type.Integer({ description: 'The admission day is day 1; 0 before admission; stops at the discharge day' }),
  expectedDays: Type.Integer({ description: 'Expected discharge day − admission day' }),
  daysRemaining: Type.Integer({ description: 'Days from today to the expected discharge; 0 once reached or discharged' }),
  overdueBy: Type.Integer({ description: 'Days past the expected discharge (today, or the discharge day); 0 when not past it' }),
});
export type LengthOfStay = Static<typeof LengthOfStay>;

export const StayExtension = Type.Object({
  previousExpectedOn: Type.String(),
  newExpectedOn: Type.String(),
  reason: Type.String(),
  extendedBy: Type.Object({ staffId: Uuid, fullName: Type.String() }),
  createdAt: Timestamp,
});
export type StayExtension = Static<typeof StayExtension>;

export const Episode = Type.Object({
  episodeId: Uuid,
  patientId: Uuid,
  programId: Uuid,
  programName: Type.String(),
  facilityId: Uuid,
  status: Type.Union([Type.Literal('active'), Type.Literal('discharged')]),
  admittedOn: Type.String(),
  referralSource: Type.String(),
  levelOfCare: Type.String(),
  phaseId: Uuid,
  phaseName: Type.String(),
  trackId: Nullable(Uuid),
  trackName: Nullable(Type.String()),
  primaryClinicianId: Uuid,
  primaryClinicianName: Type.String(),
  dischargedOn: Nullable(Type.String()),
  dischargeReason: Nullable(Type.String()),
  dischargeSummary: Nullable(Type.String()),
  phaseHistory: Type.Array(
    Type.Object({ effectiveOn: Type.String(), phaseId: Uuid, phaseName: Type.String(), reason: Nullable(Type.String()), changedByName: Type.String() }),
    { description: 'Oldest first; the admission’s phase is the first row' },
  ),
  band: Type.Object({ minHoursPerWeek: Type.Number(), maxHoursPerWeek: Type.Number(), requiredDaysPerWeek: Type.Integer() }, { description: 'The current phase’s weekly hours' }),
  expectedDischargeOn: Type.String({ description: 'Admission + the program’s expected length of stay, moved only by an extension' }),
  lengthOfStay: LengthOfStay,
  extensions: Type.Array(StayExtension, { description: 'Oldest first' }),
});
export type Episode = Static<typeof Episode>;

export const EpisodeParams = Type.Object({ episodeId: Uuid });
export const CensusParams = Type.Object({ programId: Uuid });

export const Census = Type.Object({
  programId: Uuid,
  programName: Type.String(),
  activeCount: Type.Integer(),
  byPhase: Type.Array(Type.Object({ phaseId: Uuid, phaseName: Type.String(), count: Type.Integer() })),
  byTrack: Type.Array(Type.Object({ trackId: Nullable(Uuid), trackName: Nullable(Type.String()), count: Type.Integer() })),
  admittedLast30Days: Type.Integer(),
  dischargedLast30Days: Type.Object({ total: Type.Integer(), byReason: Type.Record(Type.String(), Type.Integer()) }),
  patients: Type.Array(
    Type.Object({
      patientId: Uuid,
      name: Type.String(),
      mrn: Type.String(),
      phaseName: Type.String(),
      trackName: Nullable(Type.String()),
      admittedOn: Type.String(),
      primaryClinicianName: Type.String(),
      daysInProgram: Type.Integer(),
    }),
  ),
});
export type Census = Static<typeof Census>;
