/**
 * Drug testing in the demo, through the API: each program's random-testing policy (once a
 * week on average, Monday to Friday, urine, clinical panel); the morning draw at each
 * facility; the front desk's list and the specimen collected when the patient arrives (a
 * couple read cold and are recollected under observation); Hartford's specimens go to the
 * laboratory with the evening courier and come back the next day, typed in or (once) as the
 * lab's HL7 message; Pasadena reads cups at the desk and sends positives for confirmation;
 * the nurse signs results each weekday morning. For-cause tests follow a reported lapse;
 * one is refused and nobody follows the alert up.
 */
import type { TodayList } from '../drugtests/drug-test-collection.schemas.ts';
import type { Hl7ImportResponse, ResultsResponse } from '../drugtests/drug-test-results.schemas.ts';
import { PANELS } from '../drugtests/panels.ts';
import { catalogEntryFor } from '../medications/catalog.ts';
import { type LocalDate, addDays, compareDates, instantAt, isoWeekday, localDateOf } from '../time/local-time.ts';
import type { DemoClient } from './client.ts';
import { drawDemoSelection } from './demo-draws.ts';
import { type SpecimenFindings, type SpecimenValidityPlan, confirmationReadings, cupReadings, labReadings, oruMessage, unexpectedUse, validityMeasures } from './drug-test-course.ts';
import { type MonitoringContext, after, isWeekday, nextWeekdayAt } from './monitoring-context.ts';
import type { MedicationPlan } from './monitoring-plan.ts';
import { FRONT_DESK, type FacilityKey, TRACK_DAYS } from './organization.ts';
import type { Live } from './seed-days.ts';

export const DEMO_DRUG_TEST_POLICY = { active: true, testsPerWeek: 1, eligibleWeekdays: [1, 2, 3, 4, 5], specimenTypes: ['urine'], panelId: 'clinical_12' } as const;

const PANEL = PANELS['clinical_12']!;

/** How each facility handles specimens. */
const SITE: Record<FacilityKey, { prefix: string; method: 'lab' | 'cup'; listAt: string; dayEnd: string; orderAt: string }> = {
  hartford: { prefix: 'HH', method: 'lab', listAt: '07:30', dayEnd: '21:40', orderAt: '08:20' },
  pasadena: { prefix: 'MV', method: 'cup', listAt: '14:45', dayEnd: '19:10', orderAt: '13:30' },
};

const LAB = 'Northeast Toxicology';
const COURIER = `${LAB} courier`;
/** The n-th random collection reads cold (out of range) and is recollected under observation. */
const COLD_COLLECTIONS: readonly [number, number][] = [[9, 31.2], [47, 30.6]];
/** The n-th laboratory result is dilute / substituted. */
const DILUTE_RESULT = 12;
const SUBSTITUTED_RESULT = 40;

type State = 'pending' | 'collecting' | 'collected' | 'sent' | 'confirming' | 'resulted' | 'reviewed' | 'closed';

interface Tracked {
  readonly testId: string;
  readonly p: Live;
  readonly facility: FacilityKey;
  readonly date: LocalDate;
  readonly reason: 'random' | 'for_cause';
  readonly mrn: string;
  state: State;
  specimenId?: string;
  collectedAt?: Date;
  sentAt?: Date;
  findings?: SpecimenFindings;
  resultedAt?: Date;
}

export class DrugTestDesk {
  readonly #tests = new Map<string, Tracked>();
  /** Tests whose alert nobody picks up (it falls overdue and escalates). */
  readonly overlooked = new Set<string>();
  /** Patients with an unexpected or untrustworthy result: their collections are observed from then on. */
  readonly #flagged = new Set<string>();
  readonly #resultsOf = new Map<string, number>();
  #specimens = 0;
  #randomCollections = 0;
  #labResults = 0;
  #hl7Sent = false;

  constructor(private readonly ctx: MonitoringContext) {}

