/**
 * A program's census: who is in it now, by phase and track, and the last 30 days' flow.
 * Pure; the facility's "today" is passed in.
 */
import type { DischargeReason } from '../db/schema.ts';
import { type LocalDate, addDays, compareDates, daysBetween } from '../time/local-time.ts';

export const CENSUS_WINDOW_DAYS = 30;

export interface CensusEpisode {
  readonly patientId: string;
  readonly name: string;
  readonly mrn: string;
  readonly status: 'active' | 'discharged';
  readonly phaseId: string;
  readonly trackId: string | null;
  readonly admittedOn: LocalDate;
  readonly dischargedOn: LocalDate | null;
  readonly dischargeReason: DischargeReason | null;
  readonly primaryClinicianName: string;
}

export interface CensusInput {
  readonly today: LocalDate;
  /** In program order. */
  readonly phases: readonly { readonly phaseId: string; readonly name: string }[];
  readonly tracks: readonly { readonly trackId: string; readonly name: string }[];
  readonly episodes: readonly CensusEpisode[];
}

export interface CensusSummary {
  readonly activeCount: number;
  readonly byPhase: { phaseId: string; phaseName: string; count: number }[];
  readonly byTrack: { trackId: string | null; trackName: string | null; count: number }[];
  readonly admittedLast30Days: number;
  readonly dischargedLast30Days: { total: number; byReason: Record<string, number> };
  readonly patients: {
    patientId: string;
    name: string;
    mrn: string;
    phaseName: string;
    trackName: string | null;
    admittedOn: LocalDate;
    primaryClinicianName: string;
    daysInProgram: number;
  }[];
}

/** The last 30 days including today: from today − 29 through today. */
const inWindow = (date: LocalDate | null, today: LocalDate) =>
  date !== null && compareDates(date, addDays(today, -(CENSUS_WINDOW_DAYS - 1))) >= 0 && compareDates(date, today) <= 0;

export function summariseCensus(input: CensusInput): CensusSummary {
  const { today } = input;
  const active = input.episodes.filter((e) => e.status === 'active');
  const phaseName = new Map(input.phases.map((p) => [p.phaseId, p.name]));
  const trackName = new Map(input.tracks.map((t) => [t.trackId, t.name]));
  const count = <T>(items: readonly T[], pick: (item: T) => unknown) => (key: unknown) => items.filter((item) => pick(item) === key).length;
  const perPhase = count(active, (e) => e.phaseId);
  const perTrack = count(active, (e) => e.trackId);
  const byTrack = input.tracks.map((t) => ({ trackId: t.trackId as string | null, trackName: t.name as string | null, count: perTrack(t.trackId) }));
  const noTrack = perTrack(null);
  if (noTrack > 0) byTrack.push({ trackId: null, trackName: null, count: noTrack });
  const discharged = input.episodes.filter((e) => e.status === 'discharged' && inWindow(e.dischargedOn, today));
  const byReason: Record<string, number> = {};
  for (const e of discharged) byReason[e.dischargeReason ?? 'other'] = (byReason[e.dischargeReason ?? 'other'] ?? 0) + 1;
  return {
    activeCount: active.length,
    byPhase: input.phases.map((p) => ({ phaseId: p.phaseId, phaseName: p.name, count: perPhase(p.phaseId) })),
    byTrack,
    admittedLast30Days: input.episodes.filter((e) => inWindow(e.admittedOn, today)).length,
    dischargedLast30Days: { total: discharged.length, byReason },
    patients: active
      .map((e) => ({
        patientId: e.patientId,
        name: e.name,
        mrn: e.mrn,
        phaseName: phaseName.get(e.phaseId) ?? '',
        trackName: e.trackId ? (trackName.get(e.trackId) ?? null) : null,
        admittedOn: e.admittedOn,
        primaryClinicianName: e.primaryClinicianName,
        // Day of admission is day 0; a booked future admission has not started yet.
        daysInProgram: Math.max(0, daysBetween(e.admittedOn, today)),
      }))
      .sort((a, b) => compareDates(a.admittedOn, b.admittedOn) || a.name.localeCompare(b.name)),
  };
}
