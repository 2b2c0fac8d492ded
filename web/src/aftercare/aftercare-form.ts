/**
 * The aftercare plan as the discharge form holds it (strings and switches), and the
 * `AftercareInput` it sends. Paths mirror the API's so server problems land on their fields.
 */
import type { AftercareInput, AftercareMeeting, Fellowship } from './aftercare-types.ts';

export interface MeetingValues {
  key: string;
  fellowship: Fellowship | null;
  name: string;
  dayOfWeek: string | null;
  time: string;
  location: string;
}

export interface AftercareValues {
  hasReferral: boolean;
  outpatientReferral: { provider: string; contact: string; appointmentOn: string };
  meetings: MeetingValues[];
  hasSoberLiving: boolean;
  soberLiving: { name: string; contact: string };
  alumniProgram: boolean;
  medicationContinuity: string;
  relapsePlan: string;
}

export function newMeeting(): MeetingValues {
  return { key: crypto.randomUUID(), fellowship: null, name: '', dayOfWeek: null, time: '', location: '' };
}

export function emptyAftercare(): AftercareValues {
  return {
    hasReferral: true,
    outpatientReferral: { provider: '', contact: '', appointmentOn: '' },
    meetings: [],
    hasSoberLiving: false,
    soberLiving: { name: '', contact: '' },
    alumniProgram: true,
    medicationContinuity: '',
    relapsePlan: '',
  };
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

export function aftercareInput(v: AftercareValues): AftercareInput {
  return {
    outpatientReferral: v.hasReferral
      ? {
          provider: v.outpatientReferral.provider.trim(),
          ...(optional(v.outpatientReferral.contact) ? { contact: v.outpatientReferral.contact.trim() } : {}),
          ...(v.outpatientReferral.appointmentOn ? { appointmentOn: v.outpatientReferral.appointmentOn } : {}),
        }
      : null,
    meetings: v.meetings.map(
      (m): AftercareMeeting => ({
        fellowship: m.fellowship ?? 'other',
        ...(optional(m.name) ? { name: m.name.trim() } : {}),
        dayOfWeek: Number(m.dayOfWeek),
        time: m.time,
        location: m.location.trim(),
      }),
    ),
    soberLiving: v.hasSoberLiving ? { name: v.soberLiving.name.trim(), ...(optional(v.soberLiving.contact) ? { contact: v.soberLiving.contact.trim() } : {}) } : null,
    alumniProgram: v.alumniProgram,
    medicationContinuity: optional(v.medicationContinuity) ?? null,
    relapsePlan: v.relapsePlan.trim(),
  };
}

/** Problems the form can see before sending, keyed by form path (prefix: where the values sit). */
export function aftercareProblems(v: AftercareValues, prefix: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.hasReferral && !v.outpatientReferral.provider.trim()) errors[`${prefix}.outpatientReferral.provider`] = 'Name the outpatient provider, or turn the referral off.';
  v.meetings.forEach((m, i) => {
    if (!m.fellowship) errors[`${prefix}.meetings.${i}.fellowship`] = 'Choose the group.';
    if (!m.dayOfWeek) errors[`${prefix}.meetings.${i}.dayOfWeek`] = 'Choose the day.';
    if (!/^\d{2}:\d{2}$/.test(m.time)) errors[`${prefix}.meetings.${i}.time`] = 'Enter the time.';
    if (!m.location.trim()) errors[`${prefix}.meetings.${i}.location`] = 'Where is it (address or online)?';
  });
  if (v.hasSoberLiving && !v.soberLiving.name.trim()) errors[`${prefix}.soberLiving.name`] = 'Name the residence, or turn sober living off.';
  if (!v.relapsePlan.trim()) errors[`${prefix}.relapsePlan`] = 'Write what the patient does if symptoms come back.';
  return errors;
}