  #zone(facility: FacilityKey): string {
    return this.ctx.world.facilities[facility].timeZone;
  }

  #desk(facility: FacilityKey): DemoClient {
    return this.ctx.world.staff[FRONT_DESK[facility]].client;
  }

  get #nurse(): DemoClient {
    return this.ctx.world.staff.nurse.client;
  }

  /** Every program tests at random once a week on average, Monday to Friday, urine on the clinical panel. */
  async setPolicies(): Promise<void> {
    for (const program of Object.values(this.ctx.world.programs)) {
      await this.ctx.world.staff.director.client.put(`/api/programs/${program.id}/drug-test-policy`, { ...DEMO_DRUG_TEST_POLICY, eligibleWeekdays: [...DEMO_DRUG_TEST_POLICY.eligibleWeekdays], specimenTypes: [...DEMO_DRUG_TEST_POLICY.specimenTypes] });
    }
  }

  /** The day's testing work at one facility. */
  day(date: LocalDate, facility: FacilityKey, live: readonly Live[]): void {
    const zone = this.#zone(facility);
    const at = (time: string) => instantAt(date, time, zone);
    const push = this.ctx.push;
    push(at('05:30'), () => this.#select(facility, date));
    if (isWeekday(date)) {
      push(at('08:40'), () => this.#reviewRound(facility));
      push(at(SITE[facility].listAt), () => this.#readList(facility, date));
      push(at(SITE[facility].dayEnd), () => this.#closeDay(facility, date));
      if (SITE[facility].method === 'lab') {
        push(at('11:00'), () => this.#labResultsIn(facility));
        push(at('16:30'), () => this.#courier(facility));
      }
    }
    const { plan, timeline } = this.ctx;
    for (const p of live.filter((o) => o.facility === facility)) {
      const lapse = plan.lapses.get(p.plan.profile.key);
      if (lapse && addDays(lapse, 2) === date) {
        const substance = this.ctx.care.courseOf(p).substance;
        push(at(SITE[facility].orderAt), async () => {
          await this.#orderForCause(p, `Reported ${substance === 'opioids' ? 'fentanyl' : substance} use on Saturday at Sunday's check-in; test today per the treatment agreement.`, p.clinician);
        });
      }
      if (plan.refusal?.patientKey === p.plan.profile.key && plan.refusal.on === date) {
        push(at('09:40'), async () => {
          const test = await this.#orderForCause(p, 'Smelled of alcohol at the morning check-in; test before group.', p.clinician);
          if (test) this.ctx.push(after(this.ctx.clock.now(), 15), () => this.#refuse(test));
        });
      }
    }
    if (date === timeline.today && facility === 'hartford') {
      const morning = at('08:15');
      const when = new Date(Math.min(morning.getTime(), this.ctx.now.getTime() - 5 * 60_000));
      push(localDateOf(when, zone) === date ? when : this.ctx.now, () => this.#orderToday(facility, date, live));
    }
  }

  /** The patient arrived for a session: a pending test is collected a few minutes later. */
  arrived(p: Live, date: LocalDate, at: Date): void {
    for (const t of this.#tests.values()) {
      if (t.p !== p || t.date !== date || t.state !== 'pending') continue;
      t.state = 'collecting';
      const r = this.ctx.rng.fork(`${p.plan.profile.key}|collect-at|${date}|${t.reason}`);
      this.ctx.push(after(at, r.int(3, 12)), () => this.#collect(t));
    }
  }

  /** The day's draw, unless it has run. */
  drawToday(facility: FacilityKey, date: LocalDate): Promise<void> {
    return this.#select(facility, date);
  }

  async #select(facility: FacilityKey, date: LocalDate): Promise<void> {
    const { deps, orgId, clock, rng } = this.ctx;
    const keyOf = (patientId: string) => this.ctx.patientById(patientId)?.plan.profile.key ?? patientId;
    const result = await deps.db.transaction().execute((trx) => drawDemoSelection(trx, {
      orgId, facilityId: this.ctx.world.facilities[facility].id, date, now: clock.now(), drawFor: (patientId) => rng.fork(`${keyOf(patientId)}|draw|${date}`).next(),
    }));
    this.ctx.stats.randomSelected += result.ran ? result.selectedCount : 0;
  }

  #track(summary: { testId: string; patient: { patientId: string; mrn: string }; reason: string; selectedOn: string }, facility: FacilityKey): Tracked | undefined {
    const existing = this.#tests.get(summary.testId);
    if (existing) return existing;
    const p = this.ctx.patientById(summary.patient.patientId);
    if (!p) return undefined;
    const t: Tracked = { testId: summary.testId, p, facility, date: summary.selectedOn, reason: summary.reason === 'random' ? 'random' : 'for_cause', mrn: summary.patient.mrn, state: 'pending' };
    this.#tests.set(t.testId, t);
    return t;
  }

  /** The front desk opens today's list before the first session. */
  async #readList(facility: FacilityKey, date: LocalDate): Promise<void> {
    const list = await this.#desk(facility).get<TodayList>(`/api/facilities/${this.ctx.world.facilities[facility].id}/drug-tests/today`);
    for (const test of list.tests) if (test.status === 'pending' && test.selectedOn === date) this.#track(test, facility);
  }

  async #orderForCause(p: Live, reasonNote: string, by: keyof MonitoringContext['world']['staff']): Promise<Tracked | undefined> {
    if (p.status !== 'active') return undefined;
    const summary = await this.ctx.world.staff[by].client.post<{ testId: string; patient: { patientId: string; mrn: string }; reason: string; selectedOn: string }>(
      `/api/patients/${p.patientId}/drug-tests`, { facilityId: this.ctx.world.facilities[p.facility].id, reasonNote },
    );
    this.ctx.stats.forCauseOrdered += 1;
    return this.#track(summary, p.facility);
  }

  /** Today: a clinician asks for a test of a patient with a session today (the collector's list is never empty when the demo opens). */
  async #orderToday(facility: FacilityKey, date: LocalDate, live: readonly Live[]): Promise<void> {
    const here = live.filter((p) => p.facility === facility && p.status === 'active' && compareDates(p.plan.admittedOn, date) < 0).sort((a, b) => a.plan.profile.key.localeCompare(b.plan.profile.key));
    const p = here.find((o) => TRACK_DAYS[o.track].includes(isoWeekday(date)) && o.plan.profile.key !== this.ctx.plan.refusal?.patientKey) ?? here[0];
    if (p) await this.#orderForCause(p, 'Strong cravings and the loss of a job reported at yesterday’s individual session; test today per the treatment agreement.', p.clinician);
  }

  async #refuse(t: Tracked): Promise<void> {
    if (t.state !== 'pending') return;
    await this.#desk(t.facility).post(`/api/drug-tests/${t.testId}/refusal`, { note: 'Declined to give a specimen and left before group; said they would come back tomorrow.' });
    t.state = 'closed';
    this.overlooked.add(t.testId);
    this.ctx.stats.refused += 1;
  }

  #findings(t: Tracked): SpecimenFindings {
    const key = t.p.plan.profile.key;
    const course = this.ctx.care.courseOf(t.p);
    const meds = (this.ctx.plan.medications.get(key) ?? []).filter((m) => compareDates(m.startedOn, t.date) <= 0);
    const analytesOf = (m: MedicationPlan): readonly string[] => m.expectedAnalytes ?? catalogEntryFor(m.name)?.expectedAnalytes ?? [];
    const expected = [...new Set(meds.flatMap(analytesOf))].sort();
    const r = this.ctx.rng.fork(`${key}|use|${t.date}|${t.reason}`);
    const lapse = this.ctx.plan.lapses.get(key) ?? null;
    const positives = unexpectedUse(r, { substance: course.substance, reliability: t.p.plan.profile.reliability, teen: t.p.program === 'adolescent', admittedOn: t.p.plan.admittedOn, date: t.date, lapse })
      .filter((a) => !expected.includes(a));
    const count = (this.#resultsOf.get(key) ?? 0) + 1;
    this.#resultsOf.set(key, count);
    const missing = this.ctx.plan.diversion === key && count === 3 ? expected.filter((a) => a === 'buprenorphine') : [];
    return { expected, positives, missing, validity: 'valid' };
  }

  async #collect(t: Tracked): Promise<void> {
    if (t.state !== 'collecting' || t.p.status !== 'active') return;
    const key = t.p.plan.profile.key;
    const r = this.ctx.rng.fork(`${key}|collect|${t.date}|${t.reason}`);
    const n = ++this.#specimens;
    const specimenId = `${SITE[t.facility].prefix}-${t.date.slice(2).replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
    const cold = t.reason === 'random' ? COLD_COLLECTIONS.find(([k]) => k === ++this.#randomCollections) : undefined;
    const observed = t.reason === 'for_cause' || this.#flagged.has(key) || r.chance(0.15);
    const temperatureC = cold ? cold[1] : r.int(330, 366) / 10;
    await this.#desk(t.facility).post(`/api/drug-tests/${t.testId}/collection`, {
      specimenId, observed, temperatureC, ...(cold ? { note: `Read ${cold[1]} °C within 4 minutes: out of range. Recollection under direct observation ordered.` } : {}),
    });
    t.state = 'collected';
    t.specimenId = specimenId;
    t.collectedAt = this.ctx.clock.now();
    t.findings = this.#findings(t);
    this.ctx.stats.collected += 1;
    if (SITE[t.facility].method === 'cup') this.ctx.push(after(t.collectedAt, 8), () => this.#readCup(t));
    if (cold) {
      this.ctx.stats.temperatureOutOfRange += 1;
      this.#flagged.add(key);
      const recollect = await this.#orderForCause(t.p, `Recollection under direct observation: the first specimen (${specimenId}) read ${cold[1]} °C.`, 'nurse');
      if (recollect) {
        recollect.state = 'collecting';
        this.ctx.push(after(this.ctx.clock.now(), 12), () => this.#collect(recollect));
      }
    }
  }

  /** Pasadena: the cup read at the desk; an unexpected positive goes to the lab for confirmation. */
  async #readCup(t: Tracked): Promise<void> {
    const findings = t.findings!;
    const r = this.ctx.rng.fork(`${t.p.plan.profile.key}|cup|${t.date}|${t.reason}`);
    const response = await this.#nurse.post<ResultsResponse>(`/api/drug-tests/${t.testId}/results`, { validity: validityMeasures(r, 'valid'), readings: cupReadings(PANEL, findings) });
    this.#resulted(t, response.outcome);
    if (findings.positives.length > 0) {
      t.state = 'confirming';
      await this.#nurse.post(`/api/drug-tests/${t.testId}/custody`, { event: 'sent_to_lab', party: COURIER, note: 'Positive cup sent for LC-MS/MS confirmation.' });
      this.ctx.push(nextWeekdayAt(after(this.ctx.clock.now(), 36 * 60), '11:00', this.#zone(t.facility)), () => this.#confirm(t));
    }
  }

  async #confirm(t: Tracked): Promise<void> {
    const r = this.ctx.rng.fork(`${t.p.plan.profile.key}|confirm|${t.date}|${t.reason}`);
    const response = await this.#nurse.post<ResultsResponse>(`/api/drug-tests/${t.testId}/results`, { readings: confirmationReadings(r, PANEL, t.findings!) });
    this.#resulted(t, response.outcome);
  }

  /** Hartford: the evening courier takes the day's specimens to the laboratory. */
  async #courier(facility: FacilityKey): Promise<void> {
    const now = this.ctx.clock.now();
    for (const t of this.#tests.values()) {
      if (t.facility !== facility || t.state !== 'collected' || !t.collectedAt || t.collectedAt > now) continue;
      await this.#nurse.post(`/api/drug-tests/${t.testId}/custody`, { event: 'sent_to_lab', party: COURIER });
      t.state = 'sent';
      t.sentAt = now;
    }
  }

  /** Hartford: the laboratory's reports of specimens picked up the day before, typed in (one arrives as HL7). */
  async #labResultsIn(facility: FacilityKey): Promise<void> {
    const now = this.ctx.clock.now();
    for (const t of this.#tests.values()) {
      if (t.facility !== facility || t.state !== 'sent' || !t.sentAt || now.getTime() - t.sentAt.getTime() < 15 * 3_600_000) continue;
      const n = ++this.#labResults;
      const validity: SpecimenValidityPlan = n === DILUTE_RESULT ? 'dilute' : n === SUBSTITUTED_RESULT ? 'substituted' : 'valid';
      t.findings = { ...t.findings!, validity };
      const r = this.ctx.rng.fork(`${t.p.plan.profile.key}|lab|${t.date}|${t.reason}`);
      const measures = validityMeasures(r, validity);
      const readings = labReadings(r, PANEL, t.findings);
      if (!this.#hl7Sent && compareDates(t.date, addDays(this.ctx.timeline.thisWeek, -14)) >= 0) {
        this.#hl7Sent = true;
        const input = t.p.plan.profile.input;
        const message = oruMessage({
          controlId: `NETOX${t.date.replace(/-/g, '')}${String(n).padStart(4, '0')}`, mrn: t.mrn, familyName: String(input['legalFamilyName']), givenName: String(input['legalGivenName']),
          dateOfBirth: String(input['dateOfBirth']), specimenId: t.specimenId!, accession: `NT${String(700_000 + n)}`, collectedAt: t.collectedAt!, receivedAt: after(t.sentAt, 180),
          reportedAt: after(now, -20), validity: measures, readings, panel: PANEL,
        });
        const imported = await this.#nurse.post<Hl7ImportResponse>('/api/drug-tests/hl7', { message });
        this.ctx.stats.hl7Imports += 1;
        this.#resulted(t, imported.outcome);
        continue;
      }
      const response = await this.#nurse.post<ResultsResponse>(`/api/drug-tests/${t.testId}/results`, { validity: measures, readings });
      this.#resulted(t, response.outcome);
    }
  }

  #resulted(t: Tracked, outcome: string | null): void {
    t.state = 'resulted';
    t.resultedAt = this.ctx.clock.now();
    if (outcome && outcome !== 'negative' && outcome !== 'expected_only') this.#flagged.add(t.p.plan.profile.key);
    this.ctx.stats.resulted += 1;
  }

  /** Weekday mornings the nurse signs yesterday's results (today's wait for tomorrow). */
  async #reviewRound(facility: FacilityKey): Promise<void> {
    const now = this.ctx.clock.now();
    for (const t of this.#tests.values()) {
      if (t.facility !== facility || t.state !== 'resulted' || !t.resultedAt || now.getTime() - t.resultedAt.getTime() < 10 * 3_600_000) continue;
      const note = reviewNote(t.findings!);
      await this.#nurse.post(`/api/drug-tests/${t.testId}/review`, note ? { note } : {});
      t.state = 'reviewed';
      this.ctx.stats.reviewed += 1;
    }
  }

  /** Tests nobody could collect today: the patient did not come. */
  async #closeDay(facility: FacilityKey, date: LocalDate): Promise<void> {
    for (const t of this.#tests.values()) {
      if (t.facility !== facility || t.date !== date || t.state !== 'pending') continue;
      await this.#desk(facility).post(`/api/drug-tests/${t.testId}/not-collected`, { reason: t.p.status === 'active' ? 'Patient did not attend today.' : 'Patient discharged.' });
      t.state = 'closed';
      this.ctx.stats.notCollected += 1;
    }
  }

  /** Tests still waiting on the lab or the nurse at the end (for the summary). */
  get openCount(): number {
    return [...this.#tests.values()].filter((t) => ['collected', 'sent', 'confirming', 'resulted'].includes(t.state)).length;
  }
}

const NAMES: Record<string, string> = { etg: 'alcohol (EtG)', fentanyl: 'fentanyl', cocaine: 'cocaine', thc: 'cannabis (THC)', amphetamines: 'amphetamine', buprenorphine: 'buprenorphine' };

function reviewNote(f: SpecimenFindings): string | null {
  if (f.validity === 'substituted') return 'Substituted specimen per the laboratory (creatinine under 2 mg/dL, specific gravity 1.0006). Discussed with the clinical director: future collections observed.';
  if (f.validity === 'dilute') return 'Dilute specimen: recollect a first-morning specimen under observation at the next visit. No analyte detected.';
  if (f.missing.length > 0) return 'Buprenorphine not detected despite the daily prescription: possible diversion or missed doses. Prescriber and primary clinician informed; pill count and observed dosing discussed.';
  if (f.positives.length > 0) return `Unexpected ${f.positives.map((a) => NAMES[a] ?? a).join(', ')} confirmed. Primary clinician informed; relapse-prevention plan to be updated.`;
  if (f.expected.length > 0) return `Expected ${f.expected.map((a) => NAMES[a] ?? a).join(', ')} only: consistent with the prescription.`;
  return null;
}

