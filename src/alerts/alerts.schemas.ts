/** Request and response shapes of the alert inbox, a patient's alerts, and on-call shifts. */
import { Type, type Static } from 'typebox';
import { LocalDay, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

const Severity = Type.Union([Type.Literal('critical'), Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);
const State = Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('resolved')]);
const StaffRef = Type.Object({ staffId: Uuid, fullName: Type.String() });

export const PatientRef = Type.Object({ patientId: Uuid, displayName: Type.String(), mrn: Type.String() });

export const AlertView = Type.Object({
  alertId: Uuid,
  patient: PatientRef,
  episodeId: Nullable(Uuid),
  facilityId: Uuid,
  rule: Type.String({ description: 'suicide_risk_phq9, drug_test_refused, consecutive_unexcused_absences, … (src/alerts/rules.ts)' }),
  title: Type.String(),
  severity: Severity,
  state: State,
  raisedAt: Timestamp,
  dueBy: Timestamp,
  overdue: Type.Boolean({ description: 'Not resolved and past its due time' }),
  escalatedAt: Nullable(Timestamp),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'Ids, codes and numbers only' }),
  source: Type.Object({ entity: Type.String(), id: Type.String() }),
  acknowledged: Nullable(Type.Object({ by: StaffRef, at: Timestamp })),
  resolved: Nullable(Type.Object({ by: StaffRef, at: Timestamp, note: Type.String() })),
  recipients: Type.Array(Type.Object({
    staffId: Uuid,
    fullName: Type.String(),
    reason: Type.Union([Type.Literal('primary_clinician'), Type.Literal('on_call'), Type.Literal('escalation'), Type.Literal('fallback')]),
  })),
});
export type AlertView = Static<typeof AlertView>;

export const AlertList = Type.Object({ alerts: Type.Array(AlertView) });
export type AlertList = Static<typeof AlertList>;

export const InboxState = Type.Union([Type.Literal('unresolved'), Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('resolved')]);
export type InboxState = Static<typeof InboxState>;

export const InboxQuery = Type.Object({
  state: Type.Optional(InboxState),
  scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('facility')], { description: 'mine (default): alerts addressed to me; facility: every alert at my facilities (clinical directors)' })),
  facilityId: Type.Optional(Uuid),
}, { additionalProperties: false });
export type InboxQuery = Static<typeof InboxQuery>;

export const AlertCounts = Type.Object({
  unresolved: Type.Integer(),
  critical: Type.Integer({ description: 'Unresolved critical alerts' }),
  overdue: Type.Integer({ description: 'Unresolved alerts past their due time' }),
});
export type AlertCounts = Static<typeof AlertCounts>;

export const PatientAlertsQuery = Type.Object({ include: Type.Optional(Type.Literal('resolved')) }, { additionalProperties: false });
export const PatientParams = Type.Object({ patientId: Uuid });
export const AlertParams = Type.Object({ alertId: Uuid });

export const ResolveInput = Type.Object({ note: Type.String({ maxLength: 4000, description: 'What was done; required (an empty note is refused with 422)' }) }, { additionalProperties: false });
export type ResolveInput = Static<typeof ResolveInput>;

// ── On-call ─────────────────────────────────────────────────────────────────────────────

export const FacilityParams = Type.Object({ facilityId: Uuid });
export const ShiftParams = Type.Object({ shiftId: Uuid });

export const OnCallShift = Type.Object({
  shiftId: Uuid,
  facilityId: Uuid,
  staff: StaffRef,
  startsAt: Timestamp,
  endsAt: Timestamp,
  createdBy: StaffRef,
  createdAt: Timestamp,
});
export type OnCallShift = Static<typeof OnCallShift>;

export const OnCallQuery = Type.Object({
  from: Type.Optional(LocalDay('First facility-local day (default today)')),
  to: Type.Optional(LocalDay('Last facility-local day (default from + 13 days)')),
}, { additionalProperties: false });
export type OnCallQuery = Static<typeof OnCallQuery>;

export const OnCallRoster = Type.Object({
  facilityId: Uuid,
  timeZone: Type.String(),
  from: Type.String(),
  to: Type.String(),
  onCallNow: Type.Array(StaffRef),
  shifts: Type.Array(OnCallShift),
});
export type OnCallRoster = Static<typeof OnCallRoster>;

export const OnCallInput = Type.Object({ staffId: Uuid, startsAt: Timestamp, endsAt: Timestamp }, { additionalProperties: false });
export type OnCallInput = Static<typeof OnCallInput>;
