/**
 * Monitoring and clinical safety in the demo's walk (issue 5), through the API: medication
 * lists entered at admission and observed doses recorded at the Hartford nurse's window
 * (a few left unrecorded and marked missed by the job runner the next day, one held, one refused); daily
 * check-ins over the last three weeks from the portal and the front-desk kiosk; the weekly
 * on-call rota; the job runner's sweeps (escalation, absences, hours at risk, plan reviews)
 * at midday and at night; and today's PHQ-9 in the portal with item 9 above zero. Drug
 * testing is seed-drugtests.ts, the care team's alert rounds seed-alerts.ts.
 */
import { jobHandlers } from '../jobs/handlers.ts';
import { workOnce } from '../jobs/worker.ts';
import type { Medication } from '../medications/medications.schemas.ts';
import { type LocalDate, addDays, compareDates, daysBetween, instantAt, isoWeekday, localDateOf } from '../time/local-time.ts';
import { phq9Answers } from './clinical-course.ts';
import { refreshPlannerStatistics } from './demo.store.ts';
import { type MonitoringContext, after, isWeekday } from './monitoring-context.ts';
import { checkinAnswers } from './monitoring-plan.ts';
import { FRONT_DESK, type FacilityKey, type StaffKey, TRACK_DAYS } from './organization.ts';
import { AlertDesk } from './seed-alerts.ts';
import type { Live } from './seed-days.ts';
import { DrugTestDesk } from './seed-drugtests.ts';

/** Who carries the on-call phone, a week each from Monday 08:00. */
const ON_CALL_ROTA: Record<FacilityKey, readonly StaffKey[]> = { hartford: ['bell', 'kowalski', 'director'], pasadena: ['raman', 'reyes'] };
/** Daily check-ins: the last three weeks. */
const CHECKIN_DAYS = 21;
const CHECKIN_RATE = { steady: 0.85, typical: 0.7, struggling: 0.5 } as const;
/** Observed doses at the nurse's window before the track's sessions. */
const DOSE_TIME = { morning: '08:20', evening: '17:20', afternoon: '15:10' } as const;
/** The n-th observed dose is held, the m-th refused. */
const HELD_DOSE = 25;
const REFUSED_DOSE = 61;

interface ObservedMedication {
  readonly medicationId: string;
  readonly startedOn: LocalDate;
}

export class MonitoringWalker {
  readonly drugTests: DrugTestDesk;
  readonly alerts: AlertDesk;
  readonly #observed = new Map<Live, ObservedMedication[]>();
  readonly #kiosk = new Set<string>();
  #doses = 0;

  constructor(private readonly ctx: MonitoringContext) {
    this.drugTests = new DrugTestDesk(ctx);
    this.alerts = new AlertDesk(ctx, this.drugTests.overlooked);
  }

  get stats() {
    return this.ctx.stats;
  }

  /** Before the first day: the organization's id (for the job runner's work), the testing policies, the first week's on-call rota. */
  async start(): Promise<void> {
    this.ctx.orgId = (await this.ctx.world.admin.get<{ orgId: string }>('/api/organization')).orgId;
    await this.drugTests.setPolicies();
    for (const facility of Object.keys(ON_CALL_ROTA) as FacilityKey[]) await this.#onCall(facility, this.ctx.timeline.historyStart);
  }

