/**
 * Walks the demo clock through the history, day by day, and does what the clinic did:
 * weekly individual sessions booked on Monday morning, intakes (register and screen, admit,
 * enrol), the front desk reading the board and checking patients in and out (or marking
 * them absent), and discharges in the evening. The clinical work (instruments, plans, the
 * step-down queue) is seed-care.ts, on the same clock. Every step goes through the API.
 */
import type { ManualClock } from '../clock.ts';
import type { AppDeps } from '../deps.ts';
import { type LocalDate, addDays, compareDates, instantAt, isoWeekday, localDateOf, weekStartOf } from '../time/local-time.ts';
import { type Turnout, type WeekPlan, continuous, turnout, weekPlan } from './behaviour.ts';
import type { DemoClient } from './client.ts';
import {
  CLINICIANS, FRONT_DESK, type FacilityKey, GROUPS, INDIVIDUAL_MINUTES, INDIVIDUAL_SLOTS, OFFICES, PROGRAMS, type ProgramKey, type Section,
  type StaffKey, TRACK_DAYS, TRACK_PROGRAM, type TrackKey,
} from './organization.ts';
import type { Prng } from './prng.ts';
import { emptyCareStats } from './care-state.ts';
import { emptyMonitoringStats } from './monitoring-context.ts';
import { planMonitoring } from './monitoring-plan.ts';
import { CareWalker } from './seed-care.ts';
import { MonitoringWalker } from './seed-monitoring.ts';
import type { World } from './seed-setup.ts';
import type { PlannedPatient, Timeline } from './timeline.ts';

type Slot = readonly [number, string];

export interface Live {
  readonly plan: PlannedPatient;
  readonly track: TrackKey;
  readonly program: ProgramKey;
  readonly facility: FacilityKey;
  readonly women: boolean;
  patientId: string;
  episodeId: string;
  clinician: StaffKey;
  slot: Slot;
  section: Section;
  phaseIndex: number;
  status: 'waiting' | 'active' | 'discharged';
}

interface BoardSession {
  sessionId: string; kind: 'group' | 'individual' | 'family'; groupId: string | null; status: string; startsAt: string; endsAt: string;
  videoUrl: string | null; groupType: string | null; roster: { patientId: string; attendance: unknown }[];
}

interface DayEvent { readonly at: Date; readonly seq: number; readonly run: () => Promise<void> }

export interface WalkStats { checkIns: number; checkOuts: number; absences: number; dropIns: number; individualSessions: number; admissions: number; discharges: number }

const GROUPS_PER_WEEK: Record<TrackKey, number> = { morning: 6, evening: 6, afternoon: 5 };
/** After the facility's last session of the day. */
const DISCHARGE_TIME: Record<FacilityKey, string> = { hartford: '21:30', pasadena: '19:00' };

export class DayWalker {
  readonly stats: WalkStats = { checkIns: 0, checkOuts: 0, absences: 0, dropIns: 0, individualSessions: 0, admissions: 0, discharges: 0 };
  readonly live: Live[];
  readonly care: CareWalker;
  /** Drug tests, medications and doses, check-ins, on-call, alerts (issue 5). */
  readonly monitoring: MonitoringWalker;
  readonly #byPatientId = new Map<string, Live>();
  readonly #slotsTaken = new Set<string>();
  readonly #weekPlans = new Map<string, WeekPlan>();
  readonly #ordinals = new Map<string, number>();
  readonly #booked = new Set<string>();
  #queue: DayEvent[] = [];
  #seq = 0;

