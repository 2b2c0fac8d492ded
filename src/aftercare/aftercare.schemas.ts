/**
 * Discharge summary and aftercare plan (issue 4; domain-rules.md "IOP structure": a
 * transition plan names progress, supports, medication continuity, referral contacts and
 * what to do if symptoms recur, per CARF).
 */
import { Type, type Static } from 'typebox';
import { LocalDay, Name, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

const LocalDate = LocalDay('A calendar day at the program’s facility, YYYY-MM-DD');
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time of the meeting, HH:MM' });
const OptionalText = (max: number, description?: string) => Type.Optional(Nullable(Type.String({ maxLength: max, ...(description ? { description } : {}) })));

export const Fellowship = Type.Union([Type.Literal('AA'), Type.Literal('NA'), Type.Literal('SMART'), Type.Literal('CA'), Type.Literal('other')], {
  description: 'Mutual-help fellowship: Alcoholics / Narcotics / Cocaine Anonymous, SMART Recovery, or another (name it)',
});
export type Fellowship = Static<typeof Fellowship>;

export const AftercareInput = Type.Object(
  {
    outpatientReferral: Nullable(
      Type.Object(
        { provider: Name(200), contact: OptionalText(200, 'Phone or e-mail of the provider'), appointmentOn: Type.Optional(Nullable(LocalDate)) },
        { additionalProperties: false },
      ),
    ),
    meetings: Type.Array(
      Type.Object(
        {
          fellowship: Fellowship,
          name: Type.Optional(Nullable(Name(200))),
          dayOfWeek: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
          time: Time,
          location: Name(300),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
    soberLiving: Nullable(Type.Object({ name: Name(200), contact: OptionalText(200) }, { additionalProperties: false })),
    alumniProgram: Type.Boolean({ description: 'Enrolled in the program’s alumni group' }),
    medicationContinuity: Nullable(Type.String({ maxLength: 2000, description: 'Who prescribes after discharge, and the next appointment or refill' })),
    relapsePlan: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S', description: 'What to do if symptoms or use recur' }),
  },
  { additionalProperties: false },
);
export type AftercareInput = Static<typeof AftercareInput>;

/** The plan as stored and shown: every optional field present, null when not given. */
export const AftercarePlan = Type.Object({
  outpatientReferral: Nullable(Type.Object({ provider: Type.String(), contact: Nullable(Type.String()), appointmentOn: Nullable(Type.String()) })),
  meetings: Type.Array(Type.Object({ fellowship: Fellowship, name: Nullable(Type.String()), dayOfWeek: Type.Integer(), time: Type.String(), location: Type.String() })),
  soberLiving: Nullable(Type.Object({ name: Type.String(), contact: Nullable(Type.String()) })),
  alumniProgram: Type.Boolean(),
  medicationContinuity: Nullable(Type.String()),
  relapsePlan: Type.String(),
});
export type AftercarePlan = Static<typeof AftercarePlan>;

const InstrumentScore = Type.Object({ score: Nullable(Type.Integer()), severity: Nullable(Type.String()), on: Type.String() });

export const DischargeSummary = Type.Object({
  admittedOn: Type.String(),
  through: Type.String({ description: 'The discharge day, or today for an active episode' }),
  daysInProgram: Type.Integer(),
  phaseReached: Type.Object({ phaseId: Uuid, name: Type.String() }),
  hoursAttended: Type.Number(),
  sessionsAttended: Type.Integer(),
  sessionsScheduled: Type.Integer({ description: 'Sessions held (not cancelled) that the patient was on the roster for, through the last day' }),
  attendancePercent: Nullable(Type.Number({ description: 'Attended over scheduled, percent to one decimal; null with nothing scheduled' })),
  instruments: Type.Array(
    Type.Object({
      instrument: Type.String(),
      name: Type.String(),
      first: Nullable(InstrumentScore),
      last: Type.Union([InstrumentScore, Type.Null()], { description: 'The latest response, when there are two or more' }),
      change: Nullable(Type.Integer({ description: 'last − first; negative is improvement for the symptom scales' })),
    }),
  ),
  goals: Type.Object({
    objectivesTotal: Type.Integer(),
    objectivesMet: Type.Integer(),
    objectives: Type.Array(Type.Object({ description: Type.String(), met: Type.Boolean() })),
  }),
});
export type DischargeSummary = Static<typeof DischargeSummary>;

export const FollowupOutcome = Type.Union([Type.Literal('reached'), Type.Literal('no_answer'), Type.Literal('declined'), Type.Literal('readmitted'), Type.Literal('other')]);
export type FollowupOutcome = Static<typeof FollowupOutcome>;

const StaffRef = Type.Object({ staffId: Uuid, fullName: Type.String() });

export const FollowupStatus = Type.Union([Type.Literal('upcoming'), Type.Literal('due'), Type.Literal('overdue'), Type.Literal('completed')]);
export type FollowupStatus = Static<typeof FollowupStatus>;

export const Followup = Type.Object({
  followupId: Uuid,
  daysAfter: Type.Union([Type.Literal(30), Type.Literal(60), Type.Literal(90)]),
  dueOn: Type.String(),
  status: FollowupStatus,
  outcome: Nullable(FollowupOutcome),
  note: Nullable(Type.String()),
  completedOn: Nullable(Type.String()),
  completedBy: Nullable(StaffRef),
});
export type Followup = Static<typeof Followup>;

export const Aftercare = Type.Object({
  episodeId: Uuid,
  patientId: Uuid,
  dischargedOn: Type.String(),
  dischargeReason: Type.String(),
  summary: DischargeSummary,
  plan: AftercarePlan,
  createdBy: StaffRef,
  createdAt: Timestamp,
  followups: Type.Array(Followup, { description: '30, 60 and 90 days after discharge' }),
});
export type Aftercare = Static<typeof Aftercare>;

export const FollowupInput = Type.Object(
  { outcome: FollowupOutcome, note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))), completedOn: LocalDate },
  { additionalProperties: false },
);
export type FollowupInput = Static<typeof FollowupInput>;

export const FollowupParams = Type.Object({ episodeId: Uuid, followupId: Uuid });
export const FacilityParams = Type.Object({ facilityId: Uuid });

export const FollowupsDue = Type.Object({
  facilityId: Uuid,
  today: Type.String(),
  items: Type.Array(
    Type.Object({
      followupId: Uuid,
      episodeId: Uuid,
      patientId: Uuid,
      patientName: Type.String(),
      mrn: Type.String(),
      programName: Type.String(),
      dischargedOn: Type.String(),
      daysAfter: Type.Integer(),
      dueOn: Type.String(),
      status: Type.Union([Type.Literal('due'), Type.Literal('overdue')]),
    }),
    { description: 'Overdue first, then by due day' },
  ),
});
export type FollowupsDue = Static<typeof FollowupsDue>;
