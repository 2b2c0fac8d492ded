/** The group editor's values, checks and conversion to GroupInput. */
import type { Group, GroupInput, GroupType } from '../api/types.ts';
import { ruleOf, simpleOf } from './rrule.ts';

export interface GroupFormValues {
  facilityId: string | null;
  programId: string | null;
  trackId: string | null;
  name: string;
  groupType: GroupType | null;
  topic: string;
  facilitatorId: string | null;
  room: string;
  videoUrl: string;
  capacity: number | string;
  waitlistEnabled: boolean;
  eligiblePopulation: string | null;
  eligibleGender: string | null;
  eligibleSpecialty: string | null;
  advanced: boolean;
  days: string[];
  interval: number | string;
  rrule: string;
  startsOn: string;
  endsOn: string;
  startTime: string;
  durationMinutes: number | string;
  active: boolean;
}

export function valuesOf(g: Group | undefined, defaults: { facilityId: string | null; today: string }): GroupFormValues {
  const simple = g ? simpleOf(g.rrule) : { days: ['1', '3', '4'], interval: 1 };
  return {
    facilityId: g?.facilityId ?? defaults.facilityId,
    programId: g?.programId ?? null,
    trackId: g?.trackId ?? null,
    name: g?.name ?? '',
    groupType: (g?.groupType as GroupType | undefined) ?? null,
    topic: g?.topic ?? '',
    facilitatorId: g?.facilitatorId ?? null,
    room: g?.room ?? '',
    videoUrl: g?.videoUrl ?? '',
    capacity: g?.capacity ?? 12,
    waitlistEnabled: g?.waitlistEnabled ?? true,
    eligiblePopulation: g?.eligiblePopulation ?? null,
    eligibleGender: g?.eligibleGender ?? null,
    eligibleSpecialty: g?.eligibleSpecialty ?? null,
    advanced: simple === null,
    days: simple?.days ?? [],
    interval: simple?.interval ?? 1,
    rrule: g?.rrule ?? '',
    startsOn: g?.startsOn ?? defaults.today,
    endsOn: g?.endsOn ?? '',
    startTime: g?.startTime?.slice(0, 5) ?? '09:00',
    durationMinutes: g?.durationMinutes ?? 90,
    active: g?.active ?? true,
  };
}

export function rruleOf(v: GroupFormValues): string {
  return v.advanced ? v.rrule.trim() : ruleOf({ days: v.days, interval: Number(v.interval) || 1 });
}

export function inputOf(v: GroupFormValues, editing: boolean): GroupInput {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    facilityId: v.facilityId ?? '',
    programId: v.programId,
    trackId: v.trackId,
    name: v.name.trim(),
    groupType: v.groupType ?? 'process',
    topic: orNull(v.topic),
    facilitatorId: v.facilitatorId ?? '',
    room: orNull(v.room),
    videoUrl: orNull(v.videoUrl),
    capacity: Number(v.capacity),
    waitlistEnabled: v.waitlistEnabled,
    eligiblePopulation: (v.eligiblePopulation as GroupInput['eligiblePopulation']) ?? null,
    eligibleGender: (v.eligibleGender as GroupInput['eligibleGender']) ?? null,
    eligibleSpecialty: v.eligibleSpecialty,
    rrule: rruleOf(v),
    startsOn: v.startsOn,
    endsOn: orNull(v.endsOn),
    startTime: v.startTime,
    durationMinutes: Number(v.durationMinutes),
    ...(editing ? { active: v.active } : {}),
  };
}

export const groupValidation = {
  facilityId: (v: string | null) => (v ? null : 'Choose the facility.'),
  name: (v: string) => (v.trim() ? null : 'Name the group.'),
  groupType: (v: string | null) => (v ? null : 'Choose the kind of group.'),
  facilitatorId: (v: string | null) => (v ? null : 'Choose who leads the group.'),
  capacity: (v: number | string) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100 ? null : 'Enter 1 to 100 seats.'),
  videoUrl: (v: string) => (!v.trim() || /^https?:\/\/\S+$/.test(v.trim()) ? null : 'Enter a link starting with https://'),
  days: (v: string[], values: GroupFormValues) => (values.advanced || v.length > 0 ? null : 'Choose at least one day.'),
  interval: (v: number | string, values: GroupFormValues) =>
    values.advanced || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 8) ? null : 'Enter every 1 to 8 weeks.',
  rrule: (v: string, values: GroupFormValues) => (!values.advanced || /^FREQ=/i.test(v.trim()) ? null : 'Enter a rule starting with FREQ=, e.g. FREQ=WEEKLY;BYDAY=MO,WE.'),
  startsOn: (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Enter the first day.'),
  endsOn: (v: string, values: GroupFormValues) => (!v || v >= values.startsOn ? null : 'The last day cannot be before the first.'),
  startTime: (v: string) => (/^\d{2}:\d{2}$/.test(v) ? null : 'Enter the start time.'),
  durationMinutes: (v: number | string) => (typeof v === 'number' && v >= 15 && v <= 720 ? null : 'Enter 15 to 720 minutes.'),
};

/** Server paths the form shows beside fields; rrule problems land on the day picker or the raw rule. */
export const GROUP_FIELDS = [
  'facilityId', 'programId', 'trackId', 'name', 'groupType', 'topic', 'facilitatorId', 'room', 'videoUrl', 'capacity',
  'waitlistEnabled', 'eligiblePopulation', 'eligibleGender', 'eligibleSpecialty', 'rrule', 'startsOn', 'endsOn', 'startTime', 'durationMinutes',
];
