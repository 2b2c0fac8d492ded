/**
 * The clinical side of the demo's walk, through the API: the intake screening and placement
 * decision, the program's instruments (PHQ-9 and GAD-7 at admission and every 2 weeks, BAM
 * monthly, C-SSRS at admission, the discharge measurements) given by staff or completed in
 * the portal, treatment plans (seed-plans.ts), and the clinical director's Monday review of
 * the step-down queue. This week's queue is left for the director: it is what the demo shows.
 */
import type { InstrumentId, Answer } from '../instruments/definitions.ts';
import type { StepDownQueue, DecisionResult } from '../stepdown/stepdown.schemas.ts';
import { type LocalDate, addDays, compareDates, daysBetween, instantAt, isoWeekday } from '../time/local-time.ts';
import { type Course, auditAnswers, bamAnswers, cssrsAnswers, dast10Answers, gad7Answers, phq9Answers, planCourses, scoreOn } from './clinical-course.ts';
import { type CareContext, type CareState, type CareStats, DESK_TIME, INSTRUMENT_TIME, PORTAL_TIME, weekdayOnOrAfter } from './care-state.ts';
import { DemoClient } from './client.ts';
import { intakePlan, overrideCases } from './intake-course.ts';
import { DEMO_PASSWORD, type FacilityKey, PROGRAMS, TRACK_DAYS } from './organization.ts';
import type { Live } from './seed-days.ts';
import { patientSigns, recordMeasurement, reviewPlan, writePlan } from './seed-plans.ts';

/** Repeat intervals of the default cadence (programs/care-settings.ts). */
const PERIODIC: readonly [InstrumentId, number][] = [['phq9', 14], ['gad7', 14], ['bam', 30]];
const AT_ADMISSION: readonly InstrumentId[] = ['phq9', 'gad7', 'bam', 'cssrs_screener'];
const AT_DISCHARGE: readonly InstrumentId[] = ['phq9', 'gad7', 'bam'];

const DECLINE_REASONS = [
  'Two late arrivals and cravings reported in the last individual session; the team wants one more stable week before stepping down.',
  'Court date next week; keeping the current intensity until it has passed. Review again next Monday.',
  'Moving house this week; the patient asked to keep the current schedule until settled.',
  'Relapse-prevention plan not finished yet; review again next week.',
];

export class CareWalker {
  readonly #states = new Map<string, CareState>();
  /** Episodes whose advance the director has held once; the next proposal is approved. */
  readonly #held = new Set<string>();
  /** Every patient's clinical course, by profile key. */
  readonly courses: ReadonlyMap<string, Course>;