  day(date: LocalDate, facility: FacilityKey, live: readonly Live[]): void {
    const zone = this.ctx.world.facilities[facility].timeZone;
    const at = (time: string) => instantAt(date, time, zone);
    const push = this.ctx.push;
    this.drugTests.day(date, facility, live);
    this.alerts.day(date, facility);
    if (isoWeekday(date) === 1) push(at('07:00'), () => this.#onCall(facility, addDays(date, 7)));
    if (facility === 'hartford') {
      if (this.ctx.deps.engine === 'pglite' && isoWeekday(date) === 1) push(at('04:00'), () => refreshPlannerStatistics(this.ctx.deps.db));
      push(at('12:30'), () => this.#jobs());
      push(at('23:30'), () => this.#jobs());
    }
    for (const p of live.filter((o) => o.facility === facility && o.status === 'active')) {
      this.#dose(p, date);
      this.#checkin(p, date);
    }
    const critical = this.ctx.plan.criticalToday;
    if (date === this.ctx.timeline.today && critical) {
      const p = live.find((o) => o.plan.profile.key === critical && o.facility === facility);
      if (p) {
        const when = after(this.ctx.now, -20);
        push(localDateOf(when, zone) === date ? when : this.ctx.now, () => this.#phq9Today(p));
      }
    }
  }

  /** Admitted today: the nurse enters the medication list from the referral and the prescribers. */
  admitted(p: Live, date: LocalDate): void {
    const meds = this.ctx.plan.medications.get(p.plan.profile.key);
    if (!meds) return;
    this.ctx.push(instantAt(date, '11:30', this.ctx.world.facilities[p.facility].timeZone), async () => {
      for (const { kind: _kind, ...input } of meds) {
        const med = await this.ctx.world.staff.nurse.client.post<Medication>(`/api/patients/${p.patientId}/medications`, input);
        this.ctx.stats.medications += 1;
        if (med.observedWeekdays) this.#observed.set(p, [...(this.#observed.get(p) ?? []), { medicationId: med.medicationId, startedOn: med.startedOn }]);
      }
    });
  }

  /** The patient checked in at the front desk for a session: a test on today's list is collected, and the kiosk check-in is done. */
  arrived(p: Live, date: LocalDate, at: Date): void {
    this.drugTests.arrived(p, date, at);
    const key = `${p.plan.profile.key}|${date}`;
    if (!this.#kiosk.delete(key)) return;
    this.ctx.push(after(at, 1), () => this.#kioskCheckin(p, date));
  }

  /** PHQ-9 item 9 above zero was just recorded for the patient. */
  critical(p: Live): void {
    this.alerts.critical(p);
  }

  /**
   * At the end of the walk (the clock at now): today's draw at each facility if the morning has
   * not come yet (as the first collector to open the list would), then the job runner's sweep
   * as the server will run it, escalating what is overdue.
   */
  async finish(): Promise<void> {
    for (const facility of Object.keys(this.ctx.world.facilities) as FacilityKey[]) {
      await this.drugTests.drawToday(facility, localDateOf(this.ctx.now, this.ctx.world.facilities[facility].timeZone));
    }
    await this.#jobs();
  }

  async #jobs(): Promise<void> {
    await workOnce(this.ctx.deps, jobHandlers(), { workerId: 'cairn-demo-seed', leaseMs: 5 * 60_000, batch: 20 });
    this.ctx.stats.jobRounds += 1;
  }

  /** A week of on-call from Monday 08:00, created the Monday before. */
  async #onCall(facility: FacilityKey, weekStart: LocalDate): Promise<void> {
    const rota = ON_CALL_ROTA[facility];
    const staff = rota[Math.floor(daysBetween(this.ctx.timeline.historyStart, weekStart) / 7) % rota.length]!;
    const zone = this.ctx.world.facilities[facility].timeZone;
    await this.ctx.world.staff.director.client.post(`/api/facilities/${this.ctx.world.facilities[facility].id}/on-call`, {
      staffId: this.ctx.world.staff[staff].id, startsAt: instantAt(weekStart, '08:00', zone).toISOString(), endsAt: instantAt(addDays(weekStart, 7), '08:00', zone).toISOString(),
    });
    this.ctx.stats.onCallShifts += 1;
  }

  #dose(p: Live, date: LocalDate): void {
    const meds = this.#observed.get(p);
    if (!meds || !isWeekday(date)) return;
    const zone = this.ctx.world.facilities[p.facility].timeZone;
    for (const med of meds.filter((m) => compareDates(m.startedOn, date) <= 0)) {
      const r = this.ctx.rng.fork(`${p.plan.profile.key}|dose|${date}`);
      // Now and then nobody records the dose: the job runner marks it missed the next day.
      if (r.chance(0.04)) continue;
      this.ctx.push(instantAt(date, DOSE_TIME[p.track], zone), async () => {
        if (p.status !== 'active') return;
        const n = ++this.#doses;
        const body = n === HELD_DOSE
          ? { scheduledOn: date, outcome: 'held', note: 'Held: drowsy with pinpoint pupils at the window. Prescriber called; dose resumed tomorrow at the same strength after review.' }
          : n === REFUSED_DOSE
            ? { scheduledOn: date, outcome: 'refused', note: 'Declined today’s dose: wants to talk about tapering with the prescriber first. Prescriber informed.' }
            : { scheduledOn: date, outcome: 'given', patientResponse: r.pick(['Tolerated well; no sedation.', 'No withdrawal signs; alert and oriented.', 'Mild nausea, resolved.']) };
        await this.ctx.world.staff.nurse.client.post(`/api/medications/${med.medicationId}/doses`, body);
        this.ctx.stats.dosesRecorded += 1;
      });
    }
  }

  #medicated(p: Live, date: LocalDate): boolean {
    return (this.ctx.plan.medications.get(p.plan.profile.key) ?? []).some((m) => !m.name.startsWith('Naloxone') && compareDates(m.startedOn, date) <= 0);
  }

  #answers(p: Live, date: LocalDate) {
    const lapse = this.ctx.plan.lapses.get(p.plan.profile.key);
    const course = this.ctx.care.courseOf(p);
    return checkinAnswers(this.ctx.rng.fork(`${p.plan.profile.key}|answers|${date}`), {
      course, admittedOn: p.plan.admittedOn, date, medicated: this.#medicated(p, date), used: lapse && addDays(lapse, 1) === date ? course.substance : null,
    });
  }

  /** Most patients check in most days of the last three weeks: on the kiosk when they come in, else in the portal. */
  #checkin(p: Live, date: LocalDate): void {
    const { timeline } = this.ctx;
    if (daysBetween(date, timeline.today) >= CHECKIN_DAYS || compareDates(p.plan.admittedOn, date) >= 0) return;
    const key = p.plan.profile.key;
    const lapse = this.ctx.plan.lapses.get(key);
    const reportsLapse = lapse !== undefined && addDays(lapse, 1) === date;
    const r = this.ctx.rng.fork(`${key}|checkin|${date}`);
    if (!reportsLapse && !r.chance(CHECKIN_RATE[p.plan.profile.reliability])) return;
    const portal = typeof p.plan.profile.input['email'] === 'string';
    const comesIn = TRACK_DAYS[p.track].includes(isoWeekday(date));
    if (!reportsLapse && comesIn && (!portal || r.chance(0.45))) {
      this.#kiosk.add(`${key}|${date}`);
      return;
    }
    if (!portal) return;
    const evening = this.ctx.rng.fork(`${key}|checkin-time`).chance(0.55);
    const time = evening ? `${20 + r.int(0, 1)}:${String(r.int(0, 5) * 10).padStart(2, '0')}` : `0${7 + r.int(0, 1)}:${String(r.int(0, 5) * 10).padStart(2, '0')}`;
    this.ctx.push(instantAt(date, time, this.ctx.world.facilities[p.facility].timeZone), async () => {
      const client = this.ctx.care.portalOf(p);
      if (!client || p.status !== 'active') return;
      await client.post('/api/portal/checkins', this.#answers(p, date));
      this.ctx.stats.portalCheckins += 1;
    });
  }

  async #kioskCheckin(p: Live, date: LocalDate): Promise<void> {
    if (p.status !== 'active') return;
    const desk = this.ctx.world.staff[FRONT_DESK[p.facility]].client;
    const facilityId = this.ctx.world.facilities[p.facility].id;
    const input = p.plan.profile.input;
    const who = await desk.post<{ patientId: string }>(`/api/facilities/${facilityId}/kiosk/identify`, { lastName: String(input['legalFamilyName']), dateOfBirth: String(input['dateOfBirth']) });
    await desk.post(`/api/facilities/${facilityId}/kiosk/checkins`, { patientId: who.patientId, ...this.#answers(p, date) });
    this.ctx.stats.kioskCheckins += 1;
  }

  /** Today in the portal: a PHQ-9 with item 9 above zero (crisis resources shown, the critical alert raised and still open). */
  async #phq9Today(p: Live): Promise<void> {
    const client = this.ctx.care.portalOf(p);
    if (!client || p.status !== 'active') return;
    const total = this.ctx.care.courseOf(p).kind === 'rising' ? 21 : 16;
    await client.post('/api/portal/questionnaires', { instrument: 'phq9', episodeId: p.episodeId, answers: phq9Answers(this.ctx.rng.fork(`${p.plan.profile.key}|phq9-today`), total, true) });
  }
}