  constructor(
    private readonly world: World,
    private readonly clock: ManualClock,
    private readonly timeline: Timeline,
    /** Real time: nothing after it happens. */
    private readonly now: Date,
    private readonly rng: Prng,
    deps: AppDeps,
  ) {
    this.live = timeline.patients.map((plan) => {
      const track = plan.profile.track;
      const program = TRACK_PROGRAM[track];
      const identity = plan.profile.input['genderIdentity'];
      return {
        plan, track, program, facility: PROGRAMS[program].facility, women: track === 'morning' && (identity === 'woman' || identity === 'transgender_woman'),
        patientId: '', episodeId: '', clinician: CLINICIANS[track][0]!, slot: [1, '00:00'], section: 'A', phaseIndex: 0, status: 'waiting',
      };
    });
    const care = { world, clock, timeline, rng: rng.fork('care'), push: (at: Date, run: () => Promise<void>) => this.#push(at, run), stats: emptyCareStats() };
    this.care = new CareWalker(care, (patientId) => this.#byPatientId.get(patientId));
    const plan = planMonitoring(rng.fork('monitoring-plan'), timeline, this.care.courses);
    this.monitoring = new MonitoringWalker({
      world, clock, timeline, rng: rng.fork('monitoring'), push: care.push, deps, now, plan, care: this.care, stats: emptyMonitoringStats(),
      patientById: (patientId) => this.#byPatientId.get(patientId), orgId: '',
    });
    this.care.onCritical = (p) => this.monitoring.critical(p);
  }

  activeCount(): number {
    return this.live.filter((p) => p.status === 'active').length;
  }

  /** Everything that happens on one local day at both facilities, in time order. */
  async walkDay(date: LocalDate): Promise<void> {
    for (const facility of Object.keys(this.world.facilities) as FacilityKey[]) {
      const at = (time: string) => instantAt(date, time, this.world.facilities[facility].timeZone);
      const here = (p: Live) => p.facility === facility;
      if (isoWeekday(date) === 1) this.#push(at('06:30'), () => this.#bookWeek(facility, date));
      for (const p of this.live.filter(here)) {
        // Screened before the admission day: registered then, admitted on the day.
        if (this.care.registrationDay(p) === date && date !== p.plan.enteredOn) this.#push(at('10:00'), () => this.#register(p));
        if (p.plan.enteredOn === date) this.#push(at('07:30'), () => this.#admit(p, date));
        if (p.plan.discharge?.on === date) this.#push(at(DISCHARGE_TIME[facility]), () => this.#discharge(p, date));
      }
      this.#push(at('07:45'), () => this.#readBoard(facility, date));
      this.care.day(date, facility, this.live);
      this.monitoring.day(date, facility, this.live);
    }
    // The day's events, and those that follow from them, up to the small hours: what is planned
    // for a later day (a lab's report, a confirmation) waits for that day, so the clock never runs back.
    const horizon = instantAt(addDays(date, 1), '04:00', this.world.facilities.hartford.timeZone).getTime();
    while (this.#queue.length > 0) {
      this.#queue.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
      if (this.#queue[0]!.at.getTime() >= horizon) break;
      const event = this.#queue.shift()!;
      if (event.at.getTime() > this.now.getTime()) continue;
      if (event.at.getTime() < this.clock.now().getTime()) throw new Error(`the demo's clock would run back from ${this.clock.now().toISOString()} to ${event.at.toISOString()}`);
      this.clock.set(event.at);
      await event.run();
    }
  }

  /** At the end, booked now: what is left of this week (when the walk ended before Monday's bookings) and next week. */
  async bookAhead(): Promise<void> {
    this.clock.set(this.now);
    for (const facility of Object.keys(this.world.facilities) as FacilityKey[]) {
      await this.#bookWeek(facility, this.timeline.thisWeek);
      await this.#bookWeek(facility, addDays(this.timeline.thisWeek, 7));
    }
  }

  #push(at: Date, run: () => Promise<void>): void {
    this.#queue.push({ at, seq: this.#seq++, run });
  }

  #client(key: StaffKey): DemoClient {
    return this.world.staff[key].client;
  }

  /** Registration and the intake screening (placement decision). */
  async #register(p: Live): Promise<void> {
    const facilityId = this.world.facilities[p.facility].id;
    const patient = await this.#client('admissions').post<{ patientId: string }>('/api/patients', { ...p.plan.profile.input, facilityId });
    p.patientId = patient.patientId;
    this.#byPatientId.set(p.patientId, p);
    await this.care.screen(p);
  }