  constructor(private readonly ctx: CareContext, private readonly patientById: (patientId: string) => Live | undefined) {
    const courses = planCourses(ctx.rng.fork('courses'), ctx.timeline);
    this.courses = courses;
    const overrides = overrideCases(ctx.timeline.patients, courses);
    for (const plan of ctx.timeline.patients) {
      const key = plan.profile.key;
      const r = ctx.rng.fork(`${key}|care`);
      const course = courses.get(key)!;
      const draftOn = weekdayOnOrAfter(addDays(plan.enteredOn, r.int(1, 4)));
      this.#states.set(key, {
        course,
        intake: intakePlan(r.fork('intake'), plan, course, overrides.get(key)),
        portal: null,
        last: new Map(),
        admission: null,
        latestPhq9: null,
        plan: null,
        draftOn,
        // A plan written in the last few days may still be a draft.
        draftOnly: daysBetween(draftOn, ctx.timeline.today) <= 2 && r.chance(0.5),
        forgetful: r.chance(0.12) && !plan.readyForStepDown && plan.severeMoodFrom === null,
        signOn: null,
        reviewOn: null,
        revise: false,
      });
    }
  }

  get stats(): CareStats {
    return this.ctx.stats;
  }

  /** API calls made by patients in the portal. */
  portalCalls(): number {
    return [...this.#states.values()].reduce((n, s) => n + (s.portal?.calls ?? 0), 0);
  }

  #state(p: Live): CareState {
    return this.#states.get(p.plan.profile.key)!;
  }

  /** Called when a PHQ-9 with item 9 above zero has been recorded (the critical alert is raised with it). */
  onCritical: ((p: Live) => void) | null = null;

  courseOf(p: Live): Course {
    return this.#state(p).course;
  }

  /** The patient's signed-in portal, once they have accepted the invitation. */
  portalOf(p: Live): DemoClient | null {
    return this.#state(p).portal;
  }

  #zone(p: Live): string {
    return this.ctx.world.facilities[p.facility].timeZone;
  }

  /** The day the patient is registered and screened: the screening day when it falls in Cairn's history, else the day the chart is entered. */
  registrationDay(p: Live): LocalDate {
    const { assessedOn } = this.#state(p).intake;
    return compareDates(assessedOn, this.ctx.timeline.historyStart) >= 0 && compareDates(assessedOn, p.plan.enteredOn) < 0 ? assessedOn : p.plan.enteredOn;
  }

  /** Intake screening of a registered patient: the placement decision and an AUDIT or DAST-10. */
  async screen(p: Live): Promise<void> {
    const s = this.#state(p);
    const { staff, programs } = this.ctx.world;
    const body = { programId: programs[p.program].id, dimensions: s.intake.dimensions, candidacy: s.intake.candidacy };
    const override = s.intake.override;
    // Overrides are the clinical director's call, made beside the live recommendation.
    const assessor = override ? staff.director.client : staff.admissions.client;
    let decision: Record<string, unknown> = { kind: 'accept' };
    if (override) {
      const recommendation = await assessor.post<{ levelCode: string }>(`/api/patients/${p.patientId}/intake-assessments/preview`, body);
      if (recommendation.levelCode !== override.placedLevel) decision = { kind: 'override', placedLevel: override.placedLevel, reason: override.reason };
    }
    await assessor.post(`/api/patients/${p.patientId}/intake-assessments`, { ...body, assessedOn: s.intake.assessedOn, decision });
    this.ctx.stats.intakeAssessments += 1;
    if (decision['kind'] === 'override') this.ctx.stats.overrides += 1;
    const at = new Date(Math.min(this.ctx.clock.now().getTime(), instantAt(s.intake.assessedOn, '10:15', this.#zone(p)).getTime()));
    await this.#give(p, staff.admissions.client, s.course.substance === 'alcohol' ? 'audit' : 'dast10', s.intake.assessedOn, at, false);
  }

  /** After admission: the portal invitation (accepted that evening) and the admission instruments (back-dated when the chart is entered after the admission day). */
  async admitted(p: Live): Promise<void> {
    const s = this.#state(p);
    const email = p.plan.profile.input['email'];
    const { staff } = this.ctx.world;
    if (typeof email === 'string') {
      const invitation = await staff.admissions.client.post<{ link: string }>(`/api/patients/${p.patientId}/portal-invite`, { email });
      this.#at(p, p.plan.enteredOn, PORTAL_TIME[p.track], async () => {
        const portal = new DemoClient(this.ctx.world.admin.app, `portal ${p.plan.profile.key}`, 'cairn_portal');
        await portal.post('/api/portal/accept', { token: decodeURIComponent(new URL(invitation.link).hash.replace(/^#token=/, '')), password: DEMO_PASSWORD });
        s.portal = portal;
        this.ctx.stats.portalAccounts += 1;
      });
    }
    const at = instantAt(p.plan.admittedOn, INSTRUMENT_TIME[p.track], this.#zone(p));
    const give = async (when: Date | undefined) => {
      for (const instrument of AT_ADMISSION) await this.#give(p, staff.nurse.client, instrument, p.plan.admittedOn, when, true);
    };
    if (at.getTime() <= this.ctx.clock.now().getTime()) await give(at);
    else this.ctx.push(at, () => give(undefined));
  }

  #at(p: Live, date: LocalDate, time: string, run: () => Promise<void>): void {
    this.ctx.push(instantAt(date, time, this.#zone(p)), run);
  }

  /** The day's clinical work at one facility (called before the day's events run). */
  day(date: LocalDate, facility: FacilityKey, live: readonly Live[]): void {
    const { timeline, world } = this.ctx;
    if (isoWeekday(date) === 1 && compareDates(date, timeline.thisWeek) < 0) {
      this.ctx.push(instantAt(date, '07:00', world.facilities[facility].timeZone), () => this.#reviewQueue(facility));
    }
    for (const p of live.filter((o) => o.facility === facility && o.status === 'active')) {
      const s = this.#state(p);
      const stopped = p.plan.stopsAttendingOn !== null && compareDates(date, p.plan.stopsAttendingOn) >= 0;
      if (stopped) continue;
      const active = () => p.status === 'active';
      if (p.plan.discharge?.on === date) {
        if (p.plan.discharge.aftercare) this.#at(p, date, INSTRUMENT_TIME[p.track], async () => {
          for (const instrument of AT_DISCHARGE) await this.#give(p, world.staff[p.clinician].client, instrument, date, undefined, true);
        });
        continue;
      }
      this.#instrumentsDue(p, s, date);
      if (date === s.draftOn) this.#at(p, date, DESK_TIME[facility], async () => { if (active()) await writePlan(this.ctx, p, s, date); });
      if (date === s.signOn) this.#at(p, date, PORTAL_TIME[p.track], async () => { if (active()) await patientSigns(this.ctx, p, s, date); });
      if (date === s.reviewOn) this.#at(p, date, DESK_TIME[facility], async () => { if (active()) await reviewPlan(this.ctx, p, s, date); });
      if (isoWeekday(date) === p.slot[0] && s.plan?.effectiveOn && compareDates(s.plan.effectiveOn, date) < 0) {
        const [h, m] = p.slot[1].split(':').map(Number) as [number, number];
        const after = `${String(h + 1).padStart(2, '0')}:${String(m + 5).padStart(2, '0')}`;
        this.#at(p, date, after, async () => { if (active()) await recordMeasurement(this.ctx, p, s, date); });
      }
    }
  }

  /** Periodic instruments on a track day: given by staff before group, in the portal that evening, or missed today. */
  #instrumentsDue(p: Live, s: CareState, date: LocalDate): void {
    if (!TRACK_DAYS[p.track].includes(isoWeekday(date))) return;
    const due = PERIODIC.filter(([instrument, every]) => {
      const last = s.last.get(instrument);
      return last !== undefined && daysBetween(last, date) >= every;
    }).map(([instrument]) => instrument);
    // Worse mood reported last week: the clinician gives an extra PHQ-9 (the one that reaches the severe band).
    const { lastWeek, thisWeek } = this.ctx.timeline;
    const phq = s.last.get('phq9');
    if (s.course.severeFrom && !due.includes('phq9') && compareDates(date, addDays(lastWeek, 1)) >= 0 && compareDates(date, thisWeek) < 0 && phq && compareDates(phq, lastWeek) < 0) due.push('phq9');
    if (due.length === 0) return;
    // Some patients' latest questionnaires slipped through the cracks: due or overdue today.
    if (s.forgetful && daysBetween(date, this.ctx.timeline.today) <= 8) return;
    const roll = this.ctx.rng.fork(`${p.plan.profile.key}|due|${date}`).next();
    const rising = s.course.severeFrom !== null && due.includes('phq9');
    if (roll < 0.2 && !rising) return;
    const staff = roll < 0.75 ? this.ctx.world.staff[p.clinician].client : this.ctx.world.staff.nurse.client;
    const byPortal = s.portal !== null && roll >= 0.2 && roll < 0.5 && !rising;
    const inPerson = byPortal ? due.filter((i) => i === 'bam') : due;
    if (inPerson.length) this.#at(p, date, INSTRUMENT_TIME[p.track], async () => {
      if (p.status !== 'active') return;
      for (const instrument of inPerson) await this.#give(p, staff, instrument, date, undefined, true);
    });
    if (byPortal) this.#at(p, date, PORTAL_TIME[p.track], async () => {
      if (p.status !== 'active') return;
      for (const instrument of due.filter((i) => i !== 'bam')) await this.#give(p, 'portal', instrument, date, undefined, true);
    });
  }

  #answers(p: Live, s: CareState, instrument: InstrumentId, on: LocalDate): Answer[] {
    const r = this.ctx.rng.fork(`${p.plan.profile.key}|${instrument}|${on}`);
    const admittedOn = p.plan.admittedOn;
    const day = daysBetween(admittedOn, on);
    switch (instrument) {
      case 'phq9': {
        const total = scoreOn(r, s.course, 'phq9', admittedOn, on);
        if (day === 0) s.admission = { phq9: total, gad7: s.admission?.gad7 ?? s.course.gad7.base };
        s.latestPhq9 = total;
        return phq9Answers(r, total, day === 0 && s.course.item9AtAdmission);
      }
      case 'gad7': {
        const total = scoreOn(r, s.course, 'gad7', admittedOn, on);
        if (day === 0) s.admission = { phq9: s.admission?.phq9 ?? s.course.phq9.base, gad7: total };
        return gad7Answers(r, total);
      }
      case 'bam':
        return bamAnswers(r, s.course, Math.max(0, day), s.latestPhq9 ?? s.course.phq9.base);
      case 'cssrs_screener':
        return cssrsAnswers(s.course.cssrsLowRisk);
      case 'audit':
      case 'audit_c':
        return auditAnswers(r);
      case 'dast10':
        return dast10Answers(r);
    }
  }

  /** One administration: staff enter it (back-dated when `at` is given) or the patient submits it in the portal. */
  async #give(p: Live, by: DemoClient | 'portal', instrument: InstrumentId, on: LocalDate, at: Date | undefined, inEpisode: boolean): Promise<void> {
    const s = this.#state(p);
    const answers = this.#answers(p, s, instrument, on);
    if (by === 'portal') {
      await s.portal!.post('/api/portal/questionnaires', { instrument, episodeId: p.episodeId, answers });
      this.ctx.stats.portalResponses += 1;
    } else {
      await by.post(`/api/patients/${p.patientId}/instrument-responses`, {
        instrument, answers, ...(at ? { administeredAt: at.toISOString() } : {}), ...(inEpisode ? { episodeId: p.episodeId } : {}),
      });
    }
    this.ctx.stats.instrumentResponses += 1;
    s.last.set(instrument, on);
    if (instrument === 'phq9' && Number(answers[8]) > 0) this.onCritical?.(p);
  }

  /** Monday morning: the clinical director decides last week's proposals (a few advances are held a week). */
  async #reviewQueue(facility: FacilityKey): Promise<void> {
    const director = this.ctx.world.staff.director.client;
    const queue = await director.get<StepDownQueue>(`/api/facilities/${this.ctx.world.facilities[facility].id}/step-down-queue`);
    for (const item of queue.items) {
      const p = this.patientById(item.patientId);
      const { direction } = item.evaluation;
      if (!p || !direction) continue;
      const r = this.ctx.rng.fork(`${p.plan.profile.key}|stepdown|${queue.weekStart}`);
      const hold = direction === 'advance' && !this.#held.has(item.episodeId) && r.chance(0.08);
      const decline = direction === 'complete' || hold;
      if (hold) this.#held.add(item.episodeId);
      const reason = direction === 'complete'
        ? 'Finishing the planned length of stay first; discharge with the aftercare plan is booked.'
        : hold ? DECLINE_REASONS[this.#held.size % DECLINE_REASONS.length]! : direction === 'intensify' ? 'More structure while the mood is worse; psychiatry consult requested.' : null;
      const result = await director.post<DecisionResult>(`/api/episodes/${item.episodeId}/step-down/decisions`, {
        weekStart: item.evaluation.weekStart, direction, decision: decline ? 'declined' : 'approved', ...(reason ? { reason } : {}),
      });
      if (decline) {
        this.ctx.stats.stepDownDeclined += 1;
      } else {
        this.ctx.stats.stepDownApproved += 1;
        p.phaseIndex = Math.max(0, this.ctx.world.programs[p.program].phaseIds.indexOf(result.episode.phaseId));
      }
    }
  }

  /** At the end of the walk: a longer stay for the active patient closest to the expected discharge. */
  async finish(live: readonly Live[]): Promise<void> {
    const { today } = this.ctx.timeline;
    const expected = (p: Live) => addDays(p.plan.admittedOn, PROGRAMS[p.program].expectedLengthOfStayDays);
    const near = live
      .filter((p) => p.status === 'active' && daysBetween(today, expected(p)) <= 10)
      .sort((a, b) => compareDates(expected(a), expected(b)))[0];
    if (!near) return;
    await this.ctx.world.staff[near.clinician].client.post(`/api/episodes/${near.episodeId}/extend-stay`, {
      newExpectedOn: addDays(expected(near), 21),
      reason: 'Two weeks lost to a family emergency in the second month; three more weeks to meet the phase criteria and start outpatient care with the referral in place.',
    });
    this.ctx.stats.stayExtensions += 1;
  }
}