  async #admit(p: Live, date: LocalDate): Promise<void> {
    const admissions = this.#client('admissions');
    if (!p.patientId) await this.#register(p);
    this.#assignClinician(p);
    const program = this.world.programs[p.program];
    const episode = await admissions.post<{ episodeId: string }>(`/api/patients/${p.patientId}/episodes`, {
      programId: program.id,
      admittedOn: p.plan.admittedOn,
      referralSource: p.plan.profile.referralSource,
      phaseId: program.phaseIds[0],
      trackId: program.trackIds[p.track],
      primaryClinicianId: this.world.staff[p.clinician].id,
    });
    p.episodeId = episode.episodeId;
    p.status = 'active';
    p.section = this.#chooseSection(p);
    for (const group of GROUPS.filter((g) => g.track === p.track)) {
      const slot = group.key.split('.')[1];
      const mine = p.women
        ? group.key === `${p.track}.women` || (group.section === p.section && slot !== 'process')
        : group.section === p.section;
      if (!mine) continue;
      await admissions.post(`/api/patients/${p.patientId}/enrollments`, { groupId: this.world.groupIds.get(group.key), episodeId: p.episodeId, startsOn: date });
    }
    this.stats.admissions += 1;
    await this.#bookIndividual(p, weekStartOf(date, 1));
    await this.care.admitted(p);
    this.monitoring.admitted(p, date);
  }

  #assignClinician(p: Live): void {
    const options = CLINICIANS[p.track];
    const load = (c: StaffKey) => this.live.filter((o) => o.status === 'active' && o.clinician === c).length;
    // The clinical director carries a smaller caseload.
    const weighted = (c: StaffKey) => load(c) * (c === 'director' ? 3 : 1);
    const ordered = [...options].sort((a, b) => weighted(a) - weighted(b));
    for (const clinician of ordered) {
      const free = INDIVIDUAL_SLOTS[p.track].filter((s) => !this.#slotsTaken.has(`${clinician}|${s[0]}|${s[1]}`));
      if (free.length === 0) continue;
      p.clinician = clinician;
      p.slot = this.rng.pick(free);
      this.#slotsTaken.add(`${clinician}|${p.slot[0]}|${p.slot[1]}`);
      return;
    }
    throw new Error(`no free individual-session slot for ${p.plan.profile.key}`);
  }

  #chooseSection(p: Live): Section {
    const count = (s: Section) => this.live.filter((o) => o.status === 'active' && o !== p && o.track === p.track && o.section === s).length;
    return count('A') <= count('B') ? 'A' : 'B';
  }

  async #bookWeek(facility: FacilityKey, weekStart: LocalDate): Promise<void> {
    for (const p of this.live.filter((o) => o.facility === facility && o.status === 'active')) {
      await this.#bookIndividual(p, weekStart);
      if (p.plan.extraWeeks.includes(weekStart) && p.program === 'adolescent') {
        // An extra family session on Saturday: above the adolescent maximum for the week.
        await this.#book(p, 'family', addDays(weekStart, 5), '13:00', 'Family session');
      }
    }
  }

  async #bookIndividual(p: Live, weekStart: LocalDate): Promise<void> {
    const date = addDays(weekStart, p.slot[0] - 1);
    if (compareDates(date, p.plan.enteredOn) < 0) return;
    if (p.plan.discharge && compareDates(date, p.plan.discharge.on) > 0) return;
    await this.#book(p, 'individual', date, p.slot[1], 'Individual therapy');
  }

  async #book(p: Live, kind: 'individual' | 'family', date: LocalDate, time: string, title: string): Promise<void> {
    const key = `${p.plan.profile.key}|${kind}|${date}`;
    if (this.#booked.has(key)) return;
    if (instantAt(date, time, this.world.facilities[p.facility].timeZone).getTime() <= this.clock.now().getTime()) return;
    this.#booked.add(key);
    await this.#client(p.clinician).post(`/api/patients/${p.patientId}/sessions`, {
      kind, clinicianId: this.world.staff[p.clinician].id, date, startTime: time, durationMinutes: INDIVIDUAL_MINUTES, title, room: OFFICES[p.clinician] ?? null,
    });
    this.stats.individualSessions += 1;
  }

  async #discharge(p: Live, date: LocalDate): Promise<void> {
    const discharge = p.plan.discharge!;
    await this.#client(p.clinician).post(`/api/episodes/${p.episodeId}/discharge`, { dischargedOn: date, reason: discharge.reason, summary: discharge.summary, ...(discharge.aftercare ? { aftercare: discharge.aftercare } : {}) });
    p.status = 'discharged';
    this.#slotsTaken.delete(`${p.clinician}|${p.slot[0]}|${p.slot[1]}`);
    this.stats.discharges += 1;
  }

  #weekPlan(p: Live, weekStart: LocalDate): WeekPlan {
    const key = `${p.plan.profile.key}|${weekStart}`;
    let plan = this.#weekPlans.get(key);
    if (!plan) {
      plan = weekPlan(this.rng.fork(key), p.plan, weekStart, this.timeline.thisWeek, TRACK_DAYS[p.track], GROUPS_PER_WEEK[p.track]);
      this.#weekPlans.set(key, plan);
    }
    return plan;
  }

  async #readBoard(facility: FacilityKey, date: LocalDate): Promise<void> {
    const desk = this.#client(FRONT_DESK[facility]);
    const board = await desk.get<{ sessions: BoardSession[] }>(`/api/facilities/${this.world.facilities[facility].id}/board?date=${date}`);
    const weekStart = weekStartOf(date, 1);
    const sessions = board.sessions.filter((s) => s.status === 'scheduled').sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const day = new Map<Live, { session: BoardSession; turnout: Turnout }[]>();
    for (const session of sessions) {
      for (const entry of session.roster) {
        const p = this.#byPatientId.get(entry.patientId);
        if (!p || p.status !== 'active' || entry.attendance) continue;
        let ordinal: number | null = null;
        if (session.kind === 'group') {
          const key = `${p.plan.profile.key}|${weekStart}`;
          ordinal = this.#ordinals.get(key) ?? 0;
          this.#ordinals.set(key, ordinal + 1);
        }
        const facts = { date, weekday: isoWeekday(date), kind: session.kind, ordinal };
        // Keyed by the session's start, not its id (a random UUID), so the turnout is the same every time.
        const rng = this.rng.fork(`${p.plan.profile.key}|${session.kind}|${session.startsAt}`);
        const list = day.get(p) ?? [];
        list.push({ session, turnout: turnout(rng, p.plan, this.#weekPlan(p, weekStart), facts) });
        day.set(p, list);
      }
    }
    for (const [p, list] of day) {
      for (const { session, turnout: t } of continuous(list)) this.#schedule(desk, session, p, t, false);
    }
    this.#scheduleDropIns(desk, facility, date, weekStart, sessions);
  }

  /** Extra-session adults drop in to a group of the other track: above their phase's maximum. */
  #scheduleDropIns(desk: DemoClient, facility: FacilityKey, date: LocalDate, weekStart: LocalDate, sessions: BoardSession[]): void {
    for (const p of this.live.filter((o) => o.facility === facility && o.status === 'active' && o.program === 'adult' && o.plan.extraWeeks.includes(weekStart))) {
      const drops = this.world.programs[p.program].phaseMax[p.phaseIndex]! >= 11.5 ? 2 : 1;
      const day = TRACK_DAYS[p.track].indexOf(isoWeekday(date));
      if (day < 0 || day >= drops) continue;
      const other: TrackKey = p.track === 'morning' ? 'evening' : 'morning';
      const target = sessions.find((s) => {
        const plan = s.groupId ? this.world.groups.get(s.groupId) : undefined;
        return plan?.track === other && plan.section === 'A' && plan.startTime === (other === 'morning' ? '10:30' : '19:30');
      });
      if (target) this.#schedule(desk, target, p, { kind: 'attend', arrive: -5, leave: 2 }, true);
    }
  }

  #schedule(desk: DemoClient, session: BoardSession, p: Live, t: Turnout, dropIn: boolean): void {
    const start = new Date(session.startsAt);
    const end = new Date(session.endsAt);
    const minutes = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);
    const url = `/api/sessions/${session.sessionId}/attendance/${p.patientId}`;
    if (t.kind === 'absent') {
      this.#push(minutes(start, t.excused ? 10 : 20), async () => {
        if (p.status !== 'active') return;
        await desk.put(url, { status: t.excused ? 'excused_absence' : 'unexcused_absence' });
        this.stats.absences += 1;
      });
      return;
    }
    const telehealth = session.groupType === 'family' && session.videoUrl !== null;
    this.#push(minutes(start, t.arrive), async () => {
      if (p.status !== 'active') return;
      await desk.post(`${url}/check-in`, { ...(telehealth ? { telehealth: true } : {}), ...(dropIn ? { addToSession: true } : {}) });
      this.stats.checkIns += 1;
      if (!dropIn && !telehealth) this.monitoring.arrived(p, localDateOf(this.clock.now(), this.world.facilities[p.facility].timeZone), this.clock.now());
      if (dropIn) this.stats.dropIns += 1;
      // Late and leaving early from a short session: still out after in.
      const out = new Date(Math.max(minutes(end, t.leave).getTime(), minutes(start, t.arrive + 15).getTime()));
      this.#push(out, async () => {
        await desk.post(`${url}/check-out`);
        this.stats.checkOuts += 1;
      });
    });
  }
}
